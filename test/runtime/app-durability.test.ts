/**
 * Application-level durability: a child process runs the real built functions (clock-ins and clock-outs,
 * exchange requests and decisions, bureau school imports) on one store file and is SIGKILLed at a random
 * point, three times over. After every kill the reopened file holds every acknowledged write, and no
 * multi-document write is half applied: an approved exchange has its duty and a duty its approved
 * exchange; an import record has all its schools, a school its import record, and the reference
 * version counts exactly the applied imports. Needs `npm run build:functions`.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { Store } from '../../local/runtime/store';
import { tmpDbFile } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = path.join(__dirname, 'app-durability-child.ts');
const ROUNDS = 3;
/** Acknowledged writes before the kill: uniform in this range, drawn per round (printed on failure). */
const KILL_AFTER: [number, number] = [20, 120];
const HANG_GUARD_MS = 150_000;

type Doc = Record<string, any>;

interface Acks {
  clockIn: string[][];
  clockOut: string[][];
  submit: string[][];
  decide: string[][];
  import: string[][];
}

function runAndKill(dbFile: string, round: number, killAfter: number): Promise<{ acks: Acks; count: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbFile, String(round)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { clockIn: [], clockOut: [], submit: [], decide: [], import: [] };
    let count = 0;
    let buffered = '';
    let stderr = '';
    let killed = false;
    // A guard against a hung child only: the work is bounded by counts (kill after N acks), and a busy
    // machine (a full test run on two cores) may take many times longer than an idle one.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`round ${round}: child hung, ${count} acks\n${stderr}`));
    }, HANG_GUARD_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        const [kind, ...rest] = line.slice(4).split(' ');
        if (!(kind in acks)) {
          child.kill('SIGKILL');
          return reject(new Error(`unknown ack: ${line}`));
        }
        acks[kind as keyof Acks].push(rest);
        count++;
      }
      if (!killed && count >= killAfter) {
        // A few more milliseconds of work, so the kill lands anywhere inside the next calls.
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 10);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && killed) resolve({ acks, count });
      else reject(new Error(`round ${round}: child exited early (${code ?? signal}) after ${count} acks\n${stderr}`));
    });
  });
}

const byId = (docs: Doc[]): Map<string, Doc> => new Map(docs.map((d) => [d._id as string, d]));

/** Every acknowledged write of every round so far is in the file, and nothing is half applied. */
function check(dbFile: string, all: Acks): string[] {
  const problems: string[] = [];
  const store = new Store(dbFile);
  try {
    const integrity = store.integrityCheck();
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);

    const records = byId(store.find('clock_records', {}));
    for (const [id] of all.clockIn) {
      const r = records.get(id);
      if (!r || typeof r.clockInAt !== 'number' || !r.inRequestId)
        problems.push(`acked clock-in ${id} missing: ${JSON.stringify(r)}`);
    }
    for (const [id, outRequestId] of all.clockOut) {
      const r = records.get(id);
      if (!r || r.outRequestId !== outRequestId || typeof r.clockOutAt !== 'number')
        problems.push(`acked clock-out ${id} missing: ${JSON.stringify(r)}`);
    }
    for (const r of records.values())
      if ((r.outRequestId === null) !== (r.clockOutAt === null))
        problems.push(`clock record ${r._id} half closed: ${JSON.stringify(r)}`);

    const approvals = byId(store.find('approvals', {}));
    const duties = byId(store.find('duties', {}));
    for (const [id] of all.submit) if (!approvals.has(id)) problems.push(`acked request ${id} missing`);
    for (const [id, version, status] of all.decide) {
      const a = approvals.get(id);
      if (!a || a.version < Number(version))
        problems.push(`acked decision ${id} v${version} missing (stored v${a?.version})`);
      else if (status !== 'pending' && a.status !== status)
        problems.push(`acked final decision ${id} ${status} but stored ${a.status}`);
    }
    for (const a of approvals.values()) {
      if ((a.status === 'pending') !== (a.inboxKey !== null))
        problems.push(`approval ${a._id} status ${a.status} with inboxKey ${a.inboxKey}`);
      const duty = duties.get(`dt-${a._id}`);
      if (a.status === 'approved') {
        if (a.result?.dutyId !== `dt-${a._id}`) problems.push(`approved ${a._id} without result.dutyId`);
        if (!duty || duty.approvalId !== a._id) problems.push(`approved ${a._id} without its duty`);
      } else if (duty) problems.push(`duty ${duty._id} exists for ${a.status} ${a._id}`);
    }
    for (const d of duties.values())
      if (d.approvalId !== null && approvals.get(d.approvalId)?.status !== 'approved')
        problems.push(`duty ${d._id} without an approved ${d.approvalId}`);

    const imports: Doc[] = store.find('applied_requests', { kind: 'import' });
    const schools: Doc[] = store.find('schools', {});
    const importIds = new Set(imports.map((r) => r.requestId as string));
    const names = new Set(schools.map((s) => s.name as string));
    for (const [requestId, list] of all.import) {
      if (!importIds.has(requestId)) problems.push(`acked import ${requestId} has no record`);
      for (const name of list.split('|'))
        if (!names.has(name)) problems.push(`acked import ${requestId}: school ${name} missing`);
    }
    for (const r of imports) {
      const written = schools.filter((s) => s.importRequestId === r.requestId).length;
      if (written !== r.result.written)
        problems.push(`import ${r.requestId}: ${written} of ${r.result.written} schools`);
    }
    for (const s of schools)
      if (s.importRequestId && !importIds.has(s.importRequestId))
        problems.push(`school ${s.name} without its import record`);
    const reference = store.find('meta', { _id: 'reference' })[0];
    const applied = imports.filter((r) => r.result.written > 0).length;
    if (reference?.version !== 1 + applied)
      problems.push(`reference version ${reference?.version}, expected ${1 + applied}`);
  } finally {
    store.close();
  }
  return problems;
}

test(
  'acknowledged application writes survive SIGKILL at random points; nothing is half-written',
  async () => {
    const dbFile = tmpDbFile();
    const all: Acks = { clockIn: [], clockOut: [], submit: [], decide: [], import: [] };
    const plan = Array.from(
      { length: ROUNDS },
      () => KILL_AFTER[0] + Math.floor(Math.random() * (KILL_AFTER[1] - KILL_AFTER[0] + 1)),
    );
    for (let round = 0; round < ROUNDS; round++) {
      const { acks, count } = await runAndKill(dbFile, round, plan[round]);
      expect(count).toBeGreaterThanOrEqual(plan[round]);
      for (const k of Object.keys(all) as Array<keyof Acks>) all[k].push(...acks[k]);
      expect({ round, killAfter: plan, problems: check(dbFile, all) }).toEqual({
        round,
        killAfter: plan,
        problems: [],
      });
    }
    // Every kind of write was exercised and acknowledged before some kill.
    for (const k of Object.keys(all) as Array<keyof Acks>) expect([k, all[k].length > 0]).toEqual([k, true]);
    expect(all.decide.some(([, , status]) => status === 'approved')).toBe(true);
  },
  ROUNDS * HANG_GUARD_MS + 30_000,
);
