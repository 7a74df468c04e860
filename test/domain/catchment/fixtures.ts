import {
  listRules,
  parseCatchment,
  type CatchmentMatch,
  type CatchmentPhrase,
  type CatchmentPlaces,
  type NumberRange,
} from '@/domain/catchment';
import { buildZoningIndex, matchIndexed, naiveMatch, resolveHits, type ZoningRuleLike } from '@/domain/zoning-match';
import { WHOLE_ROAD_TO } from '@/domain/zoning-match/rules';

/**
 * A made-up district (code 990101) with 街道 and 社区 named the way official lists name them: 社区居委会 /
 * 村民委员会 suffixes, a 社区 and a 村 sharing a name, a 社区 name used in two 街道.
 */
export const PLACES: CatchmentPlaces = {
  streets: [
    { code: '990101001', name: '大王庄街道' },
    { code: '990101002', name: '唐家口街道' },
    { code: '990101003', name: '东华门街道' },
    { code: '990101004', name: '东孚街道' },
    { code: '990101005', name: '南头街道' },
  ],
  communities: [
    { code: '990101001001', name: '诚厚里社区居委会', parentCode: '990101001' },
    { code: '990101001002', name: '万新村社区居委会', parentCode: '990101001' },
    { code: '990101001003', name: '阳光社区居委会', parentCode: '990101001' },
    { code: '990101002001', name: '新兴村村民委员会', parentCode: '990101002' },
    { code: '990101002002', name: '新兴社区居民委员会', parentCode: '990101002' },
    { code: '990101002003', name: '阳光社区居委会', parentCode: '990101002' },
    { code: '990101003001', name: '瑞金二路居民委员会', parentCode: '990101003' },
    { code: '990101004001', name: '东瑶村委会', parentCode: '990101004' },
    { code: '990101004002', name: '海沧社区居委会', parentCode: '990101004' },
    { code: '990101005001', name: '大新社区居委会', parentCode: '990101005' },
  ],
};

export const MAX = WHOLE_ROAD_TO;
type Side = NumberRange['side'];

export const road = (name: string, from: number, to: number, side: Side = 'all'): CatchmentMatch => ({
  kind: 'road',
  road: name,
  side,
  from,
  to,
});
export const whole = (name: string, side: Side = 'all'): CatchmentMatch => road(name, 1, MAX, side);
export const range = (from: number, to: number, side: Side = 'all'): NumberRange => ({ side, from, to });
export const estate = (name: string, buildings?: NumberRange[], aliases: string[] = []): CatchmentMatch => ({
  kind: 'estate',
  name,
  aliases,
  ...(buildings ? { buildings } : {}),
});
export const community = (code: string): CatchmentMatch => ({ kind: 'community', communityCode: code });
export const street = (code: string): CatchmentMatch => ({ kind: 'street', streetCode: code });

export interface Expected {
  text: string;
  status?: CatchmentPhrase['status'];
  matches?: CatchmentMatch[];
  except?: CatchmentMatch[];
  exclude?: boolean;
  street?: string | null;
}

/** Reads `source` and checks each phrase: verbatim slice (in order), status and what it matches. */
export function expectPhrases(
  source: string,
  expected: Expected[],
  places: CatchmentPlaces = PLACES,
): CatchmentPhrase[] {
  const phrases = parseCatchment(source, places);
  let at = 0;
  for (const p of phrases) {
    const found = source.indexOf(p.text, at);
    expect({ text: p.text, verbatim: found >= 0 }).toEqual({ text: p.text, verbatim: true });
    at = found + p.text.length;
  }
  const shape = (p: Expected, withStreet: boolean) => ({
    text: p.text,
    status: p.status ?? 'read',
    matches: p.matches ?? [],
    except: p.except ?? [],
    exclude: p.exclude ?? false,
    ...(withStreet ? { street: p.street } : {}),
  });
  expect(phrases.map((p, i) => shape(p, !!expected[i] && 'street' in expected[i]))).toEqual(
    expected.map((e) => shape(e, 'street' in e)),
  );
  return phrases;
}

/** One school's published list. */
export interface SchoolList {
  school: string;
  text: string;
}

/** The rules a district's lists give (one per match; exceptions and 除外 as exclusion rules), as the lookup builds them. */
export function rulesOf(lists: readonly SchoolList[], places: CatchmentPlaces = PLACES): ZoningRuleLike[] {
  return lists.flatMap(({ school, text }) =>
    listRules(text, places, school, { stage: 'primary' as const, schoolIds: [school] }),
  );
}

export interface Answer {
  schools: string[];
  /** The published phrases quoted for the answer. */
  quotes: string[];
}

/** A parent's lookup: indexed and naive must agree; the most specific place decides (除外 first). */
export function lookupWith(rules: readonly ZoningRuleLike[]): (address: string) => Answer {
  const index = buildZoningIndex(rules);
  return (address) => {
    const hits = matchIndexed(index, { address });
    expect(hits).toEqual(naiveMatch(rules, { address }));
    const zoned = resolveHits(hits);
    return {
      schools: [...new Set(zoned.flatMap((h) => h.rule.schoolIds))].sort(),
      quotes: [...new Set(zoned.map((h) => h.rule.text))],
    };
  };
}
