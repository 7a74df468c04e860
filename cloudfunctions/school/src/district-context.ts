import type { School } from '@/domain/school';
import { compositionOn, type XuequVersion } from '@/domain/xuequ';
import { notFound } from '@/server/errors';
import {
  districtData,
  districtForSchool,
  districtWithZoning,
  type DistrictData,
  type DistrictPublished,
  type DistrictZoning,
} from '@/server/district-cache';
import type { ZoningQuery } from '@/domain/zoning-match';
import { toXuequView } from '@/server/xuequ-view';
import type { XuequView } from '@/contracts/school';

/** A district's reference data with the 学区 composition valid on one date. */
export interface DistrictContext extends DistrictData {
  schoolsById: Map<string, School>;
  composition: XuequVersion[];
  view(x: XuequVersion): XuequView;
}

/** A district context with a school's published lists and 对口: what the school profile reads. */
export type PublishedDistrictContext = DistrictContext & DistrictPublished;

/** A district context with the zoning of one place: what the lookup reads. */
export type ZonedDistrictContext = DistrictContext & DistrictZoning;

export async function loadDistrict(districtCode: string, date: string): Promise<DistrictContext> {
  return contextOf(await districtData(districtCode), date);
}

/** The district with one school's lists and 对口 (see districtForSchool). */
export async function loadSchoolDistrict(
  districtCode: string,
  schoolId: string,
  date: string,
): Promise<PublishedDistrictContext> {
  return contextOf(await districtForSchool(districtCode, schoolId), date);
}

/**
 * The district with the zoning of the place `placeOf` reads out of it (a picked 社区, a typed address):
 * only the rules that can match its queries are read, and the zoning answers those queries (or narrower ones) only.
 */
export async function loadZonedDistrict<T>(
  districtCode: string,
  date: string,
  placeOf: (d: DistrictContext) => T & { queries: ZoningQuery[] },
): Promise<{ d: ZonedDistrictContext; place: T }> {
  let d: DistrictContext | null = null;
  const loaded = await districtWithZoning(districtCode, (data) => placeOf((d = contextOf(data, date))));
  if (!loaded || !d) throw notFound('该区县');
  return { d: { ...(d as DistrictContext), ...loaded.zoning }, place: loaded.place };
}

function contextOf<T extends DistrictData>(data: T | null, date: string): T & DistrictContext {
  if (!data) throw notFound('该区县');
  const schoolsById = new Map(data.schools.map((s) => [s._id, s]));
  const streetNames = new Map(data.divisions.filter((d) => d.level === 'street').map((d) => [d.code, d.name]));
  return {
    ...data,
    schoolsById,
    composition: compositionOn(data.versions, date),
    view: (x) => toXuequView(x, schoolsById, data.district.name, streetNames),
  };
}
