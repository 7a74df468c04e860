import type { CatchmentDoc } from '../catchment';
import { distanceMetres, type LatLng } from '../geo';
import type { RosterTeacher } from '../roster';
import type { School } from '../school';
import type { ZoningRule } from '../zoning';
import type { ZoningMatch } from '../zoning-match';
import { IMPORT_HEADERS, label, SIDE_BY_LABEL, type FieldChange, type ImportTable, type RowResult } from './common';
import { overlaps } from './contradictions';
import { catchmentToRow } from './catchments';
import { schoolToRow } from './schools';
import { teacherToRow } from './teachers';
import { zoningToRow } from './zoning';

/**
 * What an import preview tells beyond valid/invalid: for a 修改 row, which columns change (old → new), and
 * warnings about data that is valid but implausible (a school far from the rest of its district, a road
 * range another school's rule also covers). Warnings never block the import.
 */

/** Characters of one value shown in a change at most (a 登记范围 text may be 20,000). */
export const CHANGE_VALUE_CHARS = 40;
/** Columns listed per 修改 row at most. */
export const MAX_CHANGES_PER_ROW = 8;
/** A school further than this from the middle of its district's other schools is probably misplaced. */
export const FAR_FROM_DISTRICT_M = 30_000;

const cut = (text: string, max: number) => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};
const shown = (text: string) => (text === '' ? '（空）' : cut(text, CHANGE_VALUE_CHARS));

/** The columns whose values differ between two rows of the same table, in column order, values cut short. */
export function fieldChanges(headers: readonly string[], before: readonly string[], after: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  headers.forEach((field, i) => {
    const from = before[i] ?? '';
    const to = after[i] ?? '';
    if (from !== to) out.push({ field, from: shown(from), to: shown(to) });
  });
  return out.slice(0, MAX_CHANGES_PER_ROW);
}

type Doc = School | ZoningRule | RosterTeacher | CatchmentDoc;

/** A stored document and the file's as rows of the table's columns (what an export would write). */
function asRow(table: ImportTable, doc: Doc, schoolName: (id: string) => string): string[] {
  if (table === 'schools') return schoolToRow(doc as School);
  if (table === 'teachers') return teacherToRow(doc as RosterTeacher, schoolName);
  if (table === 'zoning') return zoningToRow(doc as ZoningRule, schoolName);
  return catchmentToRow(doc as CatchmentDoc, schoolName);
}

/** The columns a 修改 row changes, old → new; empty for other rows. */
export function rowChanges(table: ImportTable, r: RowResult<Doc>, schoolName: (id: string) => string): FieldChange[] {
  if (r.outcome !== 'changed' || !r.previous || !r.doc) return [];
  return fieldChanges(IMPORT_HEADERS[table], asRow(table, r.previous, schoolName), asRow(table, r.doc, schoolName));
}

/** The middle of some points: the median latitude and longitude (one misplaced school does not move it). */
export function middleOf(points: readonly LatLng[]): LatLng | null {
  if (!points.length) return null;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return { latitude: median(points.map((p) => p.latitude)), longitude: median(points.map((p) => p.longitude)) };
}

/**
 * Schools rows whose coordinates lie far from the district: further than FAR_FROM_DISTRICT_M from the middle
 * of the district's other schools (stored, with the file's changes). Returns row number → warning.
 */
export function locationWarnings(results: ReadonlyArray<RowResult<School>>, existing: readonly School[], districtName: string): Map<number, string> {
  const fromFile = new Map(results.filter((r) => r.doc && r.outcome !== 'error').map((r) => [r.doc!._id, r.doc!]));
  const all = [...existing.filter((s) => !fromFile.has(s._id)), ...fromFile.values()];
  const out = new Map<number, string>();
  for (const r of results) {
    const loc = r.outcome !== 'error' && r.outcome !== 'unchanged' ? r.doc?.location : null;
    if (!loc) continue;
    const centre = middleOf(all.filter((s) => s._id !== r.doc!._id && s.location).map((s) => s.location!));
    if (!centre) continue;
    const metres = distanceMetres(centre, loc);
    if (metres <= FAR_FROM_DISTRICT_M) continue;
    const km = Math.round(metres / 1000);
    out.set(r.row, `纬度、经度：${r.doc!.name}距${districtName}其他学校约${km}公里，可能不在本区（是否填错或纬度、经度颠倒？）`);
  }
  return out;
}

const rangeText = (m: Extract<ZoningMatch, { kind: 'road' }>) => `${m.road}${m.from}–${m.to}号（${label(SIDE_BY_LABEL, m.side)}）`;

/**
 * Road rows whose range shares addresses with another school's range on the same road (same 学年 and 学段):
 * another row of the file, or a stored rule the file does not replace. Returns row number → warnings.
 */
export function roadOverlapWarnings(results: ReadonlyArray<RowResult<ZoningRule>>, existing: readonly ZoningRule[], schoolName: (id: string) => string): Map<number, string[]> {
  const ok = results.filter((r) => r.doc && r.outcome !== 'error' && r.doc.match.kind === 'road');
  const replaced = new Set(results.filter((r) => r.doc && r.outcome !== 'error').map((r) => r.doc!._id));
  const stored = existing.filter((e) => e.match.kind === 'road' && !replaced.has(e._id));
  const names = (ids: readonly string[]) => ids.map(schoolName).join('、');
  const out = new Map<number, string[]>();
  const others = (a: ZoningRule, b: ZoningRule) =>
    a.schoolYear === b.schoolYear && a.stage === b.stage && b.schoolIds.some((id) => !a.schoolIds.includes(id)) && overlaps(a.match, b.match, new Map());
  for (const r of ok) {
    const a = r.doc!;
    const list: string[] = [];
    for (const o of ok) {
      if (o === r || !others(a, o.doc!)) continue;
      list.push(`道路、起始门牌、结束门牌：${rangeText(a.match as never)}与第${o.row}行${names(o.doc!.schoolIds)}的${rangeText(o.doc!.match as never)}重叠`);
    }
    for (const e of stored) {
      if (!others(a, e)) continue;
      list.push(`道路、起始门牌、结束门牌：${rangeText(a.match as never)}与已有规则${names(e.schoolIds)}的${rangeText(e.match as never)}重叠`);
    }
    if (list.length) out.set(r.row, list.slice(0, 5));
  }
  return out;
}

export interface ReviewContext {
  schools: readonly School[];
  districtName: string;
  /** Zoning imports: the district's stored rules. */
  rules?: readonly ZoningRule[];
}

/** The rows with their changes (修改) and warnings filled in. */
export function reviewRows<R extends RowResult<Doc>>(table: ImportTable, results: readonly R[], ctx: ReviewContext): R[] {
  const byId = new Map(ctx.schools.map((s) => [s._id, s.name]));
  const schoolName = (id: string) => byId.get(id) ?? id;
  const warnings = new Map<number, string[]>();
  if (table === 'schools') for (const [row, w] of locationWarnings(results as unknown as RowResult<School>[], ctx.schools, ctx.districtName)) warnings.set(row, [w]);
  if (table === 'zoning') for (const [row, w] of roadOverlapWarnings(results as unknown as RowResult<ZoningRule>[], ctx.rules ?? [], schoolName)) warnings.set(row, w);
  return results.map((r) => {
    const changes = rowChanges(table, r, schoolName);
    const w = warnings.get(r.row);
    return { ...r, ...(changes.length ? { changes } : {}), ...(w ? { warnings: w } : {}) };
  });
}

/** The changes and warnings a row carries, only when it has any (what the preview sends per row). */
export const reviewOf = (r: RowResult<unknown>): { changes?: FieldChange[]; warnings?: string[] } => ({
  ...(r.changes?.length ? { changes: r.changes } : {}),
  ...(r.warnings?.length ? { warnings: r.warnings } : {}),
});
