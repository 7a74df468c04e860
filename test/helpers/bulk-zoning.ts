import type { Store } from '../../local/runtime/store';

/**
 * Stores `count` zoning rules of an earlier year for 互助道小学 (河东区), long enough that their CSV export
 * is more than one cloud call carries: the seed has published-style lists, not rules.
 */
export function insertBulkZoningRules(store: Store, count = 600): void {
  const school = store.find('schools', { districtCode: '120102', name: '互助道小学' })[0] as { _id: string };
  store.insertMany(
    'zoning_rules',
    Array.from({ length: count }, (_, i) => ({
      _id: `zr-bulk-${i}`,
      districtCode: '120102',
      schoolYear: 2024,
      stage: 'primary',
      match: { kind: 'road', road: `测试${i}路`, side: 'all', from: 1, to: 99 },
      schoolIds: [school._id],
      text: `测试${i}路1-99号，一段足够长的规则原文，使导出文件超过一次调用能带的大小`.repeat(2),
      document: { title: '河东区2024年划片方案', issuer: '河东区教育局', date: '2024-05-20', number: null },
      sample: false,
    })),
  );
}
