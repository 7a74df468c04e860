/**
 * The district-scale cost model (issue 12, item 2). Seeds a large district into a temp local store on
 * top of the demo seed (its personas and reference data stay, so every action has a caller), then calls
 * every function × action once with a valid input as a persona allowed to call it, and reports per
 * action: database requests, requests in sequence, and the simulated time at the cloud's latency
 * (sequential requests × latencyMs; computed by the runtime, never slept).
 *
 * Seeding writes straight into the store in batches, clock records with their dashboard rollups built
 * on the way (as the one-off rebuild builds them): 1,000,000 records take a few minutes.
 *
 * Scale (per year of a large district), overridable for a quick run:
 *   XUEQU_SCALE_SCHOOLS (300), XUEQU_SCALE_TEACHERS (8,000, each with a duty),
 *   XUEQU_SCALE_CLOCK (1,000,000 clock records), XUEQU_SCALE_APPROVALS (30,000),
 *   XUEQU_SCALE_ZONING (100,000 zoning rules), XUEQU_SCALE_LATENCY_MS (20).
 * The scale actually seeded is printed and written to `.cache/bench-scale.json`:
 *   { scale, latencyMs, actions: { "<function>.<action>": { requests, sequential, simulatedMs, interactive } } }
 *
 * Flags every interactive action over 1 s simulated and every action over 3 s (the platform's default
 * function timeout). Flags are printed, not asserted: they are the work list.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloud, type LocalCloud } from '../local/runtime';
import { seedStore } from '../local/app';
import { buildSeed, type SeedDoc } from '../tools/seed-data';
import { ACCESS, type Access } from '../src/contracts/access';
import type { FunctionName } from '../src/contracts';
import { COLLECTIONS as C } from '../src/contracts/collections';
import { examples, ids as exampleIds } from '../test/fuzz/examples';
import { slotAroundNow } from './stack';
import { ruleMatchKeys, type ZoningMatch } from '../src/domain/zoning-match';
import type { ClockRecord } from '../src/domain/duty/types';
import { rollupsFromRecords, type KpiRollup } from '../src/domain/kpi-rollup';
import { CHINA_ZONE } from '../src/domain/time';
import { writeRollups } from '../local/kpi-rollups';
import { printBench } from './print';
import { OPENID, firstCaller } from './callers';

const root = path.resolve(__dirname, '..');
const DISTRICT = '120102';

const num = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${v}`);
  return n;
};

export interface Scale {
  schools: number;
  teachers: number;
  clockRecords: number;
  approvals: number;
  zoningRules: number;
}

export const scaleFromEnv = (): Scale => ({
  schools: num('XUEQU_SCALE_SCHOOLS', 300),
  teachers: num('XUEQU_SCALE_TEACHERS', 8000),
  clockRecords: num('XUEQU_SCALE_CLOCK', 1_000_000),
  approvals: num('XUEQU_SCALE_APPROVALS', 30_000),
  zoningRules: num('XUEQU_SCALE_ZONING', 100_000),
});

/** Actions a person does not wait on with the screen open: bulk imports, exports and batch decisions. */
const BACKGROUND = new Set([
  'admin.importUpload',
  'admin.importPreview',
  'admin.importApply',
  'admin.exportTable',
  'admin.dashboardCsv',
  'duty.exportMonth',
  'approval.batchApprove',
]);

const INTERACTIVE_BUDGET_MS = 1000;
const TIMEOUT_BUDGET_MS = 3000;

/** A caller the door lets through (see firstCaller); clocking needs a teacher on duty. */
function callerOf(key: string, access: Access): string {
  if (key === 'duty.clockIn' || key === 'duty.clockOut') return OPENID.teacher;
  return firstCaller(access);
}

const BATCH = 20_000;
function insertBatched(
  cloud: LocalCloud,
  coll: string,
  count: number,
  make: (i: number) => SeedDoc,
  inserted?: (docs: SeedDoc[]) => void,
): void {
  for (let from = 0; from < count; from += BATCH) {
    const docs: SeedDoc[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) docs.push(make(i));
    cloud.store.insertMany(coll, docs); // one SQLite transaction per batch
    inserted?.(docs);
  }
}

const pad = (n: number, w = 6) => String(n).padStart(w, '0');
const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

type Result = { ok: boolean; code?: string; message?: string; data?: unknown };

/** One real document of a collection made by the functions themselves, to clone at scale. */
async function sampleVia(
  cloud: LocalCloud,
  fn: string,
  event: Record<string, unknown>,
  openid: string,
  coll: string,
  where: Record<string, unknown>,
): Promise<SeedDoc> {
  const { result } = await cloud.invoke(fn, event, { OPENID: openid, APPID: 'wx-bench' });
  const r = result as Result;
  if (!r.ok)
    throw new Error(`bench scale: ${fn}.${String(event.action)} to make a sample failed: ${JSON.stringify(r)}`);
  const [doc] = cloud.store.find(coll, where) as SeedDoc[];
  if (!doc) throw new Error(`bench scale: no ${coll} document after ${fn}.${String(event.action)}`);
  return doc;
}

/** Which example of examples() to call where the first is not for the chosen caller. */
const EXAMPLE_INDEX: Record<string, number> = { 'admin.createInvite': 1 };

async function seedLarge(
  cloud: LocalCloud,
  scale: Scale,
  nowMs: number,
): Promise<{ scale: Scale; hostLocation: unknown }> {
  const seed = buildSeed(nowMs);
  seedStore(cloud, seed);
  const ex = examples();

  // Real documents to clone: an approval request and a zoning rule, made through the functions.
  const approval = await sampleVia(
    cloud,
    'approval',
    { action: 'submitExchange', ...ex.approval.submitExchange[0], requestId: 'scale-sample-ap' },
    OPENID.teacher,
    C.approvals,
    { requesterOpenid: OPENID.teacher },
  );
  const rule = await sampleVia(
    cloud,
    'admin',
    { action: 'importApply', ...ex.admin.importApply[1], requestId: 'scale-sample-zoning' },
    OPENID.bureau,
    C.zoningRules,
    { districtCode: DISTRICT },
  );

  const hdSchools = seed.schools.filter((s) => s.districtCode === DISTRICT);
  const extra = Math.max(0, scale.schools - hdSchools.length);
  insertBatched(cloud, C.schools, extra, (i) => ({
    ...hdSchools[i % hdSchools.length],
    _id: `hd-scale-s${pad(i, 3)}`,
    name: `规模测试学校${i}`,
  }));
  const schoolIds = [
    ...hdSchools.map((s) => s._id),
    ...Array.from({ length: extra }, (_, i) => `hd-scale-s${pad(i, 3)}`),
  ];

  const home = seed.users.find((u) => u._id === OPENID.teacher)!;
  const sampleDuty = seed.duties.find((d) => d._id === 'dt-hd-teacher-1')!;
  const teacher = (i: number) => `o-scale-t${pad(i, 5)}`;
  insertBatched(cloud, C.users, scale.teachers, (i) => ({
    _id: teacher(i),
    roles: ['teacher'],
    name: `规模教师${i}`,
    districtCode: DISTRICT,
    schoolId: schoolIds[i % schoolIds.length],
    xuequId: home.xuequId ?? null,
  }));
  insertBatched(cloud, C.duties, scale.teachers, (i) => ({
    ...sampleDuty,
    _id: `dt-scale-${pad(i, 5)}`,
    teacherOpenid: teacher(i),
    teacherName: `规模教师${i}`,
    hostSchoolId: schoolIds[(i + 1) % schoolIds.length],
    sample: true,
  }));

  // The demo teacher is on duty right now (bench time is real time), so clockIn/clockOut do their work.
  cloud.store.insertMany(C.duties, [
    {
      ...sampleDuty,
      _id: 'dt-scale-now',
      termStart: '2000-01-01',
      termEnd: '2100-01-01',
      slots: [await slotAroundNow()],
    },
  ]);

  // A year of clock records, spread evenly over the teachers; the demo teacher has a share too. Their
  // dashboard rollups are built batch by batch as the rebuild builds them (one map of host school × month).
  const rollups = new Map<string, KpiRollup>();
  const homeOfDuty = () => sampleDuty.homeSchoolId as string; // every scale duty is a clone of the sample
  const perTeacher = Math.max(1, Math.ceil(scale.clockRecords / Math.max(1, scale.teachers + 1)));
  insertBatched(
    cloud,
    C.clockRecords,
    scale.clockRecords,
    (i) => {
      const t = Math.floor(i / perTeacher);
      const isDemo = t >= scale.teachers;
      const sessionDate = isoDate(nowMs - ((i % perTeacher) + 1) * DAY);
      const start = Date.parse(`${sessionDate}T09:00:00+08:00`);
      return {
        _id: `cr-scale-${pad(i, 7)}`,
        dutyId: isDemo ? sampleDuty._id : `dt-scale-${pad(t, 5)}`,
        teacherOpenid: isDemo ? OPENID.teacher : teacher(t),
        hostSchoolId: isDemo ? sampleDuty.hostSchoolId : schoolIds[(t + 1) % schoolIds.length],
        sessionDate,
        slotStart: '09:00',
        slotEnd: '09:45',
        clockInAt: start + 60_000,
        clockOutAt: start + 46 * 60_000,
        inDistanceM: 40,
        inPass: true,
        outDistanceM: 40,
        outPass: true,
        late: i % 17 === 0,
        leftEarly: i % 23 === 0,
        makeup: false,
        inRequestId: `scale-in-${i}`,
        outRequestId: `scale-out-${i}`,
      };
    },
    (docs) => rollupsFromRecords(docs as unknown as ClockRecord[], homeOfDuty, CHINA_ZONE, nowMs, rollups),
  );
  writeRollups(cloud.store, rollups.values());

  // A year of requests: most decided; the demo principal decided or holds a school's share (1/300).
  insertBatched(cloud, C.approvals, scale.approvals, (i) => {
    const mine = i % 300;
    return {
      ...approval,
      _id: `ap-scale-${pad(i)}`,
      requestId: `scale-ap-${i}`,
      requesterOpenid: mine === 2 ? OPENID.teacher : teacher(i % Math.max(1, scale.teachers)),
      status: mine === 1 ? approval.status : 'approved',
      inboxKey: mine === 1 ? approval.inboxKey : null,
      deciders: mine === 0 ? [OPENID.principal] : [],
      createdAt: nowMs - (i % 365) * DAY,
    };
  });

  // Each on its own road, filed under its keys as an import files it (a clone keeps the sample's road otherwise).
  insertBatched(cloud, C.zoningRules, scale.zoningRules, (i) => {
    const match = { ...(rule.match as ZoningMatch), road: `规模路${i}` } as ZoningMatch;
    return {
      ...rule,
      _id: `zr-scale-${pad(i)}`,
      match,
      matchKeys: ruleMatchKeys({ match }),
      text: `规模路${i} 单号 1–99号`,
    };
  });
  cloud.store.analyze();
  return { scale: { ...scale, schools: schoolIds.length }, hostLocation: sampleDuty.hostLocation };
}

export interface ActionCost {
  requests: number;
  sequential: number;
  simulatedMs: number;
  interactive: boolean;
}

export interface ScaleReport {
  scale: Scale;
  latencyMs: number;
  actions: Record<string, ActionCost>;
}

/** Ids the examples leave as placeholders, taken from what the earlier calls created. */
function liveIds(cloud: LocalCloud): Record<string, string> {
  const last = (coll: string, where: Record<string, unknown>, fallback: string) => {
    const docs = cloud.store.find(coll, where) as SeedDoc[];
    return docs.length ? docs[docs.length - 1]._id : fallback;
  };
  return {
    [exampleIds.inquiry]: last(C.zoningInquiries, { openid: OPENID.parent }, exampleIds.inquiry),
    [exampleIds.approval]: last(
      C.approvals,
      { requesterOpenid: OPENID.teacher, status: 'pending' },
      exampleIds.approval,
    ),
    [exampleIds.invite]: last(C.invites, { districtCode: DISTRICT }, exampleIds.invite),
    [exampleIds.makeup]: last(C.makeupRequests, { teacherOpenid: OPENID.teacher }, exampleIds.makeup),
  };
}

const substitute = (v: unknown, map: Record<string, string>): unknown => {
  if (typeof v === 'string') return map[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => substitute(x, map));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, map)]));
  return v;
};

export async function benchScale(): Promise<{ lines: string[]; report: ScaleReport }> {
  // XUEQU_BENCH_FUNCTIONS: a copy of the built bundles (inside the project, so they resolve its
  // node_modules), for a long run that a rebuild of cloudfunctions/ must not change halfway.
  const functionsRoot = path.resolve(root, process.env.XUEQU_BENCH_FUNCTIONS || 'cloudfunctions');
  const latencyMs = num('XUEQU_SCALE_LATENCY_MS', 20);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-scale-'));
  const cloud = createLocalCloud({ dbFile: path.join(dataDir, 'xuequ.sqlite'), functionsRoot, latencyMs });
  const lines: string[] = [];
  try {
    const t0 = Date.now();
    const { scale, hostLocation } = await seedLarge(cloud, scaleFromEnv(), Date.now());
    lines.push(
      `district scale seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(scale)}; latency ${latencyMs} ms per database request`,
    );

    const ex = examples();
    // Each cold start re-requires a bundle, whose SDK adds a process listener: expected here, not a leak.
    process.setMaxListeners(0);
    const actions: Record<string, ActionCost> = {};
    const flags: string[] = [];
    const rows: Array<[string, ActionCost, string]> = [];
    for (const fn of Object.keys(ACCESS) as FunctionName[]) {
      for (const [action, rule] of Object.entries(ACCESS[fn] as Record<string, { access: Access }>)) {
        const key = `${fn}.${action}`;
        const input = substitute(ex[fn]?.[action]?.[EXAMPLE_INDEX[key] ?? 0] ?? {}, liveIds(cloud)) as Record<
          string,
          unknown
        >;
        if (key === 'duty.clockIn' || key === 'duty.clockOut') input.location = hostLocation;
        const openid = callerOf(key, rule.access);
        // Every call is a cold start: a fresh copy of the bundle, so no per-instance cache hides a cost.
        delete require.cache[require.resolve(path.join(functionsRoot, fn, 'index.js'))];
        const started = Date.now();
        const { result, roundTrips, sequentialTrips, simulatedMs } = await cloud.invoke(
          fn,
          { action, ...input },
          { OPENID: openid, APPID: 'wx-bench' },
        );
        const r = result as Result;
        const cost = {
          requests: roundTrips,
          sequential: sequentialTrips,
          simulatedMs,
          interactive: !BACKGROUND.has(key),
        };
        actions[key] = cost;
        rows.push([key, cost, `${r.ok ? 'ok' : `${r.code}`} (${Date.now() - started} ms here)`]);
        if (!r.ok && r.code === 'INTERNAL') flags.push(`FAILS at this scale: ${key} answered INTERNAL`);
        if (cost.interactive && simulatedMs > INTERACTIVE_BUDGET_MS)
          flags.push(
            `OVER 1 s (interactive): ${key} ${simulatedMs} ms simulated (${sequentialTrips} sequential requests)`,
          );
        if (simulatedMs > TIMEOUT_BUDGET_MS)
          flags.push(
            `OVER 3 s (function timeout): ${key} ${simulatedMs} ms simulated (${sequentialTrips} sequential requests)`,
          );
      }
    }
    lines.push(
      `${'action'.padEnd(30)} ${'requests'.padStart(8)} ${'sequential'.padStart(10)} ${'simulated'.padStart(10)}  interactive  answer`,
    );
    for (const [key, c, answer] of rows) {
      lines.push(
        `${key.padEnd(30)} ${String(c.requests).padStart(8)} ${String(c.sequential).padStart(10)} ${`${c.simulatedMs} ms`.padStart(10)}  ${String(c.interactive).padEnd(11)}  ${answer}`,
      );
    }
    lines.push(...(flags.length ? flags : ['every interactive action under 1 s and every action under 3 s simulated']));
    const report: ScaleReport = { scale, latencyMs, actions };
    mkdirSync(path.join(root, '.cache'), { recursive: true });
    writeFileSync(path.join(root, '.cache', 'bench-scale.json'), `${JSON.stringify(report, null, 2)}\n`);
    lines.push('written .cache/bench-scale.json');
    return { lines, report };
  } finally {
    cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) printBench(benchScale);
