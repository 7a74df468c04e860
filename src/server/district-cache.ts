import type { FeederRule } from '../domain/feeder';
import type { School } from '../domain/school';
import type { XuequVersion } from '../domain/xuequ';
import type { ZoningRule } from '../domain/zoning';
import { buildZoningIndex, type ZoningIndex } from '../domain/zoning-match';
import { catchmentRules, feedersInForce, type CatchmentDoc } from '../domain/catchment';
import { placesOf } from '../domain/imports/catchments';
import { referenceVersion } from './repositories/meta';
import {
  getDistrict,
  listDivisions,
  listCatchments,
  listFeeders,
  listSchools,
  listXuequVersions,
  listZoningRules,
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

/** What only the parents' answers need: the zoning (rules and published lists) and the 对口, per intake. */
export interface DistrictZoning {
  feeders: FeederRule[];
  /** The published 登记范围 lists as stored (verbatim), for the school profile's 招生范围. */
  catchments: CatchmentDoc[];
  schoolYears: number[];
  zoningIndex(schoolYear: number): ZoningIndex<ZoningRule>;
}

interface Entry {
  version: number;
  data: Promise<DistrictData | null>;
  /** Started by the first caller that needs it: a district's zoning is most of its reference data. */
  zoning: Promise<DistrictZoning> | null;
}

// Lives as long as the warm instance: a lookup then costs one round trip (the version check).
const cache = new Map<string, Entry>();

async function load(code: string): Promise<DistrictData | null> {
  const [district, divisions, schools, versions] = await Promise.all([getDistrict(code), listDivisions(code), listSchools(code), listXuequVersions(code)]);
  return district ? { district, divisions, schools, versions } : null;
}

async function loadZoning(code: string, data: Promise<DistrictData | null>): Promise<DistrictZoning> {
  const [base, zoningRules, storedFeeders, catchments] = await Promise.all([data, listZoningRules(code), listFeeders(code), listCatchments(code)]);
  const { divisions = [], schools = [] } = base ?? {};
  // Published lists are read here, once per warm instance: a better reader improves every stored list.
  const places = placesOf(divisions);
  const rules = [...zoningRules, ...catchments.flatMap((c) => catchmentRules(c, places))];
  const feeders = feedersInForce(catchments, schools, storedFeeders);
  const byYear = new Map<number, ZoningRule[]>();
  for (const r of rules) {
    const list = byYear.get(r.schoolYear);
    if (list) list.push(r);
    else byYear.set(r.schoolYear, [r]);
  }
  const indexes = new Map<number, ZoningIndex<ZoningRule>>();
  return {
    feeders,
    catchments,
    schoolYears: [...byYear.keys()].sort((a, b) => a - b),
    zoningIndex(year) {
      let ix = indexes.get(year);
      if (!ix) indexes.set(year, (ix = buildZoningIndex(byYear.get(year) ?? [])));
      return ix;
    },
  };
}

/** The cache entry of this version, loading the light part when missing or stale. */
async function entryOf(code: string, started?: Promise<number>): Promise<Entry> {
  const version = await (started ?? referenceVersion());
  const hit = cache.get(code);
  if (hit && hit.version === version) return hit;
  const entry: Entry = { version, data: load(code), zoning: null };
  cache.set(code, entry);
  entry.data.catch(() => cache.delete(code)); // a failed load must not be served from the cache
  return entry;
}

/**
 * The district's reference data, reloaded only when the stored version changed (or never loaded).
 * `started`: a version read already under way (ActionContext.referenceVersion), to overlap it with others.
 */
export async function districtData(code: string, started?: Promise<number>): Promise<DistrictData | null> {
  return (await entryOf(code, started)).data;
}

/** The district's data with its zoning; the zoning reads run alongside the light ones on a cold start. */
export async function districtWithZoning(code: string, started?: Promise<number>): Promise<(DistrictData & DistrictZoning) | null> {
  const entry = await entryOf(code, started);
  if (!entry.zoning) {
    entry.zoning = loadZoning(code, entry.data);
    entry.zoning.catch(() => cache.delete(code));
  }
  const [data, zoning] = await Promise.all([entry.data, entry.zoning]);
  return data ? { ...data, ...zoning } : null;
}
