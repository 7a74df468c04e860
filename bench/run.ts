/**
 * `npm run bench`: prints measurements as ratios within one run (never asserted in tests).
 * - weapp main package size vs the 600 KB budget (and each subpackage vs 2 MB);
 * - gateway load (load.ts): school.lookup, duty.clockIn and approval.inbox under autocannon, req/s and
 *   p99 as ratios to a bare Node http server measured in the same run; exits non-zero on any error,
 *   non-2xx or unexpected ok:false under load;
 * - database round trips of a warm lookup and of a clock-in;
 * - the zoning matcher's index vs a naive linear scan over 100k rules (same answers, speed-up);
 * - published 登记范围 of 50 and 1,000 schools read phrase by phrase (ms per school, addresses answered as
 *   the generator zoned them), and the rules read from them matched indexed vs naive (same answers, speed-up);
 * - the district-scale cost model (scale.ts): every function × action at a large district's size, database
 *   requests (total and in sequence) and simulated time at 20 ms a request, flags over 1 s (interactive)
 *   and 3 s; written to .cache/bench-scale.json;
 * - worst input (worst.ts): every function × action sent hostile inputs (size, depth, keys, surrogates,
 *   far dates, hostile .xlsx), the slowest per action, flags over 1 s; written to .cache/bench-worst.json.
 */
import path from 'node:path';
import { sizeReport } from '../tools/package-sizes';
import { benchCatchment } from './catchment';
import { benchMatcher } from './matcher';
import { benchScale } from './scale';
import { benchWorst } from './worst';
import { loadBench, loadTable } from './load';
import { slotAroundNow, startBenchStack, type BenchStack } from './stack';

const root = path.resolve(__dirname, '..');
/** Bench teachers, each good for one first clock-in: more than the clock-in scenario gets through. */
const BENCH_TEACHERS = 8000;

async function main(): Promise<boolean> {
  for (const line of sizeReport(path.join(root, 'dist'))) console.log(line);

  const stack = await startBenchStack(BENCH_TEACHERS);
  try {
    const { lines, clean } = loadTable(await loadBench(stack));
    for (const line of lines) console.log(line);
    const lookup = { action: 'lookup', districtCode: '120102', streetCode: '120102005', communityCode: '120102005001' };
    const { roundTrips } = await stack.cloud.invoke('school', lookup, null);
    const warm = await stack.cloud.invoke('school', { ...lookup, communityCode: '120102005002' }, null);
    console.log(
      `school.lookup database round trips: ${roundTrips} (warm, budget 1); a different 社区 warm: ${warm.roundTrips}`,
    );
    console.log(`clock-in database round trips: ${await clockInRoundTrips(stack)} (budget 2)`);
    const inbox = await stack.cloud.invoke(
      'approval',
      { action: 'inbox', status: 'pending' },
      { OPENID: 'o-local-hd-principal', APPID: 'wx-bench' },
    );
    console.log(
      `approval.inbox database round trips: ${inbox.roundTrips}, of them in sequence: ${inbox.sequentialTrips} (the user and the reference version are read together)`,
    );
    return clean;
  } finally {
    await stack.close();
  }
}

/** A duty with a session open right now (bench time is real time), then one clock-in through the runtime. */
async function clockInRoundTrips(stack: BenchStack): Promise<number> {
  const [sample] = stack.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' });
  stack.cloud.store.insertMany('duties', [
    {
      ...sample,
      _id: 'dt-bench',
      teacherOpenid: 'o-bench-teacher',
      termStart: '2000-01-01',
      termEnd: '2100-01-01',
      slots: [await slotAroundNow()],
    },
  ]);
  const { result, roundTrips } = await stack.cloud.invoke(
    'duty',
    { action: 'clockIn', requestId: 'bench-clock-in-1', location: stack.hostLocation },
    { OPENID: 'o-bench-teacher', APPID: 'bench' },
  );
  if (!(result as { ok: boolean }).ok) throw new Error(`bench clock-in failed: ${JSON.stringify(result)}`);
  return roundTrips;
}

async function run() {
  const clean = await main();
  for (const line of benchMatcher()) console.log(line);
  for (const line of benchCatchment()) console.log(line);
  for (const line of (await benchScale()).lines) console.log(line);
  for (const line of (await benchWorst()).lines) console.log(line);
  if (!clean) {
    console.error('bench: errors under load');
    process.exit(1);
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
