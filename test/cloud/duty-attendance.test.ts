import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';
import { teacherDutyOf } from '../helpers/teacher-duty';
import { presenceCodeAt } from '../helpers/presence';

// Issue 14, teachers and principals: the clock card's states, a chosen duty when clock-in windows
// overlap, replays that keep their warnings, 0-minute sessions credited 0 课时, the host principal's
// notice and attendance view, and 补卡 status with the principal's comment. Through the built `duty`
// bundle and the local runtime, with the server clock moved by jest's fake Date.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const { duty1, farAway, atHost } = teacherDutyOf(() => app);

const TEACHER = 'o-local-hd-teacher';
const HOST_45 = 'o-local-hd-xuequzhang'; // principal of 第四十五中学 (hd-s01), host of dt-hd-teacher-1
const HOST_HUZHU = 'o-local-hd-lead-primary'; // principal of 互助道小学 (hd-s05), host of dt-hd-teacher-2
const HOME = 'o-local-hd-principal'; // the teacher's own school (hd-s06)
const OTHER_DISTRICT = 'o-local-hc-principal';

const noticesTo = (openid: string, template: string) =>
  app.cloud.sentMessages.filter((m: any) => m.touser === openid && m.templateId === template);

describe('two duties whose clock-in windows overlap', () => {
  beforeAll(() => {
    // A second duty on Monday right after the first (11:45–12:30 at 互助道小学): its window opens at 11:15, while the first runs to 11:30.
    const d = duty1();
    app.cloud.store.insertMany('duties', [
      {
        ...d,
        _id: 'dt-hd-teacher-9',
        kind: 'support',
        hostSchoolId: 'hd-s05',
        hostSchoolName: '互助道小学',
        slots: [{ weekday: 1, start: '11:45', end: '12:30', periods: 1 }],
      },
    ]);
  });

  it('the card offers both; a plain 签到 is told to pick; 签到 naming the duty is recorded for it', async () => {
    at('2026-11-23T03:20:00Z'); // Monday 11:20 in China
    const today = await ok('duty', 'today', {}, TEACHER);
    expect(today.card.state).toBe('in');
    expect(today.card.sessions.map((s: any) => s.dutyId)).toEqual(['dt-hd-teacher-1', 'dt-hd-teacher-9']);
    expect(today.card.message).toContain('请选择');

    const before = snapshot();
    const plain = await call('duty', 'clockIn', atHost('ovl-in-0001'), TEACHER);
    expect(plain).toMatchObject({ ok: false, code: 'OVERLAPPING_DUTIES' });
    expect(plain.message).toContain('请在签到卡片上选择');
    expect(snapshot()).toBe(before);

    const presenceCode = presenceCodeAt(
      (app.cloud.store.find('duties', { _id: 'dt-hd-teacher-9' })[0] as any).hostSchoolId,
    ).shortCode;
    const picked = await ok(
      'duty',
      'clockIn',
      atHost('ovl-in-0002', { dutyId: 'dt-hd-teacher-9', presenceCode }),
      TEACHER,
    );
    expect(picked).toMatchObject({
      recordId: 'dt-hd-teacher-9-2026-11-23-1145',
      hostSchoolName: '互助道小学',
      warnings: [],
      verified: true,
      presenceLabel: '已核验',
    });
    expect((await ok('duty', 'today', {}, TEACHER)).card).toMatchObject({
      state: 'out',
      sessions: [{ key: 'dt-hd-teacher-9-2026-11-23-1145' }],
    });
  });

  it('after 签退 the card says the session is done, and offers no 签到', async () => {
    at('2026-11-23T04:25:00Z'); // 12:25, five minutes before the end: flagged, not asked
    const out = await ok('duty', 'clockOut', atHost('ovl-out-0001'), TEACHER);
    expect(out).toMatchObject({ leftEarly: true, duplicate: false });
    at('2026-11-23T04:26:00Z');
    const card = (await ok('duty', 'today', {}, TEACHER)).card;
    expect(card).toMatchObject({ state: 'done', sessions: [{ key: 'dt-hd-teacher-9-2026-11-23-1145' }] });
    expect(card.message).toContain('已完成');
    // The session list says so too (its record is complete).
    const listed = (await ok('duty', 'today', {}, TEACHER)).sessions.find(
      (s: any) => s.key === 'dt-hd-teacher-9-2026-11-23-1145',
    );
    expect(listed.record.clockOutAt).toBe('2026-11-23 12:25');
  });
});

describe('a late, out-of-range session that earns nothing', () => {
  let inWarnings: string[] = [];

  it('a replay of the 签到 with the same request id returns the same warnings; the host principal is told once', async () => {
    at('2026-11-26T02:26:00Z'); // Thursday 10:26, session 09:55–11:30: 31 minutes late
    const before = noticesTo(HOST_45, 'TPL_ATTENDANCE_FLAGGED').length;
    const first = await ok('duty', 'clockIn', { requestId: 'late-in-0001', location: farAway() }, TEACHER);
    expect(first).toMatchObject({ late: true, pass: false, duplicate: false });
    inWarnings = first.warnings;
    expect(inWarnings.join()).toMatch(/迟到 31 分钟.*已记录并提示学校/s);
    const replay = await ok('duty', 'clockIn', { requestId: 'late-in-0001', location: farAway() }, TEACHER);
    expect(replay).toMatchObject({ duplicate: true, warnings: inWarnings });

    const told = noticesTo(HOST_45, 'TPL_ATTENDANCE_FLAGGED').slice(before);
    expect(told).toHaveLength(1);
    expect(told[0].page).toBe('packages/principal/pages/attendance/index?date=2026-11-26');
    expect(JSON.stringify(told[0].data)).toContain('迟到、签到超出范围');
    // Nobody else's principal hears of it.
    expect(noticesTo(HOME, 'TPL_ATTENDANCE_FLAGGED')).toHaveLength(0);
  });

  it('签退 64 minutes early asks first (nothing written), then keeps its warnings on replay', async () => {
    at('2026-11-26T02:26:40Z');
    const before = snapshot();
    const ask = await call('duty', 'clockOut', { requestId: 'late-out-0001', location: farAway() }, TEACHER);
    expect(ask).toMatchObject({ ok: false, code: 'CONFIRM_EARLY_LEAVE' });
    expect(ask.message).toMatch(/11:30 结束.*早退 64 分钟/);
    expect(snapshot()).toBe(before);
    const out = await ok(
      'duty',
      'clockOut',
      { requestId: 'late-out-0001', location: farAway(), confirmEarlyLeave: true },
      TEACHER,
    );
    expect(out.warnings.join()).toMatch(/早退 64 分钟.*签退位置/s);
    const replay = await ok('duty', 'clockOut', { requestId: 'late-out-0001', location: farAway() }, TEACHER);
    expect(replay).toMatchObject({ duplicate: true, warnings: out.warnings });
  });

  it('is credited 0 minutes and 0 课时 in the month view and the CSV', async () => {
    at('2026-11-27T02:00:00Z');
    const month = await ok('duty', 'month', { month: '2026-11' }, TEACHER);
    const line = month.lines.find((l: any) => l.recordId === 'dt-hd-teacher-1-2026-11-26-0955');
    expect(line).toMatchObject({ minutes: 0, periods: 0 });
    expect(line.flags).toEqual(expect.arrayContaining(['迟到', '早退', '超出范围', '计入 0 分钟，不计课时']));
    // Only Monday's 40 minutes of the 支教 duty (1 节) are credited.
    expect(month).toMatchObject({ periods: 1, sessions: 1 });
    const { csv } = await ok('duty', 'exportMonth', { month: '2026-11' }, TEACHER);
    const header = csv.replace('\uFEFF', '').split('\r\n')[0].split(',');
    const row = csv
      .split('\r\n')
      .find((l: string) => l.startsWith('记录') && l.includes('2026-11-26'))!
      .split(',');
    expect(row[header.indexOf('计入分钟')]).toBe('0');
    expect(row[header.indexOf('课时')]).toBe('0');
  });
});

describe("the host principal's attendance view", () => {
  it('today’s visiting teachers at the school, exceptions first, in China time', async () => {
    at('2026-11-26T04:00:00Z'); // Thursday 12:00 in China (04:00 UTC)
    const v = await ok('duty', 'attendance', {}, HOST_45);
    expect(v).toMatchObject({
      date: '2026-11-26',
      serverTime: '2026-11-26 12:00',
      schoolName: '第四十五中学',
      exceptionCount: 1,
    });
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0]).toMatchObject({
      key: 'dt-hd-teacher-1-2026-11-26-0955',
      clockIn: '2026-11-26 10:26',
      minutes: 0,
      periods: 0,
      state: '已完成',
    });
    expect(v.rows[0].exceptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^迟到 31 分钟/),
        expect.stringMatching(/^早退 64 分钟/),
        expect.stringMatching(/^签到超出范围/),
        '计入 0 分钟，不计课时',
      ]),
    );
  });

  it('costs the caller read, then the duties, records, pending count and school read together', async () => {
    const { roundTrips, sequentialTrips } = await app.cloud.invoke(
      'duty',
      { action: 'attendance', date: '2026-11-26' },
      { OPENID: HOST_45, APPID: 'wx-test' },
    );
    expect(roundTrips).toBeLessThanOrEqual(5);
    expect(sequentialTrips).toBeLessThanOrEqual(2);
  });

  it('a chosen date: Monday’s session nobody clocked is 未签到, first; another school’s duty is not shown', async () => {
    const v = await ok('duty', 'attendance', { date: '2026-11-23' }, HOST_45);
    expect(v.rows.map((r: any) => r.key)).toEqual(['dt-hd-teacher-1-2026-11-23-0955']);
    expect(v.rows[0].exceptions).toEqual(['未签到']);
    // The 支教 session of that day belongs to 互助道小学's view.
    const huzhu = await ok('duty', 'attendance', { date: '2026-11-23' }, HOST_HUZHU);
    expect(huzhu.rows.map((r: any) => r.key)).toEqual(['dt-hd-teacher-9-2026-11-23-1145']);
    expect(huzhu.rows[0].exceptions[0]).toMatch(/^早退 5 分钟/);
  });

  it('is scoped to the caller’s school: other school or district ids answer as made-up ids; others cannot call it', async () => {
    const own = await ok('duty', 'attendance', { date: '2026-11-26' }, HOME);
    expect(own.rows).toEqual([]); // the teacher's home school hosts nobody
    for (const [who, id] of [
      [HOME, 'hd-s01'],
      [OTHER_DISTRICT, 'hd-s01'],
      [HOST_45, 'hc-s01'],
    ]) {
      const real = await call('duty', 'attendance', { schoolId: id }, who);
      const madeUp = await call('duty', 'attendance', { schoolId: 'zz-s99' }, who);
      expect(real).toEqual(madeUp);
      expect(real).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await call('duty', 'attendance', {}, TEACHER)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('duty', 'attendance', { date: '2026-02-30' }, HOST_45)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'date',
    });
  });
});

describe('补卡: status and the principal’s comment reach the teacher', () => {
  let id = '';
  const key = 'dt-hd-teacher-2-2026-11-25-1400'; // Wednesday's 师徒结对 at 互助道小学, missed

  it('the teacher sees the request pending and cannot ask again meanwhile', async () => {
    at('2026-11-26T08:00:00Z');
    id = (
      await ok(
        'duty',
        'requestMakeup',
        {
          requestId: 'st-mk-0001',
          dutyId: 'dt-hd-teacher-2',
          sessionDate: '2026-11-25',
          slotStart: '14:00',
          reason: '外出教研忘记签到',
        },
        TEACHER,
      )
    ).id;
    const missed = (await ok('duty', 'today', {}, TEACHER)).missed.find((s: any) => s.key === key);
    expect(missed.makeup).toEqual({ id, status: 'pending', comment: null });
    expect(
      await call(
        'duty',
        'requestMakeup',
        {
          requestId: 'st-mk-0002',
          dutyId: 'dt-hd-teacher-2',
          sessionDate: '2026-11-25',
          slotStart: '14:00',
          reason: '再问一次',
        },
        TEACHER,
      ),
    ).toMatchObject({ ok: false, code: 'MAKEUP_PENDING' });
  });

  it('a rejection needs a comment (nothing written without one)', async () => {
    const before = snapshot();
    expect(await call('duty', 'decideMakeup', { id, approve: false }, HOST_HUZHU)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'comment',
    });
    expect(await call('duty', 'decideMakeup', { id, approve: false, comment: '   ' }, HOST_HUZHU)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'comment',
    });
    expect(snapshot()).toBe(before);
  });

  it('rejected with a comment: the teacher sees status and comment on the home and month pages, is told, and cannot ask again', async () => {
    const decided = await ok(
      'duty',
      'decideMakeup',
      { id, approve: false, comment: '当天没有到校记录，请与教务处核实' },
      HOST_HUZHU,
    );
    expect(decided).toMatchObject({
      status: 'rejected',
      comment: '当天没有到校记录，请与教务处核实',
      decidedAt: '2026-11-26 16:00',
    });
    const missed = (await ok('duty', 'today', {}, TEACHER)).missed.find((s: any) => s.key === key);
    expect(missed.makeup).toEqual({ id, status: 'rejected', comment: '当天没有到校记录，请与教务处核实' });
    const month = await ok('duty', 'month', { month: '2026-11' }, TEACHER);
    expect(month.makeups).toEqual([
      expect.objectContaining({
        id,
        status: 'rejected',
        comment: '当天没有到校记录，请与教务处核实',
        sessionDate: '2026-11-25',
      }),
    ]);
    expect(noticesTo(TEACHER, 'TPL_APPROVAL_RESULT').some((m: any) => JSON.stringify(m.data).includes('已驳回'))).toBe(
      true,
    );
    const again = await call(
      'duty',
      'requestMakeup',
      {
        requestId: 'st-mk-0003',
        dutyId: 'dt-hd-teacher-2',
        sessionDate: '2026-11-25',
        slotStart: '14:00',
        reason: '再问一次',
      },
      TEACHER,
    );
    expect(again).toMatchObject({ ok: false, code: 'MAKEUP_REJECTED' });
    expect(again.message).toContain('当天没有到校记录');
  });

  it('"还可补卡" is for the current month only', async () => {
    expect((await ok('duty', 'month', { month: '2026-11' }, TEACHER)).makeupsLeft).toBe(3); // rejected ones do not count
    expect((await ok('duty', 'month', { month: '2026-10' }, TEACHER)).makeupsLeft).toBeNull();
  });
});
