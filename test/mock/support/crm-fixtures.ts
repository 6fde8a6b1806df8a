/**
 * One object of every kind the API serves by ID, created in one organization through the API
 * (and, for meetings, which Close only syncs from calendars, through the service), keyed by the
 * item route that serves it (`/api/v1/lead/:id/` → a lead ID). Tests that walk the route catalog
 * use it to call every item route with a real ID: another tenant's (isolation) or their own with
 * a broken request (bad input must change nothing).
 */
import type { FastifyInstance } from 'fastify';
import { send, startReceiver, type Answer, type Receiver } from './mock-harness.js';

export type Fixtures = {
  /** Item route template (as in the route catalog) → the ID of this organization's object. */
  ids: Record<string, string>;
  /** Names and text of the objects, to look for in other tenants' answers. */
  names: string[];
  receiver: Receiver;
};

/** `/api/v1/lead/:id/` → the ID fixtures hold for it, if any. */
export function fixtureId(fixtures: Fixtures, routeUrl: string): string | undefined {
  return fixtures.ids[routeUrl];
}

export async function createOneOfEach(
  app: FastifyInstance,
  baseUrl: string,
  tenant: { organizationId: string; userId: string; key: string; keyId: string },
  tag: string,
): Promise<Fixtures> {
  const authorization = `Basic ${Buffer.from(`${tenant.key}:`).toString('base64')}`;
  const call = async <T = { id: string }>(method: string, url: string, payload?: unknown) => {
    const answer: Answer = await send(baseUrl, {
      method,
      url: `/api/v1${url}`,
      headers: { authorization },
      ...(payload !== undefined && { payload }),
    });
    if (answer.statusCode >= 300) {
      throw new Error(`${method} ${url} → ${answer.statusCode} ${answer.body}`);
    }
    return answer.json<T>();
  };
  const names: string[] = [];
  const named = (what: string) => {
    const name = `${tag} ${what}`;
    names.push(name);
    return name;
  };

  const leadField = await call('POST', '/custom_field/lead/', {
    name: named('Lead field'),
    type: 'text',
  });
  const contactField = await call('POST', '/custom_field/contact/', {
    name: named('Contact field'),
    type: 'text',
  });
  const opportunityField = await call('POST', '/custom_field/opportunity/', {
    name: named('Opportunity field'),
    type: 'text',
  });
  const leadStatus = await call('POST', '/status/lead/', { label: named('Lead status') });
  const pipeline = await call('POST', '/pipeline/', { name: named('Pipeline') });
  const opportunityStatus = await call('POST', '/status/opportunity/', {
    label: named('Won status'),
    type: 'won',
    pipeline_id: pipeline.id,
  });
  const activeStatus = await call('POST', '/status/opportunity/', {
    label: named('Active status'),
    type: 'active',
    pipeline_id: pipeline.id,
  });
  const lead = await call<{ id: string; contacts: { id: string }[] }>('POST', '/lead/', {
    name: named('Lead'),
    description: named('Lead description'),
    addresses: [{ city: named('City') }],
    contacts: [{ name: named('Embedded contact'), emails: [{ email: `${tag}@example.com` }] }],
    [`custom.${leadField.id}`]: named('Lead custom value'),
  });
  const contact = await call('POST', '/contact/', {
    lead_id: lead.id,
    name: named('Contact'),
    [`custom.${contactField.id}`]: named('Contact custom value'),
  });
  const opportunity = await call('POST', '/opportunity/', {
    lead_id: lead.id,
    status_id: activeStatus.id,
    note: named('Opportunity note'),
    value: 100_000,
    [`custom.${opportunityField.id}`]: named('Opportunity custom value'),
  });
  // Status changes and a completed task make Close's own activities.
  await call('PUT', `/lead/${lead.id}/`, { status_id: leadStatus.id });
  await call('PUT', `/opportunity/${opportunity.id}/`, { status_id: opportunityStatus.id });
  const task = await call('POST', '/task/', { lead_id: lead.id, text: named('Task') });
  await call('PUT', `/task/${task.id}/`, { is_complete: true });
  const note = await call('POST', '/activity/note/', { lead_id: lead.id, note: named('Note') });
  const callActivity = await call('POST', '/activity/call/', {
    lead_id: lead.id,
    note: named('Call note'),
    direction: 'outbound',
  });
  const email = await call('POST', '/activity/email/', {
    lead_id: lead.id,
    status: 'sent',
    subject: named('Email subject'),
    body_text: named('Email body'),
  });
  const meeting = app.services.crm.activities.create(
    {
      organizationId: tenant.organizationId,
      actor: { userId: tenant.userId, apiKeyId: tenant.keyId },
    },
    'Meeting',
    { lead_id: lead.id, title: named('Meeting') },
  );
  const savedSearch = await call('POST', '/saved_search/', {
    name: named('Smart view'),
    query: `"${tag}"`,
  });
  const membership = await call('POST', '/membership/', {
    email: `member-${tag.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.com`,
    role_id: 'user',
    first_name: named('Member'),
  });
  const activity = (path: string, type: string) =>
    call<{ data: { id: string }[] }>('GET', `/activity/${path}/?lead_id=${lead.id}`).then(
      (page) => {
        const id = page.data[0]?.id;
        if (!id) throw new Error(`no ${type} activity on the fixture lead`);
        return id;
      },
    );
  const events = await call<{ data: { id: string }[] }>('GET', `/event/?lead_id=${lead.id}`);
  // Last, so that no fixture's own events are delivered to it.
  const receiver = await startReceiver();
  const webhook = await call('POST', '/webhook/', {
    url: receiver.url,
    events: [{ object_type: 'lead', action: 'created' }],
  });

  const ids: Record<string, string> = {
    '/api/v1/lead/:id/': lead.id,
    '/api/v1/contact/:id/': contact.id,
    '/api/v1/opportunity/:id/': opportunity.id,
    '/api/v1/task/:id/': task.id,
    '/api/v1/activity/note/:id/': note.id,
    '/api/v1/activity/call/:id/': callActivity.id,
    '/api/v1/activity/email/:id/': email.id,
    '/api/v1/activity/meeting/:id/': meeting.id,
    '/api/v1/activity/status_change/lead/:id/': await activity(
      'status_change/lead',
      'LeadStatusChange',
    ),
    '/api/v1/activity/status_change/opportunity/:id/': await activity(
      'status_change/opportunity',
      'OpportunityStatusChange',
    ),
    '/api/v1/activity/task_completed/:id/': await activity('task_completed', 'TaskCompleted'),
    '/api/v1/status/lead/:id/': leadStatus.id,
    '/api/v1/status/opportunity/:id/': opportunityStatus.id,
    '/api/v1/pipeline/:id/': pipeline.id,
    '/api/v1/custom_field/lead/:id/': leadField.id,
    '/api/v1/custom_field/contact/:id/': contactField.id,
    '/api/v1/custom_field/opportunity/:id/': opportunityField.id,
    '/api/v1/saved_search/:id/': savedSearch.id,
    '/api/v1/webhook/:id/': webhook.id,
    '/api/v1/user/:id/': tenant.userId,
    '/api/v1/membership/:id/': membership.id,
    '/api/v1/event/:id/': events.data[0]?.id ?? '',
    '/_mock/keys/:id': tenant.keyId,
    '/_mock/webhooks/:id/deliveries': webhook.id,
  };
  return { ids, names, receiver };
}
