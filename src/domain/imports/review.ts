import type { CatchmentDoc } from '../catchment';
import { distanceMetres, type LatLng } from '../geo';
import type { RosterTeacher } from '../roster';
import type { School } from '../school';
import type { ZoningRule } from '../zoning';
import type { ZoningMatch } from '../zoning-match';
import { IMPORT_HEADERS, label, SIDE_BY_LABEL, type FieldChange, type ImportTable, type RowResult } from './common';
import { overlaps, roadKey } from './contradictions';
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
export function fieldChanges(
  headers: readonly string[],
  before: readonly string[],
  after: readonly string[],
): FieldChange[] {
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
  return {
    latitude: medianLeaving(sorted(points.map((p) => p.latitude)), null),
    longitude: medianLeaving(sorted(points.map((p) => p.longitude)), null),
  };
}

const sorted = (xs: number[]) => xs.sort((a, b) => a - b);

/** Median of sorted `s` without one occurrence of `drop` (null: drop nothing), in O(log n). */
function medianLeaving(s: readonly number[], drop: number | null): number {
  let i = s.length; // index removed: past the end when nothing is dropped
  if (drop !== null) {
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < drop) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  }
  const n = drop === null ? s.length : s.length - 1;
  const at = (k: number) => (k < i ? s[k] : s[k + 1]);
  const m = Math.floor(n / 2);
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/**
 * Schools rows whose coordinates lie far from the district: further than FAR_FROM_DISTRICT_M from the middle
 * of the district's other schools (stored, with the file's changes). Returns row number → warning.
 * Each row's "other schools" median is the district's sorted coordinates less its own: O(n log n) in all,
 * so a 5,000-row file costs no more than sorting it.
 */
export function locationWarnings(
  results: ReadonlyArray<RowResult<School>>,
  existing: readonly School[],
  districtName: string,
): Map<number, string> {
  const fromFile = new Map(results.filter((r) => r.doc && r.outcome !== 'error').map((r) => [r.doc!._id, r.doc!]));
  const located = [...existing.filter((s) => !fromFile.has(s._id)), ...fromFile.values()].filter((s) => s.location);
  const ownLocation = new Map(located.map((s) => [s._id, s.location!]));
  const lats = sorted(located.map((s) => s.location!.latitude));
  const lngs = sorted(located.map((s) => s.location!.longitude));
  const out = new Map<number, string>();
  for (const r of results) {
    const loc = r.outcome !== 'error' && r.outcome !== 'unchanged' ? r.doc?.location : null;
    if (!loc) continue;
    const own = ownLocation.get(r.doc!._id) ?? null;
    if (lats.length - (own ? 1 : 0) === 0) continue;
    const centre = {
      latitude: medianLeaving(lats, own?.latitude ?? null),
      longitude: medianLeaving(lngs, own?.longitude ?? null),
    };
    const metres = distanceMetres(centre, loc);
    if (metres <= FAR_FROM_DISTRICT_M) continue;
    const km = Math.round(metres / 1000);
    out.set(
      r.row,
      `纬度、经度：${r.doc!.name}距${districtName}其他学校约${km}公里，可能不在本区（是否填错或纬度、经度颠倒？）`,
    );
  }
  return out;
}

const rangeText = (m: Extract<ZoningMatch, { kind: 'road' }>) =>
  `${m.road}${m.from}–${m.to}号（${label(SIDE_BY_LABEL, m.side)}）`;

type RoadRule = ZoningRule & { match: Extract<ZoningMatch, { kind: 'road' }> };

/**
 * Road rows whose range shares addresses with another school's range on the same road (same 学年 and 学段):
 * another row of the file, or a stored rule the file does not replace. Returns row number → warnings.
 * Rules are grouped by 学年, 学段 and road and swept by start number, so the cost follows the ranges that
 * meet, not file rows × stored rules (a district may hold 100,000 rules).
 */
export function roadOverlapWarnings(
  results: ReadonlyArray<RowResult<ZoningRule>>,
  existing: readonly ZoningRule[],
  schoolName: (id: string) => string,
): Map<number, string[]> {
  const ok = results.filter((r) => r.doc && r.outcome !== 'error' && r.doc.match.kind === 'road');
  const replaced = new Set(results.filter((r) => r.doc && r.outcome !== 'error').map((r) => r.doc!._id));
  const stored = existing.filter((e) => e.match.kind === 'road' && !replaced.has(e._id)) as RoadRule[];
  const names = (ids: readonly string[]) => ids.map(schoolName).join('、');
  const others = (a: ZoningRule, b: ZoningRule) =>
    b.schoolIds.some((id) => !a.schoolIds.includes(id)) && overlaps(a.match, b.match, new Map());
  // Every rule of a group, file rows first (by position in `ok`) then stored (by position in `stored`).
  type Entry = { rule: RoadRule; fileIndex: number; storedIndex: number };
  const groups = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const key = `${e.rule.schoolYear}|${e.rule.stage}|${roadKey(e.rule.match.road)}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  };
  ok.forEach((r, fileIndex) => add({ rule: r.doc as RoadRule, fileIndex, storedIndex: -1 }));
  stored.forEach((rule, storedIndex) => add({ rule, fileIndex: -1, storedIndex }));
  const fileHits = new Map<number, number[]>(); // file index → file indexes it meets
  const storedHits = new Map<number, number[]>(); // file index → stored indexes it meets
  const push = (m: Map<number, number[]>, k: number, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const list of groups.values()) {
    list.sort((a, b) => a.rule.match.from - b.rule.match.from);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length && list[j].rule.match.from <= a.rule.match.to; j++) {
        const b = list[j];
        if (a.fileIndex >= 0 && others(a.rule, b.rule))
          push(b.fileIndex >= 0 ? fileHits : storedHits, a.fileIndex, b.fileIndex >= 0 ? b.fileIndex : b.storedIndex);
        if (b.fileIndex >= 0 && others(b.rule, a.rule))
          push(a.fileIndex >= 0 ? fileHits : storedHits, b.fileIndex, a.fileIndex >= 0 ? a.fileIndex : a.storedIndex);
      }
    }
  }
  const out = new Map<number, string[]>();
  ok.forEach((r, fileIndex) => {
    const a = r.doc!;
    const list: string[] = [];
    for (const k of (fileHits.get(fileIndex) ?? []).sort((x, y) => x - y)) {
      const o = ok[k];
      list.push(
        `道路、起始门牌、结束门牌：${rangeText(a.match as never)}与第${o.row}行${names(o.doc!.schoolIds)}的${rangeText(o.doc!.match as never)}重叠`,
      );
    }
    for (const k of (storedHits.get(fileIndex) ?? []).sort((x, y) => x - y)) {
      const e = stored[k];
      list.push(
        `道路、起始门牌、结束门牌：${rangeText(a.match as never)}与已有规则${names(e.schoolIds)}的${rangeText(e.match)}重叠`,
      );
    }
    if (list.length) out.set(r.row, list.slice(0, 5));
  });
  return out;
}

export interface ReviewContext {
  schools: readonly School[];
  districtName: string;
  /** Zoning imports: the district's stored rules. */
  rules?: readonly ZoningRule[];
}

/** The rows with their changes (修改) and warnings filled in. */
export function reviewRows<R extends RowResult<Doc>>(
  table: ImportTable,
  results: readonly R[],
  ctx: ReviewContext,
): R[] {
  const byId = new Map(ctx.schools.map((s) => [s._id, s.name]));
  const schoolName = (id: string) => byId.get(id) ?? id;
  const warnings = new Map<number, string[]>();
  if (table === 'schools')
    for (const [row, w] of locationWarnings(results as unknown as RowResult<School>[], ctx.schools, ctx.districtName))
      warnings.set(row, [w]);
  if (table === 'zoning')
    for (const [row, w] of roadOverlapWarnings(
      results as unknown as RowResult<ZoningRule>[],
      ctx.rules ?? [],
      schoolName,
    ))
      warnings.set(row, w);
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
