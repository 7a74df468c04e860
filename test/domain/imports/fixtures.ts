import { newSchool, placesOf, type CatchmentContext } from '@/domain/imports';
import type { School } from '@/domain/school';

/** A school of 河东区 (120102) as an import creates it, under a fixed id. */
export const school = (id: string, name: string, kind: School['kind']): School => ({
  ...newSchool('120102', name, kind),
  _id: id,
});

/** One 街道 of 河东区 and one of its 社区. */
export const PLACES = placesOf([
  { code: '120102001', name: '大王庄街道', level: 'street', parentCode: '120102' },
  { code: '120102001001', name: '诚厚里社区居委会', level: 'community', parentCode: '120102001' },
]);

/** What a 登记范围 import of 河东区 is checked against on 2026-11-23: nothing stored yet, no 初中 rule. */
export const catchmentContext =
  (schools: School[]) =>
  (over: Partial<CatchmentContext> = {}): CatchmentContext => ({
    districtCode: '120102',
    schools,
    existing: [],
    storedFeeders: [],
    middleRule: null,
    places: PLACES,
    issuer: '河东区教育局',
    today: '2026-11-23',
    ...over,
  });
