import Papa from 'papaparse';
import { useTestApp } from '../helpers/local-app';
import { readStoredFile, readStoredFileByUrlPath } from '../../local/runtime';
import { bumpReference, huzhuSchoolId, storedZoningRule } from '../helpers/zoning-rules';

/**
 * A table too large for a function's answer (6 MB; ~145 bytes a zoning rule) is written to cloud
 * storage and the answer carries the file: 20,000 rules arrive complete, equal to the stored table, with
 * formula-like cells escaped. A small table stays inline.
 */
const app = useTestApp();
const store = () => app.cloud.store;
const BUREAU = 'o-local-hd-bureau';

async function exportTable(table: string) {
  const { result } = (await app.cloud.invoke(
    'admin',
    { action: 'exportTable', table, format: 'csv' },
    { OPENID: BUREAU, APPID: 'wx-test' },
  )) as {
    result: { ok: boolean; code?: string; data: any };
  };
  expect({ ok: result.ok, code: result.code }).toEqual({ ok: true, code: undefined });
  return result.data;
}

async function call(action: Record<string, unknown>) {
  const { result } = (await app.cloud.invoke('admin', action, { OPENID: BUREAU, APPID: 'wx-test' })) as {
    result: { ok: boolean; code?: string; data: any };
  };
  return result;
}

const rule = (i: number, text: string, schoolId: string) =>
  storedZoningRule(
    `zr-exp-${String(i).padStart(6, '0')}`,
    2023,
    { kind: 'road', road: `导出${i}路`, side: 'all', from: 1, to: 99 },
    schoolId,
    text,
  );

const schoolId = () => huzhuSchoolId(store());

it('formula-like cells are escaped in the export and re-import unchanged', async () => {
  const texts = ['=SUM(A1)示例数据', '-示例数据：减号开头', '+示例数据：加号开头', '@示例数据：at开头'];
  store().insertMany(
    'zoning_rules',
    texts.map((t, i) => rule(900_000 + i, t, schoolId())),
  );
  bumpReference(store());
  const data = await exportTable('zoning');
  for (const t of texts) expect(data.content).toContain(`,'${t},`);
  const preview = await call({ action: 'importPreview', table: 'zoning', format: 'csv', content: data.content });
  expect(preview.ok).toBe(true);
  expect(preview.data.rows.filter((r: any) => r.outcome !== 'unchanged')).toEqual([]);
  expect(preview.data.counts.unchanged).toBe(data.rows);
  store().mutate('zoning_rules', { _id: { $in: texts.map((_t, i) => `zr-exp-${900_000 + i}`) } }, true, () => null);
});

it('20,000 zoning rules: the CSV comes as a stored file, complete and equal to the table', async () => {
  // Every thousandth text starts like a formula: Excel must show it, not run it.
  const docs = Array.from({ length: 20_000 }, (_x, i) =>
    rule(i, i % 1000 === 0 ? `=HYPERLINK("x")示例数据：规则${i}` : `示例数据：规则${i}`, schoolId()),
  );
  store().insertMany('zoning_rules', docs);
  store().analyze();
  bumpReference(store());

  const data = await exportTable('zoning');
  const total = store().count('zoning_rules', { districtCode: '120102' });
  expect(data.content).toBeUndefined();
  expect(data.rows).toBe(total);
  expect(data.fileID).toMatch(/^cloud:\/\/.+\/exports\/120102\/.+\.csv$/);
  const bytes = readStoredFile(data.fileID);
  expect(bytes).not.toBeNull();
  expect(bytes!.length).toBe(data.bytes);
  expect(bytes!.length).toBeGreaterThan(1_000_000);
  // The download link serves the same bytes.
  const urlPath = new URL(data.tempFileURL).pathname.replace(/^\/local-storage\//, '');
  expect(readStoredFileByUrlPath(urlPath)?.equals(bytes!)).toBe(true);

  const csv = bytes!.toString('utf8');
  expect(csv.startsWith('\uFEFF学年,学段,类型')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  const [header, ...rows] = parsed;
  expect(header[11]).toBe('规则原文');
  expect(rows).toHaveLength(total);
  const texts = rows.map((r) => r[11]);
  const stored = (store().find('zoning_rules', { districtCode: '120102' }) as Array<{ text: string }>).map((r) =>
    r.text.startsWith('=') ? `'${r.text}` : r.text,
  );
  expect([...texts].sort()).toEqual([...stored].sort());
  expect(texts).toContain(`'=HYPERLINK("x")示例数据：规则0`);
  expect(texts.filter((t) => t.startsWith('='))).toEqual([]);
  const roads = new Set(rows.map((r) => r[4]));
  for (let i = 0; i < 20_000; i += 997) expect(roads).toContain(`导出${i}路`);
}, 300_000);

it('a small table stays inline, with the same writer', async () => {
  const data = await exportTable('schools');
  expect(data.fileID).toBeUndefined();
  expect(data.content.startsWith('\uFEFF学校名称,')).toBe(true);
  expect(data.content.split('\r\n').length - 1).toBe(data.rows);
});
