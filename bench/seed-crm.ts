/**
 * Seeds a mock server through the Close API, as a client would: leads with a contact each, some
 * opportunities (a share of them won or lost), tasks (a share completed), notes and calls, lead
 * status changes and a smart view. Concurrent requests with got; what is created is deterministic
 * in kind and count, not in ids.
 */
import got, { type Got } from 'got';
import { z } from 'zod';

export type SeedCounts = {
  leads: number;
  opportunities: number;
  tasks: number;
  activities: number;
  statusChanges: number;
};

export type Seeded = { smartViewId: string; counts: SeedCounts };

const idList = z.object({ data: z.array(z.looseObject({ id: z.string(), label: z.string() })) });
const withId = z.looseObject({ id: z.string() });

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at once. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export async function seedThroughApi(
  baseUrl: string,
  apiKey: string,
  counts: SeedCounts,
  concurrency = 16,
): Promise<Seeded> {
  const api: Got = got.extend({
    prefixUrl: `${baseUrl}/api/v1/`,
    headers: { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}` },
    retry: { limit: 2 },
  });
  const post = async (path: string, json: Record<string, unknown>) =>
    withId.parse(await api.post(path, { json }).json());
  const leadStatuses = idList.parse(await api.get('status/lead/').json()).data;
  const opportunityStatuses = idList.parse(await api.get('status/opportunity/').json()).data;
  const statusId = (list: { id: string; label: string }[], label: string) =>
    list.find((status) => status.label === label)?.id ?? list[0]?.id ?? '';

  const leadIds: string[] = [];
  await pool(counts.leads, concurrency, async (i) => {
    const lead = await post('lead/', {
      name: `Company ${i}`,
      description: `Seeded lead number ${i}`,
      url: `https://company-${i}.example`,
      contacts: [
        {
          name: `Person ${i}`,
          title: 'Buyer',
          emails: [{ email: `person${i}@company-${i}.example`, type: 'office' }],
          phones: [{ phone: `+1650555${String(i % 10_000).padStart(4, '0')}`, type: 'office' }],
        },
      ],
      addresses: [{ label: 'business', city: 'Austin', state: 'TX', country: 'US' }],
    });
    leadIds[i] = lead.id;
  });
  const leadAt = (i: number) => leadIds[i % leadIds.length] ?? '';

  await pool(counts.opportunities, concurrency, async (i) => {
    const opportunity = await post('opportunity/', {
      lead_id: leadAt(i * 7),
      value: 100_000 + i * 100,
      value_period: 'one_time',
      note: `Deal ${i}`,
    });
    if (i % 3 !== 0) return;
    const label = i % 2 === 0 ? 'Won' : 'Lost';
    await api.put(`opportunity/${opportunity.id}/`, {
      json: { status_id: statusId(opportunityStatuses, label) },
    });
  });
  await pool(counts.tasks, concurrency, async (i) => {
    const task = await post('task/', {
      lead_id: leadAt(i * 11),
      text: `Follow up ${i}`,
      date: '2026-06-01',
    });
    if (i % 4 === 0) await api.put(`task/${task.id}/`, { json: { is_complete: true } });
  });
  await pool(counts.activities, concurrency, async (i) => {
    if (i % 2 === 0) await post('activity/note/', { lead_id: leadAt(i * 13), note: `Note ${i}` });
    else
      await post('activity/call/', {
        lead_id: leadAt(i * 13),
        direction: 'outbound',
        duration: 60 + i,
        note: `Call ${i}`,
      });
  });
  await pool(counts.statusChanges, concurrency, async (i) => {
    const label = i % 2 === 0 ? 'Qualified' : 'Customer';
    await api.put(`lead/${leadAt(i * 17)}/`, {
      json: { status_id: statusId(leadStatuses, label) },
    });
  });
  const view = await post('saved_search/', {
    name: 'Qualified leads',
    query: 'status:"Qualified"',
  });
  return { smartViewId: view.id, counts };
}
