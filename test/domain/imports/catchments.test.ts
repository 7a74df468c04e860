import { parseCatchment } from '@/domain/catchment';
import type { CatchmentDoc } from '@/domain/catchment';
import {
  catchmentToRow,
  headerErrors,
  IMPORT_HEADERS,
  newSchool,
  newSchoolId,
  rowsOf,
  validateCatchmentRows,
} from '@/domain/imports';
import { PLACES, catchmentContext, school } from './fixtures';

// The 登记范围 table: one school's published text per stage and intake; unknown schools are created.
const HEADERS = IMPORT_HEADERS.catchments;
const SCHOOLS = [
  school('hd-s01', '互助道小学', 'primary'),
  school('hd-s02', '第四十五中学', 'middle'),
  school('hd-s03', '东局子学校', 'nine-year'),
];
const TEXT = '大王庄街道：\n六纬路1-99号（单号）、2-50号（双号）；\n诚厚里社区';
const TITLE = '河东区2026年义务教育招生工作实施方案';

const ctx = catchmentContext(SCHOOLS);
const rows = (...lines: string[][]) => rowsOf(HEADERS, lines);
const line = (name: string, stage = '小学', year = '2026', mechanism = '单校划片', text = TEXT, title = TITLE) => [
  name,
  stage,
  year,
  mechanism,
  text,
  title,
];

describe('the 登记范围 import table', () => {
  it('needs all six columns', () => {
    expect(headerErrors('catchments', ['学校名称', '学段', '学年'])[0]).toContain(
      '缺少列：划片方式、登记范围、依据文件',
    );
    expect(headerErrors('catchments', [...HEADERS])).toEqual([]);
  });

  it('stores the text verbatim with its line breaks (CRLF as LF), not sample, dated the import day', () => {
    const {
      rows: [r],
      schools,
    } = validateCatchmentRows(ctx(), rows(line('互助道小学', '小学', '2026', '多校划片', TEXT.replace(/\n/g, '\r\n'))));
    expect(r).toMatchObject({ row: 2, outcome: 'new', messages: [], label: '互助道小学（2026年小学）' });
    expect(r.doc).toMatchObject({
      districtCode: '120102',
      intakeYear: 2026,
      stage: 'primary',
      schoolId: 'hd-s01',
      mechanism: 'multi',
      text: TEXT,
      sample: false,
      document: { title: TITLE, issuer: '河东区教育局', date: '2026-11-23' },
    });
    expect(r.doc!._id).toMatch(/^cat-[0-9a-f]{16}$/);
    expect(schools).toEqual([]);
  });

  it('carries the reading of every phrase; unread phrases do not make the row an error', () => {
    const {
      rows: [r],
    } = validateCatchmentRows(
      ctx(),
      rows(line('互助道小学', '小学', '2026', '单校划片', '某某路以东（具体以公告为准）；乱七八糟的一句')),
    );
    expect(r.outcome).toBe('new');
    expect(r.phrases).toEqual(parseCatchment('某某路以东（具体以公告为准）；乱七八糟的一句', PLACES));
    expect(r.phrases.length).toBeGreaterThan(0);
  });

  it('marks every bad cell in Chinese, naming the column', () => {
    const {
      rows: [r],
      schools,
    } = validateCatchmentRows(ctx(), rows(['', '高中', '1999', '就近', '', '']));
    expect(r.outcome).toBe('error');
    expect(r.doc).toBeNull();
    expect(r.messages).toEqual([
      '学校名称：不能为空',
      '学段：应为小学或初中（现为“高中”）',
      '学年：应为2000到2100之间的年份，如2026',
      '划片方式：应为单校划片、多校划片或对口直升（现为“就近”）',
      '登记范围：不能为空',
      '依据文件：不能为空（填写公布登记范围的文件名称）',
    ]);
    expect(schools).toEqual([]);
    const long = validateCatchmentRows(
      ctx(),
      rows(line('互助道小学', '小学', '2026.5', '单校划片', '路'.repeat(20_001))),
    ).rows[0];
    expect(long.messages).toEqual([
      '学年：应为2000到2100之间的年份，如2026',
      '登记范围：不超过20000字（请按学校、学段分行）',
    ]);
    expect(long.phrases).toEqual([]);
    // A label that is an inherited property of an object is no label.
    expect(
      validateCatchmentRows(ctx(), rows(line('互助道小学', 'constructor', '2026', 'toString'))).rows[0].messages,
    ).toHaveLength(2);
  });

  it('refuses the same school × 学段 × 学年 twice, naming the first row', () => {
    const { rows: r } = validateCatchmentRows(
      ctx(),
      rows(line('互助道小学'), line('互助道小学', '小学', '2027'), line('互助道小学', '小学', '2026', '多校划片')),
    );
    expect(r.map((x) => x.outcome)).toEqual(['new', 'new', 'error']);
    expect(r[2].messages).toEqual(['学校名称：与第2行重复（同一学校、学段、学年只能有一行）']);
  });

  it('creates a school it does not know, of the stage it is listed for; listed for both it is 九年一贯', () => {
    const { rows: r, schools } = validateCatchmentRows(
      ctx({ schools: [] }),
      rows(line('新建小学'), line('新建学校', '小学'), line('新建学校', '初中')),
    );
    expect(r.map((x) => x.outcome)).toEqual(['new', 'new', 'new']);
    expect(schools.map((c) => [c.outcome, c.school.name, c.school.kind, c.school.stages])).toEqual([
      ['new', '新建小学', 'primary', ['primary']],
      ['new', '新建学校', 'nine-year', ['primary', 'middle']],
    ]);
    expect(schools[0].school).toEqual({
      ...newSchool('120102', '新建小学', 'primary'),
      _id: newSchoolId('120102', '新建小学'),
    });
    expect(schools[0].school).toMatchObject({ location: null, teacherCount: null, districtCode: '120102' });
    expect(r[1].doc!.schoolId).toBe(r[2].doc!.schoolId);
    expect(r[1].doc!.schoolId).toBe(newSchoolId('120102', '新建学校'));
  });

  it('an existing school listed for the stage it does not teach becomes 九年一贯; one already 九年一贯 is unchanged', () => {
    const { schools } = validateCatchmentRows(
      ctx(),
      rows(line('互助道小学', '初中'), line('东局子学校', '初中'), line('第四十五中学', '初中')),
    );
    expect(schools).toEqual([
      { outcome: 'changed', school: { ...SCHOOLS[0], kind: 'nine-year', stages: ['primary', 'middle'] } },
    ]);
  });

  it('is unchanged when 划片方式, text and document are the same (the date and issuer stay as stored); changed otherwise', () => {
    const first = validateCatchmentRows(ctx(), rows(line('互助道小学'))).rows[0].doc!;
    const stored: CatchmentDoc = {
      ...first,
      document: { ...first.document, issuer: '天津市河东区教育局', date: '2026-05-20' },
    };
    const again = validateCatchmentRows(
      ctx({ existing: [stored], today: '2026-12-01' }),
      rows(
        line('互助道小学'),
        line('互助道小学', '小学', '2026', '多校划片').map((c, i) => (i === 2 ? '2027' : c)),
      ),
    );
    expect(again.rows[0]).toMatchObject({ outcome: 'unchanged', doc: stored });
    const edited = validateCatchmentRows(
      ctx({ existing: [stored], today: '2026-12-01' }),
      rows(line('互助道小学', '小学', '2026', '单校划片', `${TEXT}\n新增：七纬路全段`)),
    ).rows[0];
    expect(edited).toMatchObject({
      outcome: 'changed',
      doc: { _id: stored._id, document: { issuer: '天津市河东区教育局', date: '2026-12-01' } },
    });
    // A sample list exported and imported as it is stays sample; written differently it is the bureau's own.
    const sample = { ...stored, sample: true };
    expect(validateCatchmentRows(ctx({ existing: [sample] }), rows(line('互助道小学'))).rows[0]).toMatchObject({
      outcome: 'unchanged',
      doc: sample,
    });
    expect(
      validateCatchmentRows(ctx({ existing: [sample] }), rows(line('互助道小学', '小学', '2026', '多校划片'))).rows[0],
    ).toMatchObject({ outcome: 'changed', doc: { sample: false } });
  });

  it('exports the same columns, which re-import as unchanged', () => {
    const { rows: r } = validateCatchmentRows(
      ctx(),
      rows(line('互助道小学'), line('东局子学校', '初中', '2026', '多校划片')),
    );
    const docs = r.map((x) => x.doc!);
    const names = new Map(SCHOOLS.map((s) => [s._id, s.name]));
    const exported = docs.map((d) => catchmentToRow(d, (id) => names.get(id)!));
    expect(exported[1]).toEqual(['东局子学校', '初中', '2026', '多校划片', TEXT, TITLE]);
    expect(validateCatchmentRows(ctx({ existing: docs }), rows(...exported)).rows.map((x) => x.outcome)).toEqual([
      'unchanged',
      'unchanged',
    ]);
  });
});
