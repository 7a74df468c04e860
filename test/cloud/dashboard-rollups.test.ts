import { rebuildRollupsInStore } from '../../local/kpi-rollups';
import type { ClockRecord } from '@/domain/duty/types';
import {
  bookingFactsFromBookings,
  homeOfDuties,
  hoursOf,
  recordFactsFromRecords,
  schoolYearPeriod,
  type KpiBooking,
  type RecordFacts,
} from '@/domain/kpi';
import { ROLLUP_SHARDS, plus, recordFactsFromRollups, type KpiRollup, type RollupFigures } from '@/domain/kpi-rollup';
import { CN } from '../domain/duty/fixtures';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedStore } from '../../local/data-dir';
import { Store } from '../../local/runtime/store';
import { COLLECTIONS, INDEXES } from '@/contracts/collections';
import { buildSeed } from '../../tools/seed-data';
import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { presenceCodeAt } from '../helpers/presence';

// The dashboard's rollups as the live writes keep them: a district's records made through the duty
// function (clock-in only, clock-out, out of range, 补卡, night sessions across a month end and the
// school year's start, a sample duty), the dashboard compared with the full scan of every record (the
// domain's oracle) at several moments, and the one-off rebuild giving the same rollups.
const app = useTestApp({ now: () => Date.now() }); // seeded for the 2026 school year; each step below sets the clock
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
const cnAt = (date: string, hm: string) => at(`${date}T${hm}:00+08:00`);

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const BUREAU = who('o-local-hd-bureau');
const T1 = who('o-local-hd-teacher');
const NIGHT = who('o-roll-night');
const SAMPLE = who('o-roll-sample');
const LEAD = who('o-local-hd-xuequzhang'); // principal of dt-hd-teacher-1's host school
const LEAD_PRIMARY = who('o-local-hd-lead-primary'); // of dt-hd-teacher-2's host school

const invoke = async (fn: string, data: Record<string, unknown>, as: { OPENID: string; APPID: string }) =>
  (await app.cloud.invoke(fn, data, as)) as { result: any; roundTrips: number; sequentialTrips: number };
let req = 0;
const locationOf = (dutyId: string) =>
  (app.cloud.store.find('duties', { _id: dutyId })[0] as any).hostLocation as { latitude: number; longitude: number };
const hostOf = (dutyId: string) => (app.cloud.store.find('duties', { _id: dutyId })[0] as any).hostSchoolId as string;
/** A 签到 scans the host school's code unless `scan` is false (recorded unverified). */
const clock = async (
  action: 'clockIn' | 'clockOut',
  as: { OPENID: string; APPID: string },
  dutyId: string,
  far = false,
  scan = true,
) => {
  const loc = locationOf(dutyId);
  const extra =
    action === 'clockOut'
      ? { confirmEarlyLeave: true }
      : scan
        ? { presenceCode: presenceCodeAt(hostOf(dutyId)).token }
        : {};
  const r = await invoke(
    'duty',
    {
      action,
      requestId: `req-roll-${String(++req).padStart(6, '0')}`,
      location: far ? { ...loc, latitude: loc.latitude + 0.01 } : loc,
      ...extra,
    },
    as,
  );
  expect(r.result.ok ? 'ok' : `${action} at ${new Date(Date.now()).toISOString()}: ${JSON.stringify(r.result)}`).toBe(
    'ok',
  );
  return r.result.data;
};
const makeup = async (
  dutyId: string,
  sessionDate: string,
  slotStart: string,
  decider: { OPENID: string; APPID: string },
) => {
  const asked = await invoke(
    'duty',
    {
      action: 'requestMakeup',
      dutyId,
      sessionDate,
      slotStart,
      reason: '手机没电，未能签到',
      requestId: `req-mk-${String(++req).padStart(6, '0')}`,
    },
    T1,
  );
  expect(asked.result).toMatchObject({ ok: true });
  expect(
    (await invoke('duty', { action: 'decideMakeup', id: asked.result.data.id, approve: true }, decider)).result,
  ).toMatchObject({ ok: true });
};
const dashboard = async (schoolYear?: number) => {
  const r = await invoke(
    'admin',
    { action: 'dashboard', scope: 'district', ...(schoolYear ? { schoolYear } : {}) },
    BUREAU,
  );
  expect(r.result).toMatchObject({ ok: true });
  return r;
};

const districtSchools = () =>
  (app.cloud.store.find('schools', { districtCode: '120102' }) as Array<{ _id: string }>).map((s) => s._id);
const records = () => app.cloud.store.find('clock_records', {}) as unknown as ClockRecord[];
const duties = () =>
  app.cloud.store.find('duties', { districtCode: '120102' }) as unknown as Array<{ _id: string; homeSchoolId: string }>;
const rollups = () => app.cloud.store.find('kpi_rollups', {}) as unknown as KpiRollup[];

/** The full scan over every record of the district's host schools: what the dashboard must show. */
function oracle(year: number, nowMs: number): RecordFacts {
  const ids = new Set(districtSchools());
  return recordFactsFromRecords(
    records().filter((r) => ids.has(r.hostSchoolId)),
    homeOfDuties(duties()),
    schoolYearPeriod(year, CN),
    CN,
    nowMs,
  );
}

/** The dashboard's rows against the oracle: hours, sessions and the notes on what was left out. */
async function expectDashboardEqualsFullScan(year: number) {
  const nowMs = Date.now();
  const facts = oracle(year, nowMs);
  const view = (await dashboard(year)).result.data;
  const of = (id: string) =>
    facts.bySchool.get(id) ?? { hostMinutes: 0, hostSessions: 0, homeSessions: 0, unverifiedSessions: 0 };
  for (const row of view.schoolRows) {
    expect({
      id: row.id,
      hostHours: row.hostHours,
      hostSessions: row.hostSessions,
      homeSessions: row.homeSessions,
      unverifiedSessions: row.unverifiedSessions,
    }).toEqual({
      id: row.id,
      hostHours: hoursOf(of(row.id).hostMinutes),
      hostSessions: of(row.id).hostSessions,
      homeSessions: of(row.id).homeSessions,
      unverifiedSessions: of(row.id).unverifiedSessions,
    });
  }
  const sum = (k: 'hostMinutes' | 'hostSessions' | 'homeSessions' | 'unverifiedSessions') =>
    districtSchools().reduce((n, id) => n + of(id)[k], 0);
  expect(view.total).toMatchObject({
    hostHours: hoursOf(sum('hostMinutes')),
    hostSessions: sum('hostSessions'),
    homeSessions: sum('homeSessions'),
    unverifiedSessions: sum('unverifiedSessions'),
  });
  const unverifiedNote = view.notes.find((n: string) => n.startsWith(`${facts.unverified} 条签到记录未核验`));
  expect(unverifiedNote ?? null).toBe(
    facts.unverified > 0
      ? `${facts.unverified} 条签到记录未核验（未扫签到码、不在范围内签到且无补卡，或尚未结束），未计入工时和节次`
      : null,
  );
  const noCodeNote = view.notes.find((n: string) => n.includes('未扫任务学校的签到码'));
  expect(noCodeNote ?? null).toBe(
    facts.noCode > 0 ? `其中 ${facts.noCode} 条签到未扫任务学校的签到码（或扫码时超出范围），只记录、不计入` : null,
  );
  // Minutes exactly, from the stored rollups and the records the dashboard reads directly.
  const period = schoolYearPeriod(year, CN);
  const fromRollups = recordFactsFromRollups(
    rollups(),
    records().filter((r) => r.clockOutAt === null),
    homeOfDuties(duties()),
    period,
    CN,
    nowMs,
  );
  const nonZero = (f: RecordFacts) =>
    [...f.bySchool]
      .filter(([, s]) => s.hostMinutes || s.hostSessions || s.homeSessions || s.unverifiedSessions)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  expect({ ...fromRollups, bySchool: nonZero(fromRollups) }).toEqual({ ...facts, bySchool: nonZero(facts) });
  return { view, facts };
}

beforeAll(async () => {
  const store = app.cloud.store;
  const seeded = store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as Record<string, unknown>;
  const s11 = store.find('schools', { _id: 'hd-s11' })[0] as any;
  const s01 = store.find('schools', { _id: 'hd-s01' })[0] as any;
  const every = (start: string, end: string, days: number[]) =>
    days.map((weekday) => ({ weekday, start, end, periods: 1 }));
  store.insertMany('users', [
    {
      _id: NIGHT.OPENID,
      roles: ['teacher'],
      name: '夜班老师',
      districtCode: '120102',
      schoolId: 'hd-s12',
      xuequId: null,
    },
    {
      _id: SAMPLE.OPENID,
      roles: ['teacher'],
      name: '示例老师',
      districtCode: '120102',
      schoolId: 'hd-s05',
      xuequId: null,
    },
  ]);
  store.insertMany('duties', [
    // Night sessions every day, 23:00–01:00, from August: across the month ends and the year's start.
    {
      ...seeded,
      _id: 'dt-roll-night',
      teacherOpenid: NIGHT.OPENID,
      teacherName: '夜班老师',
      homeSchoolId: 'hd-s12',
      hostSchoolId: 'hd-s11',
      hostSchoolName: s11.name,
      hostLocation: s11.location,
      kind: 'rotation',
      sample: false,
      termStart: '2026-08-01',
      termEnd: '2027-07-10',
      slots: every('23:00', '01:00', [1, 2, 3, 4, 5, 6, 7]),
    },
    {
      ...seeded,
      _id: 'dt-roll-sample',
      teacherOpenid: SAMPLE.OPENID,
      teacherName: '示例老师',
      homeSchoolId: 'hd-s05',
      hostSchoolId: 'hd-s01',
      hostSchoolName: s01.name,
      hostLocation: s01.location,
      kind: 'support',
      sample: true,
      slots: every('14:00', '17:00', [1, 2, 3, 4, 5]),
    },
  ]);
});

describe('the dashboard from rollups', () => {
  it('equals the full scan while records are written through the functions', async () => {
    cnAt('2026-08-31', '23:05');
    await clock('clockIn', NIGHT, 'dt-roll-night');
    cnAt('2026-09-01', '00:20'); // the school year's first minutes, the session still running
    await expectDashboardEqualsFullScan(2026);
    cnAt('2026-09-01', '00:55');
    await clock('clockOut', NIGHT, 'dt-roll-night');
    await expectDashboardEqualsFullScan(2025);
    await expectDashboardEqualsFullScan(2026);

    cnAt('2026-10-31', '23:10');
    await clock('clockIn', NIGHT, 'dt-roll-night');
    cnAt('2026-11-01', '00:40');
    await clock('clockOut', NIGHT, 'dt-roll-night');

    cnAt('2026-11-16', '10:00');
    await clock('clockIn', T1, 'dt-hd-teacher-1');
    cnAt('2026-11-16', '11:20'); // leaves early
    await clock('clockOut', T1, 'dt-hd-teacher-1');
    cnAt('2026-11-19', '10:00');
    await clock('clockIn', T1, 'dt-hd-teacher-1', true); // out of range, never clocked out
    cnAt('2026-11-19', '12:00');
    const { facts } = await expectDashboardEqualsFullScan(2026);
    expect(facts.unverified).toBe(1);

    cnAt('2026-11-20', '09:00');
    // The out-of-range record, its clock-out made up: a 补卡 of the clock-out does not verify a clock-in
    // that was not (scanned out of range), so it stays unverified.
    await makeup('dt-hd-teacher-1', '2026-11-19', '09:55', LEAD);
    await makeup('dt-hd-teacher-2', '2026-11-18', '14:00', LEAD_PRIMARY); // a missed session
    cnAt('2026-11-20', '14:05');
    await clock('clockIn', SAMPLE, 'dt-roll-sample');
    cnAt('2026-11-20', '16:50');
    await clock('clockOut', SAMPLE, 'dt-roll-sample');
    cnAt('2026-11-27', '14:00');
    await clock('clockIn', SAMPLE, 'dt-roll-sample'); // no clock-out: counted once the slot is over
    cnAt('2026-11-27', '15:00');
    await expectDashboardEqualsFullScan(2026);

    cnAt('2026-11-30', '23:05');
    await clock('clockIn', NIGHT, 'dt-roll-night'); // no clock-out, across the month end
    cnAt('2026-12-01', '00:30'); // still running: not counted yet, counted as unverified
    const running = await expectDashboardEqualsFullScan(2026);
    expect(running.facts).toMatchObject({ unverified: 2, noCode: 1 });
    cnAt('2026-12-01', '10:00'); // its slot is over: verified with no write at all
    const over = await expectDashboardEqualsFullScan(2026);
    expect(over.facts).toMatchObject({ unverified: 1, noCode: 1 });
    expect(over.facts.bySchool.get('hd-s11')!.hostMinutes).toBe(55 + (50 + 40) + (55 + 60)); // every night minute of the year: 00:00–00:55, 23:10–00:40, 23:05–01:00
    expect(over.view.figuresUpdatedAt).toBe('2026-11-30 23:05');
    expect(over.view.sample.records).toBe(true);

    cnAt('2026-12-01', '23:05');
    await clock('clockIn', NIGHT, 'dt-roll-night', true); // out of range
    cnAt('2026-12-02', '09:00');
    const outOfRange = await expectDashboardEqualsFullScan(2026);
    expect(outOfRange.facts).toMatchObject({ unverified: 2, noCode: 2 }); // scanned, but out of range: unverified with its reason

    // 签到 without the code, within range: recorded, shown apart at the host school, never counted.
    cnAt('2026-12-02', '23:05');
    const noCode = await clock('clockIn', NIGHT, 'dt-roll-night', false, false);
    expect(noCode).toMatchObject({ verified: false, presenceLabel: '未核验', pass: true });
    cnAt('2026-12-03', '00:50');
    await clock('clockOut', NIGHT, 'dt-roll-night');
    cnAt('2026-12-03', '09:00');
    const after = await expectDashboardEqualsFullScan(2026);
    expect(after.facts).toMatchObject({ unverified: 3, noCode: 3 });
    expect(after.facts.bySchool.get('hd-s11')!.hostMinutes).toBe(over.facts.bySchool.get('hd-s11')!.hostMinutes);
    expect(after.view.schoolRows.find((r: any) => r.id === 'hd-s11')).toMatchObject({ unverifiedSessions: 2 });
    cnAt('2027-09-01', '00:30');
    await expectDashboardEqualsFullScan(2026);
  });

  it('the one-off rebuild gives the rollups the live writes kept', async () => {
    // The figures of a school × month: its shards summed (live writes spread over shards, the rebuild writes one).
    const strip = (list: KpiRollup[]) => {
      const sums = new Map<string, RollupFigures>();
      for (const { _id: _i, hostSchoolId, month, shard: _s, updatedAt: _u, ...f } of list) {
        const key = `${hostSchoolId}:${month}`;
        sums.set(
          key,
          plus(
            sums.get(key) ?? { hostMinutes: 0, hostSessions: 0, home: [], orphanSessions: 0, unverified: 0, noCode: 0 },
            f,
          ),
        );
      }
      return [...sums]
        .filter(
          ([, f]) => f.hostMinutes || f.hostSessions || f.orphanSessions || f.unverified || f.noCode || f.home.length,
        )
        .sort(([a], [b]) => (a < b ? -1 : 1));
    };
    const live = strip(rollups());
    expect(live.map(([key]) => key.slice(-7))).toEqual(
      expect.arrayContaining(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']),
    );
    expect(rollups().every((r) => r.shard >= 0 && r.shard < ROLLUP_SHARDS)).toBe(true);
    app.cloud.store.mutate('kpi_rollups', {}, true, () => null);
    let calls = 0;
    for (const schoolYear of [2025, 2026]) {
      let cursor: number | null = 0;
      while (cursor !== null) {
        const r = await invoke('admin', { action: 'rebuildKpiRollups', schoolYear, cursor }, BUREAU);
        expect(r.result).toMatchObject({ ok: true, data: { schoolYear, total: districtSchools().length } });
        cursor = r.result.data.next;
        calls += 1;
      }
    }
    expect(calls).toBe(2 * Math.ceil(districtSchools().length / 10));
    expect(strip(rollups())).toEqual(live);
    // The store-level rebuild (seed, bench) gives them too.
    rebuildRollupsInStore(app.cloud.store, Date.now());
    expect(strip(rollups())).toEqual(live);
  });

  it('the rebuild is the bureau’s, and names a bad cursor', async () => {
    expect((await invoke('admin', { action: 'rebuildKpiRollups' }, LEAD)).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await invoke('admin', { action: 'rebuildKpiRollups', cursor: -1 }, BUREAU)).result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
    expect((await invoke('admin', { action: 'rebuildKpiRollups', cursor: 9999 }, BUREAU)).result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
  });

  it('costs the same requests whatever the history: 5,000 more old records change nothing', async () => {
    cnAt('2026-12-02', '09:00');
    const before = await dashboard(2026);
    // Records from before 扫码签到 (no presence field): counted by geofence, as they were.
    const { presence: _p, presenceReason: _r, ...base } = records()[0] as unknown as Record<string, unknown>;
    const old = Array.from({ length: 5000 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = ['09', '10', '11'][i % 3];
      const start = Date.parse(`2026-${month}-${day}T08:00:00+08:00`);
      return {
        ...base,
        _id: `cr-old-${i}`,
        dutyId: 'dt-roll-sample',
        hostSchoolId: 'hd-s01',
        sessionDate: `2026-${month}-${day}`,
        slotStart: '08:00',
        slotEnd: '09:00',
        clockInAt: start,
        clockOutAt: start + 3_600_000,
        inPass: true,
        makeup: false,
      };
    });
    app.cloud.store.insertMany('clock_records', old);
    rebuildRollupsInStore(app.cloud.store, Date.now(), 999); // paged: 6 pages
    const after = await dashboard(2026);
    expect(after.result.data.schoolRows.find((r: any) => r.id === 'hd-s01').hostSessions).toBeGreaterThanOrEqual(5000);
    expect(after.roundTrips).toBe(before.roundTrips);
    expect(after.sequentialTrips).toBe(before.sequentialTrips);
    await expectDashboardEqualsFullScan(2026);
  });

  it('sums facility sharing in the database exactly as the domain sums every booking', async () => {
    cnAt('2026-12-02', '09:00');
    const ids = districtSchools().slice(0, 6);
    const statuses = ['confirmed', 'confirmed', 'cancelled'] as const;
    // Across the year's start and end, own facilities, cancelled ones, odd seconds (floored per booking).
    const starts = [
      '2026-08-31T22:00:00+08:00',
      '2026-10-10T09:00:00+08:00',
      '2027-08-31T23:30:00+08:00',
      '2026-11-20T14:00:17+08:00',
    ];
    const bookings = Array.from({ length: 60 }, (_, i) => {
      const start = Date.parse(starts[i % starts.length]) + i * 61_111;
      return {
        _id: `bk-roll-${i}`,
        facilityId: 'fc-roll',
        schoolId: ids[i % 6],
        bookingSchoolId: ids[(i * 5 + (i % 4)) % 6],
        districtCode: '120102',
        date: '2026-11-20',
        start,
        end: start + (30 + (i % 7) * 45) * 60_000 + (i % 3) * 29_000,
        status: statuses[i % 3],
        sample: i % 5 === 0,
        purpose: '示例数据',
        approvalId: null,
        createdAt: start - 86_400_000,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: null,
      };
    });
    app.cloud.store.insertMany('bookings', bookings);
    const all = app.cloud.store.find('bookings', { districtCode: '120102' }) as unknown as KpiBooking[];
    for (const year of [2025, 2026, 2027]) {
      const expected = bookingFactsFromBookings(all, schoolYearPeriod(year, CN));
      const view = (await dashboard(year)).result.data;
      for (const row of view.schoolRows) {
        const f = expected.bySchool.get(row.id) ?? { lentMinutes: 0, borrowedMinutes: 0 };
        expect({ id: row.id, lent: row.lentHours, borrowed: row.borrowedHours }).toEqual({
          id: row.id,
          lent: hoursOf(f.lentMinutes),
          borrowed: hoursOf(f.borrowedMinutes),
        });
      }
      if (year === 2026)
        expect([...expected.bySchool.values()].filter((f) => f.lentMinutes > 0).length).toBeGreaterThan(3);
    }
  });

  it('a seed with clock records is stored with their rollups', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-seed-rollups-'));
    const store = new Store(path.join(dir, 'x.sqlite'), { indexes: INDEXES, collections: Object.values(COLLECTIONS) });
    try {
      const seed = buildSeed(TEST_NOW);
      const rec = (i: number, over: Partial<ClockRecord> = {}): ClockRecord => {
        const start = Date.parse(`2026-11-0${1 + i}T14:00:00+08:00`);
        return {
          _id: `cr-seed-${i}`,
          dutyId: 'dt-roll-sample',
          teacherOpenid: SAMPLE.OPENID,
          hostSchoolId: 'hd-s01',
          sessionDate: `2026-11-0${1 + i}`,
          slotStart: '14:00',
          slotEnd: '17:00',
          clockInAt: start,
          clockOutAt: start + 2 * 3_600_000,
          inDistanceM: 10,
          inPass: true,
          outDistanceM: 10,
          outPass: true,
          late: false,
          leftEarly: false,
          makeup: false,
          ...over,
        };
      };
      const seededRecords = [
        rec(0),
        rec(1, { clockOutAt: null, outPass: null }),
        rec(2, { inPass: false }),
        rec(3, { dutyId: 'dt-gone' }),
      ];
      seedStore(
        { store },
        { ...seed, clock_records: seededRecords as never, duties: app.cloud.store.find('duties', {}) as never },
        TEST_NOW,
      );
      const stored = store.find('kpi_rollups', {}) as unknown as KpiRollup[];
      const sessions = stored.reduce((n, r) => n + r.hostSessions, 0);
      const expected = recordFactsFromRecords(
        seededRecords,
        homeOfDuties(duties()),
        { first: '0000-01-01', last: '9999-12-31', schoolYear: 0, startMs: 0, endMs: Infinity },
        CN,
        Infinity,
      );
      expect(sessions).toBe([...expected.bySchool.values()].reduce((n, f) => n + f.hostSessions, 0));
      expect(sessions).toBe(3);
      expect(stored.reduce((n, r) => n + r.unverified, 0)).toBe(1);
      expect(stored.every((r) => r.updatedAt === TEST_NOW)).toBe(true);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
