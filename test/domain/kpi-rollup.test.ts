import { addDays, dateIn } from '@/domain/time';
import type { ClockRecord } from '@/domain/duty/types';
import { isVerified, recordFactsFromRecords, schoolYearPeriod, type RecordFacts } from '@/domain/kpi';
import {
  ROLLUP_SHARDS,
  applyDelta,
  emptyFigures,
  rollupId,
  pendingWindow,
  recordContribution,
  recordDelta,
  recordFactsFromRollups,
  rollupsFromRecords,
  rollupsUpdatedAt,
  willVerify,
  type KpiRollup,
  type RollupFigures,
} from '@/domain/kpi-rollup';
import { CN, clockedIn, cn, record } from './duty/fixtures';
import { verifiedLater } from '@/domain/presence';
import { FAST_DEPTH } from '../helpers/depth';

const MIN = 60_000;
const HOUR = 60 * MIN;
const home: Record<string, string> = { d1: 'h1', d2: 'h2', d3: 'h1' };
const homeOf = (id: string) => home[id];

/** A month's contribution or change: nothing but what `over` says. */
const facts = (over: Partial<RollupFigures> = {}): RollupFigures => ({ ...emptyFigures(), ...over });

/** A Monday-morning 08:00–09:00 session on 2 November, clocked in at `inHm` and not out. */
const monday = (inHm = '08:00', over: Partial<ClockRecord> = {}) =>
  clockedIn('2026-11-02', '08:00', '09:00', inHm, over);
/** Clocked in at the start without scanning the school's presence code. */
const noCodeRecord = () => monday('08:00', { presence: 'unverified', presenceReason: '未扫签到码' });

/**
 * Rollups kept as the live writes keep them: one delta per write, each write in a shard of its own
 * choosing (round robin).
 */
function rollupStore() {
  const store = new Map<string, KpiRollup>();
  let writes = 0;
  return {
    write(before: ClockRecord | null, after: ClockRecord, at: number) {
      const shard = writes++ % ROLLUP_SHARDS;
      for (const [month, f] of recordDelta(before, after, homeOf(after.dutyId) ?? null, CN)) {
        const id = rollupId(after.hostSchoolId, month, shard);
        store.set(id, applyDelta(store.get(id) ?? null, after.hostSchoolId, month, f, at, shard));
      }
    },
    rollups: () => [...store.values()],
  };
}

/** Facts as plain data, schools with nothing left out (a take-back may leave a zero entry). */
function plain(f: RecordFacts) {
  const bySchool = Object.fromEntries(
    [...f.bySchool]
      .filter(
        ([, s]) => s.hostMinutes !== 0 || s.hostSessions !== 0 || s.homeSessions !== 0 || s.unverifiedSessions !== 0,
      )
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return { bySchool, unverified: f.unverified, noCode: f.noCode, orphan: f.orphan };
}

/** Rollups of the live writes: the clock-in first, then the final state. */
function liveRollups(records: readonly ClockRecord[], nowMs: number): KpiRollup[] {
  const { write, rollups } = rollupStore();
  for (const r of records) {
    // A 补卡 (no clock-in of its own) or a record never clocked in is written once, in its final state.
    if (r.makeup || r.clockInAt === null || r.clockOutAt === null) write(null, r, nowMs);
    else {
      const clockedIn = { ...r, clockOutAt: null, outPass: null };
      write(null, clockedIn, r.clockInAt);
      write(clockedIn, r, r.clockOutAt);
    }
  }
  return rollups();
}

/** The records a dashboard at nowMs reads directly: of the pending window, without a clock-out. */
function recentOf(records: readonly ClockRecord[], nowMs: number): ClockRecord[] {
  const w = pendingWindow(dateIn(nowMs, CN));
  return records.filter((r) => r.clockOutAt === null && r.sessionDate >= w.from && r.sessionDate <= w.to);
}

// A pseudo-random district over the year's edges: night sessions across month and year ends, clock-ins
// only, clock-outs, late and early, out of range, 补卡, unknown duties, records never clocked in; and
// presence: records from before codes (no field), scanned ones, ones without a code, 补卡 ones.
function randomRecords(seed: number, n: number): ClockRecord[] {
  let x = seed;
  const rnd = (k: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * k); // high bits: the low ones of this generator cycle
  };
  const days = [
    '2026-08-30',
    '2026-08-31',
    '2026-09-01',
    '2026-09-30',
    '2026-10-31',
    '2026-11-21',
    '2026-11-22',
    '2026-11-23',
    '2026-11-30',
    '2027-08-31',
    '2027-09-01',
  ];
  const slots: Array<[string, string]> = [
    ['08:00', '09:30'],
    ['23:00', '01:00'],
    ['22:30', '23:59'],
    ['00:10', '02:00'],
    ['14:00', '17:00'],
  ];
  const out: ClockRecord[] = [];
  for (let i = 0; i < n; i++) {
    const sessionDate = days[rnd(days.length)];
    const [slotStart, slotEnd] = slots[rnd(slots.length)];
    const start = cn(sessionDate, slotStart);
    const end = slotEnd < slotStart ? cn(addDays(sessionDate, 1), slotEnd) : cn(sessionDate, slotEnd);
    const kind = rnd(6);
    const clockInAt = kind === 0 ? null : start + (rnd(5) - 2) * 7 * MIN;
    const clockOutAt = clockInAt === null || kind === 1 ? null : end + (rnd(5) - 3) * 11 * MIN;
    out.push(
      record({
        _id: `r${i}`,
        dutyId: ['d1', 'd2', 'd3', 'gone'][rnd(4)],
        hostSchoolId: ['s1', 's2', 's3'][rnd(3)],
        sessionDate,
        slotStart,
        slotEnd,
        clockInAt,
        clockOutAt,
        inPass: rnd(4) !== 0,
        makeup: kind === 2,
        outPass: clockOutAt === null ? null : true,
        ...presenceOf(rnd(4), kind === 2),
      }),
    );
  }
  return out;
}

/** 0: before codes (no field); 1: scanned; 2: no code; 3: scanned out of range (a 补卡 record: by the principal). */
function presenceOf(k: number, makeup: boolean): Pick<ClockRecord, 'presence' | 'presenceReason'> {
  if (k === 0) return {};
  if (makeup && k !== 2) return { presence: 'makeup', presenceReason: null };
  return k === 1
    ? { presence: 'code', presenceReason: null }
    : { presence: 'unverified', presenceReason: k === 2 ? '未扫签到码' : '超出范围' };
}

/** Only what exists at nowMs: clocked in (and out) by then. */
const existingAt = (records: ClockRecord[], nowMs: number) =>
  records
    .filter((r) => (r.clockInAt ?? cn(r.sessionDate, r.slotStart)) <= nowMs)
    .map((r) => (r.clockOutAt !== null && r.clockOutAt > nowMs ? { ...r, clockOutAt: null, outPass: null } : r));

describe('a record’s contribution', () => {
  it('is its final one: a clock-in without clock-out counts to the slot end, split across the month end', () => {
    const r = clockedIn('2026-11-30', '23:00', '01:00', '23:10');
    const c = recordContribution(r, 'h1', CN);
    expect(c.get('2026-11')).toEqual(
      facts({ hostMinutes: 50, hostSessions: 1, home: [{ schoolId: 'h1', sessions: 1 }] }),
    );
    expect(c.get('2026-12')).toEqual(facts({ hostMinutes: 60 }));
  });

  it('counts a record that can never be verified once, by session month, and an unknown duty as orphan', () => {
    const out = monday('08:00', { inPass: false });
    expect([...recordContribution(out, 'h1', CN)]).toEqual([['2026-11', facts({ unverified: 1 })]]);
    const orphan = monday('08:00', { clockOutAt: cn('2026-11-02', '08:30') });
    expect(recordContribution(orphan, null, CN).get('2026-11')).toMatchObject({
      hostMinutes: 30,
      hostSessions: 1,
      orphanSessions: 1,
      home: [],
    });
  });

  it('a change writes only the difference; an approved 补卡 turns an unverified record into a session', () => {
    const before = monday('08:20', { inPass: false });
    const after = { ...before, makeup: true, clockOutAt: cn('2026-11-02', '09:00') };
    expect([...recordDelta(before, after, 'h1', CN)]).toEqual([
      ['2026-11', facts({ hostMinutes: 40, hostSessions: 1, home: [{ schoolId: 'h1', sessions: 1 }], unverified: -1 })],
    ]);
    const early = monday();
    expect([...recordDelta(early, { ...early, clockOutAt: cn('2026-11-02', '09:30') }, 'h1', CN)]).toEqual([]);
    expect([...recordDelta(early, { ...early, clockOutAt: cn('2026-11-02', '08:45') }, 'h1', CN)]).toEqual([
      ['2026-11', facts({ hostMinutes: -15 })],
    ]);
  });

  it('a clock-in without the presence code is unverified and stays so, even when its clock-out is made up', () => {
    const noCode = noCodeRecord();
    expect([...recordContribution(noCode, 'h1', CN)]).toEqual([['2026-11', facts({ unverified: 1, noCode: 1 })]]);
    expect([
      ...recordDelta(noCode, { ...noCode, makeup: true, clockOutAt: cn('2026-11-02', '09:00') }, 'h1', CN),
    ]).toEqual([]);
    // Scanned: counted like any verified session.
    const scanned = { ...noCode, presence: 'code' as const, presenceReason: null };
    expect(recordContribution(scanned, 'h1', CN).get('2026-11')).toMatchObject({
      hostMinutes: 60,
      hostSessions: 1,
      unverified: 0,
      noCode: 0,
    });
  });

  it('rollups written before codes (no noCode field) add up as zero', () => {
    const old = {
      _id: rollupId('s1', '2026-11'),
      hostSchoolId: 's1',
      month: '2026-11',
      shard: 0,
      hostMinutes: 10,
      hostSessions: 1,
      home: [],
      orphanSessions: 1,
      unverified: 2,
      updatedAt: 1,
    };
    const next = applyDelta(old, 's1', '2026-11', facts({ unverified: 1, noCode: 1 }), 2);
    expect(next).toMatchObject({ unverified: 3, noCode: 1, hostMinutes: 10 });
  });

  it('the rollups read back the latest change', () => {
    const rollups = rollupsFromRecords(randomRecords(7, 20), homeOf, CN, 1234);
    expect(rollupsUpdatedAt([...rollups.values()])).toBe(1234);
    expect(rollupsUpdatedAt([])).toBeNull();
  });
});

describe('figures from rollups equal the full scan', () => {
  const nows = [
    cn('2026-11-23', '10:00'),
    cn('2026-11-23', '00:30'), // night sessions of the 22nd still running
    cn('2026-12-01', '00:20'), // a night session of 30 November running across the month end
    cn('2026-09-01', '00:30'), // the school year's first half hour
    cn('2027-09-01', '00:30'), // and the next one's
  ];
  for (const seed of [1, 2, 3]) {
    for (const [i, nowMs] of nows.entries()) {
      // The inner loop asks each instant of one district, in turn (five cases); the full run all fifteen.
      if (FAST_DEPTH && seed !== (i % 3) + 1) continue;
      it(`district ${seed} at ${dateIn(nowMs, CN)} ${new Date(nowMs + 8 * HOUR).toISOString().slice(11, 16)}`, () => {
        const records = existingAt(randomRecords(seed, 400), nowMs);
        const recent = recentOf(records, nowMs);
        const built = [...rollupsFromRecords(records, homeOf, CN, nowMs).values()];
        const live = liveRollups(records, nowMs);
        for (const year of [2025, 2026, 2027]) {
          const period = schoolYearPeriod(year, CN);
          const oracle = plain(recordFactsFromRecords(records, homeOf, period, CN, nowMs));
          expect(plain(recordFactsFromRollups(built, recent, homeOf, period, CN, nowMs))).toEqual(oracle);
          expect(plain(recordFactsFromRollups(live, recent, homeOf, period, CN, nowMs))).toEqual(oracle);
        }
        // Not vacuous: some sessions counted, some still running taken back.
        expect(recent.length + built.length).toBeGreaterThan(0);
      });
    }
  }

  it('the fixture has what it claims: running sessions and every kind of record', () => {
    const nowMs = cn('2026-11-23', '00:30');
    const records = existingAt(randomRecords(1, 400), nowMs);
    const facts = recordFactsFromRecords(records, homeOf, schoolYearPeriod(2026, CN), CN, nowMs);
    expect(facts.unverified).toBeGreaterThan(0);
    expect(facts.noCode).toBeGreaterThan(0);
    expect(facts.noCode).toBeLessThan(facts.unverified);
    expect(records.some((r) => r.presence === undefined && isVerified(r, CN, nowMs))).toBe(true);
    expect(records.some((r) => r.presence === 'code' && isVerified(r, CN, nowMs))).toBe(true);
    expect([...facts.bySchool.values()].some((s) => s.unverifiedSessions > 0)).toBe(true);
    expect(facts.orphan).toBeGreaterThan(0);
    expect(records.some((r) => r.makeup)).toBe(true);
    expect(recentOf(records, nowMs).some((r) => willVerify(r) && !isVerified(r, CN, nowMs))).toBe(true);
  });
});

describe('扫码核验 (a later scan) moves a session from unverified to verified in the rollups', () => {
  it('one write: the 未核验 count goes down, the session and its minutes go up', () => {
    const noCode = noCodeRecord();
    const upgraded = verifiedLater(noCode, cn('2026-11-02', '08:20'), 30);
    expect(upgraded).toMatchObject({
      presence: 'code',
      presenceReason: null,
      presenceVerifiedAt: cn('2026-11-02', '08:20'),
      verifyDistanceM: 30,
    });
    expect([...recordDelta(noCode, upgraded, 'h1', CN)]).toEqual([
      [
        '2026-11',
        facts({
          hostMinutes: 60,
          hostSessions: 1,
          home: [{ schoolId: 'h1', sessions: 1 }],
          unverified: -1,
          noCode: -1,
        }),
      ],
    ]);
    // A replay changes nothing.
    expect([...recordDelta(upgraded, upgraded, 'h1', CN)]).toEqual([]);
  });

  for (const seed of [4, 5]) {
    it(`live rollups with upgrades equal the full scan (district ${seed})`, () => {
      const nowMs = cn('2026-11-23', '10:00');
      const records = existingAt(randomRecords(seed, 400), nowMs);
      const store = rollupStore();
      const write = (before: ClockRecord | null, after: ClockRecord) => store.write(before, after, nowMs);
      // Every other record clocked in without the code is upgraded by a scan after its clock-in, then clocked out.
      let upgrades = 0;
      const final = records.map((r, i) => {
        if (r.presence !== 'unverified' || r.clockInAt === null || r.makeup) {
          write(null, r);
          return r;
        }
        const clockedIn = { ...r, clockOutAt: null, outPass: null };
        write(null, clockedIn);
        const after = i % 2 === 0 ? verifiedLater(clockedIn, r.clockInAt + 5 * MIN, 20) : clockedIn;
        if (after !== clockedIn) ((upgrades += 1), write(clockedIn, after));
        const done = { ...after, clockOutAt: r.clockOutAt, outPass: r.outPass };
        if (r.clockOutAt !== null) write(after, done);
        return done;
      });
      expect(upgrades).toBeGreaterThan(5);
      const recent = recentOf(final, nowMs);
      const period = schoolYearPeriod(2026, CN);
      const oracle = plain(recordFactsFromRecords(final, homeOf, period, CN, nowMs));
      expect(plain(recordFactsFromRollups(store.rollups(), recent, homeOf, period, CN, nowMs))).toEqual(oracle);
      // The upgraded ones are counted as verified by the oracle too.
      const verifiedLaterCount = final.filter(
        (r) => r.presenceVerifiedAt !== undefined && isVerified(r, CN, nowMs),
      ).length;
      expect(verifiedLaterCount).toBeGreaterThan(0);
    });
  }
});
