import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';

// Issue 14, 上课前提醒: a teacher who turned reminders on gets one subscribe message 30 minutes before
// each session at the host school, from the duty function's timer trigger. At most once per session
// (overlapping runs and retries included), never for an ended duty or outside the term, in China time;
// the run reads only what its window needs (counted in database requests and rows, never timed).
// Through the built `duty` bundle and the local runtime, the server clock moved by jest's fake Date.
const app = useTestApp();
const { call, ok } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));

const TEACHER = 'o-local-hd-teacher';
const TEMPLATE = 'TPL_SESSION_REMINDER';
const reminders = (openid = TEACHER) =>
  app.cloud.sentMessages.filter((m: any) => m.touser === openid && m.templateId === TEMPLATE);
/** One run of the timer trigger as the cloud makes it: the trigger's event and no caller. */
const tick = async () =>
  (await app.cloud.invoke(
    'duty',
    { Type: 'Timer', TriggerName: 'sessionReminders', Time: new Date().toISOString() },
    null,
  )) as { result: any; roundTrips: number };

describe('the teacher turns reminders on', () => {
  it('off until turned on; then on, with the lead time, and the timer’s index holds the duties’ slots', async () => {
    at('2026-11-30T00:00:00Z'); // Monday 08:00 in China
    expect((await ok('duty', 'today', {}, TEACHER)).reminders).toEqual({ on: false, leadMinutes: 30 });
    expect(await ok('duty', 'setReminders', { on: true }, TEACHER)).toEqual({ on: true, leadMinutes: 30 });
    expect((await ok('duty', 'today', {}, TEACHER)).reminders).toEqual({ on: true, leadMinutes: 30 });
    // dt-hd-teacher-1: Monday and Thursday 09:55; dt-hd-teacher-2: Wednesday 14:00.
    expect((app.cloud.store.find('reminder_prefs', { _id: TEACHER })[0] as any).slotKeys).toEqual([
      '1|09:55',
      '3|14:00',
      '4|09:55',
    ]);
    const bad = await call('duty', 'setReminders', { on: 'yes' }, TEACHER);
    expect(bad).toMatchObject({ ok: false, field: 'on' });
    expect(bad.message).toContain('是否开启（on）');
    expect(await call('duty', 'setReminders', { on: true }, 'o-local-hd-principal')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('the timer', () => {
  it('sends nothing before the window, then one reminder 30 minutes before, in China time', async () => {
    at('2026-11-30T01:20:00Z'); // 09:20: the 09:55 session is 35 minutes away
    expect((await tick()).result).toEqual({ ok: true, data: { due: 0, sent: 0, claimedBefore: 0 } });
    expect(reminders()).toHaveLength(0);

    at('2026-11-30T01:25:00Z'); // 09:25: now within 30 minutes
    expect((await tick()).result.data).toEqual({ due: 1, sent: 1, claimedBefore: 0 });
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({ page: 'packages/teacher/pages/home/index' });
    const text = JSON.stringify(reminders()[0].data);
    expect(text).toContain('第四十五中学');
    expect(text).toContain('2026-11-30 09:55');
    expect(text).toContain('30分钟后开始');
  });

  it('at most once per session: the next run, a retry and overlapping runs send nothing more', async () => {
    at('2026-11-30T01:30:00Z');
    expect((await tick()).result.data).toEqual({ due: 1, sent: 0, claimedBefore: 1 });
    expect(reminders()).toHaveLength(1);

    at('2026-12-02T05:31:00Z'); // Wednesday 13:31: the 14:00 session; five runs at once
    const runs = await Promise.all([tick(), tick(), tick(), tick(), tick()]);
    expect(runs.map((r) => r.result.data.sent).reduce((a, b) => a + b, 0)).toBe(1);
    expect(reminders()).toHaveLength(2);
    expect(app.cloud.store.find('reminder_claims', {})).toHaveLength(2);
  });

  it('never for an ended duty, nor outside the term', async () => {
    // The duty was withdrawn (ended): the schedule no longer has its sessions.
    const { _id, ...d } = app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
    app.cloud.store.replace('duties', _id, { ...d, status: 'ended' });
    at('2026-12-03T01:26:00Z'); // Thursday 09:26: its 09:55 session would be due
    expect((await tick()).result.data).toEqual({ due: 0, sent: 0, claimedBefore: 0 });

    at('2027-07-14T05:31:00Z'); // a Wednesday after the term of dt-hd-teacher-2 (ends 2027-07-10)
    expect((await tick()).result.data).toEqual({ due: 0, sent: 0, claimedBefore: 0 });
    expect(reminders()).toHaveLength(2);
  });

  it('nothing once the teacher turns reminders off', async () => {
    await ok('duty', 'setReminders', { on: false }, TEACHER);
    at('2026-12-09T05:31:00Z'); // next Wednesday 13:31
    expect((await tick()).result.data).toEqual({ due: 0, sent: 0, claimedBefore: 0 });
    expect(reminders()).toHaveLength(2);
  });

  it('a caller cannot run it: the trigger’s event from a signed-in caller is an unknown action', async () => {
    await ok('duty', 'setReminders', { on: true }, TEACHER);
    const r = (await app.cloud.invoke(
      'duty',
      { Type: 'Timer', TriggerName: 'sessionReminders' },
      { OPENID: TEACHER, APPID: 'wx-test' },
    )) as { result: any };
    expect(r.result).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    expect(reminders()).toHaveLength(2);
  });
});

describe('a duty approved after reminders were turned on', () => {
  it('joins the timer’s index when the teacher opens the app, and is reminded', async () => {
    const { _id, ...d } = app.cloud.store.find('duties', { _id: 'dt-hd-teacher-2' })[0] as any;
    app.cloud.store.insertMany('duties', [
      { ...d, _id: 'dt-hd-teacher-7', slots: [{ weekday: 5, start: '16:00', end: '16:45', periods: 1 }] },
    ]);
    at('2026-12-11T00:00:00Z'); // Friday 08:00
    await ok('duty', 'today', {}, TEACHER);
    expect((app.cloud.store.find('reminder_prefs', { _id: TEACHER })[0] as any).slotKeys).toContain('5|16:00');
    at('2026-12-11T07:40:00Z'); // Friday 15:40
    expect((await tick()).result.data).toEqual({ due: 1, sent: 1, claimedBefore: 0 });
    expect(JSON.stringify(reminders().at(-1)!.data)).toContain('2026-12-11 16:00');
  });
});

describe('a duty approved through the approval flow', () => {
  it('is reminded without the teacher opening the app: the approval updates the timer’s index', async () => {
    at('2026-12-14T02:00:00Z'); // Monday 10:00
    const filed = await ok(
      'approval',
      'submitExchange',
      {
        requestId: 'remind-ap-0001',
        type: 'cross-teaching',
        hostSchoolId: 'hd-s05',
        slots: [{ weekday: 4, start: '15:00', end: '15:45', periods: 1 }],
        termStart: '2026-12-15',
        termEnd: '2027-01-20',
      },
      TEACHER,
    );
    // Every approver in turn: whoever holds the current step decides it.
    const approvers = ['o-local-hd-principal', 'o-local-hd-lead-primary', 'o-local-hd-xuequzhang', 'o-local-hd-bureau'];
    for (let round = 0; round < 6; round++) {
      const d = await ok('approval', 'detail', { id: filed.id }, TEACHER);
      if (d.status !== 'pending') break;
      for (const who of approvers) {
        const r = await call('approval', 'decide', { id: filed.id, decision: 'approve', version: d.version }, who);
        if (r.ok) break;
      }
    }
    expect((await ok('approval', 'detail', { id: filed.id }, TEACHER)).status).toBe('approved');
    expect((app.cloud.store.find('reminder_prefs', { _id: TEACHER })[0] as any).slotKeys).toContain('4|15:00');
    at('2026-12-17T06:40:00Z'); // Thursday 14:40, the teacher has not opened the app since
    expect((await tick()).result.data).toMatchObject({ sent: 1 });
    expect(JSON.stringify(reminders().at(-1)!.data)).toContain('2026-12-17 15:00');
  });
});

describe('at scale', () => {
  const TEACHERS = 600;
  beforeAll(() => {
    // 600 teachers with reminders on, one duty each, sessions spread over the week every 5 minutes from 07:00.
    const base = app.cloud.store.find('duties', { _id: 'dt-hd-teacher-2' })[0] as any;
    const duties = [];
    const prefs = [];
    for (let i = 0; i < TEACHERS; i++) {
      const weekday = (i % 5) + 1;
      const minutes = 7 * 60 + ((5 * Math.floor(i / 5)) % (10 * 60));
      const start = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const openid = `o-scale-${i}`;
      duties.push({
        ...base,
        _id: `dt-scale-${i}`,
        teacherOpenid: openid,
        teacherName: `示例数据教师${i}`,
        slots: [{ weekday, start, end: '23:00', periods: 1 }],
        status: 'active',
      });
      prefs.push({ _id: openid, openid, on: true, slotKeys: [`${weekday}|${start}`], updatedAt: 0 });
    }
    app.cloud.store.insertMany('duties', duties);
    app.cloud.store.insertMany('reminder_prefs', prefs);
    app.cloud.store.analyze();
  });

  it('one run reads the switches in its window and their duties only: a few requests and rows, not the 600', async () => {
    at('2026-12-07T01:00:00Z'); // Monday 09:00: sessions 09:01–09:30 are due
    const rowsBefore = app.cloud.store.stats.rowsRead;
    const sentBefore = app.cloud.sentMessages.length;
    const run = await tick();
    const due = run.result.data.due;
    expect(due).toBeGreaterThan(0);
    expect(run.result.data.sent).toBe(due);
    expect(app.cloud.sentMessages.length - sentBefore).toBe(due);
    // The switches (1 query), their duties (1), then claims: one insert each (in parallel batches of 20).
    expect(run.roundTrips).toBe(2 + due);
    // Rows read: the switches whose slot keys are in the window and those teachers' duties, nothing else.
    expect(app.cloud.store.stats.rowsRead - rowsBefore).toBe(2 * due);
    expect(due).toBe(6); // Monday teachers starting 09:05–09:30 (every 5 minutes)
  });
});
