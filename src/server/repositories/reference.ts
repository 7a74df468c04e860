import type { AdmissionSettings } from '../../domain/admission';
import { COLLECTIONS } from '../../contracts/collections';
import type { School } from '../../domain/school';
import type { XuequVersion } from '../../domain/xuequ';
import type { ZoningRule } from '../../domain/zoning';
import type { FeederRule } from '../../domain/feeder';
import type { CatchmentDoc } from '../../domain/catchment/types';
import { fetchAll, fetchById } from './query';

/** Reference data of the 学区 lookups: districts, divisions, schools, 学区 versions, zoning rules. */
export interface DistrictDoc {
  _id: string;
  code: string;
  name: string;
  city: string;
  province: string;
  /** The bureau's admission rules (what lists do not say, and rules that depend on the family). */
  admission?: Partial<AdmissionSettings>;
}

export interface DivisionDoc {
  _id: string;
  code: string;
  name: string;
  level: 'street' | 'community';
  districtCode: string;
  parentCode: string;
}

export const listDistricts = () => fetchAll<DistrictDoc>(COLLECTIONS.districts, {});
export const getDistrict = (code: string) => fetchById<DistrictDoc>(COLLECTIONS.districts, code);
export const listDivisions = (districtCode: string) => fetchAll<DivisionDoc>(COLLECTIONS.divisions, { districtCode });
export const getDivision = (code: string) => fetchById<DivisionDoc>(COLLECTIONS.divisions, code);
export const listSchools = (districtCode: string) => fetchAll<School>(COLLECTIONS.schools, { districtCode });
export const listXuequVersions = (districtCode: string) => fetchAll<XuequVersion>(COLLECTIONS.xuequ, { districtCode });
export const listAllXuequVersions = () => fetchAll<XuequVersion>(COLLECTIONS.xuequ, {});
export const xuequVersionsById = (xuequId: string) => fetchAll<XuequVersion>(COLLECTIONS.xuequ, { xuequId });
// A district may hold ~100k rules over its school years: up to 200 pages of 1000.
export const listZoningRules = (districtCode: string) => fetchAll<ZoningRule>(COLLECTIONS.zoningRules, { districtCode }, 200);
/** The district's published 登记范围, every intake year (one per school × stage × year). */
export const listCatchments = (districtCode: string) => fetchAll<CatchmentDoc>(COLLECTIONS.catchments, { districtCode });
export const listFeeders = (districtCode: string) => fetchAll<FeederRule>(COLLECTIONS.feeders, { districtCode });
