import fc from 'fast-check';
import { addDays, monthCsv, monthSummary, recordHours } from '@/domain/duty';
import type { ClockRecord, DutyTravel } from '@/domain/duty';
import {
  CN,
  POLICY,
  SUBSIDY_TABLE,
  at,
  cn,
  csvByHeader,
  csvCol,
  duty,
  nightDuty,
  nightRecord,
  record,
  slot,
} from './fixtures';
import { runs } from '../../helpers/depth';

const mon = '2026-11-23';
const base = { sessionDate: mon, slotStart: '08:00', slotEnd: '08:45' };
/** d1's Monday 08:00–08:45 session on `date`, in at 07:58 and out at 08:46 unless `over` says otherwise. */
const morning = (date: string, over: Partial<ClockRecord> = {}) =>
  record({
    ...base,
    dutyId: 'd1',
    sessionDate: date,
    clockInAt: cn(date, '07:58'),
    clockOutAt: cn(date, '08:46'),
    ...over,
  });

describe('recordHours: counted inside the slot only', () => {
  it.each([
    ['07:50', '08:50', 45, 'early arrival and late leaving earn nothing extra'],
    ['08:20', '08:45', 25, 'late arrival costs the minutes missed'],
    ['08:00', '08:30', 30, 'early leaving costs the minutes missed'],
    ['07:40', '07:55', 0, 'out before the slot started'],
  ])('in %s out %s → %i min (%s)', (inHm, outHm, minutes) => {
    const h = recordHours(record({ ...base, clockInAt: cn(mon, inHm), clockOutAt: cn(mon, outHm) }), CN, POLICY);
    expect(h).toEqual({ minutes, byDate: minutes ? { [mon]: minutes } : {}, capped: false, inProgress: false });
  });

  it('no clock-in counts nothing', () => {
    expect(recordHours(record(base), CN, POLICY)).toEqual({ minutes: 0, byDate: {}, capped: false, inProgress: false });
  });

  it('seconds are floored on the total', () => {
    const h = recordHours(
      record({ ...base, clockInAt: cn(mon, '08:10') + 30_000, clockOutAt: cn(mon, '08:45') }),
      CN,
      POLICY,
    );
    expect(h.minutes).toBe(34);
  });
});

describe('recordHours: a missing clock-out', () => {
  const open = record({ ...base, clockInAt: cn(mon, '08:05') });

  it('is counted until the slot end, never beyond, and flagged', () => {
    expect(recordHours(open, CN, POLICY)).toEqual({
      minutes: 40,
      byDate: { [mon]: 40 },
      capped: true,
      inProgress: false,
    });
  });

  it('a configured cap counts less, but still never beyond the slot end', () => {
    expect(recordHours(open, CN, { ...POLICY, missingClockOutCapHours: 0.25 }).minutes).toBe(15);
    expect(recordHours(open, CN, { ...POLICY, missingClockOutCapHours: 8 }).minutes).toBe(40);
  });

  it('while the slot is still running it is in progress, not capped', () => {
    expect(recordHours(open, CN, POLICY, cn(mon, '08:30'))).toMatchObject({
      minutes: 25,
      capped: false,
      inProgress: true,
    });
    expect(recordHours(open, CN, POLICY, cn(mon, '09:30'))).toMatchObject({
      minutes: 40,
      capped: true,
      inProgress: false,
    });
  });
});

describe('recordHours: midnight and zones', () => {
  // Monday 2026-11-30 23:00 → Tuesday 2026-12-01 01:00, China time; China midnight is 16:00 UTC.
  const night = { sessionDate: '2026-11-30', slotStart: '23:00', slotEnd: '01:00' };

  it('a session crossing China midnight is split at 16:00 UTC', () => {
    const h = recordHours(
      record({ ...night, clockInAt: at('2026-11-30T15:00:00Z'), clockOutAt: at('2026-11-30T17:00:00Z') }),
      CN,
      POLICY,
    );
    expect(h).toEqual({
      minutes: 120,
      byDate: { '2026-11-30': 60, '2026-12-01': 60 },
      capped: false,
      inProgress: false,
    });
  });

  it('the split follows the zone given, not the process zone', () => {
    // Same wall-clock slot read in UTC: 23:00Z–01:00Z, split at 00:00Z.
    const h = recordHours(
      record({ ...night, clockInAt: at('2026-11-30T23:30:00Z'), clockOutAt: at('2026-12-01T01:00:00Z') }),
      'UTC',
      POLICY,
    );
    expect(h.byDate).toEqual({ '2026-11-30': 30, '2026-12-01': 60 });
  });

  it('clocked in after China midnight: all minutes on the new date', () => {
    const h = recordHours(
      record({ ...night, clockInAt: at('2026-11-30T16:30:00Z'), clockOutAt: at('2026-11-30T17:00:00Z') }),
      CN,
      POLICY,
    );
    expect(h.byDate).toEqual({ '2026-12-01': 30 });
  });

  it('a capped night session is split too', () => {
    const h = recordHours(record({ ...night, clockInAt: at('2026-11-30T15:30:00Z') }), CN, POLICY);
    expect(h).toEqual({ minutes: 90, byDate: { '2026-11-30': 30, '2026-12-01': 60 }, capped: true, inProgress: false });
  });

  it('split minutes always sum to the total and stay within the slot (property)', () => {
    const hm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        hm,
        hm,
        fc.integer({ min: -120 * 60, max: 26 * 3600 }),
        fc.option(fc.integer({ min: 0, max: 30 * 3600 }), { nil: null }),
        fc.constantFrom(CN, 'UTC', 'America/New_York'),
        (start, end, inOffsetS, lengthS, zone) => {
          if (start === end) return;
          const sessionDate = '2026-11-30';
          const startMs = at(`${sessionDate}T00:00:00Z`); // rough anchor; slot instants come from recordHours itself
          const inAt = startMs + inOffsetS * 1000;
          const r: ClockRecord = record({
            sessionDate,
            slotStart: start,
            slotEnd: end,
            clockInAt: inAt,
            clockOutAt: lengthS === null ? null : inAt + lengthS * 1000,
          });
          const h = recordHours(r, zone, POLICY);
          const parts = Object.values(h.byDate);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(h.minutes);
          for (const p of parts) expect(p).toBeGreaterThan(0);
          const [sh, sm] = start.split(':').map(Number);
          const [eh, em] = end.split(':').map(Number);
          const slotMin = (eh * 60 + em - (sh * 60 + sm) + 1440) % 1440;
          expect(h.minutes).toBeLessThanOrEqual(slotMin);
          for (const d of Object.keys(h.byDate)) expect([sessionDate, addDays(sessionDate, 1)]).toContain(d);
          expect(h.capped).toBe(lengthS === null);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

describe('monthSummary', () => {
  // t1: 跨校兼课 Mon 08:00–08:45 (2 节) at host1, 5 km, ordinary; 走教 Mon 23:00–01:00 (1 节) at host2, no travel data.
  // t2: 支教 Tue 00:30–01:30 at host3, 25 km, very remote.
  const d1 = duty({ _id: 'd1', slots: [slot(1, '08:00', '08:45', 2)], termStart: '2026-11-01', termEnd: '2026-12-31' });
  const d2 = nightDuty({ termStart: '2026-11-01', termEnd: '2026-12-31' });
  const d3 = duty({
    _id: 'd3',
    teacherOpenid: 't2',
    teacherName: '李老师',
    kind: 'support',
    hostSchoolId: 'host3',
    districtCode: '350205',
    slots: [slot(2, '00:30', '01:30')],
    termStart: '2026-11-01',
    termEnd: '2026-12-31',
  });
  const travel: Record<string, DutyTravel> = {
    d1: { distanceKm: 5, hardship: 1 },
    d3: { distanceKm: 25, hardship: 3 },
  };
  const records: ClockRecord[] = [
    morning('2026-11-02'),
    morning('2026-11-09', { clockInAt: cn('2026-11-09', '08:15'), late: true }),
    morning('2026-11-16', { inPass: false, inDistanceM: 850 }),
    morning('2026-11-23', { clockOutAt: null, outPass: null, outDistanceM: null }),
    morning('2026-11-30', { makeup: true, inDistanceM: null, outDistanceM: null, outPass: null }),
    morning('2026-10-26'), // October: not November's
    // Night of Monday 30 November (15:00–17:00 UTC): 60 min in November, 60 in December.
    nightRecord('2026-11-30'),
    // 2026-11-30T16:30Z is 00:30 on Tuesday 1 December in China: December's.
    record({
      dutyId: 'd3',
      teacherOpenid: 't2',
      hostSchoolId: 'host3',
      sessionDate: '2026-12-01',
      slotStart: '00:30',
      slotEnd: '01:30',
      clockInAt: at('2026-11-30T16:30:00Z'),
      clockOutAt: at('2026-11-30T17:30:00Z'),
    }),
    record({
      dutyId: 'd3',
      teacherOpenid: 't2',
      hostSchoolId: 'host3',
      sessionDate: '2026-11-24',
      slotStart: '00:30',
      slotEnd: '01:30',
      clockInAt: cn('2026-11-24', '00:31'),
      clockOutAt: cn('2026-11-24', '01:20'),
      leftEarly: true,
    }),
    record({
      dutyId: 'gone',
      sessionDate: '2026-11-10',
      slotStart: '08:00',
      slotEnd: '08:45',
      clockInAt: cn('2026-11-10', '08:00'),
    }),
  ];

  const nov = monthSummary(records, [d1, d2, d3], '2026-11', CN, SUBSIDY_TABLE, travel);
  const dec = monthSummary(records, [d1, d2, d3], '2026-12', CN, SUBSIDY_TABLE, travel);
  const byId = (s: typeof nov, id: string) => s.byDuty.find((d) => d.dutyId === id)!;

  it('per duty: minutes, sessions, 课时, flags', () => {
    const a = byId(nov, 'd1');
    // Verified: 45 + 30 (late 08:15) + 45 (capped) + 45 (make-up) = 165. The record from before codes
    // clocked in 850 m away is 未核验 by its old rule (presenceVerified): 45 minutes and 2 课时 apart.
    expect(a).toMatchObject({ minutes: 165, sessions: 4, scheduled: 5, periods: 8, subsidyDays: 4 });
    expect(a).toMatchObject({ unverifiedMinutes: 45, unverifiedSessions: 1, unverifiedPeriods: 2 });
    expect(a.flags).toEqual({ late: 1, leftEarly: 0, outOfRange: 1, capped: 1, makeup: 1 });
  });

  it('subsidy: days × the rate of the distance band and hardship (sample data)', () => {
    expect(byId(nov, 'd1').rate).toMatchObject({ yuanPerDay: 15, sample: true });
    expect(byId(nov, 'd1').subsidyYuan).toBe(60);
    expect(byId(nov, 'd3')).toMatchObject({ sessions: 1, subsidyDays: 1, subsidyYuan: 90, minutes: 49 });
    expect(byId(nov, 'd2')).toMatchObject({ rate: null, subsidyYuan: 0, subsidyMissing: true });
    expect(byId(nov, 'd2').rateProblem).toContain('缺少两校距离');
    expect(nov.subsidySample).toBe(true);
  });

  it('a night session across the month end feeds both months; its session counts in its own', () => {
    expect(byId(nov, 'd2')).toMatchObject({ minutes: 60, sessions: 1, periods: 1 });
    expect(byId(dec, 'd2')).toMatchObject({ minutes: 60, sessions: 0, periods: 0 });
    const line = dec.lines.find((l) => l.record.dutyId === 'd2')!;
    expect(line).toMatchObject({ sessionInMonth: false, minutes: 60 });
  });

  it('a record at 2026-11-30T16:30Z belongs to December', () => {
    expect(nov.lines.some((l) => l.record.sessionDate === '2026-12-01')).toBe(false);
    expect(byId(dec, 'd3')).toMatchObject({ sessions: 1, minutes: 60, subsidyYuan: 90 });
  });

  it('per teacher and overall totals add up the duties', () => {
    const t1 = nov.byTeacher.find((t) => t.teacherOpenid === 't1')!;
    expect(t1).toMatchObject({
      teacherName: '王老师',
      minutes: 225,
      sessions: 5,
      periods: 9,
      subsidyYuan: 60,
      subsidyMissing: true,
      unverifiedPeriods: 2,
    });
    expect(nov.byTeacher.map((t) => t.teacherOpenid)).toEqual(['t1', 't2']);
    expect(nov.total.minutes).toBe(nov.byDuty.reduce((s, d) => s + d.minutes, 0));
    expect(nov.total).toMatchObject({ sessions: 6, subsidyYuan: 150, unverifiedSessions: 1, unverifiedMinutes: 45 });
    expect(nov.total.flags).toEqual({ late: 1, leftEarly: 1, outOfRange: 1, capped: 1, makeup: 1 });
  });

  it('a record of an unknown duty is left out with a note, not silently', () => {
    expect(nov.lines.some((l) => l.record.dutyId === 'gone')).toBe(false);
    expect(nov.notes).toEqual(['签到记录 r-gone-2026-11-10-08:00 对应的任务 gone 不存在，未计入']);
  });

  it('scheduled sessions count up to now when now is given', () => {
    const midMonth = monthSummary(records, [d1], '2026-11', CN, SUBSIDY_TABLE, travel, {
      nowMs: cn('2026-11-16', '12:00'),
    });
    expect(byId(midMonth, 'd1').scheduled).toBe(3);
  });

  it('a duty with sessions but no records still shows, as absences', () => {
    const s = monthSummary([], [d1], '2026-11', CN, SUBSIDY_TABLE, travel);
    expect(byId(s, 'd1')).toMatchObject({ scheduled: 5, sessions: 0, minutes: 0, subsidyYuan: 0 });
  });
});

describe('monthSummary: verified presence (扫码签到) decides what counts', () => {
  const d = duty({ _id: 'd1', slots: [slot(1, '08:00', '08:45', 2)], termStart: '2026-11-01', termEnd: '2026-11-30' });
  const travel: Record<string, DutyTravel> = { d1: { distanceKm: 5, hardship: 1 } };
  const records: ClockRecord[] = [
    morning('2026-11-02', { presence: 'code', presenceReason: null }),
    morning('2026-11-09', { presence: 'unverified', presenceReason: '未扫签到码：位置为手机上报，未经现场核验' }),
    // Clocked in without the code, then 扫码核验 at 08:20: verified, its time kept.
    morning('2026-11-16', {
      presence: 'code',
      presenceReason: null,
      presenceVerifiedAt: cn('2026-11-16', '08:20'),
      verifyDistanceM: 40,
    }),
    morning('2026-11-23', {
      presence: 'makeup',
      presenceReason: null,
      makeup: true,
      inDistanceM: null,
      outDistanceM: null,
      outPass: null,
    }),
    morning('2026-11-30'), // before codes, within range: counts as it did
  ];
  const s = monthSummary(records, [d], '2026-11', CN, SUBSIDY_TABLE, travel);

  it('unverified sessions are shown with their status but counted apart: no 出勤, 课时 or subsidy day', () => {
    expect(s.lines.map((l) => l.count)).toEqual(['verified', 'unverified', 'verified', 'verified', 'verified']);
    expect(s.total).toMatchObject({
      sessions: 4,
      periods: 8,
      minutes: 180,
      unverifiedSessions: 1,
      unverifiedPeriods: 2,
      unverifiedMinutes: 45,
      subsidyDays: 4,
      subsidyYuan: 60,
    });
  });

  it('the CSV shows each status and splits its columns the same way', () => {
    const rows = monthCsv(s, { schools: {} }).slice(1).split('\r\n');
    const cells = rows.map((line) => line.split(','));
    const records = cells.filter((c) => c[0] === '记录');
    expect(records.map((c) => c[csvCol('核验')])).toEqual([
      '已核验',
      '未核验：未扫签到码：位置为手机上报，未经现场核验',
      '已核验',
      '补卡（校长确认）',
      '定位签到（扫码上线前）',
    ]);
    expect(records[2][csvCol('核验时间')]).toBe('2026-11-16 08:20');
    expect(records[1].slice(csvCol('计入分钟'), csvCol('未核验课时') + 1)).toEqual(['0', '0', '0', '45', '2']);
    const total = cells.find((c) => c[0] === '总计')!;
    expect(csvByHeader(total)).toMatchObject({
      课时: '8',
      未核验课时: '2',
      出勤次数: '4',
      未核验次数: '1',
      '补助估算（元）': '60',
    });
    // The column of record rows adds up to the total.
    expect(records.reduce((n, c) => n + Number(c[csvCol('未核验分钟')]), 0)).toBe(Number(total[csvCol('未核验分钟')]));
    expect(cells.some((c) => c[0] === '说明' && c.at(-1)!.includes('1 节未核验'))).toBe(true);
  });
});
