import type { FeederRule } from '../domain/feeder';
import type { School } from '../domain/school';
import type { XuequVersion } from '../domain/xuequ';
import type { ZoningRule } from '../domain/zoning';
import {
  buildZoningIndex,
  queryMatchKeys,
  ruleMatchKeys,
  type ZoningIndex,
  type ZoningQuery,
} from '../domain/zoning-match';
import { catchmentRules, feedersInForce, type CatchmentDoc } from '../domain/catchment';
import { placesOf } from '../domain/imports/catchments';
import { referenceVersion } from './repositories/meta';
import {
  catchmentsOfSchool,
  feederLists,
  feedersOfPrimary,
  getDistrict,
  listDivisions,
  listCatchments,
  listFeeders,
  listSchools,
  listXuequVersions,
  unkeyedZoningRules,
  zoningRuleYears,
  zoningRulesByKeys,
  type DistrictDoc,
  type DivisionDoc,
} from './repositories/reference';

/** What every role's actions need about a district: its places, schools and 学区 versions. */
export interface DistrictData {
  district: DistrictDoc;
  divisions: DivisionDoc[];
  schools: School[];
  versions: XuequVersion[];
}

/**
 * The published lists and the 对口, per intake. A lookup reads the district's lists whole: one per school,
 * stage and intake, so their number grows with the schools, not with the rules; they are parsed as read,
 * never from stored results (a better reader improves every stored list). A school profile reads only its
 * own lists and the 对口直升 lists (districtForSchool).
 */
export interface DistrictPublished {
  feeders: FeederRule[];
  /** The published 登记范围 lists as stored (verbatim), for the school profile's 招生范围. */
  catchments: CatchmentDoc[];
}

/** The zoning of one place: the rules that can match its query (stored and read from lists), per intake. */
export interface DistrictZoning extends DistrictPublished {
  /** Every intake the district has rules for (not only those of this place: a place may have lost its zoning). */
  schoolYears: number[];
  /** Only answers the queries it was loaded for, or narrower ones (a 社区 alone, an address alone). */
  zoningIndex(schoolYear: number): ZoningIndex<ZoningRule>;
}

/** The lists' rules filed by match key, parsed once per warm instance and only when a lookup needs them. */
interface ListRules {
  byKey: Map<string, ZoningRule[]>;
  years: Set<number>;
}

interface Published extends DistrictPublished {
  listRules(): ListRules;
}

/** District-wide zoning facts every lookup needs, whatever the place: a few requests, not one per rule. */
interface ZoningShared {
  storedYears: number[];
  /** Rules stored without keys (none an import writes): candidates of every query, as before keys existed. */
  unkeyed: ZoningRule[];
}

interface Entry {
  version: number;
  data: Promise<DistrictData | null>;
  published: Promise<Published> | null;
  shared: Promise<ZoningShared> | null;
  /** Stored rules per match key already read by this instance ([] for a key no rule has). */
  byKey: Map<string, Promise<ZoningRule[]>>;
}

// Lives as long as the warm instance: a lookup then costs one round trip (the version check).
const cache = new Map<string, Entry>();

/** Keys a warm instance remembers per district (most map to no rule: an address's short substrings). */
const MAX_CACHED_KEYS = 50_000;

async function load(code: string): Promise<DistrictData | null> {
  const [district, divisions, schools, versions] = await Promise.all([
    getDistrict(code),
    listDivisions(code),
    listSchools(code),
    listXuequVersions(code),
  ]);
  return district ? { district, divisions, schools, versions } : null;
}

function fileByKeys(rules: readonly ZoningRule[]): Map<string, ZoningRule[]> {
  const into = new Map<string, ZoningRule[]>();
  for (const r of rules) {
    for (const key of ruleMatchKeys(r)) {
      const list = into.get(key);
      if (list) list.push(r);
      else into.set(key, [r]);
    }
  }
  return into;
}

async function loadPublished(code: string, data: Promise<DistrictData | null>): Promise<Published> {
  const [base, storedFeeders, catchments] = await Promise.all([data, listFeeders(code), listCatchments(code)]);
  const { divisions = [], schools = [] } = base ?? {};
  let rules: ListRules | null = null;
  return {
    feeders: feedersInForce(catchments, schools, storedFeeders),
    catchments,
    listRules() {
      if (!rules) {
        const places = placesOf(divisions);
        const all = catchments.flatMap((c) => catchmentRules(c, places));
        rules = { byKey: fileByKeys(all), years: new Set(all.map((r) => r.schoolYear)) };
      }
      return rules;
    },
  };
}

async function loadShared(code: string): Promise<ZoningShared> {
  const [storedYears, unkeyed] = await Promise.all([zoningRuleYears(code), unkeyedZoningRules(code)]);
  return { storedYears, unkeyed };
}

/** The cache entry of this version, loading the light part when missing or stale. */
async function entryOf(code: string, started?: Promise<number>): Promise<Entry> {
  const version = await (started ?? referenceVersion());
  const hit = cache.get(code);
  if (hit && hit.version === version) return hit;
  const entry: Entry = { version, data: load(code), published: null, shared: null, byKey: new Map() };
  cache.set(code, entry);
  entry.data.catch(() => cache.delete(code)); // a failed load must not be served from the cache
  return entry;
}

function publishedOf(code: string, entry: Entry): Promise<Published> {
  if (!entry.published) {
    entry.published = loadPublished(code, entry.data);
    entry.published.catch(() => cache.delete(code));
  }
  return entry.published;
}

function sharedOf(code: string, entry: Entry): Promise<ZoningShared> {
  if (!entry.shared) {
    entry.shared = loadShared(code);
    entry.shared.catch(() => cache.delete(code));
  }
  return entry.shared;
}

/** The stored rules filed under `keys`: the keys this instance has not read yet, in one round of requests. */
async function storedRulesFor(code: string, entry: Entry, keys: readonly string[]): Promise<ZoningRule[]> {
  const missing = keys.filter((k) => !entry.byKey.has(k));
  if (missing.length) {
    if (entry.byKey.size + missing.length > MAX_CACHED_KEYS) entry.byKey.clear();
    const read = zoningRulesByKeys(code, missing);
    read.catch(() => cache.delete(code));
    for (const key of missing)
      entry.byKey.set(
        key,
        read.then((rules) => rules.filter((r) => (r.matchKeys ?? []).includes(key))),
      );
  }
  const lists = await Promise.all(keys.map((k) => entry.byKey.get(k)!));
  return lists.flat();
}

/**
 * The district's reference data, reloaded only when the stored version changed (or never loaded).
 * `started`: a version read already under way (ActionContext.referenceVersion), to overlap it with others.
 */
export async function districtData(code: string, started?: Promise<number>): Promise<DistrictData | null> {
  return (await entryOf(code, started)).data;
}

/**
 * The district's data with what one school's profile needs of the lists and 对口: its own lists, the
 * 对口直升 lists and its stored 对口 (no zoning rule, no other school's list). A warm instance that has
 * the district's lists already answers from them: the same answer for that school.
 */
export async function districtForSchool(
  code: string,
  schoolId: string,
  started?: Promise<number>,
): Promise<(DistrictData & DistrictPublished) | null> {
  const entry = await entryOf(code, started);
  if (entry.published) {
    const [data, published] = await Promise.all([entry.data, entry.published]);
    return data
      ? { ...data, feeders: published.feeders, catchments: published.catchments.filter((c) => c.schoolId === schoolId) }
      : null;
  }
  const [data, own, lists, stored] = await Promise.all([
    entry.data,
    catchmentsOfSchool(code, schoolId),
    feederLists(code),
    feedersOfPrimary(code, schoolId),
  ]);
  if (!data) return null;
  return { ...data, feeders: feedersInForce(lists, data.schools, stored), catchments: own };
}

/**
 * The district's data, then the zoning of the places the caller reads out of it (`queryOf`: the lookup
 * resolves a picked or typed place against the divisions; every query it will match). Cold: the light data, lists and district-wide
 * facts in one round, then the place's rules by key in another; the rules read grow with the place, not
 * with the district.
 */
export async function districtWithZoning<T>(
  code: string,
  queryOf: (data: DistrictData) => T & { queries: ZoningQuery[] },
  started?: Promise<number>,
): Promise<{ data: DistrictData; zoning: DistrictZoning; place: T } | null> {
  const entry = await entryOf(code, started);
  const publishedP = publishedOf(code, entry);
  const sharedP = sharedOf(code, entry);
  const data = await entry.data;
  if (!data) return null;
  const place = queryOf(data);
  const keys = [...new Set(place.queries.flatMap(queryMatchKeys))];
  const [published, shared, stored] = await Promise.all([publishedP, sharedP, storedRulesFor(code, entry, keys)]);
  const lists = published.listRules();
  const byId = new Map<string, ZoningRule>();
  for (const r of [...stored, ...shared.unkeyed]) byId.set(r._id, r);
  for (const k of keys) for (const r of lists.byKey.get(k) ?? []) byId.set(r._id, r);
  const byYear = new Map<number, ZoningRule[]>();
  for (const r of byId.values()) {
    const list = byYear.get(r.schoolYear);
    if (list) list.push(r);
    else byYear.set(r.schoolYear, [r]);
  }
  const indexes = new Map<number, ZoningIndex<ZoningRule>>();
  const zoning: DistrictZoning = {
    feeders: published.feeders,
    catchments: published.catchments,
    schoolYears: [...new Set([...shared.storedYears, ...lists.years])].sort((a, b) => a - b),
    zoningIndex(year) {
      let ix = indexes.get(year);
      if (!ix) indexes.set(year, (ix = buildZoningIndex(byYear.get(year) ?? [])));
      return ix;
    },
  };
  return { data, zoning, place };
}
