/**
 * Durability: every write acknowledged before a SIGKILL is on disk afterwards, the file is intact, and
 * no multi-document write is half applied.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { Store } from '../../local/runtime/store';
import { FIXTURES, tmpDbFile } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = path.join(__dirname, 'durability-child.ts');
const KILL_AFTER = 400; // acknowledged writes before the kill

function runAndKill(dbFile: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbFile, FIXTURES], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    // A guard against a hung child only: the work is bounded by counts, not by how fast a busy machine is.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child hung: ${acked.length} acks\n${stderr}`));
    }, 150_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && killed) resolve(acked);
      else reject(new Error(`child exited early (${code ?? signal}) after ${acked.length} acks\n${stderr}`));
    });
  });
}

test('acknowledged writes survive SIGKILL; nothing is half-written', async () => {
  const dbFile = tmpDbFile();
  const acked = await runAndKill(dbFile);
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

  const store = new Store(dbFile);
  try {
    expect(store.integrityCheck()).toBe('ok');
    const docs = store.find('journal', {});
    const present = new Set(docs.map((d) => d._id));
    expect(acked.filter((id) => !present.has(id))).toEqual([]);

    const pairs = new Map<string, number>();
    const batches = new Map<number, number>();
    for (const d of docs) {
      if (typeof d.pair === 'string') pairs.set(d.pair, (pairs.get(d.pair) ?? 0) + 1);
      if (typeof d.batch === 'number') batches.set(d.batch, (batches.get(d.batch) ?? 0) + 1);
    }
    expect([...pairs.values()].every((n) => n === 2)).toBe(true);
    expect([...batches.values()].every((n) => n === 3)).toBe(true);
    expect(pairs.size).toBeGreaterThan(10);
  } finally {
    store.close();
  }
}, 200_000);
