import {
  NO_KEY_DATA,
  ageBucket,
  bookingFactsFromBookings,
  dashboardKpis,
  homeOfDuties,
  recordFactsFromRecords,
  isVerified,
  pendingAges,
  schoolYearPeriod,
  type KpiApproval,
  type KpiBooking,
  type KpiDuty,
  type KpiRow,
  type KpiSchool,
} from '@/domain/kpi';
import type { ClockRecord } from '@/domain/duty';
import { CN, cn, record } from './duty/fixtures';
import { xuequVersion } from './fixtures';

// A hand-made district: four schools in two 学区, duties, clock records, bookings and approvals whose
// every figure is worked out by hand in the comments.
const NOW = cn('2026-11-23', '10:00');
const HOUR = 3_600_000;
const period = schoolYearPeriod(2026, CN);

const school = (id: string, teacherCount: number | null, keyTeacherCount: number | null = null): KpiSchool => ({
  id,
  name: id,
  teacherCount,
  keyTeacherCount,
  teacherCountSample: id !== 's4',
});
const schools = [school('s1', 10), school('s2', 20, 2), school('s3', null), school('s4', 10)];

const composition = [
  xuequVersion('x1', { name: '第一学区', from: '2020-01-01', primary: ['s1', ['s2']] }),
  xuequVersion('x2', { name: '第二学区', from: '2020-01-01', primary: ['s3', ['s4']] }),
];

const duty = (
  id: string,
  teacher: string,
  home: string,
  host: string,
  kind: KpiDuty['kind'],
  over: Partial<KpiDuty> = {},
): KpiDuty => ({
  _id: id,
  teacherOpenid: teacher,
  homeSchoolId: home,
  hostSchoolId: host,
  kind,
  termStart: '2026-09-01',
  termEnd: '2027-07-10',
  status: 'active',
  sample: false,
  ...over,
});
const duties: KpiDuty[] = [
  duty('d1', 't1', 's1', 's2', 'rotation'),
  duty('d2', 't1', 's1', 's4', 'cross-teaching'), // same teacher: counted once
  duty('d3', 't2', 's1', 's2', 'mentoring'),
  duty('d4', 't3', 's1', 's2', 'joint-research'), // moves nobody: not counted
  duty('d5', 't4', 's1', 's2', 'rotation', { status: 'ended' }), // withdrawn: not counted
  duty('d6', 't5', 's1', 's2', 'rotation', { termStart: '2025-09-01', termEnd: '2026-07-10' }), // last year
  duty('d7', 't6', 's2', 's1', 'itinerant', { teacherKey: true }),
  duty('d8', 't7', 's3', 's1', 'support'), // s3 has no teacher count: left out of the share
  duty('d9', 't8', 's4', 's3', 'rotation', { termStart: '2027-08-01', termEnd: '2027-12-31' }), // overlaps the year's end
  duty('d10', 't9', 's1', 's4', 'support'),
];

const rec = (
  id: string,
  dutyId: string,
  host: string,
  date: string,
  start: string,
  end: string,
  over: Partial<ClockRecord> = {},
): ClockRecord =>
  record({
    _id: id,
    dutyId,
    hostSchoolId: host,
    sessionDate: date,
    slotStart: start,
    slotEnd: end,
    clockInAt: cn(date, start),
    clockOutAt: cn(date, end),
    ...over,
  });
const records: ClockRecord[] = [
  rec('r1', 'd1', 's2', '2026-11-02', '08:00', '09:00'), // 60
  rec('r2', 'd1', 's2', '2026-11-09', '08:00', '09:00', {
    clockInAt: cn('2026-11-09', '08:10'),
    clockOutAt: cn('2026-11-09', '08:50'),
    late: true,
    leftEarly: true,
  }), // 40
  rec('r3', 'd1', 's2', '2026-11-16', '08:00', '09:00', { inPass: false }), // out of range, no 补卡: unverified
  rec('r4', 'd2', 's4', '2026-11-17', '14:00', '15:30', { makeup: true, inDistanceM: null, outPass: null }), // 补卡: 90
  rec('r5', 'd2', 's4', '2026-11-18', '14:00', '15:30', { clockOutAt: null, outPass: null }), // capped at the slot end: 90
  rec('r6', 'd2', 's4', '2026-11-23', '09:30', '11:00', {
    clockInAt: cn('2026-11-23', '09:35'),
    clockOutAt: null,
    outPass: null,
  }), // running: unverified
  // A night session of 31 August: only the hour after midnight falls in the school year; no session counted.
  rec('r7', 'd7', 's1', '2026-08-31', '23:00', '01:00', { clockOutAt: cn('2026-09-01', '01:00') }),
  rec('r8', 'd7', 's1', '2026-10-10', '10:00', '11:00'), // 60
  rec('r9', 'd8', 's1', '2026-10-12', '10:00', '11:00', { inPass: false, makeup: true }), // outside, then approved 补卡: 60
  rec('r10', 'gone', 's3', '2026-10-01', '08:00', '08:30'), // duty missing: host only, 30
];

const booking = (
  owner: string,
  booker: string,
  start: number,
  hours: number,
  status: KpiBooking['status'] = 'confirmed',
): KpiBooking => ({ schoolId: owner, bookingSchoolId: booker, start, end: start + hours * HOUR, status });
const bookings: KpiBooking[] = [
  booking('s1', 's2', cn('2026-10-10', '16:30'), 2), // 120
  booking('s1', 's3', cn('2026-11-07', '09:00'), 1.5), // 90
  booking('s2', 's1', cn('2026-11-08', '09:00'), 1, 'cancelled'),
  booking('s4', 's4', cn('2026-11-08', '09:00'), 1), // own facility
  booking('s3', 's1', cn('2026-06-10', '09:00'), 1), // last school year
];

const recordFacts = recordFactsFromRecords(records, homeOfDuties(duties), period, CN, NOW);
const input = {
  schools,
  duties,
  recordFacts,
  bookingFacts: bookingFactsFromBookings(bookings, period),
  period,
  composition,
  district: { code: '120102', name: '河东区' },
};
const district = dashboardKpis({ ...input, scope: { kind: 'district' } });
const byId = (rows: KpiRow[], id: string) => rows.find((r) => r.id === id)!;

describe('school year', () => {
  it('runs from 1 September to 31 August in China time', () => {
    expect(period).toEqual({
      schoolYear: 2026,
      first: '2026-09-01',
      last: '2027-08-31',
      startMs: Date.parse('2026-08-31T16:00:00Z'),
      endMs: Date.parse('2027-08-31T16:00:00Z'),
    });
  });
});

describe('verified records', () => {
  const r = (id: string) => records.find((x) => x._id === id)!;
  it('counts in-range clock-ins and approved 补卡 that ended with a clock-out or a capped end', () => {
    expect(['r1', 'r2', 'r4', 'r5', 'r7', 'r8', 'r9'].map((id) => isVerified(r(id), CN, NOW))).toEqual(
      Array(7).fill(true),
    );
  });
  it('leaves out clock-ins outside the geofence without 补卡, sessions still running, and records never clocked in', () => {
    expect(isVerified(r('r3'), CN, NOW)).toBe(false);
    expect(isVerified(r('r6'), CN, NOW)).toBe(false);
    expect(isVerified({ ...r('r1'), clockInAt: null }, CN, NOW)).toBe(false);
  });
});

describe('rotation share against 30%', () => {
  it('per school: distinct teachers with an active exchange duty this school year / teacher count', () => {
    // s1: t1 (two duties), t2, t9 → 3/10 = 30%, met; s2: t6 → 1/20; s4: t8 → 1/10; s3: no count.
    expect(byId(district.schools, 's1').rotation).toEqual({
      count: 3,
      base: 10,
      share: 0.3,
      target: 0.3,
      met: true,
      schoolsWithoutCount: 0,
    });
    expect(byId(district.schools, 's2').rotation).toMatchObject({ count: 1, base: 20, share: 0.05, met: false });
    expect(byId(district.schools, 's4').rotation).toMatchObject({ count: 1, base: 10, share: 0.1, met: false });
    expect(byId(district.schools, 's3').rotation).toEqual({
      count: 0,
      base: null,
      share: null,
      target: 0.3,
      met: null,
      schoolsWithoutCount: 1,
    });
  });
  it('per 学区 and district: schools without a count are left out of count and base', () => {
    expect(byId(district.xuequ, 'x1').rotation).toMatchObject({
      count: 4,
      base: 30,
      share: 4 / 30,
      met: false,
      schoolsWithoutCount: 0,
    });
    expect(byId(district.xuequ, 'x2').rotation).toMatchObject({
      count: 1,
      base: 10,
      share: 0.1,
      schoolsWithoutCount: 1,
    });
    expect(district.total.rotation).toMatchObject({
      count: 5,
      base: 40,
      share: 0.125,
      met: false,
      schoolsWithoutCount: 1,
    });
  });
  it('marks rows whose teacher counts are sample data', () => {
    expect(byId(district.schools, 's1').teacherCountSample).toBe(true);
    expect(byId(district.schools, 's4').teacherCountSample).toBe(false);
    expect(district.total.teacherCountSample).toBe(true);
  });
});

describe('骨干教师 against 100%', () => {
  it('shows a share only where 骨干教师 are registered, never an invented number', () => {
    expect(byId(district.schools, 's2').key).toEqual({
      count: 1,
      base: 2,
      share: 0.5,
      target: 1,
      met: false,
      registered: true,
    });
    expect(byId(district.schools, 's1').key).toEqual({
      count: 0,
      base: null,
      share: null,
      target: 1,
      met: null,
      registered: false,
    });
    expect(byId(district.xuequ, 'x1').key).toMatchObject({ count: 1, base: 2, registered: true });
    expect(byId(district.xuequ, 'x2').key.registered).toBe(false);
    expect(NO_KEY_DATA).toBe('未登记骨干教师');
  });
});

describe('hours and sessions from verified records', () => {
  it('per host school, within the school year', () => {
    const fig = (id: string) => ({
      min: byId(district.schools, id).hostMinutes,
      host: byId(district.schools, id).hostSessions,
      home: byId(district.schools, id).homeSessions,
    });
    expect(fig('s1')).toEqual({ min: 180, host: 2, home: 4 }); // r7's 60 after midnight + r8 + r9
    expect(fig('s2')).toEqual({ min: 100, host: 2, home: 1 }); // r1 + r2; home of r8
    expect(fig('s3')).toEqual({ min: 30, host: 1, home: 1 }); // r10; home of r9
    expect(fig('s4')).toEqual({ min: 180, host: 2, home: 0 }); // r4 + r5 (capped)
  });
  it('per 学区 and district', () => {
    expect(byId(district.xuequ, 'x1')).toMatchObject({ hostMinutes: 280, hostSessions: 4, homeSessions: 5 });
    expect(byId(district.xuequ, 'x2')).toMatchObject({ hostMinutes: 210, hostSessions: 3, homeSessions: 1 });
    expect(district.total).toMatchObject({ hostMinutes: 490, hostSessions: 7, homeSessions: 6 });
  });
  it('says what was left out', () => {
    expect(district.notes).toEqual([
      '2 条签到记录未核验（未扫签到码、不在范围内签到且无补卡，或尚未结束），未计入工时和节次',
      '1 条签到记录找不到对应任务，只计入任务学校',
    ]);
  });
});

describe('facility sharing', () => {
  it('lent as owner and borrowed as booker, confirmed bookings of other schools in the school year only', () => {
    const fig = (r: KpiRow) => [r.lentMinutes, r.borrowedMinutes];
    expect(fig(byId(district.schools, 's1'))).toEqual([210, 0]);
    expect(fig(byId(district.schools, 's2'))).toEqual([0, 120]);
    expect(fig(byId(district.schools, 's3'))).toEqual([0, 90]);
    expect(fig(byId(district.schools, 's4'))).toEqual([0, 0]);
    expect(fig(byId(district.xuequ, 'x1'))).toEqual([210, 120]);
    expect(fig(district.total)).toEqual([210, 210]);
  });
});

describe('学区 scope', () => {
  it('has the 学区 as total, its schools, and no 学区 rows', () => {
    const x2 = dashboardKpis({ ...input, scope: { kind: 'xuequ', xuequId: 'x2' } });
    expect(x2.total).toMatchObject({ id: 'x2', level: 'xuequ', hostMinutes: 210 });
    expect(x2.schools.map((s) => s.id)).toEqual(['s3', 's4']);
    expect(x2.xuequ).toEqual([]);
    expect(() => dashboardKpis({ ...input, scope: { kind: 'xuequ', xuequId: 'x9' } })).toThrow();
  });
});

describe('pending approvals by age', () => {
  const approval = (
    id: string,
    ageHours: number,
    step: { schoolId: string | null; xuequId: string | null },
    over: Partial<KpiApproval> = {},
  ): KpiApproval => ({
    _id: id,
    type: 'rotation',
    status: 'pending',
    createdAt: NOW - ageHours * HOUR,
    current: 0,
    steps: [step],
    ...over,
  });
  const approvals = [
    approval('a1', 2, { schoolId: 's1', xuequId: null }),
    approval('a2', 24, { schoolId: 's3', xuequId: null }),
    approval('a3', 72, { schoolId: 's9', xuequId: 'x1' }),
    approval('a4', 120, { schoolId: 's2', xuequId: null }, { type: 'facility' }),
    approval('a5', 200, { schoolId: 's1', xuequId: null }, { status: 'approved' }),
  ];
  it('buckets < 1 day, 1–3 days (inclusive), > 3 days', () => {
    expect([
      ageBucket(NOW - 1, NOW),
      ageBucket(NOW - 24 * HOUR, NOW),
      ageBucket(NOW - 72 * HOUR, NOW),
      ageBucket(NOW - 72 * HOUR - 1, NOW),
    ]).toEqual(['under1d', 'd1to3', 'd1to3', 'over3d']);
  });
  it('district: every pending request', () => {
    expect(pendingAges(approvals, NOW)).toEqual({
      total: 4,
      buckets: { under1d: 1, d1to3: 2, over3d: 1 },
      byType: { rotation: 3, facility: 1 },
      oldestDays: 5,
    });
  });
  it('学区: requests whose pending step waits at its schools or at the 学区', () => {
    expect(pendingAges(approvals, NOW, { schoolIds: ['s1', 's2'], xuequId: 'x1' })).toEqual({
      total: 3,
      buckets: { under1d: 1, d1to3: 1, over3d: 1 },
      byType: { rotation: 2, facility: 1 },
      oldestDays: 5,
    });
    expect(pendingAges(approvals, NOW, { schoolIds: ['s3', 's4'], xuequId: 'x2' })).toMatchObject({
      total: 1,
      buckets: { under1d: 0, d1to3: 1, over3d: 0 },
      oldestDays: 1,
    });
  });
  it('none pending: zeros and no oldest age', () => {
    expect(pendingAges([], NOW)).toEqual({
      total: 0,
      buckets: { under1d: 0, d1to3: 0, over3d: 0 },
      byType: {},
      oldestDays: null,
    });
  });
});
