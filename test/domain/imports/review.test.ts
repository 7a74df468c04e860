import {
  CHANGE_VALUE_CHARS,
  FAR_FROM_DISTRICT_M,
  fieldChanges,
  IMPORT_HEADERS,
  locationWarnings,
  middleOf,
  reviewRows,
  roadOverlapWarnings,
  validateSchoolRows,
  validateTeacherRows,
  validateZoningRows,
  type RawRow,
} from '@/domain/imports';
import { distanceMetres } from '@/domain/geo';
import type { School } from '@/domain/school';
import type { ZoningRule } from '@/domain/zoning';
import type { RosterTeacher } from '@/domain/roster';
import { overlaps } from '@/domain/imports/contradictions';

const school = (
  id: string,
  name: string,
  lat: number | null,
  lng: number | null,
  kind: School['kind'] = 'primary',
): School => ({
  _id: id,
  districtCode: '120102',
  name,
  kind,
  stages: kind === 'middle' ? ['middle'] : ['primary'],
  note: null,
  location: lat === null || lng === null ? null : { latitude: lat, longitude: lng },
  locationSample: true,
  teacherCount: 40,
  teacherCountSample: true,
  keyTeacherCount: null,
});
// Around 河东区 (39.12, 117.25), as the sample coordinates are laid out.
const SCHOOLS = [
  school('s1', '友爱道小学', 39.1223, 117.2515),
  school('s2', '新星小学', 39.126, 117.255),
  school('s3', '红星路小学', 39.118, 117.247),
  school('s4', '昕旺小学', null, null),
];
const rows = (list: RawRow[]) => list.map((values, i) => ({ row: i + 2, values }));
const nameOf = (id: string) => SCHOOLS.find((s) => s._id === id)?.name ?? id;
/** What a 划片 import is checked against: these schools, no 社区 codes, the stored rules given. */
const zoningCtx = (existing: ZoningRule[] = []) => ({
  districtCode: '120102',
  schools: SCHOOLS,
  communityCodes: new Set<string>(),
  existing,
  issuer: '河东区教育局',
});

describe('a 修改 row says what changes', () => {
  it('lists each changed column old → new, in column order, unchanged columns left out', () => {
    expect(fieldChanges(['a', 'b', 'c'], ['1', '2', ''], ['1', '3', 'x'])).toEqual([
      { field: 'b', from: '2', to: '3' },
      { field: 'c', from: '（空）', to: 'x' },
    ]);
  });

  it('cuts long values (a 登记范围 may be 20,000 characters)', () => {
    const [c] = fieldChanges(['登记范围'], ['甲'.repeat(5000)], ['乙'.repeat(5000)]);
    expect(Array.from(c.from)).toHaveLength(CHANGE_VALUE_CHARS);
    expect(c.from.endsWith('…')).toBe(true);
    expect(c.to.startsWith('乙')).toBe(true);
  });

  it('for schools: the coordinates and teacher count that change', () => {
    const results = validateSchoolRows(
      '120102',
      rows([{ 学校名称: '新星小学', 学段: '小学', 纬度: '39.127', 经度: '117.255', 教师人数: '52' }]),
      SCHOOLS,
    );
    const [r] = reviewRows('schools', results, { schools: SCHOOLS, districtName: '河东区' });
    expect(r.outcome).toBe('changed');
    expect(r.changes).toEqual([
      { field: '纬度', from: '39.126', to: '39.127' },
      { field: '教师人数', from: '40', to: '52' },
    ]);
    expect(r.warnings).toBeUndefined();
  });

  it('for teachers: school names, not ids; new and unchanged rows list nothing', () => {
    const roster: RosterTeacher[] = [
      {
        _id: 't1',
        districtCode: '120102',
        schoolId: 's1',
        staffNo: 'HD-1',
        name: '李老师',
        subject: '数学',
        key: false,
      },
    ];
    const results = validateTeacherRows(
      '120102',
      rows([
        { 工号: 'HD-1', 姓名: '李老师', 学校名称: '新星小学', 学科: '数学', 骨干教师: '是' },
        { 工号: 'HD-2', 姓名: '王老师', 学校名称: '新星小学', 学科: '', 骨干教师: '' },
      ]),
      SCHOOLS,
      roster,
    );
    const [changed, added] = reviewRows('teachers', results, { schools: SCHOOLS, districtName: '河东区' });
    expect(changed.changes).toEqual([
      { field: '学校名称', from: '友爱道小学', to: '新星小学' },
      { field: '骨干教师', from: '否', to: '是' },
    ]);
    expect(added.outcome).toBe('new');
    expect(added.changes).toBeUndefined();
    expect(IMPORT_HEADERS.teachers).toContain('骨干教师');
  });
});

describe('implausible coordinates are warned about, not refused', () => {
  it('the middle of the district is the median of its schools (one misplaced school does not move it)', () => {
    const m = middleOf([
      { latitude: 39.12, longitude: 117.25 },
      { latitude: 39.13, longitude: 117.26 },
      { latitude: 24.48, longitude: 118.03 },
    ])!;
    expect(m).toEqual({ latitude: 39.12, longitude: 117.26 });
  });

  it('a school placed in another province gets a warning naming the row, the columns and the distance', () => {
    // 厦门 coordinates for a 河东区 school, and latitude and longitude swapped for another.
    const results = validateSchoolRows(
      '120102',
      rows([
        { 学校名称: '昕旺小学', 学段: '小学', 纬度: '24.4846', 经度: '118.0327' },
        { 学校名称: '红星路小学', 学段: '小学', 纬度: '39.119', 经度: '117.248' },
        { 学校名称: '新学校', 学段: '小学', 纬度: '39.13', 经度: '117.26' },
      ]),
      SCHOOLS,
    );
    expect(results.map((r) => r.outcome)).toEqual(['changed', 'changed', 'new']);
    const warnings = locationWarnings(results, SCHOOLS, '河东区');
    expect([...warnings.keys()]).toEqual([2]);
    expect(warnings.get(2)).toMatch(/^纬度、经度：昕旺小学距河东区其他学校约16\d\d公里，可能不在本区/);
    const reviewed = reviewRows('schools', results, { schools: SCHOOLS, districtName: '河东区' });
    expect(reviewed[0].outcome).toBe('changed'); // still importable
    expect(reviewed[0].warnings).toHaveLength(1);
  });

  it('a school just inside the limit is not warned about; a district without coordinates cannot tell', () => {
    const near = { latitude: 39.1223 + (FAR_FROM_DISTRICT_M - 2000) / 111_000, longitude: 117.2515 };
    expect(distanceMetres(near, { latitude: 39.1223, longitude: 117.2515 })).toBeLessThan(FAR_FROM_DISTRICT_M);
    const results = validateSchoolRows(
      '120102',
      rows([{ 学校名称: '昕旺小学', 学段: '小学', 纬度: near.latitude.toFixed(4), 经度: '117.2515' }]),
      SCHOOLS,
    );
    expect(locationWarnings(results, SCHOOLS, '河东区').size).toBe(0);
    const bare = [school('s4', '昕旺小学', null, null)];
    const far = validateSchoolRows(
      '120102',
      rows([{ 学校名称: '昕旺小学', 学段: '小学', 纬度: '24.48', 经度: '118.03' }]),
      bare,
    );
    expect(locationWarnings(far, bare, '河东区').size).toBe(0);
  });
});

describe("road ranges that overlap another school's are warned about", () => {
  const zoningRow = (road: string, side: string, from: string, to: string, schoolName: string): RawRow => ({
    学年: '2027',
    学段: '小学',
    类型: '道路',
    道路: road,
    单双号: side,
    起始门牌: from,
    结束门牌: to,
    学校名称: schoolName,
    规则原文: `${road}${from}-${to}号`,
    文件名称: '划片方案',
    发文日期: '2027-05-01',
  });

  it('between two rows of the file, both rows naming the other row and school', () => {
    const results = validateZoningRows(
      zoningCtx(),
      rows([
        zoningRow('十一经路', '单号', '1', '99', '友爱道小学'),
        zoningRow('十一经路', '单号', '51', '151', '新星小学'),
        zoningRow('十一经路', '双号', '2', '98', '红星路小学'), // the other side of the road: no overlap
      ]),
    );
    expect(results.map((r) => r.outcome)).toEqual(['new', 'new', 'new']);
    const w = roadOverlapWarnings(results, [], nameOf);
    expect(w.get(2)).toEqual([
      '道路、起始门牌、结束门牌：十一经路1–99号（单号）与第3行新星小学的十一经路51–151号（单号）重叠',
    ]);
    expect(w.get(3)).toEqual([
      '道路、起始门牌、结束门牌：十一经路51–151号（单号）与第2行友爱道小学的十一经路1–99号（单号）重叠',
    ]);
    expect(w.has(4)).toBe(false);
  });

  it('with a stored rule of another school; not with the same school or another year', () => {
    const [stored] = validateZoningRows(zoningCtx(), rows([zoningRow('十一经路', '全部', '1', '40', '红星路小学')]));
    const [other] = validateZoningRows(
      zoningCtx(),
      rows([{ ...zoningRow('十一经路', '全部', '1', '40', '红星路小学'), 学年: '2026' }]),
    );
    const existing = [stored.doc!, other.doc!];
    const results = validateZoningRows(
      zoningCtx(existing),
      rows([
        zoningRow('十一经路', '双号', '20', '60', '友爱道小学'),
        zoningRow('十一经路', '单号', '41', '99', '红星路小学'),
      ]),
    );
    const w = roadOverlapWarnings(results, existing, nameOf);
    expect(w.get(2)).toEqual([
      '道路、起始门牌、结束门牌：十一经路20–60号（双号）与已有规则红星路小学的十一经路1–40号（全部）重叠',
    ]);
    expect(w.has(3)).toBe(false);
    const reviewed = reviewRows('zoning', results, { schools: SCHOOLS, districtName: '河东区', rules: existing });
    expect(reviewed[0].outcome).toBe('new');
    expect(reviewed[0].warnings).toHaveLength(1);
  });
});

// The warnings are computed by sorting and sweeping (a 5,000-row file against 100,000 stored rules must not
// cost their product); these definitions, quadratic and obviously right, are what they must equal.
describe('the fast warnings equal their plain definitions on random districts', () => {
  const rand = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

  it('location warnings: each school against the median of all the others', () => {
    let warned = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rand(seed);
      const n = 1 + Math.floor(r() * 12);
      const at = () => (r() < 0.15 ? null : r() < 0.2 ? 30 + r() * 10 : 39.1 + r() * 0.05);
      const stored = Array.from({ length: n }, (_, i) => school(`s${i}`, `学校${i}`, at(), 117.2 + r() * 0.05));
      const fileSchools = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) =>
        school(`s${Math.floor(r() * (n + 4))}`, `新${i}`, at(), r() < 0.2 ? 100 : 117.2 + r() * 0.05),
      );
      const results = fileSchools.map((doc, i) => ({
        row: i + 2,
        outcome: r() < 0.15 ? 'unchanged' : 'new',
        doc,
        errors: [],
      }));
      const fromFile = new Map(results.map((x) => [x.doc._id, x.doc]));
      const all = [...stored.filter((s) => !fromFile.has(s._id)), ...fromFile.values()];
      const expected = new Map<number, string>();
      for (const x of results) {
        if (x.outcome === 'unchanged' || !x.doc.location) continue;
        const centre = middleOf(all.filter((s) => s._id !== x.doc._id && s.location).map((s) => s.location!));
        if (!centre || distanceMetres(centre, x.doc.location) <= FAR_FROM_DISTRICT_M) continue;
        expected.set(
          x.row,
          `纬度、经度：${x.doc.name}距河东区其他学校约${Math.round(distanceMetres(centre, x.doc.location) / 1000)}公里，可能不在本区（是否填错或纬度、经度颠倒？）`,
        );
      }
      expect(locationWarnings(results as never, stored, '河东区')).toEqual(expected);
      warned += expected.size;
    }
    expect(warned).toBeGreaterThan(10); // the comparison saw warnings, not only empty maps
  });

  it('road overlaps: every file row against every other row and stored rule of another school', () => {
    const text = (m: { road: string; from: number; to: number; side: string }) =>
      `${m.road}${m.from}–${m.to}号（${({ odd: '单号', even: '双号', all: '全部' } as Record<string, string>)[m.side]}）`;
    let warned = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rand(seed);
      const row = (): RawRow => {
        const from = 1 + Math.floor(r() * 80);
        return {
          学年: r() < 0.8 ? '2027' : '2026',
          学段: '小学',
          类型: '道路',
          道路: r() < 0.6 ? '十一经路' : '七纬路',
          单双号: ['单号', '双号', '全部'][Math.floor(r() * 3)],
          起始门牌: String(from),
          结束门牌: String(from + Math.floor(r() * 40)),
          学校名称: SCHOOLS[Math.floor(r() * 3)].name,
          规则原文: '示例',
          文件名称: '划片方案',
          发文日期: '2027-05-01',
        };
      };
      const existing = validateZoningRows(zoningCtx(), rows(Array.from({ length: Math.floor(r() * 15) }, row))).flatMap(
        (x) => (x.doc ? [x.doc] : []),
      );
      const results = validateZoningRows(
        zoningCtx(existing),
        rows(Array.from({ length: 1 + Math.floor(r() * 15) }, row)),
      );
      const ok = results.filter((x) => x.doc && x.outcome !== 'error');
      const replaced = new Set(ok.map((x) => x.doc!._id));
      const stored = existing.filter((e) => !replaced.has(e._id));
      const meets = (a: ZoningRule, b: ZoningRule) =>
        a.schoolYear === b.schoolYear &&
        a.stage === b.stage &&
        b.schoolIds.some((id) => !a.schoolIds.includes(id)) &&
        overlaps(a.match, b.match, new Map());
      const expected = new Map<number, string[]>();
      for (const x of ok) {
        const a = x.doc!;
        const list = [
          ...ok
            .filter((o) => o !== x && meets(a, o.doc!))
            .map(
              (o) =>
                `道路、起始门牌、结束门牌：${text(a.match as never)}与第${o.row}行${o.doc!.schoolIds.map(nameOf).join('、')}的${text(o.doc!.match as never)}重叠`,
            ),
          ...stored
            .filter((e) => meets(a, e))
            .map(
              (e) =>
                `道路、起始门牌、结束门牌：${text(a.match as never)}与已有规则${e.schoolIds.map(nameOf).join('、')}的${text(e.match as never)}重叠`,
            ),
        ];
        if (list.length) expected.set(x.row, list.slice(0, 5));
      }
      expect(roadOverlapWarnings(results, existing, nameOf)).toEqual(expected);
      warned += expected.size;
    }
    expect(warned).toBeGreaterThan(10);
  });
});
