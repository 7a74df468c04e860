import type { School } from '../../../src/domain/school';
import { compositionOn, type XuequVersion } from '../../../src/domain/xuequ';
import { notFound } from '../../../src/server/errors';
import { districtData, districtWithZoning, type DistrictData, type DistrictZoning } from '../../../src/server/district-cache';
import { toXuequView } from '../../../src/server/xuequ-view';
import type { XuequView } from '../../../src/contracts/school';

/** A district's reference data with the 学区 composition valid on one date. */
export interface DistrictContext extends DistrictData {
  schoolsById: Map<string, School>;
  composition: XuequVersion[];
  view(x: XuequVersion): XuequView;
}

/** A district context with its zoning: what the lookup and the school profile read. */
export type ZonedDistrictContext = DistrictContext & DistrictZoning;

export async function loadDistrict(districtCode: string, date: string): Promise<DistrictContext> {
  return contextOf(await districtData(districtCode), date);
}

export async function loadZonedDistrict(districtCode: string, date: string): Promise<ZonedDistrictContext> {
  return contextOf(await districtWithZoning(districtCode), date);
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
