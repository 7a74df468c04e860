import ExcelJS from 'exceljs';
import { useTestApp } from '../helpers/local-app';
import { adminCalls, caller } from '../helpers/admin';
import { parseCatchment } from '@/domain/catchment';
import { placesOf } from '@/domain/imports';
import type { Division } from '@/domain/divisions';
import { CATCHMENT_TEMPLATE_CSV } from '@/packages/bureau/pages/imports/tables';

// The bureau's published 登记范围 (table `catchments`) through the built `admin` bundle: the preview reads
// every phrase, the import writes the lists and creates the schools the district does not have yet.
const app = useTestApp();

const { admin, importPreview, importApply, requestId, referenceVersion } = adminCalls(app, 'req-catch');
const counts = () => ({
  catchments: app.cloud.store.count('catchments', {}),
  schools: app.cloud.store.count('schools', {}),
  ref: referenceVersion(),
});
const school = (name: string) => app.cloud.store.find('schools', { name })[0] as any;

const HEADER = '学校名称,学段,学年,划片方式,登记范围,依据文件';
// Intakes the seed's sample lists do not cover, so every outcome below is the file's own.
const Y = '2031';
const Y2 = '2032';
const TITLE = '河东区2026年义务教育招生工作实施方案';
const HUZHU = '大王庄街道：\n六纬路1-99号（单号）、2-50号（双号）；\n甲乙丙丁无法识别的一句';
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const csvRow = (name: string, stage: string, year: string, mechanism: string, text: string, title = TITLE) =>
  [name, stage, year, mechanism, quoted(text), title].join(',');
const FILE = [
  HEADER,
  csvRow('互助道小学', '小学', Y, '单校划片', HUZHU.replace(/\n/g, '\r\n')),
  csvRow('第四十五中学', '初中', Y, '多校划片', '二号桥街道全部'),
  csvRow('新建实验学校', '小学', Y, '单校划片', '富民路1-99号（单号）'),
  csvRow('新建实验学校', '初中', Y, '单校划片', '富民路全段'),
  csvRow('新建小学', '小学', Y, '单校划片', '春华家园1-12号楼'),
  csvRow('第四十五中学', '小学', Y2, '单校划片', '二号桥街道全部'),
].join('\r\n');

const hedongPlaces = () =>
  placesOf(app.cloud.store.find('divisions', { districtCode: '120102' }) as unknown as Division[]);

describe('登记范围 (catchments)', () => {
  it('preview lists every school’s phrases with their reading, the schools it would create, and writes nothing', async () => {
    const before = counts();
    const res = await importPreview('catchments', FILE);
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({
      ok: true,
      fileErrors: [],
      counts: { new: 6, changed: 0, unchanged: 0, error: 0 },
      phrasesOmitted: 0,
    });
    expect(res.data.rows.map((r: any) => r.label)).toEqual([
      '互助道小学（2031年小学）',
      '第四十五中学（2031年初中）',
      '新建实验学校（2031年小学）',
      '新建实验学校（2031年初中）',
      '新建小学（2031年小学）',
      '第四十五中学（2032年小学）',
    ]);
    const expected = parseCatchment(HUZHU, hedongPlaces()).map((p) => ({
      text: p.text,
      street: p.street,
      status: p.status,
      reading: p.reading,
    }));
    expect(res.data.rows[0].phrases).toEqual(expected);
    // What the reader cannot read is shown (未能识别) and does not block the import.
    expect(res.data.rows[0].phrases).toContainEqual(
      expect.objectContaining({ text: expect.stringContaining('甲乙丙丁'), status: 'unread' }),
    );
    expect(res.data.schoolChanges).toEqual([
      '改为九年一贯制：第四十五中学',
      '新增学校：新建实验学校（九年一贯制）',
      '新增学校：新建小学（小学）',
    ]);
    expect(counts()).toEqual(before);
  });

  it('applies the lists and the new schools in one go; a retry and a re-import write nothing', async () => {
    const before = counts();
    const id = requestId();
    const res = await importApply('catchments', FILE, { requestId: id });
    expect(res.data).toMatchObject({
      table: 'catchments',
      written: 6,
      schoolsUpdated: 3,
      duplicate: false,
      referenceVersion: before.ref + 1,
    });
    expect(counts()).toEqual({ catchments: before.catchments + 6, schools: before.schools + 2, ref: before.ref + 1 });

    const huzhu = school('互助道小学');
    const stored = app.cloud.store.find('catchments', { schoolId: huzhu._id, intakeYear: 2031 })[0] as any;
    const district = app.cloud.store.find('districts', { _id: '120102' })[0] as any;
    expect(stored).toMatchObject({
      districtCode: '120102',
      intakeYear: 2031,
      stage: 'primary',
      mechanism: 'single',
      text: HUZHU,
      sample: false,
      document: { title: TITLE, issuer: `${district.name}教育局`, date: '2026-11-23' },
    });
    expect(school('新建实验学校')).toMatchObject({
      districtCode: '120102',
      kind: 'nine-year',
      stages: ['primary', 'middle'],
      location: null,
      teacherCount: null,
    });
    expect(school('新建小学')).toMatchObject({ kind: 'primary', stages: ['primary'] });
    // An existing school keeps everything but its kind and stages.
    expect(school('第四十五中学')).toMatchObject({ kind: 'nine-year', stages: ['primary', 'middle'] });
    expect(app.cloud.store.count('catchments', { schoolId: school('新建实验学校')._id })).toBe(2);
    expect(
      app.cloud.store.count('catchments', { schoolId: school('第四十五中学')._id, intakeYear: { $gte: 2031 } }),
    ).toBe(2);

    expect((await importApply('catchments', FILE, { requestId: id })).data).toMatchObject({
      duplicate: true,
      written: 6,
    });
    const preview = await importPreview('catchments', FILE);
    expect(preview.data).toMatchObject({
      ok: true,
      counts: { new: 0, changed: 0, unchanged: 6, error: 0 },
      schoolChanges: [],
    });
    const again = await importApply('catchments', FILE);
    expect(again.data).toMatchObject({ written: 0, schoolsUpdated: 0, counts: { unchanged: 6 } });
    expect(counts()).toEqual({ catchments: before.catchments + 6, schools: before.schools + 2, ref: before.ref + 1 });
  });

  it('a file with a bad row writes nothing: no list and no new school', async () => {
    const before = counts();
    const bad = [
      FILE,
      csvRow('又一所新学校', '小学', Y, '单校划片', '七纬路全段', ''),
      csvRow('新建小学', '小学', Y, '多校划片', '春华家园'),
    ].join('\r\n');
    const preview = await importPreview('catchments', bad);
    expect(preview.data.ok).toBe(false);
    expect(preview.data.rows.slice(6).map((r: any) => [r.row, r.outcome, r.messages])).toEqual([
      [8, 'error', ['依据文件：不能为空（填写公布登记范围的文件名称）']],
      [9, 'error', ['学校名称：与第6行重复（同一学校、学段、学年只能有一行）']],
    ]);
    const res = await importApply('catchments', bad);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.message).toContain('第8行');
    expect(counts()).toEqual(before);
    expect(school('又一所新学校')).toBeUndefined();
  });

  it('counts the schools it creates toward the 500-write limit', async () => {
    const before = counts();
    const many = [
      HEADER,
      ...Array.from({ length: 251 }, (_, i) => csvRow(`批量新校${i + 1}`, '小学', Y, '单校划片', '某路全段')),
    ].join('\n');
    const preview = await importPreview('catchments', many);
    expect(preview.data.ok).toBe(false);
    expect(preview.data.fileErrors[0]).toContain('本文件有502条');
    expect((await importApply('catchments', many)).ok).toBe(false);
    expect(counts()).toEqual(before);
  });

  it('reads an .xlsx file whose 登记范围 cells hold line breaks', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('登记范围');
    const text = '二号桥街道：\n福东里1-20号楼\n松竹里社区';
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['第四十五中学', '初中', 2033, '多校划片', text, TITLE]);
    sheet.getCell('E2').alignment = { wrapText: true };
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await importPreview('catchments', content, { format: 'xlsx' });
    expect(preview.data).toMatchObject({ ok: true, counts: { new: 1 } });
    expect(preview.data.rows[0].phrases).toEqual(
      parseCatchment(text, hedongPlaces()).map((p) => ({
        text: p.text,
        street: p.street,
        status: p.status,
        reading: p.reading,
      })),
    );
    const res = await importApply('catchments', content, { format: 'xlsx' });
    expect(res.data).toMatchObject({ written: 1, schoolsUpdated: 0 });
    expect(app.cloud.store.find('catchments', { intakeYear: 2033 })[0]).toMatchObject({
      text,
      mechanism: 'multi',
      stage: 'middle',
    });
  });

  it('an export (line breaks kept in quoted cells) re-imports as all unchanged', async () => {
    const exported = await admin({ action: 'exportTable', table: 'catchments' });
    expect(exported.data).toMatchObject({
      filename: '河东区登记范围.csv',
      rows: app.cloud.store.count('catchments', { districtCode: '120102' }),
    });
    expect(exported.data.content.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(exported.data.content).toContain(quoted(HUZHU));
    const res = await importPreview('catchments', exported.data.content);
    expect(res.data).toMatchObject({
      ok: true,
      counts: { new: 0, changed: 0, unchanged: exported.data.rows, error: 0 },
      schoolChanges: [],
    });
  });

  it('the page’s template previews without errors', async () => {
    const res = await importPreview('catchments', CATCHMENT_TEMPLATE_CSV);
    expect(res.data).toMatchObject({ ok: true, fileErrors: [], counts: { error: 0 } });
    expect(res.data.rows.every((r: any) => r.phrases.length > 0)).toBe(true);
  });

  it('a district added without schools gets them from its published lists', async () => {
    const code = '110105';
    app.cloud.store.insert('districts', [{ _id: code, code, name: '朝阳区', city: '北京市', province: '北京市' }]);
    app.cloud.store.insert('users', [
      {
        _id: 'o-cy-bureau',
        roles: ['bureau'],
        name: '朝阳区教育委员会',
        districtCode: code,
        schoolId: null,
        xuequId: null,
      },
    ]);
    const bureau = caller('o-cy-bureau');
    const file = [
      HEADER,
      csvRow('朝阳实验小学', '小学', '2026', '单校划片', '朝阳路1-99号（单号）'),
      csvRow('朝阳第一中学', '初中', '2026', '多校划片', '朝阳路全段'),
    ].join('\n');
    const preview = await importPreview('catchments', file, {}, bureau);
    expect(preview.data.schoolChanges).toEqual(['新增学校：朝阳实验小学（小学）', '新增学校：朝阳第一中学（初中）']);
    const res = await importApply('catchments', file, {}, bureau);
    expect(res.data).toMatchObject({ written: 2, schoolsUpdated: 2 });
    expect(
      app.cloud.store
        .find('schools', { districtCode: code })
        .map((s: any) => [s.name, s.kind])
        .sort(),
    ).toEqual([
      ['朝阳实验小学', 'primary'],
      ['朝阳第一中学', 'middle'],
    ]);
    expect(app.cloud.store.find('catchments', { districtCode: code })[0]).toMatchObject({
      document: { issuer: '朝阳区教育局' },
    });
    // Hedong's bureau sees none of it.
    expect((await admin({ action: 'exportTable', table: 'catchments' })).data.content).not.toContain('朝阳');
  });
});
