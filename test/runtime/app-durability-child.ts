/**
 * Child process of app-durability.test.ts: runs the real built cloud functions through the local runtime
 * on a store file (seeded on first use) and loops over application writes — clock-ins and clock-outs,
 * exchange requests and their decisions (the final approval creates a duty in the same transaction),
 * bureau school imports. It prints "ack <kind> <id> …" for a write only after the call returned ok; the
 * parent SIGKILLs it at a random point and checks the file.
 *
 *   node --import tsx app-durability-child.ts <dbFile> <round>
 *
 * Each round uses its own share of the teacher's sessions, exchange time slots and request ids, so a
 * round never collides with what an earlier (killed) round wrote.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createLocalCloud, type Identity } from '../../local/runtime';
import { seedStore } from '../../local/app';
import { buildSeed } from '../../tools/seed-data';

const [dbFile, roundArg] = process.argv.slice(2);
const round = Number(roundArg);
if (!dbFile || !Number.isInteger(round) || round < 0)
  throw new Error('usage: app-durability-child.ts <dbFile> <round>');

/** 2026-11-23 10:00 in Shanghai (TEST_NOW of test/helpers/local-app.ts): the 2026 school year. */
const SEED_NOW = Date.parse('2026-11-23T02:00:00Z');

/**
 * Function time is this process's Date.now() (the handler's ctx.now; function code reads no other
 * clock). Like fakeServerClock: jump to an instant, then run on with real time.
 */
const realNow = Date.now.bind(Date);
let offset = 0;
Date.now = () => realNow() + offset;
const setClock = (ms: number) => {
  offset = ms - realNow();
};
setClock(SEED_NOW);

const fresh = !existsSync(dbFile);
const cloud = createLocalCloud({
  dbFile,
  functionsRoot: path.resolve(__dirname, '..', '..', 'cloudfunctions'),
  now: () => Date.now(),
});
if (fresh) seedStore(cloud, buildSeed(SEED_NOW));

const who = (OPENID: string): Identity => ({ OPENID, APPID: 'wx-durability' });
const TEACHER = who('o-local-hd-teacher');
const HOME = who('o-local-hd-principal'); // 友爱道小学, releasing school
const HOST = who('o-local-hd-lead-primary'); // 互助道小学 (hd-s05), host school
const LEAD = who('o-local-hd-xuequzhang'); // 第一学区学区长
const BUREAU = who('o-local-hd-bureau');

const ack = (...parts: Array<string | number>) => process.stdout.write(`ack ${parts.join(' ')}\n`);

type Envelope = { ok: true; data: any } | { ok: false; code: string; message: string };
async function call(fn: string, data: Record<string, unknown>, as: Identity): Promise<any> {
  const { result } = await cloud.invoke(fn, data, as);
  const env = result as Envelope;
  if (!env.ok) throw new Error(`${fn}.${String(data.action)} refused: ${env.code} ${env.message}`);
  return env.data;
}

// ---- clocking: the seeded duties of o-local-hd-teacher, Mon/Thu 09:55–11:30 (dt-…-1), Wed 14:00–15:30 (dt-…-2)
const WEEKS_PER_ROUND = 14; // the term (2026-09-01 … 2027-07-10) has 44 whole weeks from Monday 2026-09-07
const FIRST_MONDAY = Date.parse('2026-09-07T00:00:00+08:00');
const DAY = 86_400_000;
const SLOTS = [
  { day: 0, start: '09:55', end: '11:30' },
  { day: 2, start: '14:00', end: '15:30' },
  { day: 3, start: '09:55', end: '11:30' },
];
const at = (dayMs: number, hm: string) => dayMs + (Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))) * 60_000;
function* sessions() {
  for (let w = round * WEEKS_PER_ROUND; w < (round + 1) * WEEKS_PER_ROUND; w++)
    for (const s of SLOTS) {
      const day = FIRST_MONDAY + (w * 7 + s.day) * DAY;
      yield { in: at(day, s.start), out: at(day, s.end) };
    }
}

// ---- exchanges: 30-minute slots (one 课时, within school hours) on Tue/Fri/Sat/Sun, never overlapping the
// sessions above or each other: 23 a day × 4 days covers the 3 rounds × 30 (a round is killed within ~20).
const EXCHANGE_DAYS = [2, 5, 6, 7];
const SLOTS_PER_ROUND = 30;
const SLOTS_PER_DAY = 23; // 07:00 … 18:00–18:30
function exchangeSlot(n: number) {
  const k = round * SLOTS_PER_ROUND + n;
  const minute = 7 * 60 + (k % SLOTS_PER_DAY) * 30;
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return {
    weekday: EXCHANGE_DAYS[Math.floor(k / SLOTS_PER_DAY) % EXCHANGE_DAYS.length],
    start: hm(minute),
    end: hm(minute + 30),
    periods: 1,
  };
}

const rid = (kind: string, n: number) => `dur-r${round}-${kind}-${String(n).padStart(5, '0')}`;

async function clockSession(s: { in: number; out: number }, n: number): Promise<void> {
  const location = (cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as { hostLocation: unknown })
    .hostLocation;
  setClock(s.in);
  const inRes = await call('duty', { action: 'clockIn', requestId: rid('in', n), location }, TEACHER);
  if (inRes.duplicate) throw new Error(`clock-in ${inRes.recordId} was already there`);
  ack('clockIn', inRes.recordId);
  setClock(s.out);
  const outRequestId = rid('out', n);
  const outRes = await call('duty', { action: 'clockOut', requestId: outRequestId, location }, TEACHER);
  ack('clockOut', outRes.recordId, outRequestId);
}

async function exchange(n: number): Promise<void> {
  // One filing day per round: the teacher's daily filing limit (30) is never what stops a round.
  setClock(SEED_NOW + round * DAY);
  const filed = await call(
    'approval',
    {
      action: 'submitExchange',
      requestId: rid('ap', n),
      type: 'cross-teaching',
      hostSchoolId: 'hd-s05',
      slots: [exchangeSlot(n)],
      termStart: '2026-12-01',
      termEnd: '2027-01-20',
      reason: '耐久性测试',
    },
    TEACHER,
  );
  ack('submit', filed.id);
  // Every fifth request is rejected by the host school; the others go all the way to an approval.
  const deciders =
    n % 5 === 4
      ? [
          [HOME, 'approve'],
          [HOST, 'reject'],
        ]
      : [
          [HOME, 'approve'],
          [HOST, 'approve'],
          [LEAD, 'approve'],
        ];
  let version: number = filed.version;
  for (const [as, decision] of deciders as Array<[Identity, string]>) {
    const d = await call(
      'approval',
      { action: 'decide', id: filed.id, decision, version, comment: decision === 'reject' ? '本学期课时已满' : '同意' },
      as,
    );
    version = d.version;
    ack('decide', filed.id, version, d.status);
  }
}

async function importSchools(n: number): Promise<void> {
  setClock(SEED_NOW);
  const names = [1, 2, 3].map((k) => `耐久测试${round}-${n}-${k}号小学`);
  const rows = names.map((name, k) => `${name},小学,${(39.1 + k / 100).toFixed(4)},117.25${k},${30 + k}`);
  const requestId = rid('imp', n);
  const res = await call(
    'admin',
    {
      action: 'importApply',
      table: 'schools',
      format: 'csv',
      content: ['学校名称,学段,纬度,经度,教师人数', ...rows].join('\n'),
      requestId,
    },
    BUREAU,
  );
  if (res.written !== names.length || res.duplicate) throw new Error(`import ${requestId}: ${JSON.stringify(res)}`);
  ack('import', requestId, names.join('|'));
}

async function main(): Promise<void> {
  process.stdout.write(`ready ${fresh ? 'seeded' : 'reopened'}\n`);
  const todo = sessions();
  for (let i = 0; ; i++) {
    const next = todo.next();
    if (!next.done) await clockSession(next.value, i);
    await exchange(i);
    if (i % 2 === 0) await importSchools(i);
    if (next.done && i >= SLOTS_PER_ROUND - 1)
      throw new Error(`round ${round} ran out of work after ${i + 1} iterations`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
