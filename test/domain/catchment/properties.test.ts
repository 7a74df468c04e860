import fc from 'fast-check';
import { parseCatchment, type CatchmentMatch, type CatchmentPhrase } from '@/domain/catchment';
import { BOUNDARY } from '@/domain/catchment/place';
import { buildZoningIndex, matchIndexed } from '@/domain/zoning-match';
import { MAX, PLACES, rulesOf } from './fixtures';
import { FAST_DEPTH, runs } from '../../helpers/depth';
import { binaryString } from '../../helpers/binary-string';

// What holds for every text: never a throw, phrases are verbatim slices in order, matches are well formed,
// a parity range never takes a number of the other parity, and big inputs complete.

/** Pieces real lists are made of, so random texts reach deep into the reader. */
const FRAGMENTS = [
  '六纬路',
  '七纬路',
  '十一经路',
  '人民路一巷',
  '人民南路二段',
  '江南大道中',
  '和平一',
  '二横路',
  '建设南二街',
  '三街',
  '东四五条',
  '六条',
  '阳光小区',
  '荔林春晓',
  '翠苑一区',
  '二区',
  '一期',
  '诚厚里社区',
  '新兴村',
  '大王庄街道',
  '唐家口街道',
  '东孚镇',
  '万达广场小区',
  '1-99号',
  '2-50号',
  '１－９９号',
  '一至九十九号',
  '12号之一',
  '100号以后',
  '50号以下',
  '4',
  '6',
  '8号',
  '甲5号',
  '3-8号楼',
  '1-5栋',
  '1-5组',
  '1045弄',
  '单号',
  '双号',
  '单双号',
  '单数',
  '双数',
  '全段',
  '全部',
  '全巷',
  '（单号）',
  '（双号）',
  '(单号)',
  '（除12号外）',
  '12号除外',
  '除',
  '外',
  '不含',
  '（原胜利路）',
  '（含阳光小区）',
  '（已拆迁）',
  '已拆迁',
  '（人民路至解放路段）',
  '北侧',
  '以东',
  '部分',
  '和',
  '及',
  '至',
  '-',
  '—',
  '——',
  '~',
  '号',
  '、',
  '，',
  '；',
  '。',
  '：',
  ':',
  ' ',
  '　',
  '\n',
  '\r\n',
  '\t',
  '（',
  '）',
  '【',
  '】',
  '“',
  '”',
  '1.',
  '（一）',
  '一、',
  '①',
  '注：',
  '招生范围：',
  '和平路小学：',
];
const listText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((xs) => xs.join(''));
/** Any UTF-16 code units: lone surrogates, controls, private use. */
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
  .map((xs) => String.fromCharCode(...xs));
const anyText = fc.oneof(listText, codeUnits, binaryString({ maxLength: 300 }), fc.string({ maxLength: 300 }));

const CODES = new Set([...PLACES.streets.map((s) => s.code), ...PLACES.communities.map((c) => c.code)]);

function wellFormed(m: CatchmentMatch): boolean {
  const range = (r: { side: string; from: number; to: number }) =>
    ['odd', 'even', 'all'].includes(r.side) &&
    Number.isInteger(r.from) &&
    Number.isInteger(r.to) &&
    r.from >= 1 &&
    r.from <= r.to &&
    r.to <= MAX;
  // A name read is a name: no separators, dashes, house numbers or words of direction inside.
  const name = (n: string) => n.length >= 2 && !BOUNDARY.test(n) && !/[、，,；;：:。()（）|\-—~]|\d号|^\d+$/.test(n);
  if (m.kind === 'road') return name(m.road) && range(m);
  if (m.kind === 'estate')
    return (
      name(m.name) &&
      m.aliases.every(name) &&
      (m.buildings === undefined || (m.buildings.length > 0 && m.buildings.every(range)))
    );
  return CODES.has(m.kind === 'community' ? m.communityCode : m.streetCode);
}

/**
 * What breaks the rules in the phrases of `source`, one line each: phrases are verbatim slices in order,
 * never empty, never padded, each with a reading; an unread phrase has no matches, a read one has some;
 * every match is well formed. Checked in plain code and asserted once per text, since a 10k-character
 * text has thousands of phrases and jest's expect costs more per call than reading them.
 */
function phraseProblems(source: string, phrases: CatchmentPhrase[]): string[] {
  const problems: string[] = [];
  let at = 0;
  phrases.forEach((p, i) => {
    const bad = (why: string) => problems.push(`phrase ${i} ${JSON.stringify(p.text)}: ${why}`);
    const found = source.indexOf(p.text, at);
    if (found < 0) bad(`not found in the text from offset ${at}`);
    else at = found + p.text.length;
    if (p.text !== p.text.trim()) bad('padded');
    if (p.text.length === 0) bad('empty');
    if (typeof p.reading !== 'string' || p.reading.length === 0) bad('no reading');
    if (p.status !== 'read') {
      if (p.matches.length > 0 || p.except.length > 0 || p.exclude !== false) bad(`${p.status} yet matches`);
    } else if (p.matches.length === 0) bad('read without a match');
    for (const m of [...p.matches, ...p.except]) if (!wellFormed(m)) bad(`ill-formed ${JSON.stringify(m)}`);
  });
  return problems;
}

function checkPhrases(source: string, phrases: CatchmentPhrase[]): void {
  expect(phraseProblems(source, phrases)).toEqual([]);
}

describe('parseCatchment on any text', () => {
  it('a 街道 header line that names no 街道 of the district is one phrase of the whole line (found by the property below)', () => {
    for (const text of ['-唐家口街道:', '-唐家口街道：']) {
      const phrases = parseCatchment(text, PLACES);
      checkPhrases(text, phrases);
      expect(phrases).toMatchObject([{ text, status: 'unread' }]);
    }
  });

  it('never throws; phrases are verbatim slices in order with well-formed matches', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkPhrases(text, parseCatchment(text, PLACES));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('takes bad inputs: not a string, no places, broken places', () => {
    const bad = [undefined, null, 42, {}, [], 'x'] as unknown as string[];
    for (const t of bad) expect(() => parseCatchment(t, PLACES)).not.toThrow();
    expect(() => parseCatchment('诚厚里社区', null as never)).not.toThrow();
    expect(() =>
      parseCatchment('诚厚里社区', { streets: [null, { code: 1 }], communities: 'x' } as never),
    ).not.toThrow();
    expect(parseCatchment('诚厚里社区', { streets: [], communities: [] })[0].status).toBe('unread');
  });

  it('takes 10k characters of anything', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          binaryString({ minLength: 10_000, maxLength: 10_000 }),
          fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 3000, maxLength: 3000 }).map((x) => x.join('')),
        ),
        (text) => {
          checkPhrases(text, parseCatchment(text, PLACES));
        },
      ),
      { numRuns: runs(20) },
    );
  });
});

describe('parity', () => {
  const ROADS = ['六纬路', '十一经路', '人民路一巷', '人民南路二段', '江南大道中', '华昌大街'];
  const number = fc.integer({ min: 1, max: 300 });
  const writtenRange = fc
    .tuple(number, number, fc.constantFrom('odd', 'even'), fc.integer({ min: 0, max: 5 }))
    .map(([a, b, side, how]) => {
      const [from, to] = [Math.min(a, b), Math.max(a, b)];
      const word =
        side === 'odd'
          ? fc.sample(fc.constantFrom('单号', '单数', '单'), 1)[0]
          : fc.sample(fc.constantFrom('双号', '双数', '双'), 1)[0];
      const forms = [
        `${from}-${to}号（${word}）`,
        `${word}${from}-${to}号`,
        `${from}至${to}号${word}`,
        `${from}—${to}号 ${word}`,
        `（${word}）${from}-${to}号`,
        `${word}${from}号以后`,
      ];
      return forms[how];
    });
  const list = fc
    .array(fc.tuple(fc.constantFrom(...ROADS), fc.array(writtenRange, { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((xs) => xs.map(([road, ranges]) => road + ranges.join('、')).join('；'));

  it('a range read as odd or even never takes a number of the other parity, through the matcher', () => {
    fc.assert(
      fc.property(list, fc.array(number, { minLength: 5, maxLength: 20 }), (text, numbers) => {
        const rules = rulesOf([{ school: 's', text }]);
        const index = buildZoningIndex(rules);
        const wrong: Array<{ rule: string; n: number; hit: boolean }> = []; // asserted once, as empty
        for (const rule of rules) {
          const m = rule.match;
          const ranges = m.kind === 'road' ? [m] : m.kind === 'estate' ? (m.buildings ?? []) : [];
          const name = m.kind === 'road' ? m.road : m.kind === 'estate' ? m.name : '';
          for (const n of numbers.flatMap((x) => [x, x + 1])) {
            const hit = matchIndexed(index, { address: `${name}${n}号` }).some((h) => h.rule === rule);
            // A hit is always explained by a range of the rule holding n on its side.
            const fits = ranges.some(
              (r) => r.from <= n && n <= r.to && (r.side === 'all' || (r.side === 'odd') === (n % 2 === 1)),
            );
            if (hit !== fits) wrong.push({ rule: rule.text, n, hit });
          }
        }
        expect({ text, wrong }).toEqual({ text, wrong: [] });
        // Everything in the list was read, each range with a side.
        expect(parseCatchment(text, PLACES).every((p) => p.status === 'read')).toBe(true);
        const sides = rules.flatMap((r) =>
          r.match.kind === 'road'
            ? [r.match.side]
            : r.match.kind === 'estate'
              ? (r.match.buildings ?? []).map((b) => b.side)
              : [],
        );
        expect(sides.length).toBeGreaterThan(0);
        expect(sides.every((side) => side !== 'all')).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('big inputs complete (the reader is linear but for items, read up to a fixed length)', () => {
  // 200 KB each in the full run; the inner loop reads 20 KB (a quadratic step still shows there as seconds).
  const N = FAST_DEPTH ? 20_000 : 200_000;
  const fill = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
  it.each([
    ['a long list', '六纬路1-99号（单号）、2-50号（双号）；和平一、二横路；阳光小区1-5号楼；中山路北侧；\n'],
    ['one item without separators', '阳光花园小区路街道巷里'],
    ['short items', '阳光花园小区路街、'],
    ['open brackets', '（'],
    ['brackets', '（单号）'],
    ['nested brackets', '（（（（1）））'],
    ['one character per line', '大\n'],
    ['stems waiting for a road', '和平一、'],
    ['numbers continuing one road', '1、'],
    ['spaces in ranges', '六纬路 1 '],
    ['labels', '诚厚里社区：\n'],
    ['exclusions', '除阳光小区外、'],
  ])(`%s (${N / 1000} KB)`, (_name, unit) => {
    const text = fill(unit);
    const phrases = parseCatchment(text, PLACES);
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.length).toBeLessThanOrEqual(text.length);
  });
});
