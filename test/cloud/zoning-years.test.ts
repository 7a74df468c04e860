import { useTestApp } from '../helpers/local-app';
import { csvText } from '@/domain/csv';
import { IMPORT_HEADERS, zoningToRow } from '@/domain/imports';
import type { ZoningMatch } from '@/domain/zoning-match';
import type { ZoningRule } from '@/domain/zoning';
import { bumpReference, storedZoningRule } from '../helpers/zoning-rules';

/**
 * The district's school years come from a small stored document the zoning import keeps in its
 * transaction, not from grouping every rule: a cold lookup at 20,000 rules reads its matching rules
 * and the document (rows read counted), and the years the import wrote show in the lookup's history.
 */
const app = useTestApp();
const store = () => app.cloud.store;
const BUREAU = 'o-local-hd-bureau';
const ASK = { action: 'lookup', districtCode: '120102', address: '河东区互助道15号3门' };

/** Rule i of `schoolYear`, stored as an import files it. */
const rule = (i: number, schoolYear: number, match: ZoningMatch, schoolId: string) =>
  storedZoningRule(
    `zr-years-${schoolYear}-${String(i).padStart(6, '0')}`,
    schoolYear,
    match,
    schoolId,
    `示例数据：规则${i}`,
  );

async function invoke(fn: string, event: Record<string, unknown>, openid: string | null) {
  const { result } = (await app.cloud.invoke(fn, event, openid ? { OPENID: openid, APPID: 'wx-test' } : null)) as {
    result: any;
  };
  expect({ ok: result.ok, code: result.code, message: result.message }).toEqual({
    ok: true,
    code: undefined,
    message: undefined,
  });
  return result.data;
}

async function coldLookup() {
  bumpReference(store());
  const before = store().stats.rowsRead;
  const data = await invoke('school', ASK, null);
  return { data, rowsRead: store().stats.rowsRead - before };
}

it('the zoning import keeps the years document; a cold lookup reads it instead of every rule', async () => {
  const school = store().find('schools', { districtCode: '120102', name: '互助道小学' })[0] as {
    _id: string;
    name: string;
  };
  const hit: ZoningMatch = { kind: 'road', road: '互助道', side: 'all', from: 1, to: 99999 };
  // Rules of 2023 loaded around the import (no years document yet): the years come from grouping them.
  const loaded = Array.from({ length: 20_000 }, (_x, i) =>
    rule(i, 2023, i === 0 ? hit : { kind: 'road', road: `年份${i}路`, side: 'all', from: 1, to: 99 }, school._id),
  );
  store().insertMany('zoning_rules', loaded);
  store().analyze();
  expect(store().find('meta', { _id: 'zoning-years:120102' })).toEqual([]);
  const grouped = await coldLookup();
  expect(grouped.rowsRead).toBeGreaterThanOrEqual(20_000);
  expect(grouped.data.history.map((h: any) => h.schoolYear)).toContain(2023);

  // An import of 2025's rule writes the document: the years known before it and the year it wrote.
  const csv = csvText(IMPORT_HEADERS.zoning, [
    zoningToRow(rule(0, 2025, hit, school._id) as unknown as ZoningRule, () => school.name),
  ]);
  const applied = await invoke(
    'admin',
    { action: 'importApply', table: 'zoning', format: 'csv', content: csv, requestId: 'imp-years-2025' },
    BUREAU,
  );
  expect(applied.written).toBe(1);
  expect(store().find('meta', { _id: 'zoning-years:120102' })).toEqual([
    { _id: 'zoning-years:120102', districtCode: '120102', years: [2023, 2025] },
  ]);

  const cold = await coldLookup();
  // The matching rules and a few documents, not the 20,000 rules.
  expect(cold.rowsRead).toBeLessThan(1000);
  const years = cold.data.history.map((h: any) => h.schoolYear);
  expect(years).toContain(2023);
  expect(years).toContain(2025);
}, 300_000);
