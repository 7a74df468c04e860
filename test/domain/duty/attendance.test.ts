import {
  attendanceOfDay,
  clockCard,
  decideClockOut,
  exceptionSummary,
  makeupBlock,
  makeupsLeftIn,
  monthSummary,
  sessionsOnDate,
} from '@/domain/duty';
import { CN, POLICY, SUBSIDY_TABLE, clockedIn, cn, duty, record, slot } from './fixtures';

const mon = '2026-11-23';
const base = { sessionDate: mon, slotStart: '14:00', slotEnd: '15:30' };
const d = duty({ slots: [slot(1, '14:00', '15:30', 2)] });
const key = sessionsOnDate(d, mon, CN)[0].key;

describe('a session with 0 minutes counted earns no 课时', () => {
  // 31 minutes late, out 58 minutes early: clock-out within the minute of the clock-in.
  const zero = record({
    ...base,
    _id: key,
    clockInAt: cn(mon, '14:31'),
    clockOutAt: cn(mon, '14:31') + 50_000,
    late: true,
    leftEarly: true,
    inPass: false,
  });
  const full = record({ ...base, _id: key, clockInAt: cn(mon, '13:58'), clockOutAt: cn(mon, '15:31') });

  it('credits 0 课时, no 出勤 and no subsidy day, but keeps the line and its flags', () => {
    const s = monthSummary(
      [zero],
      [d],
      '2026-11',
      CN,
      SUBSIDY_TABLE,
      { d1: { distanceKm: 8, hardship: 1 } },
      { nowMs: cn('2026-11-30', '12:00') },
    );
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({
      minutes: 0,
      periods: 0,
      credited: false,
      flags: { late: true, leftEarly: true, outOfRange: true },
    });
    expect(s.total).toMatchObject({ periods: 0, sessions: 0, subsidyDays: 0, subsidyYuan: 0 });
    expect(s.total.flags).toMatchObject({ late: 1, leftEarly: 1, outOfRange: 1 });
  });

  it('a full session earns its 课时, one minute is enough, a running one counts', () => {
    const one = { ...zero, inPass: true, clockOutAt: cn(mon, '14:32') };
    const running = { ...zero, clockOutAt: null };
    expect(monthSummary([full], [d], '2026-11', CN, SUBSIDY_TABLE, {}).total).toMatchObject({
      periods: 2,
      sessions: 1,
    });
    expect(monthSummary([one], [d], '2026-11', CN, SUBSIDY_TABLE, {}).total).toMatchObject({
      minutes: 1,
      periods: 2,
      sessions: 1,
    });
    // Out of range (a record from before codes): credited time, but 未核验, so apart.
    expect(monthSummary([{ ...one, inPass: false }], [d], '2026-11', CN, SUBSIDY_TABLE, {}).total).toMatchObject({
      minutes: 0,
      periods: 0,
      sessions: 0,
      unverifiedMinutes: 1,
      unverifiedPeriods: 2,
    });
    expect(
      monthSummary([running], [d], '2026-11', CN, SUBSIDY_TABLE, {}, { nowMs: cn(mon, '14:31') }).lines[0],
    ).toMatchObject({
      credited: true,
      periods: 2,
    });
  });
});

describe('the clock card', () => {
  const two = [d, duty({ _id: 'd2', kind: 'itinerant', slots: [slot(1, '15:45', '16:30')] })];

  it('offers 签到, then 签退, then says the session is done (never 签到 again)', () => {
    const now = cn(mon, '14:05');
    expect(clockCard([d], [], 't1', now, CN, POLICY)).toMatchObject({ state: 'in', sessions: [{ key }] });
    const running = record({ ...base, _id: key, clockInAt: now });
    expect(clockCard([d], [running], 't1', now, CN, POLICY)).toMatchObject({ state: 'out', record: { _id: key } });
    const done = { ...running, clockOutAt: cn(mon, '15:00') };
    const card = clockCard([d], [done], 't1', cn(mon, '15:10'), CN, POLICY);
    expect(card).toMatchObject({ state: 'done', sessions: [{ key }] });
    expect(card.message).toContain('已完成');
  });

  it('nothing open says when the next one opens (the policy window, not a literal)', () => {
    const card = clockCard([d], [], 't1', cn(mon, '10:00'), CN, { ...POLICY, earlyWindowMin: 20 });
    expect(card.state).toBe('none');
    expect(card.message).toContain('开始前20分钟');
  });

  it('two duties whose clock-in windows overlap: both offered, the teacher picks', () => {
    const card = clockCard(two, [], 't1', cn(mon, '15:20'), CN, POLICY);
    expect(card.state).toBe('in');
    expect(card.sessions.map((s) => s.dutyId)).toEqual(['d1', 'd2']);
    expect(card.message).toContain('请选择');
    // Once one of them has its record, only the other is offered.
    const r = record({ ...base, _id: key, clockInAt: cn(mon, '14:00'), clockOutAt: cn(mon, '15:10') });
    expect(clockCard(two, [r], 't1', cn(mon, '15:20'), CN, POLICY).sessions.map((s) => s.dutyId)).toEqual(['d2']);
  });

  it('duties scheduled at the same time are refused with the reason', () => {
    const clash = [d, duty({ _id: 'd3', slots: [slot(1, '15:00', '16:00')] })];
    expect(clockCard(clash, [], 't1', cn(mon, '15:10'), CN, POLICY)).toMatchObject({ state: 'refused' });
  });

  it('a forgotten clock-in from days ago is not 签退 (签退 only takes yesterday and today)', () => {
    const old = clockedIn('2026-11-16', '14:00', '15:30');
    expect(clockCard([d], [old], 't1', cn(mon, '14:05'), CN, POLICY).state).toBe('in');
  });
});

describe('签退 long before the end asks first', () => {
  const s = sessionsOnDate(d, mon, CN)[0];
  const r = record({ ...base, _id: key, clockInAt: cn(mon, '13:40') });

  it('more than the policy minutes early: CONFIRM_EARLY_LEAVE naming the minutes; confirmed: flagged 早退', () => {
    const ask = decideClockOut(r, s, cn(mon, '13:50'), 0, POLICY, false);
    expect(ask).toMatchObject({ ok: false, code: 'CONFIRM_EARLY_LEAVE' });
    if (!ask.ok) expect(ask.message).toContain('早退 100 分钟');
    expect(decideClockOut(r, s, cn(mon, '13:50'), 0, POLICY, true)).toMatchObject({
      ok: true,
      leftEarly: true,
      earlyMinutes: 100,
    });
  });

  it('within the policy minutes of the end: no question, still flagged', () => {
    const near = cn(mon, '15:30') - POLICY.earlyLeaveConfirmMin * 60_000;
    expect(decideClockOut(r, s, near, 0, POLICY, false)).toMatchObject({
      ok: true,
      leftEarly: true,
      earlyMinutes: POLICY.earlyLeaveConfirmMin,
    });
    expect(decideClockOut(r, s, near - 60_000, 0, POLICY, false)).toMatchObject({
      ok: false,
      code: 'CONFIRM_EARLY_LEAVE',
    });
  });
});

describe("the host principal's day", () => {
  const visitors = [
    d,
    duty({ _id: 'd2', teacherOpenid: 't2', teacherName: '李老师', slots: [slot(1, '08:00', '08:45')] }),
    duty({ _id: 'd3', teacherOpenid: 't3', teacherName: '赵老师', slots: [slot(1, '10:00', '10:45')] }),
    duty({ _id: 'd4', teacherOpenid: 't4', teacherName: '钱老师', slots: [slot(1, '16:00', '16:45')] }),
  ];
  const k = (i: number) => sessionsOnDate(visitors[i], mon, CN)[0].key;
  const records = [
    // d1: 31 minutes late, out of range, left at once → 0 minutes.
    record({
      ...base,
      _id: k(0),
      clockInAt: cn(mon, '14:31'),
      clockOutAt: cn(mon, '14:31') + 30_000,
      late: true,
      leftEarly: true,
      inPass: false,
    }),
    // d3: in order.
    record({
      _id: k(2),
      dutyId: 'd3',
      teacherOpenid: 't3',
      sessionDate: mon,
      slotStart: '10:00',
      slotEnd: '10:45',
      clockInAt: cn(mon, '09:58'),
      clockOutAt: cn(mon, '10:46'),
    }),
    // Another day's record is not this day's.
    record({
      _id: 'other',
      dutyId: 'd2',
      sessionDate: '2026-11-16',
      slotStart: '08:00',
      slotEnd: '08:45',
      clockInAt: cn('2026-11-16', '08:00'),
    }),
  ];

  it('lists exceptions first (late / early / out of range / 0 minutes, not clocked in), then the rest by time', () => {
    const rows = attendanceOfDay(visitors, records, mon, cn(mon, '15:20'), CN, POLICY);
    expect(rows.map((r) => r.session.dutyId)).toEqual(['d2', 'd1', 'd3', 'd4']);
    expect(rows[0].exceptions).toEqual(['未签到']);
    expect(rows[1].exceptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^迟到 31 分钟/),
        expect.stringMatching(/^早退 59 分钟/),
        '签到超出范围（50 米）',
        '计入 0 分钟，不计课时',
      ]),
    );
    expect(rows[1]).toMatchObject({ minutes: 0, credited: false });
    expect(rows[2]).toMatchObject({ exceptions: [], state: '已完成', minutes: 45, credited: true });
    expect(rows[3]).toMatchObject({ exceptions: [], state: '未开始' });
    // From its clock-in window on, the same session reads 可签到, still not an exception.
    expect(attendanceOfDay(visitors, records, mon, cn(mon, '15:40'), CN, POLICY)[3]).toMatchObject({
      exceptions: [],
      state: '可签到',
    });
  });

  it("a session earns 课时 on the principal's day only when presence is verified, as in the month view", () => {
    const unverified = record({ ...records[1], presence: 'unverified', presenceReason: '未扫签到码' });
    const [row] = attendanceOfDay([visitors[2]], [unverified], mon, cn(mon, '15:20'), CN, POLICY);
    expect(row).toMatchObject({ minutes: 45, credited: true, count: 'unverified' });
    expect(row.exceptions).toEqual(['未核验：未扫签到码']);
    const [verified] = attendanceOfDay(
      [visitors[2]],
      [record({ ...records[1], presence: 'code' })],
      mon,
      cn(mon, '15:20'),
      CN,
      POLICY,
    );
    expect(verified).toMatchObject({ credited: true, count: 'verified', exceptions: [] });
  });

  it('a session running without a clock-in becomes an exception after the grace minutes', () => {
    const at = (hm: string) => attendanceOfDay([visitors[3]], [], mon, cn(mon, hm), CN, POLICY)[0].exceptions;
    expect(at('16:05')).toEqual([]);
    expect(at('16:20')).toEqual(['已开始 20 分钟仍未签到']);
  });

  it('tells the school what was flagged, and nothing when in order', () => {
    expect(exceptionSummary('in', { late: true, leftEarly: false, inPass: false, outPass: null })).toBe(
      '迟到、签到超出范围',
    );
    expect(exceptionSummary('out', { late: true, leftEarly: true, inPass: true, outPass: true })).toBe('早退');
    expect(exceptionSummary('in', { late: false, leftEarly: false, inPass: true, outPass: null })).toBeNull();
  });
});

describe('补卡: one decision per session; the quota only on the current month', () => {
  it('pending, approved or rejected blocks a new request, with the comment', () => {
    expect(makeupBlock([])).toBeNull();
    expect(makeupBlock([{ status: 'pending', comment: null, createdAt: 1 }])).toMatchObject({ code: 'MAKEUP_PENDING' });
    expect(makeupBlock([{ status: 'approved', comment: null, createdAt: 1 }])).toMatchObject({
      code: 'MAKEUP_NOT_NEEDED',
    });
    const rejected = makeupBlock([{ status: 'rejected', comment: '当天未到校', createdAt: 1 }]);
    expect(rejected).toMatchObject({ code: 'MAKEUP_REJECTED' });
    expect(rejected?.message).toContain('当天未到校');
  });

  it('makeupsLeftIn: the current month only', () => {
    const now = cn('2026-11-23', '10:00');
    expect(makeupsLeftIn('2026-11', [cn('2026-11-02', '10:00')], now, CN, POLICY)).toBe(POLICY.makeupPerMonth - 1);
    expect(makeupsLeftIn('2026-10', [], now, CN, POLICY)).toBeNull();
    expect(makeupsLeftIn('2026-12', [], now, CN, POLICY)).toBeNull();
  });
});
