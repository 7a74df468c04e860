import type { FeederRule } from '../domain/feeder';
import type { School } from '../domain/school';
import type { XuequVersion } from '../domain/xuequ';
import type { ZoningRule } from '../domain/zoning';
import { buildZoningIndex, type ZoningIndex } from '../domain/zoning-match';
import { catchmentRules, feedersOfLists, type CatchmentDoc } from '../domain/catchment';
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

/** Everything the public lookups need about one district, with a zoning index per school year. */
export interface DistrictData {
  district: DistrictDoc;
  divisions: DivisionDoc[];
  schools: School[];
  versions: XuequVersion[];
  feeders: FeederRule[];
  /** The published 登记范围 lists as stored (verbatim), for the school profile's 招生范围. */
  catchments: CatchmentDoc[];
  schoolYears: number[];
  zoningIndex(schoolYear: number): ZoningIndex<ZoningRule>;
}

interface Entry {
  version: number;
  data: Promise<DistrictData | null>;
}

// Lives as long as the warm instance: a lookup then costs one round trip (the version check).
const cache = new Map<string, Entry>();

async function load(code: string): Promise<DistrictData | null> {
  const [district, divisions, schools, versions, zoningRules, storedFeeders, catchments] = await Promise.all([
    getDistrict(code),
    listDivisions(code),
    listSchools(code),
    listXuequVersions(code),
    listZoningRules(code),
    listFeeders(code),
    listCatchments(code),
  ]);
  if (!district) return null;
  // Published lists are read here, once per warm instance: a better reader improves every stored list.
  const places = placesOf(divisions);
  const rules = [...zoningRules, ...catchments.flatMap((c) => catchmentRules(c, places))];
  // A published 对口直升 list replaces any other 对口 of that primary school and intake.
  const listed = feedersOfLists(catchments, schools);
  const feeders = [...listed, ...storedFeeders.filter((f) => !listed.some((l) => l.primarySchoolId === f.primarySchoolId && l.schoolYear === f.schoolYear))];
  const byYear = new Map<number, ZoningRule[]>();
  for (const r of rules) {
    const list = byYear.get(r.schoolYear);
    if (list) list.push(r);
    else byYear.set(r.schoolYear, [r]);
  }
  const indexes = new Map<number, ZoningIndex<ZoningRule>>();
  return {
    district,
    divisions,
    schools,
    versions,
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

/**
 * The district's reference data, reloaded only when the stored version changed (or never loaded).
 * `started`: a version read already under way (ActionContext.referenceVersion), to overlap it with others.
 */
export async function districtData(code: string, started?: Promise<number>): Promise<DistrictData | null> {
  const version = await (started ?? referenceVersion());
  const hit = cache.get(code);
  if (hit && hit.version === version) return hit.data;
  const data = load(code);
  cache.set(code, { version, data });
  data.catch(() => cache.delete(code)); // a failed load must not be served from the cache
  return data;
}
