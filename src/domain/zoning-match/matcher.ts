import { buildAutomaton, searchAutomaton, type Automaton } from './aho-corasick';
import { buildIntervals, stab, type Intervals } from './intervals';
import {
  communityHit,
  compareIds,
  coversWholeRoad,
  streetHit,
  estateHit,
  prepareQuery,
  prepareRule,
  roadHit,
  type PreparedOf,
  type PreparedRule,
  type ZoningHit,
  type ZoningQuery,
  type ZoningRuleLike,
} from './rules';

/** A prepared rule with its place in the output order (by _id, then input position). */
export interface Ranked<P> {
  p: P;
  rank: number;
}
type RoadIntervals<R extends ZoningRuleLike> = Intervals<Ranked<PreparedOf<R, 'road'>>>;

/**
 * Rules indexed for many queries. Query cost, for an address of length L:
 * - 社区: one Map lookup;
 * - road: one Map lookup by normalised road, then a stabbing query on that road's intervals of the query's
 *   parity (odd + all, or even + all): O(log m + k log m) for m rules on the road and k found;
 * - 小区: one Aho–Corasick pass over the normalised address, O(L + names found);
 * plus normalising the address (O(L)) and sorting the k results.
 * Building is O(n log n) over n rules plus the total length of 小区 names.
 */
export interface ZoningIndex<R extends ZoningRuleLike = ZoningRuleLike> {
  readonly communities: ReadonlyMap<string, ReadonlyArray<Ranked<PreparedOf<R, 'community'>>>>;
  readonly streets: ReadonlyMap<string, ReadonlyArray<Ranked<PreparedOf<R, 'street'>>>>;
  /** Per normalised road: the rules covering all of it, which also answer an address without a number. */
  readonly wholeRoads: ReadonlyMap<string, ReadonlyArray<Ranked<PreparedOf<R, 'road'>>>>;
  /** Per normalised road: rules for odd numbers (odd + all) and for even numbers (even + all). */
  readonly roads: ReadonlyMap<string, { odd: RoadIntervals<R>; even: RoadIntervals<R> }>;
  readonly estates: Automaton;
  /** Per Aho–Corasick pattern: the estates having that name, and the name's place in their longest-first list. */
  readonly estateNames: ReadonlyArray<ReadonlyArray<{ estate: Ranked<PreparedOf<R, 'estate'>>; nameIndex: number }>>;
}

const byRank = (a: Ranked<unknown>, b: Ranked<unknown>) => a.rank - b.rank;

export function buildZoningIndex<R extends ZoningRuleLike>(rules: readonly R[]): ZoningIndex<R> {
  const prepared = rules
    .map((rule, at) => ({ p: prepareRule(rule), at }))
    .filter((x): x is { p: PreparedRule<R>; at: number } => x.p !== null)
    .sort((x, y) => compareIds(x.p.rule._id, y.p.rule._id) || x.at - y.at);

  const communities = new Map<string, Array<Ranked<PreparedOf<R, 'community'>>>>();
  const streets = new Map<string, Array<Ranked<PreparedOf<R, 'street'>>>>();
  const wholeRoads = new Map<string, Array<Ranked<PreparedOf<R, 'road'>>>>();
  const roadLists = new Map<string, Array<Ranked<PreparedOf<R, 'road'>>>>();
  const patternIds = new Map<string, number>();
  const estateNames: Array<Array<{ estate: Ranked<PreparedOf<R, 'estate'>>; nameIndex: number }>> = [];

  prepared.forEach(({ p }, rank) => {
    if (p.kind === 'community') push(communities, p.code, { p, rank });
    else if (p.kind === 'street') push(streets, p.code, { p, rank });
    else if (p.kind === 'road') {
      push(roadLists, p.road, { p, rank });
      if (coversWholeRoad(p)) push(wholeRoads, p.road, { p, rank });
    } else {
      const estate = { p, rank }; // one object per rule: matchIndexed keys the longest name found by it
      p.names.forEach((name, nameIndex) => {
        let id = patternIds.get(name.key);
        if (id === undefined) patternIds.set(name.key, (id = estateNames.push([]) - 1));
        estateNames[id].push({ estate, nameIndex });
      });
    }
  });

  const roads = new Map<string, { odd: RoadIntervals<R>; even: RoadIntervals<R> }>();
  for (const [road, list] of roadLists) {
    const of = (side: 'odd' | 'even') =>
      buildIntervals(
        list
          .filter((r) => r.p.side === side || r.p.side === 'all')
          .map((r) => ({ from: r.p.from, to: r.p.to, item: r })),
      );
    roads.set(road, { odd: of('odd'), even: of('even') });
  }
  return { communities, streets, wholeRoads, roads, estates: buildAutomaton([...patternIds.keys()]), estateNames };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Same answer, in the same order, as naiveMatch over the rules the index was built from. */
export function matchIndexed<R extends ZoningRuleLike>(index: ZoningIndex<R>, query: ZoningQuery): Array<ZoningHit<R>> {
  const q = prepareQuery(query);
  const hits: Array<ZoningHit<R>> = [];
  const a = q.address;
  if (a !== null) {
    // The longest name of an estate found is the one with the smallest index in its longest-first list;
    // its first occurrence (the smallest end: occurrences of one name all have its length) decides the building.
    const best = new Map<Ranked<PreparedOf<R, 'estate'>>, { nameIndex: number; end: number }>();
    searchAutomaton(index.estates, a.normalized, (id, end) => {
      for (const { estate, nameIndex } of index.estateNames[id]) {
        const seen = best.get(estate);
        if (seen === undefined || nameIndex < seen.nameIndex || (nameIndex === seen.nameIndex && end < seen.end))
          best.set(estate, { nameIndex, end });
      }
    });
    for (const e of [...best.keys()].sort(byRank)) {
      const found = best.get(e)!;
      const hit = estateHit(e.p, e.p.names[found.nameIndex], a, found.end);
      if (hit) hits.push(hit);
    }

    if (a.road !== null && a.number === null) {
      for (const r of index.wholeRoads.get(a.road) ?? []) hits.push(roadHit(r.p, null));
    }
    const onRoad = a.road === null || a.number === null ? undefined : index.roads.get(a.road);
    if (onRoad && a.number !== null) {
      const n = a.number;
      const found: Array<Ranked<PreparedOf<R, 'road'>>> = [];
      stab(n % 2 === 1 ? onRoad.odd : onRoad.even, n, found);
      for (const r of found.sort(byRank)) hits.push(roadHit(r.p, n));
    }
  }
  if (q.code !== null) {
    for (const c of index.communities.get(q.code) ?? []) hits.push(communityHit(c.p));
  }
  if (q.street !== null) {
    for (const s of index.streets.get(q.street) ?? []) hits.push(streetHit(s.p));
  }
  return hits;
}
