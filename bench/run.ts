/**
 * `npm run bench`: prints measurements as ratios within one run (never asserted in tests).
 * - weapp main package size vs the 600 KB budget (and each subpackage vs 2 MB);
 * - gateway req/s of school.lookup vs a bare Node http server on loopback, both under autocannon;
 * - the zoning matcher's index vs a naive linear scan over 100k rules (same answers, speed-up).
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { weappSizes } from '../tools/package-sizes';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startLocalApp } from '../local/app';
import { benchMatcher } from './matcher';
import dayjs from 'dayjs';
import { CHINA_ZONE } from '../src/domain/time';

const root = path.resolve(__dirname, '..');
const KB = 1024;

function load(url: string, body?: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 10,
    duration: 5,
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

async function main() {
  const { main, subpackages } = weappSizes(path.join(root, 'dist', 'weapp'));
  console.log(`weapp main package: ${(main / KB).toFixed(1)} KB of 600 KB budget (${((main / (600 * KB)) * 100).toFixed(0)}%)`);
  for (const sp of subpackages) console.log(`  subpackage ${sp.root}: ${(sp.bytes / KB).toFixed(1)} KB of 2048 KB`);

  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"result":{"ok":true}}');
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;
  const local = await startLocalApp({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'xuequ-bench-')), port: 0, staticDir: null });
  const lookup = JSON.stringify({ data: { action: 'lookup', districtCode: '120102', streetCode: '120102005', communityCode: '120102005001' } });

  const baseline = await load(bareUrl);
  const gateway = await load(`${local.url}/fn/school`, lookup);
  console.log(`bare node http: ${baseline.requests.average.toFixed(0)} req/s, p99 ${baseline.latency.p99} ms`);
  console.log(`gateway school.lookup: ${gateway.requests.average.toFixed(0)} req/s, p99 ${gateway.latency.p99} ms, errors ${gateway.errors + gateway.non2xx}`);
  console.log(`ratio gateway/bare req/s: ${(gateway.requests.average / baseline.requests.average).toFixed(3)}`);
  const { roundTrips } = await local.cloud.invoke('school', JSON.parse(lookup).data, null);
  const warm = await local.cloud.invoke('school', { ...JSON.parse(lookup).data, communityCode: '120102005002' }, null);
  console.log(`school.lookup database round trips: ${roundTrips} (warm, budget 1); a different 社区 warm: ${warm.roundTrips}`);
  console.log(`clock-in database round trips: ${await clockInRoundTrips(local)} (budget 2)`);
  bare.close();
  // Let requests autocannon left in flight finish before the store closes.
  await new Promise((r) => setTimeout(r, 300));
  await local.close();
}

/** A duty with a session open right now (bench time is real time), then one clock-in through the runtime. */
async function clockInRoundTrips(local: Awaited<ReturnType<typeof startLocalApp>>): Promise<number> {
  const now = Date.now();
  const [sample] = local.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' }) as Array<Record<string, unknown> & { hostLocation: { latitude: number; longitude: number } }>;
  const hm = (ms: number) => dayjs(ms).tz(CHINA_ZONE).format('HH:mm');
  const weekday = (dayjs(now).tz(CHINA_ZONE).day() || 7) as number;
  // A slot crossing midnight would belong to yesterday's date: keep the bench slot inside today.
  const start = Math.max(now - 5 * 60_000, dayjs(now).tz(CHINA_ZONE).startOf('day').valueOf());
  const end = Math.min(now + 60 * 60_000, dayjs(now).tz(CHINA_ZONE).endOf('day').valueOf() - 60_000);
  local.cloud.store.insertMany('duties', [{ ...sample, _id: 'dt-bench', teacherOpenid: 'o-bench-teacher', termStart: '2000-01-01', termEnd: '2100-01-01', slots: [{ weekday, start: hm(start), end: hm(end), periods: 1 }] }]);
  const { result, roundTrips } = await local.cloud.invoke('duty', { action: 'clockIn', requestId: 'bench-clock-in-1', location: sample.hostLocation }, { OPENID: 'o-bench-teacher', APPID: 'bench' });
  if (!(result as { ok: boolean }).ok) throw new Error(`bench clock-in failed: ${JSON.stringify(result)}`);
  return roundTrips;
}

async function run() {
  await main();
  for (const line of benchMatcher()) console.log(line);
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
