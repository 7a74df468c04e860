import {
  communityHit,
  compareIds,
  coversWholeRoad,
  streetHit,
  estateHit,
  prepareQuery,
  prepareRule,
  REASON_ORDER,
  roadHit,
  sideFits,
  type PreparedQuery,
  type PreparedRule,
  type ZoningHit,
  type ZoningQuery,
  type ZoningRuleLike,
} from './rules';

/**
 * The reference matcher: every rule checked in turn, straight from the definition. Tests and the bench
 * compare the index against it; it is also the right tool for a single query (an index costs more to build
 * than one linear pass).
 */
function matchOne<R extends ZoningRuleLike>(p: PreparedRule<R>, q: PreparedQuery): ZoningHit<R> | null {
  if (p.kind === 'community') return q.code !== null && p.code === q.code ? communityHit(p) : null;
  if (p.kind === 'street') return q.street !== null && p.code === q.street ? streetHit(p) : null;
  const a = q.address;
  if (a === null) return null;
  if (p.kind === 'road') {
    const n = a.number;
    if (a.road !== p.road) return null;
    if (n === null) return coversWholeRoad(p) ? roadHit(p, null) : null;
    return p.from <= n && n <= p.to && sideFits(p.side, n) ? roadHit(p, n) : null;
  }
  // Names are longest first, so the first one found is the longest; its first occurrence decides the building.
  const name = p.names.find((nm) => a.normalized.includes(nm.key));
  return name ? estateHit(p, name, a, a.normalized.indexOf(name.key) + name.key.length) : null;
}

export function prepareRules<R extends ZoningRuleLike>(rules: readonly R[]): Array<PreparedRule<R> | null> {
  return rules.map((r) => prepareRule(r));
}

/** The linear scan over rules already prepared (the bench times this, so normalisation is not counted). */
export function naiveMatchPrepared<R extends ZoningRuleLike>(
  prepared: ReadonlyArray<PreparedRule<R> | null>,
  query: ZoningQuery,
): Array<ZoningHit<R>> {
  const q = prepareQuery(query);
  const found: Array<{ hit: ZoningHit<R>; at: number }> = [];
  prepared.forEach((p, at) => {
    const hit = p && matchOne(p, q);
    if (hit) found.push({ hit, at });
  });
  // Estate, road, community; then by _id; rules sharing an _id keep their input order.
  found.sort(
    (x, y) =>
      REASON_ORDER[x.hit.why] - REASON_ORDER[y.hit.why] || compareIds(x.hit.rule._id, y.hit.rule._id) || x.at - y.at,
  );
  return found.map((f) => f.hit);
}

export function naiveMatch<R extends ZoningRuleLike>(rules: readonly R[], query: ZoningQuery): Array<ZoningHit<R>> {
  return naiveMatchPrepared(prepareRules(rules), query);
}
