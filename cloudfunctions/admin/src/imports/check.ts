import type { z } from 'zod';
import {
  headerErrors,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_WRITES,
  reviewOf,
  reviewRows,
  rowsOf,
  validateSchoolRows,
  rosterLeftOut,
  validateTeacherRows,
  validateZoningRows,
  type CatchmentRowResult,
  type ImportTable,
  type RowResult,
  type SchoolChange,
} from '@/domain/imports';
import type { CatchmentDoc } from '@/domain/catchment/types';
import type { School } from '@/domain/school';
import type { ZoningRule } from '@/domain/zoning';
import type { RosterTeacher } from '@/domain/roster';
import type { ImportCounts, ImportRowView, importsInputs } from '@/contracts/admin-imports';
import { listZoningRules } from '@/server/repositories/reference';
import { listRoster } from '@/server/repositories/roster';
import { catchmentRowViews, checkCatchments } from './catchments';
import { parseTable } from './parse';
import { issuerOf, type ImportScope } from './scope';
import { uploadedContent } from './upload';

export type FileInput = z.output<typeof importsInputs.importPreview>;
export type ImportDoc = School | ZoningRule | RosterTeacher | CatchmentDoc;

export interface Checked {
  fileErrors: string[];
  results: Array<RowResult<ImportDoc>>;
  /** The district's roster before the import (teacher imports only): the school counts start from it. */
  roster: RosterTeacher[];
  /** Replace mode: roster entries the file leaves out. */
  removals: RosterTeacher[];
  /** 登记范围: schools the file names that the import creates or makes 九年一贯. */
  schools: SchoolChange[];
}

const none = { roster: [], removals: [], schools: [] };

/** Parses the file (inline or uploaded) and validates every row against the district's current data; `now` dates new documents. */
export async function checkFile(scope: ImportScope, input: FileInput, now: number): Promise<Checked> {
  const content = input.content ?? (await uploadedContent(scope.user._id, input.uploadId!));
  const parsed = await parseTable(input.format, content, input.encoding);
  const fileErrors = headerErrors(input.table, parsed.headers);
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    fileErrors.push(`文件最多${MAX_IMPORT_ROWS}行数据（现有${parsed.rows.length}行），请拆分后分别导入`);
  if (fileErrors.length) return { fileErrors, results: [], ...none };
  const rows = rowsOf(parsed.headers, parsed.rows);
  if (!rows.length) return { fileErrors: ['文件中没有数据行'], results: [], ...none };
  const { districtCode, data } = scope;
  const review = { schools: data.schools, districtName: data.district.name };
  if (input.table === 'schools')
    return {
      fileErrors,
      results: reviewRows('schools', validateSchoolRows(districtCode, rows, data.schools), review),
      ...none,
    };
  if (input.table === 'teachers') {
    const roster = await listRoster(districtCode);
    const results = reviewRows('teachers', validateTeacherRows(districtCode, rows, data.schools, roster), review);
    return { fileErrors, results, ...none, roster, removals: input.replace ? rosterLeftOut(roster, rows) : [] };
  }
  if (input.table === 'catchments') {
    const checked = await checkCatchments(scope, rows, now);
    // Schools the file creates are named too (their ids are new).
    const named = { ...review, schools: [...data.schools, ...checked.schools.map((c) => c.school)] };
    return { fileErrors, results: reviewRows('catchments', checked.rows, named), ...none, schools: checked.schools };
  }
  // The cache holds the rules by year only; read them fresh so a key lookup sees every rule.
  const existing = await listZoningRules(districtCode);
  const communityCodes = new Set(data.divisions.filter((d) => d.level === 'community').map((d) => d.code));
  const ctx = { districtCode, schools: data.schools, communityCodes, existing, issuer: issuerOf(scope) };
  return {
    fileErrors,
    results: reviewRows('zoning', validateZoningRows(ctx, rows), { ...review, rules: existing }),
    ...none,
  };
}

export function countsOf(results: ReadonlyArray<RowResult<unknown>>): ImportCounts {
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}

/** `others`: writes beside the table's own rows (removals, schools a 登记范围 file creates). */
export function tooManyWrites(counts: ImportCounts, others: number): string | null {
  const writes = counts.new + counts.changed + others;
  return writes > MAX_IMPORT_WRITES
    ? `一次最多导入${MAX_IMPORT_WRITES}条新增、修改或删除的数据（本文件有${writes}条），请拆分文件后分批导入`
    : null;
}

export const teacherLabel = (t: RosterTeacher) => `${t.name}（${t.staffNo}）`;
const labelOf = (table: ImportTable, doc: ImportDoc | null) =>
  !doc
    ? ''
    : table === 'schools'
      ? (doc as School).name
      : table === 'teachers'
        ? teacherLabel(doc as RosterTeacher)
        : (doc as ZoningRule).text;

const rowView = (table: ImportTable, r: RowResult<ImportDoc>): ImportRowView => ({
  row: r.row,
  outcome: r.outcome,
  label: labelOf(table, r.doc),
  messages: r.messages,
  ...reviewOf(r),
});

/** The preview's rows; 登记范围 rows carry their phrases (within the preview's size budget). */
export const rowViews = (table: ImportTable, results: ReadonlyArray<RowResult<ImportDoc>>) =>
  table === 'catchments'
    ? catchmentRowViews(results as CatchmentRowResult[])
    : { rows: results.map((r) => rowView(table, r)), phrasesOmitted: 0 };
