import ExcelJS from 'exceljs';
import { useTestApp } from '../helpers/local-app';
import { adminCalls, BUREAU, caller } from '../helpers/admin';
import { splitIntoPieces } from '@/domain/imports';
import { gbkBytes } from '../helpers/gbk';
import { insertBulkZoningRules } from '../helpers/bulk-zoning';

// The bureau's CSV/XLSX imports and exports through the built `admin` bundle, and what the `school`
// lookup sees afterwards.
const app = useTestApp();

const PRINCIPAL = caller('o-local-hd-principal');
const { admin, importPreview, importApply, requestId, referenceVersion } = adminCalls(app, 'req-import');
const counts = () => ({
  schools: app.cloud.store.count('schools', {}),
  rules: app.cloud.store.count('zoning_rules', {}),
  ref: referenceVersion(),
});

const SCHOOLS = [
  '学校名称,学段,纬度,经度,教师人数',
  '互助道小学,小学,39.1301,117.2601,88',
  '新建实验小学,小学,39.1402,117.2702,40',
  '新建九年一贯制学校,九年一贯制,,,',
].join('\n');
const ZONING_HEADER =
  '学年,学段,类型,社区代码,道路,单双号,起始门牌,结束门牌,小区名称,别名,学校名称,规则原文,文件名称,文号,发文日期';
const ZONING = [
  ZONING_HEADER,
  '2026,小学,道路,,富民路,单号,1,99,,,新建实验小学,富民路 单号 1–99号 → 新建实验小学,河东区2026年划片方案,河东教〔2026〕8号,2026-05-20',
  '2026,小学,小区,,,,,,春华家园,春华苑、春华,互助道小学,春华家园 → 互助道小学,河东区2026年划片方案,河东教〔2026〕8号,2026-05-20',
].join('\n');
let uploads = 0;
/** Sends a file in pieces as the app does for large files; returns its upload id. */
async function upload(content: string, as = BUREAU): Promise<string> {
  const uploadId = `upl-test-${String(++uploads).padStart(4, '0')}`;
  const pieces = splitIntoPieces(content);
  // Out of order and one piece twice: what a retrying client may do.
  const order = [...pieces.keys()].reverse();
  for (const index of [...order, order[0]]) {
    const res = await admin(
      { action: 'importUpload', uploadId, index, total: pieces.length, piece: pieces[index] },
      as,
    );
    expect(res).toMatchObject({ ok: true, data: { total: pieces.length } });
  }
  return uploadId;
}

describe('who may import', () => {
  it('refuses a principal and an anonymous caller; nothing is written', async () => {
    const before = counts();
    expect(await importApply('schools', SCHOOLS, {}, PRINCIPAL)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await admin({ action: 'exportTable', table: 'schools' }, null)).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(await importPreview('staff', SCHOOLS)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'table',
    });
    expect(counts()).toEqual(before);
  });
});

describe('schools', () => {
  it('preview shows every row’s outcome and writes nothing', async () => {
    const before = counts();
    const res = await importPreview('schools', SCHOOLS);
    expect(res.ok).toBe(true);
    expect(res.data.rows.map((r: any) => [r.row, r.outcome])).toEqual([
      [2, 'changed'],
      [3, 'new'],
      [4, 'new'],
    ]);
    expect(res.data).toMatchObject({
      ok: true,
      fileErrors: [],
      counts: { new: 2, changed: 1, unchanged: 0, error: 0 },
    });
    expect(counts()).toEqual(before);
  });

  it('reports missing columns of the file in Chinese', async () => {
    const res = await importPreview('schools', '名称,纬度\n甲,39');
    expect(res.data.ok).toBe(false);
    expect(res.data.fileErrors[0]).toContain('缺少列：学校名称、学段');
  });

  it('a file with one bad row writes nothing', async () => {
    const before = counts();
    const bad = SCHOOLS + '\n坏学校,高中,91,117,';
    const preview = await importPreview('schools', bad);
    expect(preview.data.rows[3]).toMatchObject({ row: 5, outcome: 'error' });
    expect(preview.data.rows[3].messages).toEqual(
      expect.arrayContaining([expect.stringContaining('学段：'), expect.stringContaining('纬度：')]),
    );
    const res = await importApply('schools', bad);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.message).toContain('第5行');
    expect(counts()).toEqual(before);
  });

  it('applies all rows in one go, bumps the reference version, and a re-import changes nothing', async () => {
    const before = counts();
    const id = requestId();
    const res = await importApply('schools', SCHOOLS, { requestId: id });
    expect(res.data).toMatchObject({ written: 3, duplicate: false, referenceVersion: before.ref + 1 });
    expect(counts()).toEqual({ ...before, schools: before.schools + 2, ref: before.ref + 1 });
    const huzhu = app.cloud.store.find('schools', { name: '互助道小学' })[0] as any;
    expect(huzhu).toMatchObject({
      location: { latitude: 39.1301, longitude: 117.2601 },
      locationSample: false,
      teacherCount: 88,
    });
    // The same request again: the first result, nothing written.
    expect((await importApply('schools', SCHOOLS, { requestId: id })).data).toMatchObject({
      duplicate: true,
      written: 3,
    });
    const again = await importApply('schools', SCHOOLS);
    expect(again.data).toMatchObject({ written: 0, counts: { unchanged: 3 } });
    expect(counts().ref).toBe(before.ref + 1);
  });

  it('reads a CSV sent as bytes, whether Excel saved it as UTF-8 (with BOM) or GBK', async () => {
    const asUtf8 = Buffer.from('\uFEFF' + SCHOOLS, 'utf8').toString('base64');
    const asGbk = gbkBytes(SCHOOLS).toString('base64');
    expect(Buffer.from(asGbk, 'base64').equals(Buffer.from(SCHOOLS))).toBe(false);
    for (const content of [asUtf8, asGbk]) {
      const res = await importPreview('schools', content, { encoding: 'base64' });
      expect(res.data).toMatchObject({ ok: true, fileErrors: [] });
      expect(res.data.rows.map((r: any) => r.label)).toEqual(['互助道小学', '新建实验小学', '新建九年一贯制学校']);
    }
  });

  it('reads the same table from an .xlsx file', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('学校');
    for (const line of SCHOOLS.split('\n'))
      sheet.addRow(line.split(',').map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await importPreview('schools', content, { format: 'xlsx' });
    expect(res.data.rows.map((r: any) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const broken = await importPreview('schools', Buffer.from('not a zip').toString('base64'), { format: 'xlsx' });
    expect(broken).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('an export re-imports as all unchanged', async () => {
    const exported = await admin({ action: 'exportTable', table: 'schools' });
    expect(exported.data.content.startsWith('\uFEFF学校名称,学段,纬度,经度,教师人数')).toBe(true);
    const res = await importPreview('schools', exported.data.content);
    expect(res.data.ok).toBe(true);
    expect(res.data.counts).toEqual({ new: 0, changed: 0, unchanged: exported.data.rows, error: 0 });
  });
});

describe('zoning rules', () => {
  it('refuses a file with an unknown school, writing nothing', async () => {
    const before = counts();
    const bad =
      ZONING + '\n2026,小学,社区,120102001001,,,,,,,不存在小学,某社区 → 不存在小学,河东区2026年划片方案,,2026-05-20';
    const preview = await importPreview('zoning', bad);
    expect(preview.data.rows.map((r: any) => r.outcome)).toEqual(['new', 'new', 'error']);
    expect(preview.data.rows[2].messages).toEqual(['学校名称：本区没有“不存在小学”（请先导入学校）']);
    expect((await importApply('zoning', bad)).ok).toBe(false);
    expect(counts()).toEqual(before);
  });

  it('imports road and 小区 rules (not sample) that the lookup then finds; a re-import is unchanged', async () => {
    const before = counts();
    const before富民路 = (await app.cloud.invoke(
      'school',
      { action: 'lookup', districtCode: '120102', address: '富民路15号', schoolYear: 2026 },
      null,
    )) as { result: any };
    expect(before富民路.result.data.zoned).toEqual([]);
    const res = await importApply('zoning', ZONING);
    expect(res.data).toMatchObject({ written: 2, counts: { new: 2 } });
    expect(counts()).toEqual({ ...before, rules: before.rules + 2, ref: before.ref + 1 });
    const stored = app.cloud.store.find('zoning_rules', { 'match.road': '富民路' })[0] as any;
    expect(stored).toMatchObject({
      sample: false,
      schoolYear: 2026,
      stage: 'primary',
      match: { kind: 'road', side: 'odd', from: 1, to: 99 },
      document: { number: '河东教〔2026〕8号' },
    });
    const { result } = (await app.cloud.invoke(
      'school',
      { action: 'lookup', districtCode: '120102', address: '富民路15号', schoolYear: 2026 },
      null,
    )) as { result: any };
    expect(result.data.zoned.map((z: any) => [z.school.name, z.rule.kind])).toContainEqual(['新建实验小学', 'road']);
    const again = await importPreview('zoning', ZONING);
    expect(again.data.counts).toEqual({ new: 0, changed: 0, unchanged: 2, error: 0 });
  });

  it('an export of every rule (too large for one call) uploads in pieces and re-imports as all unchanged', async () => {
    // Stored rules of an earlier year, more than one call carries once exported (the seed has lists, not rules).
    insertBulkZoningRules(app.cloud.store);
    const exported = await admin({ action: 'exportTable', table: 'zoning', format: 'csv' });
    expect(exported.data.rows).toBeGreaterThan(500);
    const inline = await importPreview('zoning', exported.data.content);
    expect(inline).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'content' });
    expect(splitIntoPieces(exported.data.content).length).toBeGreaterThan(1);
    const uploadId = await upload(exported.data.content);
    const res = await admin({ action: 'importPreview', table: 'zoning', format: 'csv', uploadId });
    const errors = res.data.rows.filter((r: any) => r.outcome !== 'unchanged');
    expect(errors).toEqual([]);
    expect(res.data.ok).toBe(true);
    const before = counts();
    expect(
      (await admin({ action: 'importApply', table: 'zoning', format: 'csv', uploadId, requestId: requestId() })).data,
    ).toMatchObject({ written: 0 });
    expect(counts()).toEqual(before);
    // An applied upload is not kept.
    expect(app.cloud.store.count('import_uploads', { uploadId })).toBe(0);
  });
});

describe('uploads in pieces', () => {
  it('refuses a preview before every piece is in, and keeps one person’s pieces from another', async () => {
    const uploadId = 'upl-partial-0001';
    const first = await admin({ action: 'importUpload', uploadId, index: 0, total: 2, piece: SCHOOLS.slice(0, 20) });
    expect(first.data).toEqual({ uploadId, received: 1, total: 2 });
    const early = await admin({ action: 'importPreview', table: 'schools', format: 'csv', uploadId });
    expect(early).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'uploadId' });
    expect(early.message).toContain('1/2');
    const other = await admin(
      { action: 'importPreview', table: 'schools', format: 'csv', uploadId },
      caller('o-local-hc-bureau'),
    );
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'uploadId' });
    expect(
      await admin({ action: 'importUpload', uploadId, index: 1, total: 3, piece: SCHOOLS.slice(20) }),
    ).toMatchObject({ ok: false, field: 'total' });
    expect(await admin({ action: 'importUpload', uploadId, index: 2, total: 2, piece: 'x' })).toMatchObject({
      ok: false,
      field: 'index',
    });
    expect(
      (await admin({ action: 'importUpload', uploadId, index: 1, total: 2, piece: SCHOOLS.slice(20) })).data.received,
    ).toBe(2);
    const res = await admin({ action: 'importPreview', table: 'schools', format: 'csv', uploadId });
    expect(res.data.counts.error).toBe(0);
    expect(await importPreview('schools', SCHOOLS, { uploadId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('teacher roster', () => {
  const ROSTER = [
    '工号,姓名,学校名称,学科,骨干教师',
    'HD-0001,李老师,互助道小学,语文,是',
    'HD-0002,赵老师,互助道小学,数学,否',
    'HD-0003,孙老师,新建实验小学,,',
  ].join('\n');

  it('marks every bad row in Chinese and writes nothing', async () => {
    const before = counts();
    const bad = ROSTER + '\nHD-0001,重复工号,互助道小学,英语,否\nbad no,,不存在小学,,也许';
    const preview = await importPreview('teachers', bad);
    expect(preview.data.rows.slice(3).map((r: any) => r.outcome)).toEqual(['error', 'error']);
    expect(preview.data.rows[3].messages).toEqual(['工号：与第2行重复']);
    expect(preview.data.rows[4].messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('工号：'),
        '姓名：不能为空',
        expect.stringContaining('学校名称：本区没有'),
        expect.stringContaining('骨干教师：'),
      ]),
    );
    expect((await importApply('teachers', bad)).ok).toBe(false);
    expect(counts()).toEqual(before);
    expect(app.cloud.store.count('teacher_roster', {})).toBe(0);
  });

  it('sets the schools’ teacher and 骨干教师 counts from the roster; the dashboard then shows the key-teacher share', async () => {
    const before = counts();
    const res = await importApply('teachers', ROSTER);
    expect(res.data).toMatchObject({ written: 3, schoolsUpdated: 2, referenceVersion: before.ref + 1 });
    expect(app.cloud.store.find('schools', { name: '互助道小学' })[0]).toMatchObject({
      teacherCount: 2,
      keyTeacherCount: 1,
      teacherCountSample: false,
    });
    expect(app.cloud.store.find('schools', { name: '新建实验小学' })[0]).toMatchObject({
      teacherCount: 1,
      keyTeacherCount: 0,
    });
    const dash = await admin({ action: 'dashboard', scope: 'district' });
    expect(dash.data.total.key).toMatchObject({ registered: true, count: 0 });
    // The demo teacher (with seeded 走教 duties) listed as 骨干教师 of its home school counts toward the key share.
    const teacher = app.cloud.store.find('users', { _id: 'o-local-hd-teacher' })[0] as any;
    const home = app.cloud.store.find('schools', { _id: teacher.schoolId })[0] as any;
    const withTeacher = `${ROSTER}\nHD-0100,${teacher.name},${home.name},科学,是`;
    expect((await importApply('teachers', withTeacher)).data).toMatchObject({ written: 1 });
    const after = await admin({ action: 'dashboard', scope: 'district' });
    expect(after.data.total.key).toMatchObject({ registered: true, count: 1 });
    // A changed row (a teacher moved school) moves the counts; a re-import of the export changes nothing.
    const moved = withTeacher.replace('HD-0002,赵老师,互助道小学', 'HD-0002,赵老师,新建实验小学');
    const again = await importApply('teachers', moved);
    expect(again.data).toMatchObject({ written: 1, counts: { changed: 1, unchanged: 3 }, schoolsUpdated: 2 });
    expect(app.cloud.store.find('schools', { name: '新建实验小学' })[0]).toMatchObject({
      teacherCount: 2,
      keyTeacherCount: 0,
    });
    const exported = await admin({ action: 'exportTable', table: 'teachers' });
    expect(exported.data.rows).toBe(4);
    const reimport = await importApply('teachers', exported.data.content);
    expect(reimport.data).toMatchObject({ written: 0, schoolsUpdated: 0, counts: { unchanged: 4 } });
  });

  it('with “以本文件为准” removes the teachers the file leaves out, shown first in the preview', async () => {
    const current = (await admin({ action: 'exportTable', table: 'teachers' })).data.content as string;
    const kept = current
      .split('\r\n')
      .filter((line) => !/HD-0002|HD-0003/.test(line))
      .join('\r\n');
    const before = app.cloud.store.count('teacher_roster', {});
    const preview = await importPreview('teachers', kept, { replace: true });
    expect(preview.data).toMatchObject({ ok: true, counts: { unchanged: before - 2 } });
    expect(preview.data.removals.sort()).toEqual(['孙老师（HD-0003）', '赵老师（HD-0002）']);
    expect(app.cloud.store.count('teacher_roster', {})).toBe(before);
    const res = await importApply('teachers', kept, { replace: true });
    expect(res.data).toMatchObject({ written: 0, removed: 2, schoolsUpdated: 1 });
    expect(app.cloud.store.count('teacher_roster', {})).toBe(before - 2);
    // Both of 新建实验小学's teachers are gone: its counts go to zero, not stay as they were.
    expect(app.cloud.store.find('schools', { name: '新建实验小学' })[0]).toMatchObject({
      teacherCount: 0,
      keyTeacherCount: 0,
    });
    // Without the flag the same file removes nothing.
    expect((await importPreview('teachers', kept)).data.removals).toEqual([]);
  });

  it('refuses “replace” for schools and zoning rules', async () => {
    const res = await importPreview('schools', SCHOOLS, { replace: true });
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'replace',
      message: '只有教师名册可以按文件全量替换（replace）',
    });
  });
});
