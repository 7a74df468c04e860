import type { Store } from '../../local/runtime/store';
import { ruleMatchKeys, type ZoningMatch } from '@/domain/zoning-match';

/** The id of 互助道小学 (河东区), the school the bulk rules of the cost and export tests send addresses to. */
export const huzhuSchoolId = (store: Store): string =>
  (store.find('schools', { districtCode: '120102', name: '互助道小学' })[0] as { _id: string })._id;

/** A 河东区 primary zoning rule of `schoolYear` (示例数据), filed under its match keys as an import files it. */
export function storedZoningRule(id: string, schoolYear: number, match: ZoningMatch, schoolId: string, text: string) {
  return {
    _id: id,
    districtCode: '120102',
    schoolYear,
    stage: 'primary',
    match,
    matchKeys: ruleMatchKeys({ match }),
    schoolIds: [schoolId],
    text,
    document: {
      title: `河东区${schoolYear}年划片方案（示例数据）`,
      issuer: '河东区教育局',
      date: `${schoolYear}-05-20`,
      number: null,
    },
    sample: true,
  };
}

/** A new reference version, as an import writes one: every warm function instance reloads on its next call. */
export function bumpReference(store: Store): void {
  store.mutate('meta', { _id: 'reference' }, false, (d) => ({ ...d, version: (d.version as number) + 1 }));
}
