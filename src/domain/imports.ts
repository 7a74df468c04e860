import type { School, SchoolKind } from './school';
import { stagesOfKind } from './school';
import type { Stage } from './stages';
import type { ZoningRule } from './zoning';
import type { ZoningMatch } from './zoning-match';
import { normalizeAddress } from './zoning-match';
import { isCalendarDate } from './composition';

/** Pure validation of imported rows (schools, zoning rules): what each row would write and why not. */
export type ImportTable = 'schools' | 'zoning';
export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'error';

export const IMPORT_HEADERS: Record<ImportTable, readonly string[]> = {
  schools: ['学校名称', '学段', '纬度', '经度', '教师人数'],
  zoning: ['学年', '学段', '类型', '社区代码', '道路', '单双号', '起始门牌', '结束门牌', '小区名称', '别名', '学校名称', '规则原文', '文件名称', '文号', '发文日期'],
};
/** Columns a file must have (the others may be left out). */
const REQUIRED: Record<ImportTable, readonly string[]> = {
  schools: ['学校名称', '学段'],
  zoning: ['学年', '学段', '类型', '学校名称', '规则原文', '文件名称', '发文日期'],
};

/** Rows written by one import at most (one transaction). */
export const MAX_IMPORT_WRITES = 500;
/** Rows of a file at most. */
export const MAX_IMPORT_ROWS = 5000;

export type RawRow = Record<string, string>;

export interface RowResult<D> {
  /** The row number in the file (the header is row 1). */
  row: number;
  outcome: RowOutcome;
  messages: string[];
  /** The document to write (new / changed), or the unchanged one; null on error. */
  doc: D | null;
}

/** Header problems of a whole file, in Chinese; empty when the file can be read row by row. */
export function headerErrors(table: ImportTable, headers: readonly string[]): string[] {
  const errors: string[] = [];
  const missing = REQUIRED[table].filter((h) => !headers.includes(h));
  if (missing.length) errors.push(`缺少列：${missing.join('、')}（第1行应为表头：${IMPORT_HEADERS[table].join('、')}）`);
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h)) errors.push(`列“${h}”重复`);
    seen.add(h);
  }
  return errors;
}

/** Rows as header → cell text (trimmed); blank rows are dropped, keeping the file's row numbers. */
export function rowsOf(headers: readonly string[], cells: ReadonlyArray<readonly string[]>): Array<{ row: number; values: RawRow }> {
  const out: Array<{ row: number; values: RawRow }> = [];
  cells.forEach((line, i) => {
    if (line.every((c) => (c ?? '').trim() === '')) return;
    const values: RawRow = {};
    headers.forEach((h, j) => {
      if (h) values[h] = (line[j] ?? '').trim();
    });
    out.push({ row: i + 2, values });
  });
  return out;
}

// FNV-1a, twice with different seeds: a short stable id from a natural key (ids allow [\w@.-] only).
function hash(text: string): string {
  const h = (seed: number) => {
    let x = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      x ^= text.charCodeAt(i);
      x = Math.imul(x, 0x01000193) >>> 0;
    }
    return x.toString(16).padStart(8, '0');
  };
  return h(0x811c9dc5) + h(0x2f1c3b7d);
}

const KIND_BY_LABEL: Record<string, SchoolKind> = { 小学: 'primary', 初中: 'middle', 九年一贯制: 'nine-year' };
const STAGE_BY_LABEL: Record<string, Stage> = { 小学: 'primary', 初中: 'middle' };
const MATCH_BY_LABEL: Record<string, ZoningMatch['kind']> = { 社区: 'community', 道路: 'road', 小区: 'estate' };
const SIDE_BY_LABEL: Record<string, 'odd' | 'even' | 'all'> = { 单号: 'odd', 双号: 'even', 全部: 'all' };
const label = <K extends string>(map: Record<string, K>, value: K) => Object.keys(map).find((k) => map[k] === value) ?? value;

/** A number cell: null when blank, NaN when not a number. */
function numberCell(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

// ---------------------------------------------------------------------------------------------- schools

export const schoolKey = (districtCode: string, name: string) => `${districtCode}|${name.trim()}`;
export const newSchoolId = (districtCode: string, name: string) => `sch-${districtCode}-${hash(schoolKey(districtCode, name))}`;

const sameSchool = (a: School, b: School) =>
  a.name === b.name && a.kind === b.kind && a.teacherCount === b.teacherCount &&
  (a.location?.latitude ?? null) === (b.location?.latitude ?? null) && (a.location?.longitude ?? null) === (b.location?.longitude ?? null);

export function validateSchoolRows(districtCode: string, rows: ReadonlyArray<{ row: number; values: RawRow }>, existing: readonly School[]): Array<RowResult<School>> {
  const byName = new Map(existing.map((s) => [s.name, s]));
  const firstRow = new Map<string, number>();
  return rows.map(({ row, values }) => {
    const messages: string[] = [];
    const name = values['学校名称'] ?? '';
    if (!name) messages.push('学校名称：不能为空');
    else if (Array.from(name).length > 40) messages.push('学校名称：不超过40字');
    else if (firstRow.has(name)) messages.push(`学校名称：与第${firstRow.get(name)}行重复`);
    else firstRow.set(name, row);
    const kind = KIND_BY_LABEL[values['学段'] ?? ''];
    if (!kind) messages.push(`学段：应为小学、初中或九年一贯制（现为“${values['学段'] ?? ''}”）`);
    const lat = numberCell(values['纬度']);
    const lng = numberCell(values['经度']);
    if (lat !== null && !(lat >= 3 && lat <= 54)) messages.push('纬度：应为3到54之间的数字（中国境内）');
    if (lng !== null && !(lng >= 73 && lng <= 136)) messages.push('经度：应为73到136之间的数字（中国境内）');
    if ((lat === null) !== (lng === null)) messages.push('纬度、经度：应同时填写或同时留空');
    const teachers = numberCell(values['教师人数']);
    if (teachers !== null && !(Number.isInteger(teachers) && teachers >= 0 && teachers <= 5000)) messages.push('教师人数：应为0到5000之间的整数');
    if (messages.length || !kind) return { row, outcome: 'error', messages, doc: null };

    const old = byName.get(name);
    const location = lat !== null && lng !== null ? { latitude: lat, longitude: lng } : null;
    const doc: School = {
      _id: old?._id ?? newSchoolId(districtCode, name),
      districtCode,
      name,
      kind,
      stages: stagesOfKind(kind),
      note: old?.note ?? null,
      location,
      locationSample: false,
      teacherCount: teachers,
      teacherCountSample: false,
      keyTeacherCount: old?.keyTeacherCount ?? null,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc };
    if (sameSchool(old, doc)) return { row, outcome: 'unchanged', messages: [], doc: old };
    // Only what the file gives counts as imported; sample flags stay on the columns it leaves as they were.
    const keep = {
      locationSample: (old.location?.latitude ?? null) === lat && (old.location?.longitude ?? null) === lng ? old.locationSample : false,
      teacherCountSample: old.teacherCount === teachers ? old.teacherCountSample : false,
    };
    return { row, outcome: 'changed', messages: [], doc: { ...doc, ...keep } };
  });
}

export function schoolToRow(s: School): string[] {
  return [s.name, label(KIND_BY_LABEL, s.kind), s.location ? String(s.location.latitude) : '', s.location ? String(s.location.longitude) : '', s.teacherCount === null ? '' : String(s.teacherCount)];
}

// ----------------------------------------------------------------------------------------------- zoning

/** The natural key of a rule: district, school year, stage and what it covers. */
export function zoningKey(r: Pick<ZoningRule, 'districtCode' | 'schoolYear' | 'stage' | 'match'>): string {
  const m = r.match;
  const what =
    m.kind === 'community' ? `c:${m.communityCode}`
    : m.kind === 'road' ? `r:${normalizeAddress(m.road).road ?? m.road.trim()}:${m.side}:${m.from}-${m.to}`
    : `e:${normalizeAddress(m.name).normalized}`;
  return `${r.districtCode}|${r.schoolYear}|${r.stage}|${what}`;
}
export const newZoningId = (key: string) => `zr-imp-${hash(key)}`;

export interface ZoningContext {
  districtCode: string;
  schools: readonly School[];
  /** The district's 社区 codes; a code not listed is refused. */
  communityCodes: ReadonlySet<string>;
  existing: readonly ZoningRule[];
  /** Issuer of the document of a new rule (the file has no column for it). */
  issuer: string;
}

const splitList = (text: string | undefined) => (text ?? '').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);

/** The columns a rule is compared on (what the file carries). */
const zoningStamp = (r: ZoningRule) =>
  JSON.stringify([zoningKey(r), r.match.kind === 'estate' ? r.match.aliases : [], r.schoolIds, r.text, r.document.title, r.document.number ?? '', r.document.date]);

export function validateZoningRows(ctx: ZoningContext, rows: ReadonlyArray<{ row: number; values: RawRow }>): Array<RowResult<ZoningRule>> {
  const schoolsByName = new Map(ctx.schools.map((s) => [s.name, s]));
  const existingByKey = new Map(ctx.existing.map((r) => [zoningKey(r), r]));
  const firstRow = new Map<string, number>();
  return rows.map(({ row, values: v }) => {
    const messages: string[] = [];
    const year = numberCell(v['学年']);
    if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100) messages.push('学年：应为2000到2100之间的年份，如2026');
    const stage = STAGE_BY_LABEL[v['学段'] ?? ''];
    if (!stage) messages.push(`学段：应为小学或初中（现为“${v['学段'] ?? ''}”）`);
    const kind = MATCH_BY_LABEL[v['类型'] ?? ''];
    if (!kind) messages.push(`类型：应为社区、道路或小区（现为“${v['类型'] ?? ''}”）`);

    let match: ZoningMatch | null = null;
    if (kind === 'community') {
      const code = v['社区代码'] ?? '';
      if (!/^\d{12}$/.test(code)) messages.push('社区代码：应为12位数字');
      else if (!ctx.communityCodes.has(code)) messages.push(`社区代码：${code}不是本区的社区`);
      else match = { kind, communityCode: code };
    } else if (kind === 'road') {
      const road = v['道路'] ?? '';
      const side = SIDE_BY_LABEL[v['单双号'] ?? ''];
      const from = numberCell(v['起始门牌']);
      const to = numberCell(v['结束门牌']);
      const before = messages.length;
      if (!road) messages.push('道路：不能为空');
      else if (normalizeAddress(road).road === null) messages.push(`道路：“${road}”不是可识别的道路名（应以路、道、街、大街、里等结尾）`);
      if (!side) messages.push('单双号：应为单号、双号或全部');
      const okNumber = (n: number | null) => n !== null && Number.isInteger(n) && n >= 1 && n <= 99999;
      if (!okNumber(from)) messages.push('起始门牌：应为1到99999之间的整数');
      if (!okNumber(to)) messages.push('结束门牌：应为1到99999之间的整数');
      if (okNumber(from) && okNumber(to) && from! > to!) messages.push('起始门牌、结束门牌：起始门牌不能大于结束门牌');
      if (side && side !== 'all' && okNumber(from) && okNumber(to)) {
        const parity = side === 'odd' ? 1 : 0;
        if (from! % 2 !== parity) messages.push(`起始门牌：${side === 'odd' ? '单号' : '双号'}范围应从${side === 'odd' ? '单' : '双'}号开始`);
        if (to! % 2 !== parity) messages.push(`结束门牌：${side === 'odd' ? '单号' : '双号'}范围应以${side === 'odd' ? '单' : '双'}号结束`);
      }
      if (messages.length === before && side) match = { kind, road, side, from: from!, to: to! };
    } else if (kind === 'estate') {
      const name = v['小区名称'] ?? '';
      if (Array.from(normalizeAddress(name).normalized).length < 2) messages.push('小区名称：至少2个字');
      else match = { kind, name, aliases: splitList(v['别名']) };
    }

    const names = splitList(v['学校名称']);
    const schoolIds: string[] = [];
    if (!names.length) messages.push('学校名称：不能为空');
    for (const n of names) {
      const s = schoolsByName.get(n);
      if (!s) messages.push(`学校名称：本区没有“${n}”（请先导入学校）`);
      else if (stage && !s.stages.includes(stage)) messages.push(`学校名称：“${n}”不招收${label(STAGE_BY_LABEL, stage)}`);
      else if (!schoolIds.includes(s._id)) schoolIds.push(s._id);
    }
    const text = v['规则原文'] ?? '';
    if (!text) messages.push('规则原文：不能为空');
    else if (text.length > 500) messages.push('规则原文：不超过500字');
    const title = v['文件名称'] ?? '';
    if (!title) messages.push('文件名称：不能为空');
    const date = v['发文日期'] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) messages.push('发文日期：应为YYYY-MM-DD格式的有效日期');

    if (messages.length || !match || !stage || year === null) return { row, outcome: 'error', messages, doc: null };
    const draft = { districtCode: ctx.districtCode, schoolYear: year, stage, match };
    const key = zoningKey(draft);
    if (firstRow.has(key)) return { row, outcome: 'error', messages: [`与第${firstRow.get(key)}行的划片范围重复（学年、学段、${label(MATCH_BY_LABEL, match.kind)}相同）`], doc: null };
    firstRow.set(key, row);
    const old = existingByKey.get(key);
    const doc: ZoningRule = {
      _id: old?._id ?? newZoningId(key),
      ...draft,
      schoolIds,
      text,
      document: { title, issuer: old?.document.issuer ?? ctx.issuer, date, number: v['文号'] || null },
      sample: false,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc };
    if (zoningStamp(old) === zoningStamp(doc)) return { row, outcome: 'unchanged', messages: [], doc: old };
    return { row, outcome: 'changed', messages: [], doc };
  });
}

export function zoningToRow(r: ZoningRule, schoolName: (id: string) => string): string[] {
  const m = r.match;
  return [
    String(r.schoolYear),
    label(STAGE_BY_LABEL, r.stage),
    label(MATCH_BY_LABEL, m.kind),
    m.kind === 'community' ? m.communityCode : '',
    m.kind === 'road' ? m.road : '',
    m.kind === 'road' ? label(SIDE_BY_LABEL, m.side) : '',
    m.kind === 'road' ? String(m.from) : '',
    m.kind === 'road' ? String(m.to) : '',
    m.kind === 'estate' ? m.name : '',
    m.kind === 'estate' ? m.aliases.join('、') : '',
    r.schoolIds.map(schoolName).join('、'),
    r.text,
    r.document.title,
    r.document.number ?? '',
    r.document.date,
  ];
}
