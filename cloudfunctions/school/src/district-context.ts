import type { School } from '../../../src/domain/school';
import { compositionOn, type XuequVersion } from '../../../src/domain/xuequ';
import { notFound } from '../../../src/server/errors';
import {
  getDistrict,
  listDivisions,
  listSchools,
  listXuequVersions,
  type DistrictDoc,
  type DivisionDoc,
} from '../../../src/server/repositories/reference';
import { toXuequView } from '../../../src/server/xuequ-view';
import type { XuequView } from '../../../src/contracts/school';

/** Everything about one district that the lookups need, read in parallel. */
export interface DistrictContext {
  district: DistrictDoc;
  divisions: DivisionDoc[];
  schools: School[];
  schoolsById: Map<string, School>;
  composition: XuequVersion[];
  view(x: XuequVersion): XuequView;
}

export async function loadDistrict(districtCode: string, date: string): Promise<DistrictContext> {
  const [district, divisions, schools, versions] = await Promise.all([
    getDistrict(districtCode),
    listDivisions(districtCode),
    listSchools(districtCode),
    listXuequVersions(districtCode),
  ]);
  if (!district) throw notFound('该区县');
  const schoolsById = new Map(schools.map((s) => [s._id, s]));
  const streetNames = new Map(divisions.filter((d) => d.level === 'street').map((d) => [d.code, d.name]));
  return {
    district,
    divisions,
    schools,
    schoolsById,
    composition: compositionOn(versions, date),
    view: (x) => toXuequView(x, schoolsById, district.name, streetNames),
  };
}
