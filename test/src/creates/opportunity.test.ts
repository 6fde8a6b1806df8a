/** Create and Update Opportunity against nock: value in cents, dates, choices, what is left out. */
import { describe, expect, it } from '@jest/globals';
import createOpportunity from '../../../src/creates/create_opportunity.js';
import updateOpportunity from '../../../src/creates/update_opportunity.js';
import { toCents } from '../../../src/lib/opportunity-input.js';
import {
  API,
  closeOpportunity,
  CONTACT_ID,
  failure,
  LEAD_ID,
  run,
  STATUS_ID,
  USER_ID,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();
const create = createOpportunity.operation.perform;
const update = updateOpportunity.operation.perform;
const OPPORTUNITY_ID = closeOpportunity().id;

describe('create_opportunity', () => {
  it('sends the value in cents, the expected close date as date_won, and not the pipeline', async () => {
    close()
      .post(`${API}/opportunity/`, {
        lead_id: LEAD_ID,
        status_id: STATUS_ID,
        value: 125050,
        value_period: 'annual',
        confidence: 60,
        note: 'Pilot first',
        date_won: '2026-06-30',
        user_id: USER_ID,
        contact_id: CONTACT_ID,
      })
      .reply(200, closeOpportunity({ value: 125050 }));
    const opportunity = await run(create, {
      lead_id: LEAD_ID,
      pipeline_id: 'pipe_Sales',
      status_id: STATUS_ID,
      value: '$1,250.50',
      value_period: 'Annual',
      confidence: '60',
      note: 'Pilot first',
      expected_close_date: '2026-06-30T00:00:00+02:00',
      user_id: USER_ID,
      contact_id: CONTACT_ID,
    });
    expect(opportunity).toMatchObject({ value: 125050, value_amount: 1250.5, lead_id: LEAD_ID });
  });

  it('sends only the lead when nothing else is entered', async () => {
    close().post(`${API}/opportunity/`, { lead_id: LEAD_ID }).reply(200, closeOpportunity());
    await run(create, { lead_id: LEAD_ID, value: '', confidence: null, note: ' ' });
  });

  it('sends a value of 0 (an empty value is left out, a zero is not)', async () => {
    close()
      .post(`${API}/opportunity/`, { lead_id: LEAD_ID, value: 0 })
      .reply(200, closeOpportunity());
    await run(create, { lead_id: LEAD_ID, value: 0 });
  });

  it('names each wrong input: value, confidence, period and date', async () => {
    const error = await failure(create, {
      lead_id: LEAD_ID,
      value: '1.250,50',
      confidence: 150,
      value_period: 'weekly',
      expected_close_date: 'next friday',
    });
    expect(error.message).toContain('Value must be an amount like 1250.50 (got "1.250,50")');
    expect(error.message).toContain(
      'Confidence (%) must be a whole number from 0 to 100 (got "150")',
    );
    expect(error.message).toContain('Value Period must be one of one_time, monthly, annual');
    expect(error.message).toContain('Expected Close Date must be a date like 2026-03-31');
  });

  it('refuses a negative value', async () => {
    const error = await failure(create, { lead_id: LEAD_ID, value: -5 });
    expect(error.message).toContain('Value must not be negative');
  });
});

describe('an opportunity status given by name', () => {
  const statuses = {
    data: [
      { id: 'stat_SalesWon1', label: 'Won', type: 'won', pipeline_id: 'pipe_Sales1' },
      { id: 'stat_RenewWon1', label: 'Won', type: 'won', pipeline_id: 'pipe_Renew1' },
      { id: 'stat_SalesDemo', label: 'Demo', type: 'active', pipeline_id: 'pipe_Sales1' },
    ],
    has_more: false,
  };

  it('is resolved within the chosen pipeline', async () => {
    close().get(`${API}/status/opportunity/`).reply(200, statuses);
    close()
      .put(`${API}/opportunity/${OPPORTUNITY_ID}/`, { status_id: 'stat_RenewWon1' })
      .reply(200, closeOpportunity());
    await run(update, {
      opportunity_id: OPPORTUNITY_ID,
      pipeline_id: 'pipe_Renew1',
      status_id: 'won',
    });
  });

  it('asks for the pipeline when several pipelines have a status of that name', async () => {
    close().get(`${API}/status/opportunity/`).reply(200, statuses);
    const error = await failure(update, { opportunity_id: OPPORTUNITY_ID, status_id: 'Won' });
    expect(error.message).toContain(
      '"Won" is the name of a status in 2 pipelines; choose the Pipeline',
    );
  });
});

describe('update_opportunity', () => {
  it('moves it to another status with a PUT of status_id alone', async () => {
    close()
      .put(`${API}/opportunity/${OPPORTUNITY_ID}/`, { status_id: STATUS_ID })
      .reply(200, closeOpportunity({ status_type: 'won', status_label: 'Won' }));
    const opportunity = await run(update, { opportunity_id: OPPORTUNITY_ID, status_id: STATUS_ID });
    expect(opportunity).toMatchObject({ status_type: 'won' });
  });

  it('translates Close’s date_won error to Expected Close Date', async () => {
    close()
      .put(`${API}/opportunity/${OPPORTUNITY_ID}/`)
      .reply(400, { errors: [], 'field-errors': { date_won: 'Invalid date.' } });
    const error = await failure(update, {
      opportunity_id: OPPORTUNITY_ID,
      expected_close_date: '2026-06-30',
    });
    expect(error.message).toContain('Expected Close Date: Invalid date.');
  });
});

describe('toCents', () => {
  it('rounds to the cent without binary noise', () => {
    expect(toCents(1250.505)).toBe(125051);
    expect(toCents(0.29)).toBe(29);
    expect(toCents(19.99)).toBe(1999);
  });
});
