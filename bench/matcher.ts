/**
 * The 划片 matcher at city scale: 100k rules (≈2k roads, 10k 小区 with aliases, 社区), 10k queries, the
 * index against the linear scan. Deterministic (seeded PRNG). `npx tsx bench/matcher.ts` prints the lines.
 * The naive baseline scans rules already prepared (normalised once), so the ratio measures the index,
 * not the normalisation.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildZoningIndex, matchIndexed, type ZoningQuery, type ZoningRuleLike } from '../src/domain/zoning-match';
import { naiveMatchPrepared, prepareRules } from '../src/domain/zoning-match/naive';
import { mulberry32 } from './random';
import { bestOf } from './timing';

const RULES = 100_000;
const ROADS = 2_000;
const ESTATES = 10_000;
const QUERIES = 10_000;
/** Past this, naive is timed and checked on the queries done so far and scaled (kept well under a minute). */
const NAIVE_BUDGET_MS = 35_000;

const rand = mulberry32(20260901);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;

const CHARS = [
  ...'中山解放人民建设和平胜利光明幸福团结红旗长江黄河泰华青年友谊新东风向阳朝文化育才海津塘卫大沽南京北成都重庆西安贵州湖鞍唐保定承德张家口金钟滨宜兴',
];
const CN = '零一二三四五六七八九';
const chinese = (n: number) =>
  n < 10 ? CN[n] : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`;
const word = (len: number) => Array.from({ length: len }, () => pick(CHARS)).join('');

interface Road {
  name: string;
  arabic: string;
  max: number;
}

function makeRoads(): Road[] {
  const roads = new Map<string, Road>();
  for (let k = 1; k <= 20; k++)
    for (const kind of ['纬路', '经路', '马路']) {
      roads.set(chinese(k) + kind, { name: chinese(k) + kind, arabic: k + kind, max: int(40, 400) });
    }
  while (roads.size < ROADS) {
    const direction = chance(0.2) ? pick(['东', '西', '南', '北']) : '';
    const name = word(2) + direction + pick(['路', '路', '路', '道', '道', '街', '大街', '巷', '里']);
    if (!roads.has(name)) roads.set(name, { name, arabic: name, max: int(40, 400) });
  }
  return [...roads.values()];
}

function makeEstates(): Array<{ name: string; aliases: string[] }> {
  const estates = new Map<string, { name: string; aliases: string[] }>();
  while (estates.size < ESTATES) {
    const base = word(3); // three characters: two-character aliases from a small pool would collide everywhere
    const name = base + pick(['花园', '小区', '新村', '公寓', '家园', '苑', '名邸', '广场', '华府', '新城']);
    if (estates.has(name)) continue;
    // The name without its suffix, a shortened name, now and then a one-character alias (never matches).
    const aliases = [chance(0.6) ? base : '', chance(0.2) ? base.slice(1) + '小区' : '', chance(0.05) ? base[0] : ''];
    estates.set(name, { name, aliases: aliases.filter(Boolean) });
  }
  return [...estates.values()];
}

function makeRules(
  roads: Road[],
  estates: ReturnType<typeof makeEstates>,
): { rules: ZoningRuleLike[]; codes: string[] } {
  const rules: ZoningRuleLike[] = [];
  const add = (stage: 'primary' | 'middle', match: ZoningRuleLike['match']) =>
    rules.push({ _id: `z${int(0, 0xfffffff).toString(16)}`, stage, match, schoolIds: [`s${int(1, 3000)}`], text: '' });
  for (const road of roads) {
    for (const stage of ['primary', 'middle'] as const) {
      // Consecutive ranges, some split by parity, a few overlapping the next one (ties).
      for (let from = 1; from <= road.max;) {
        const to = Math.min(road.max, from + int(5, 35));
        const end = chance(0.05) ? to + int(1, 10) : to;
        const name = chance(0.5) ? road.name : road.arabic;
        if (chance(0.3)) {
          add(stage, { kind: 'road', road: name, side: 'odd', from, to: end });
          add(stage, { kind: 'road', road: name, side: 'even', from, to: end });
        } else add(stage, { kind: 'road', road: name, side: 'all', from, to: end });
        from = to + 1;
      }
    }
  }
  for (const e of estates) {
    add('primary', { kind: 'estate', ...e });
    if (chance(0.5)) add('middle', { kind: 'estate', ...e });
  }
  // The rest: whole 社区, each zoned for primary school and, half the time, for middle school too.
  const codes: string[] = [];
  while (rules.length < RULES) {
    const communityCode = `1201${String(int(1, 16)).padStart(2, '0')}${String(codes.length).padStart(6, '0')}`;
    codes.push(communityCode);
    add('primary', { kind: 'community', communityCode });
    if (chance(0.5) && rules.length < RULES) add('middle', { kind: 'community', communityCode });
  }
  return { rules, codes };
}

function makeQueries(roads: Road[], estates: ReturnType<typeof makeEstates>, codes: string[]): ZoningQuery[] {
  const prefix = () => pick(['', '', '天津市', '河北区', '天津市河北区', '河北区望海楼街道']);
  return Array.from({ length: QUERIES }, (): ZoningQuery => {
    const r = rand();
    if (r < 0.4) {
      const road = pick(roads);
      const n = int(1, road.max + 20);
      const num = n < 100 && chance(0.2) ? chinese(n) : String(n);
      const marker = pick(['号', '号', '号楼', '弄', '-3号']) + pick(['', '2单元301']);
      return { address: prefix() + (chance(0.5) ? road.name : road.arabic) + num + marker };
    }
    if (r < 0.75) {
      const e = pick(estates);
      return { address: prefix() + pick([e.name, ...e.aliases]) + `${int(1, 30)}号楼${int(1, 6)}单元` };
    }
    if (r < 0.85) return { communityCode: pick(codes), ...(chance(0.5) ? { address: pick(estates).name } : {}) };
    // Misses: an unknown road, random words, an unknown 社区.
    const miss = rand();
    if (miss < 1 / 3) return { address: `${word(2)}不存在路${int(1, 99)}号` };
    return miss < 2 / 3 ? { address: word(int(3, 12)) } : { communityCode: String(int(1e11, 1e12 - 1)) };
  });
}

export function benchMatcher(): string[] {
  const roads = makeRoads();
  const estates = makeEstates();
  const { rules, codes } = makeRules(roads, estates);
  const queries = makeQueries(roads, estates, codes);
  const count = (kind: string) => rules.filter((r) => r.match.kind === kind).length;

  let t = performance.now();
  const index = buildZoningIndex(rules);
  const buildMs = performance.now() - t;
  t = performance.now();
  const prepared = prepareRules(rules);
  const prepareMs = performance.now() - t;

  // Indexed: one warm-up pass, then the best of three.
  const { result: indexed, ms: indexedMs } = bestOf(3, () => queries.map((q) => matchIndexed(index, q)));

  let naiveMs = 0;
  let checked = 0;
  let mismatches = 0;
  for (const [i, q] of queries.entries()) {
    if (naiveMs > NAIVE_BUDGET_MS) break;
    t = performance.now();
    const expected = naiveMatchPrepared(prepared, q);
    naiveMs += performance.now() - t;
    checked++;
    if (!isDeepStrictEqual(indexed[i], expected)) mismatches++;
  }

  const withHits = indexed.filter((h) => h.length > 0).length;
  // A tie: several candidate rules for the same stage.
  const ties = indexed.filter((h) => new Set(h.map((x) => x.rule.stage)).size < h.length).length;
  const perIndexed = indexedMs / queries.length;
  const perNaive = naiveMs / checked;
  const partial = checked < queries.length;
  const scaled = partial ? `, measured on ${checked} queries and scaled` : '';
  const kinds = `${count('road')} road over ${roads.length} roads, ${count('estate')} estate over ${estates.length} 小区, ${count('community')} community`;
  const naiveTotal = `${((perNaive * queries.length) / 1000).toFixed(1)} s for ${queries.length}${scaled}`;
  const agree =
    `${checked - mismatches}/${checked}` +
    (mismatches ? ` (${mismatches} MISMATCHES)` : '') +
    (partial ? ` (naive run on ${checked} of ${queries.length} queries)` : '');
  return [
    `matcher: ${rules.length} rules (${kinds}), ${queries.length} queries (${withHits} matched, ${ties} with tied candidates)`,
    `matcher: build index ${buildMs.toFixed(0)} ms; prepare rules for naive ${prepareMs.toFixed(0)} ms`,
    `matcher: indexed ${(perIndexed * 1000).toFixed(1)} µs/query (${indexedMs.toFixed(0)} ms for ${queries.length}); naive ${perNaive.toFixed(2)} ms/query (${naiveTotal})`,
    `matcher: ${rules.length} rules, ${queries.length} queries, indexed == naive on ${agree}, speed-up ${Math.round(perNaive / perIndexed)}×`,
  ];
}

if (require.main === module) {
  for (const line of benchMatcher()) console.log(line);
}
