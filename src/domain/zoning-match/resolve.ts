import type { Stage } from '../stages';
import type { ZoningHit, ZoningRuleLike } from './rules';

/**
 * From the rules an address matched to the schools it is zoned to, per stage:
 * - 除外 first: a school whose exclusion matched is not a candidate at that stage, whatever else matched;
 * - then the most specific place decides: a 小区's buildings, a 小区, a road (a narrower range before a
 *   wider one: "胜利街6号" before "胜利街全段"), a 社区, a 街道. Lists are written that way ("全段" for the
 *   road, the exceptions to other schools), and an address is answered by what names it most closely.
 * Hits of equal specificity all stay: several schools then share the place (多校划片, or data to confirm).
 */
export function resolveHits<R extends ZoningRuleLike>(hits: ReadonlyArray<ZoningHit<R>>): Array<ZoningHit<R>> {
  const excluded = new Set<string>();
  for (const h of hits) if (h.rule.exclude) for (const id of h.rule.schoolIds) excluded.add(`${h.rule.stage}|${id}`);
  const positive = hits.filter(
    (h) => !h.rule.exclude && !h.rule.schoolIds.some((id) => excluded.has(`${h.rule.stage}|${id}`)),
  );
  const best = new Map<Stage, number>();
  for (const h of positive) best.set(h.rule.stage, Math.min(best.get(h.rule.stage) ?? Infinity, specificity(h)));
  return positive.filter((h) => specificity(h) === best.get(h.rule.stage));
}

/** Smaller is more specific. Roads rank by how many numbers they cover. */
export function specificity(h: ZoningHit<ZoningRuleLike>): number {
  const m = h.rule.match;
  // A longer 小区 name is the more specific (阳光花园二期 within 阳光花园).
  if (m.kind === 'estate')
    return (m.buildings && m.buildings.length > 0 ? 0 : 1) - Math.min(Array.from(m.name).length, 99) / 1000;
  if (m.kind === 'road') return 2 + numbersCovered(m) / 1e6;
  return m.kind === 'community' ? 4 : 5;
}

function numbersCovered(r: { side: string; from: number; to: number }): number {
  const span = Math.max(0, r.to - r.from + 1);
  return r.side === 'all' ? span : Math.ceil(span / 2);
}
