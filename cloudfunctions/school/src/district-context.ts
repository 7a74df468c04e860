import type { School } from '../../../src/domain/school';
import { compositionOn, type XuequVersion } from '../../../src/domain/xuequ';
import { notFound } from '../../../src/server/errors';
import { districtData, type DistrictData } from '../../../src/server/district-cache';
import { toXuequView } from '../../../src/server/xuequ-view';
import type { XuequView } from '../../../src/contracts/school';

/** A district's reference data with the 学区 composition valid on one date. */
export interface DistrictContext extends DistrictData {
  schoolsById: Map<string, School>;
  composition: XuequVersion[];
  view(x: XuequVersion): XuequView;
}

export async function loadDistrict(districtCode: string, date: string): Promise<DistrictContext> {
  const data = await districtData(districtCode);
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
