export { normalizeAddress, type NormalizedAddress } from './normalize';
export type { MatchReason, ZoningHit, ZoningMatch, ZoningQuery, ZoningRuleLike } from './rules';
export { naiveMatch } from './naive';
export { buildZoningIndex, matchIndexed, type ZoningIndex } from './matcher';
export { resolveHits } from './resolve';
export { ESTATE_KEY_UNITS, queryMatchKeys, ruleMatchKeys } from './keys';
