/** Create Note, Log Call, Create Task and Complete Task against nock. */
import { describe, expect, it } from '@jest/globals';
import completeTask from '../../../src/creates/complete_task.js';
import createNote from '../../../src/creates/create_note.js';
import createTask from '../../../src/creates/create_task.js';
import logCall from '../../../src/creates/log_call.js';
import { activitySampleRaw } from '../../../src/formatters/activity.js';
import {
  API,
  closeTask,
  CONTACT_ID,
  failure,
  LEAD_ID,
  run,
  USER_ID,
  useNockedClose,
} from '../../support/close-nock.js';

const close = useNockedClose();
const activity = (type: 'Note' | 'Call', fields: Record<string, unknown> = {}) => ({
  ...activitySampleRaw,
  _type: type,
  lead_id: LEAD_ID,
  ...fields,
});
const TASK_ID = closeTask().id;

describe('create_note', () => {
  it('posts the note on the lead, without an empty contact', async () => {
    close()
      .post(`${API}/activity/note/`, { lead_id: LEAD_ID, note: 'Met at the fair.' })
      .reply(200, activity('Note', { note: 'Met at the fair.' }));
    const note = await run(createNote.operation.perform, {
      lead_id: LEAD_ID,
      note: 'Met at the fair.',
      contact_id: '',
    });
    expect(note).toMatchObject({ type: 'Note', note: 'Met at the fair.', lead_id: LEAD_ID });
  });

  it('requires the note text', async () => {
    const error = await failure(createNote.operation.perform, { lead_id: LEAD_ID, note: '  ' });
    expect(error.message).toBe('Please correct this field: Note is required.');
  });
});

describe('log_call', () => {
  it('logs a completed call with the entered details, outbound unless told otherwise', async () => {
    close()
      .post(`${API}/activity/call/`, {
        lead_id: LEAD_ID,
        direction: 'outbound',
        duration: 420,
        contact_id: CONTACT_ID,
        phone: '+1 650 555 1234',
        status: 'completed',
      })
      .reply(200, activity('Call'));
    const call = await run(logCall.operation.perform, {
      lead_id: LEAD_ID,
      duration: '420',
      contact_id: CONTACT_ID,
      phone: '+1 650 555 1234',
      note: '',
    });
    expect(call).toMatchObject({ type: 'Call', direction: 'outbound', duration: 420 });
  });

  it('sends an inbound direction as chosen', async () => {
    close()
      .post(`${API}/activity/call/`, {
        lead_id: LEAD_ID,
        direction: 'inbound',
        note: 'Asked for pricing',
        status: 'completed',
      })
      .reply(200, activity('Call', { direction: 'inbound' }));
    await run(logCall.operation.perform, {
      lead_id: LEAD_ID,
      direction: 'inbound',
      note: 'Asked for pricing',
    });
  });

  it('refuses a negative or fractional duration and an unknown direction', async () => {
    const error = await failure(logCall.operation.perform, {
      lead_id: LEAD_ID,
      duration: '-5',
      direction: 'sideways',
    });
    expect(error.message).toContain('Duration (seconds) must be a whole number of seconds');
    expect(error.message).toContain('Direction must be one of outbound, inbound (got "sideways")');
    const fractional = await failure(logCall.operation.perform, {
      lead_id: LEAD_ID,
      duration: 1.5,
    });
    expect(fractional.message).toContain('Duration (seconds) must be a whole number');
  });
});

describe('create_task', () => {
  it('posts a lead task with its assignee and an all-day due date', async () => {
    close()
      .post(`${API}/task/`, {
        _type: 'lead',
        lead_id: LEAD_ID,
        text: 'Send the proposal',
        assigned_to: USER_ID,
        date: '2026-03-10',
      })
      .reply(200, closeTask());
    const task = await run(createTask.operation.perform, {
      lead_id: LEAD_ID,
      text: 'Send the proposal',
      assigned_to: USER_ID,
      due_date: '2026-03-10',
    });
    expect(task).toMatchObject({ id: TASK_ID, due_date: '2026-03-10', is_complete: false });
  });

  it('keeps a due date and time with its offset, and leaves out an empty assignee', async () => {
    close()
      .post(`${API}/task/`, {
        _type: 'lead',
        lead_id: LEAD_ID,
        text: 'Call back',
        date: '2026-03-10T15:30:00-05:00',
      })
      .reply(200, closeTask());
    await run(createTask.operation.perform, {
      lead_id: LEAD_ID,
      text: 'Call back',
      assigned_to: '',
      due_date: '2026-03-10T15:30:00-05:00',
    });
  });

  it('refuses a date Zapier would not produce and an assignee that is not a user ID', async () => {
    const error = await failure(createTask.operation.perform, {
      lead_id: LEAD_ID,
      text: 'x',
      due_date: '2026-02-30',
      assigned_to: 'sam@example.com',
    });
    expect(error.message).toContain('Due Date must be a date like 2026-03-31');
    expect(error.message).toContain('Assignee must be a Close user ID');
  });
});

describe('complete_task', () => {
  it('marks the task complete with is_complete alone', async () => {
    close()
      .put(`${API}/task/${TASK_ID}/`, { is_complete: true })
      .reply(200, closeTask({ is_complete: true }));
    const task = await run(completeTask.operation.perform, { task_id: TASK_ID, lead_id: '' });
    expect(task).toMatchObject({ id: TASK_ID, is_complete: true });
  });

  it('says which task Close does not have', async () => {
    close().put(`${API}/task/${TASK_ID}/`).reply(404, { error: 'Not found' });
    const error = await failure(completeTask.operation.perform, { task_id: TASK_ID });
    expect(error.message).toContain(`Close has no task ${TASK_ID}`);
  });
});
