import type { SchoolKind } from '../school';
import type { Stage } from '../stages';
import type { ZoningMatch } from '../zoning-match';

/** Pure validation of imported rows (schools, zoning rules, teachers, 登记范围): what each row would write and why not. */
export type ImportTable = 'schools' | 'zoning' | 'teachers' | 'catchments';
export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'error';

export const IMPORT_HEADERS: Record<ImportTable, readonly string[]> = {
  schools: ['学校名称', '学段', '纬度', '经度', '教师人数'],
  zoning: [
    '学年',
    '学段',
    '类型',
    '社区代码',
    '道路',
    '单双号',
    '起始门牌',
    '结束门牌',
    '小区名称',
    '别名',
    '学校名称',
    '规则原文',
    '文件名称',
    '文号',
    '发文日期',
  ],
  teachers: ['工号', '姓名', '学校名称', '学科', '骨干教师'],
  catchments: ['学校名称', '学段', '学年', '划片方式', '登记范围', '依据文件'],
};
/** Columns a file must have (the others may be left out). */
const REQUIRED: Record<ImportTable, readonly string[]> = {
  schools: ['学校名称', '学段'],
  zoning: ['学年', '学段', '类型', '学校名称', '规则原文', '文件名称', '发文日期'],
  teachers: ['工号', '姓名', '学校名称'],
  catchments: ['学校名称', '学段', '学年', '划片方式', '登记范围', '依据文件'],
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
  /** 修改 rows: the stored document the row changes. */
  previous?: D;
  /** 修改 rows: each column that changes, old → new (see rowChanges). */
  changes?: FieldChange[];
  /** Plausibility warnings (do not block the import), each naming the column and what it conflicts with. */
  warnings?: string[];
}

/** One column of a 修改 row: its value stored now and in the file. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** Header problems of a whole file, in Chinese; empty when the file can be read row by row. */
export function headerErrors(table: ImportTable, headers: readonly string[]): string[] {
  const errors: string[] = [];
  const missing = REQUIRED[table].filter((h) => !headers.includes(h));
  if (missing.length)
    errors.push(`缺少列：${missing.join('、')}（第1行应为表头：${IMPORT_HEADERS[table].join('、')}）`);
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h)) errors.push(`列“${h}”重复`);
    seen.add(h);
  }
  return errors;
}

/** Rows as header → cell text (trimmed); blank rows are dropped, keeping the file's row numbers. */
export function rowsOf(
  headers: readonly string[],
  cells: ReadonlyArray<readonly string[]>,
): Array<{ row: number; values: RawRow }> {
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
export function hash(text: string): string {
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

export const KIND_BY_LABEL: Record<string, SchoolKind> = { 小学: 'primary', 初中: 'middle', 九年一贯制: 'nine-year' };
export const STAGE_BY_LABEL: Record<string, Stage> = { 小学: 'primary', 初中: 'middle' };
export const MATCH_BY_LABEL: Record<string, ZoningMatch['kind']> = { 社区: 'community', 道路: 'road', 小区: 'estate' };
export const SIDE_BY_LABEL: Record<string, 'odd' | 'even' | 'all'> = { 单号: 'odd', 双号: 'even', 全部: 'all' };
/** A label's value, never an inherited property (a cell “constructor” is not a label). */
export const byLabel = <K extends string>(map: Record<string, K>, text: string | undefined): K | null =>
  text !== undefined && Object.prototype.hasOwnProperty.call(map, text) ? map[text] : null;
export const label = <K extends string>(map: Record<string, K>, value: K) =>
  Object.keys(map).find((k) => map[k] === value) ?? value;

/** A number cell: null when blank, NaN when not a number. */
export function numberCell(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** A 学年 cell (2000–2100), or null with the problem added to `messages`. */
export function yearCell(text: string | undefined, messages: string[]): number | null {
  const year = numberCell(text);
  if (year !== null && Number.isInteger(year) && year >= 2000 && year <= 2100) return year;
  messages.push('学年：应为2000到2100之间的年份，如2026');
  return null;
}

/** A 学段 cell of a stage (小学 / 初中), or null with the problem added to `messages`. */
export function stageCell(text: string | undefined, messages: string[]): Stage | null {
  const stage = byLabel(STAGE_BY_LABEL, text);
  if (!stage) messages.push(`学段：应为小学或初中（现为“${text ?? ''}”）`);
  return stage;
}
