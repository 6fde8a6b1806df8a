/**
 * Benchmark of the demo seed's bulk path and of the lists over its data:
 *   npm run build && node --no-warnings=ExperimentalWarning dist/bench/seed.js [leads] [db path]
 * Prints how long seeding took and how long typical list and search calls take on the result.
 */
import { Crm } from '../mock/services/crm.js';
import { EventService } from '../mock/services/events.js';
import { LEAD_LIST } from '../mock/services/leads.js';
import { listQuerySchema } from '../mock/services/listing.js';
import { contactPointQuery } from '../mock/services/search-query.js';
import { seedDemo } from '../mock/services/seed.js';
import { TenancyService } from '../mock/services/tenancy.js';
import { openDatabase } from '../mock/store/db.js';

const leads = Number(process.argv[2] ?? 100_000);
const db = openDatabase(process.argv[3] ?? ':memory:');
const tenancy = new TenancyService(db);
const crm = new Crm(db, new EventService(db), tenancy);
tenancy.onOrganizationCreated((organization) =>
  crm.statuses.ensureDefaults(organization.id, organization.date_created),
);
const { organization } = tenancy.ensureDefaultTenant();

const cpu = process.cpuUsage();
const summary = seedDemo({ crm }, { organizationId: organization.id, leads });
const seedCpu = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    ...summary,
    cpuMilliseconds: Math.round((seedCpu.user + seedCpu.system) / 1000),
  }),
);

/** CPU time, not wall time: the machines this runs on are shared and often busy. */
function time(label: string, run: () => { data: unknown[] }, repeat = 5): void {
  const started = process.cpuUsage();
  let size = 0;
  for (let i = 0; i < repeat; i += 1) size = run().data.length;
  const used = process.cpuUsage(started);
  const each = (used.user + used.system) / 1000 / repeat;
  console.log(`${label.padEnd(60)} ${each.toFixed(1).padStart(8)} ms CPU  ${size} results`);
}

const query = (params: Record<string, string>) =>
  listQuerySchema(LEAD_LIST).extend({}).parse(params);
const org = organization.id;
time('GET /lead/ (recent first, 100)', () => crm.leads.list(org, query({})));
time('GET /lead/?_skip=5000', () => crm.leads.list(org, query({ _skip: '5000' })));
time('GET /lead/?_order_by=-date_updated', () =>
  crm.leads.list(org, query({ _order_by: '-date_updated' })),
);
time('GET /lead/?_fields=id,display_name', () =>
  crm.leads.list(org, query({ _fields: 'id,display_name' }), ['id', 'display_name']),
);
time('GET /lead/?date_created__gte=<60 days ago>', () =>
  crm.leads.list(
    org,
    query({ date_created__gte: new Date(Date.now() - 60 * 864e5).toISOString() }),
  ),
);
const sample = crm.contacts.table.select(org, [], 'rowid', 1, 1234)[0]!;
time(`GET /lead/?query=email:${sample.emails[0]!.email}`, () =>
  crm.leads.list(org, { ...query({}), query: `email:${sample.emails[0]!.email}` }),
);
time('GET /lead/?query=status:Customer', () =>
  crm.leads.list(org, { ...query({}), query: 'status:Customer' }),
);
time('GET /lead/?query="custom.Industry":Software boston', () =>
  crm.leads.list(org, { ...query({}), query: '"custom.Industry":Software boston' }),
);
time('GET /lead/?query=zzzznomatch (full scan, no hit)', () =>
  crm.leads.list(org, { ...query({}), query: 'zzzznomatch' }),
);
time('POST /data/search/ contact email equals', () =>
  crm.search.run(org, {
    query: {
      type: 'and',
      queries: [
        { type: 'object_type', object_type: 'contact' },
        contactPointQuery('email', { type: 'term', values: [sample.emails[0]!.email] }),
      ],
    },
    sort: [],
  }),
);
db.close();
