import { prepareRule, prepareQuery, type ZoningQuery, type ZoningRuleLike } from './rules';

/**
 * Match keys: what a stored rule is filed under, so a lookup reads only the rules that could match it
 * (`matchKeys in queryMatchKeys(query)`) instead of the whole district. The contract, which the tests
 * check against the full scan: every rule that matches a query has a key among the query's keys.
 * - 社区 `c:<code>`, 街道 `s:<code>`: the picked (or named) division;
 * - road `r:<normalised road>`: the road the address parser finds;
 * - 小区 `e:<first ESTATE_KEY_UNITS of each normalised name>`: a name matches when it occurs in the
 *   normalised address, so its prefix is one of the address's short substrings (a few hundred at most for
 *   the 100 characters an address may have). A prefix, not the name: the address's substrings of every
 *   length would be thousands of keys.
 * Keys derive from the same prepared rule the matchers use, so they normalise exactly as matching does.
 * Rules stored without keys (written before keys existed) are read as candidates of every query; changing
 * this scheme means re-keying the stored rules.
 */
export const ESTATE_KEY_UNITS = 3;

/** The keys a rule is filed under; none for a rule that can never match. */
export function ruleMatchKeys(rule: Pick<ZoningRuleLike, 'match'>): string[] {
  const p = prepareRule({ _id: '', stage: 'primary', schoolIds: [], text: '', ...rule });
  if (!p) return [];
  if (p.kind === 'community') return [`c:${p.code}`];
  if (p.kind === 'street') return [`s:${p.code}`];
  if (p.kind === 'road') return [`r:${p.road}`];
  return [...new Set(p.names.map((n) => `e:${n.key.slice(0, ESTATE_KEY_UNITS)}`))];
}

/** The keys of every rule that can match the query (a superset: the matcher decides). */
export function queryMatchKeys(query: ZoningQuery): string[] {
  const q = prepareQuery(query);
  const keys = new Set<string>();
  if (q.code !== null) keys.add(`c:${q.code}`);
  if (q.street !== null) keys.add(`s:${q.street}`);
  const a = q.address;
  if (a !== null) {
    if (a.road !== null) keys.add(`r:${a.road}`);
    // Code units, as `includes` compares: a name of 2 units or more has its first units at some offset.
    const s = a.normalized;
    for (let i = 0; i < s.length; i++) {
      for (let n = 2; n <= ESTATE_KEY_UNITS && i + n <= s.length; n++) keys.add(`e:${s.slice(i, i + n)}`);
    }
  }
  return [...keys];
}
