import { useTestApp } from '../helpers/local-app';
import { catchmentRules, type CatchmentDoc } from '@/domain/catchment';
import { placesOf } from '@/domain/imports/catchments';
import { ruleMatchKeys } from '@/domain/zoning-match';
import type { ZoningRule } from '@/domain/zoning';
import type { DivisionDoc } from '@/server/repositories/reference';
import { bumpReference } from '../helpers/zoning-rules';

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
  out.push(
    { districtCode: '120102', address: '河东区互助道15号3门' },
    { districtCode: '120102', address: '互助道500号' },
    { districtCode: '120102', address: '互助道' },
  );
  // A picked 社区 with an address (of its own place or another): the disagreement note reads both alone.
  for (let i = 0; i < communities.length; i += 9) {
    const a = typed[(i * 7) % typed.length];
    const c = communities[i];
    if (a.districtCode === c.districtCode)
      out.push({ districtCode: c.districtCode, communityCode: c.code, address: a.address });
  }
  return out;
}

function listRules(): ZoningRule[] {
  const divisions = store().find('divisions', {}) as unknown as DivisionDoc[];
  const lists = store().find('catchments', {}) as unknown as CatchmentDoc[];
  return lists.flatMap((c) => catchmentRules(c, placesOf(divisions.filter((d) => d.districtCode === c.districtCode))));
}

it('a school profile read cold (its own lists and the 对口直升 lists) answers as one read from all the district’s lists', async () => {
  // Published 对口直升 lists (the seed has stored 对口 only): a profile reads them beside its own lists.
  const csv = [
    '学校名称,学段,学年,划片方式,登记范围,依据文件',
    '第九十八中学,初中,2027,对口直升,对口小学：互助道小学,河东区2027年小升初对口安排',
  ].join('\n');
  const applied = await app.cloud.invoke(
    'admin',
    { action: 'importApply', table: 'catchments', format: 'csv', content: csv, requestId: 'targeted-feeder-list-1' },
    { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' },
  );
  expect((applied as { result: any }).result.ok).toBe(true);
  const schools = store().find('schools', {}) as Array<{ _id: string; districtCode: string; name: string }>;
  expect(schools.length).toBeGreaterThan(60);
  const profile = async (id: string) => {
    const { result, roundTrips } = (await app.cloud.invoke('school', { action: 'getSchool', schoolId: id }, null)) as {
      result: any;
      roundTrips: number;
    };
    expect({ id, ok: result.ok }).toEqual({ id, ok: true });
    return { data: result.data, roundTrips };
  };
  const cold: unknown[] = [];
  for (const s of schools) {
    bumpReference(store());
    cold.push((await profile(s._id)).data);
  }
  bumpReference(store());
  const warm: unknown[] = [];
  for (const s of schools) {
    // A lookup in the school's district first: the instance holds every list of it, and the profile reads none.
    await lookup({ districtCode: s.districtCode, address: '示例路1号' });
    const { data, roundTrips } = await profile(s._id);
    expect(roundTrips).toBe(2); // the version check and the school
    warm.push(data);
  }
  expect(warm).toEqual(cold);
  // Not vacuous: profiles with their lists and with a 对口 path.
  expect((cold as any[]).filter((p) => p.catchments.length > 0).length).toBeGreaterThan(30);
  expect((cold as any[]).filter((p) => p.feeder?.kind === 'feeder').length).toBeGreaterThan(5);
  const listed = (cold as any[]).find((p) => p.school.name === '互助道小学');
  expect(listed.feeder.schools.map((x: any) => x.name)).toEqual(['第九十八中学']);
}, 600_000);

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
  bumpReference(store());
  const full = await answers();
  expect(full).toEqual(fromLists);

  store().mutate('zoning_rules', {}, true, (d) => ({ ...d, matchKeys: ruleMatchKeys(d as unknown as ZoningRule) }));
  bumpReference(store());
  const keyed = await answers();
  expect(keyed).toEqual(fromLists);
  // Not vacuous: the questions meet zoned answers of every kind.
  const kinds = new Set((keyed as any[]).flatMap((d) => d.zoned.map((z: any) => z.rule.kind)));
  expect([...kinds].sort()).toEqual(['community', 'estate', 'road']);
}, 600_000);
