import { useTestApp } from '../helpers/local-app';
import { catchmentRules, type CatchmentDoc } from '../../src/domain/catchment';
import { placesOf } from '../../src/domain/imports/catchments';
import { ruleMatchKeys } from '../../src/domain/zoning-match';
import type { ZoningRule } from '../../src/domain/zoning';
import type { DivisionDoc } from '../../src/server/repositories/reference';

/**
 * The lookup reads only the rules filed under the asked place's match keys. Its answers must be those of
 * reading every rule of the district. Three passes over the same questions, through the built bundle:
 * 1. as seeded: rules read out of the published lists, filtered by key in the instance;
 * 2. the same rules stored without keys: every lookup reads and matches all of them (the full load, the
 *    reference: rules without keys are candidates of every query);
 * 3. the same stored rules with their keys: the lookup reads only those under the place's keys.
 * Every 社区 of every seeded district, typed addresses made from every kind of rule, and both together.
 */
const app = useTestApp();
const store = () => app.cloud.store;

async function lookup(input: Record<string, unknown>): Promise<unknown> {
  const { result } = (await app.cloud.invoke('school', { action: 'lookup', ...input }, null)) as { result: any };
  expect({ input, ok: result.ok, code: result.code }).toEqual({ input, ok: true, code: undefined });
  return result.data;
}

/** A reference write as any import makes it: warm instances reload. */
function bumpReference(): void {
  store().mutate('meta', { _id: 'reference' }, false, (d) => ({ ...d, version: (d.version as number) + 1 }));
}

function questions(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const divisions = store().find('divisions', {}) as unknown as DivisionDoc[];
  const communities = divisions.filter((d) => d.level === 'community');
  for (const c of communities) out.push({ districtCode: c.districtCode, communityCode: c.code });
  const addresses: Array<{ districtCode: string; address: string }> = [];
  for (const r of listRules()) {
    const m = r.match;
    const at = (address: string) => addresses.push({ districtCode: r.districtCode, address });
    if (m.kind === 'road') {
      at(`${m.road}${m.from}号`);
      at(`${m.road}${Math.min(m.to, m.from + 7)}号`);
      at(`${m.road}${m.to < 99999 ? m.to + 1 : 1}号`);
      at(m.road);
    } else if (m.kind === 'estate') {
      at(`${m.name}${m.buildings?.[0]?.from ?? 3}号楼`);
      for (const alias of m.aliases) at(`${alias}2栋`);
    } else if (m.kind === 'community') {
      const c = communities.find((x) => x.code === m.communityCode);
      if (c) at(`${c.name}12号`);
    }
  }
  const typed = [...new Map(addresses.map((a) => [`${a.districtCode}|${a.address}`, a])).values()];
  out.push(...typed);
  out.push({ districtCode: '120102', address: '河东区互助道15号3门' }, { districtCode: '120102', address: '互助道500号' }, { districtCode: '120102', address: '互助道' });
  // A picked 社区 with an address (of its own place or another): the disagreement note reads both alone.
  for (let i = 0; i < communities.length; i += 9) {
    const a = typed[(i * 7) % typed.length];
    const c = communities[i];
    if (a.districtCode === c.districtCode) out.push({ districtCode: c.districtCode, communityCode: c.code, address: a.address });
  }
  return out;
}

function listRules(): ZoningRule[] {
  const divisions = store().find('divisions', {}) as unknown as DivisionDoc[];
  const lists = store().find('catchments', {}) as unknown as CatchmentDoc[];
  return lists.flatMap((c) => catchmentRules(c, placesOf(divisions.filter((d) => d.districtCode === c.districtCode))));
}

it('a lookup reading only its place’s rules answers as reading every rule, for every 社区 and typed addresses', async () => {
  const qs = questions();
  expect(qs.filter((q) => q.communityCode).length).toBeGreaterThan(386);
  expect(qs.filter((q) => q.address && !q.communityCode).length).toBeGreaterThan(250);
  const answers = async () => {
    const out: unknown[] = [];
    for (const q of qs) out.push(await lookup(q));
    return out;
  };

  const fromLists = await answers();

  // The lists' place rules become stored rules without keys (their ids, text and fields as read).
  const rules = listRules();
  expect(rules.length).toBeGreaterThan(400);
  store().insertMany('zoning_rules', rules as unknown as Array<Record<string, unknown>>);
  store().mutate('catchments', { mechanism: { $ne: 'feeder' } }, true, () => null);
  store().analyze();
  bumpReference();
  const full = await answers();
  expect(full).toEqual(fromLists);

  store().mutate('zoning_rules', {}, true, (d) => ({ ...d, matchKeys: ruleMatchKeys(d as unknown as ZoningRule) }));
  bumpReference();
  const keyed = await answers();
  expect(keyed).toEqual(fromLists);
  // Not vacuous: the questions meet zoned answers of every kind.
  const kinds = new Set((keyed as any[]).flatMap((d) => d.zoned.map((z: any) => z.rule.kind)));
  expect([...kinds].sort()).toEqual(['community', 'estate', 'road']);
}, 600_000);
