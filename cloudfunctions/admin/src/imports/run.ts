import type { z } from 'zod';
import {
  headerErrors,
  IMPORT_HEADERS,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_WRITES,
  rowsOf,
  schoolToRow,
  validateSchoolRows,
  validateZoningRows,
  zoningToRow,
  type ImportTable,
  type RowResult,
} from '../../../../src/domain/imports';
import type { School } from '../../../../src/domain/school';
import type { ZoningRule } from '../../../../src/domain/zoning';
import { COLLECTIONS } from '../../../../src/contracts/collections';
import type { ExportFile, ImportCounts, ImportPreview, ImportResult, importsInputs } from '../../../../src/contracts/admin-imports';
import type { ActionContext } from '../../../../src/server/handler';
import { AppError, forbidden, notFound } from '../../../../src/server/errors';
import { fieldsOf, runTransaction } from '../../../../src/server/cloud';
import { districtData, type DistrictData } from '../../../../src/server/district-cache';
import { bumpReferenceVersion, referenceVersion } from '../../../../src/server/repositories/meta';
import { fetchById } from '../../../../src/server/repositories/query';
import { listZoningRules } from '../../../../src/server/repositories/reference';
import type { UserProfile } from '../../../../src/domain/roles';
import { parseTable, toCsv } from './parse';

type FileInput = z.output<typeof importsInputs.importPreview>;
type ApplyInput = z.output<typeof importsInputs.importApply>;
type ExportInput = z.output<typeof importsInputs.exportTable>;

interface Scope {
  user: UserProfile;
  districtCode: string;
  data: DistrictData;
}

async function scopeOf(ctx: ActionContext): Promise<Scope> {
  const user = await ctx.user();
  if (!user?.roles.includes('bureau') || !user.districtCode) throw forbidden('只有区教育局可以导入或导出数据');
  const data = await districtData(user.districtCode);
  if (!data) throw notFound('本区数据');
  return { user, districtCode: user.districtCode, data };
}

interface Checked {
  fileErrors: string[];
  results: Array<RowResult<School | ZoningRule>>;
}

async function check(scope: Scope, input: FileInput): Promise<Checked> {
  const parsed = await parseTable(input.format, input.content);
  const fileErrors = headerErrors(input.table, parsed.headers);
  if (parsed.rows.length > MAX_IMPORT_ROWS) fileErrors.push(`文件最多${MAX_IMPORT_ROWS}行数据（现有${parsed.rows.length}行），请拆分后分别导入`);
  if (fileErrors.length) return { fileErrors, results: [] };
  const rows = rowsOf(parsed.headers, parsed.rows);
  if (!rows.length) return { fileErrors: ['文件中没有数据行'], results: [] };
  if (input.table === 'schools') return { fileErrors, results: validateSchoolRows(scope.districtCode, rows, scope.data.schools) };
  // The cache holds the rules by year only; read them fresh so a key lookup sees every rule.
  const existing = await listZoningRules(scope.districtCode);
  const communityCodes = new Set(scope.data.divisions.filter((d) => d.level === 'community').map((d) => d.code));
  return {
    fileErrors,
    results: validateZoningRows({ districtCode: scope.districtCode, schools: scope.data.schools, communityCodes, existing, issuer: `${scope.data.district.name}教育局` }, rows),
  };
}

function countsOf(results: ReadonlyArray<RowResult<unknown>>): ImportCounts {
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}

const labelOf = (table: ImportTable, r: RowResult<School | ZoningRule>) =>
  !r.doc ? '' : table === 'schools' ? (r.doc as School).name : (r.doc as ZoningRule).text;

function tooManyWrites(counts: ImportCounts): string | null {
  const writes = counts.new + counts.changed;
  return writes > MAX_IMPORT_WRITES ? `一次最多导入${MAX_IMPORT_WRITES}条新增或修改的数据（本文件有${writes}条），请拆分文件后分批导入` : null;
}

export async function importPreview(input: FileInput, ctx: ActionContext): Promise<ImportPreview> {
  const scope = await scopeOf(ctx);
  const { fileErrors, results } = await check(scope, input);
  const counts = countsOf(results);
  const over = tooManyWrites(counts);
  if (over) fileErrors.push(over);
  return {
    table: input.table,
    fileErrors,
    rows: results.map((r) => ({ row: r.row, outcome: r.outcome, label: labelOf(input.table, r), messages: r.messages })),
    counts,
    ok: fileErrors.length === 0 && counts.error === 0,
  };
}

/** One applied import, kept in meta under its request id: what makes importApply idempotent. */
interface ImportRecord {
  _id: string;
  kind: 'import';
  districtCode: string;
  requestId: string;
  by: string;
  at: number;
  result: Omit<ImportResult, 'duplicate'>;
}
const recordId = (districtCode: string, requestId: string) => `import-${districtCode}-${requestId}`;

/** Writes every new or changed row and bumps meta/reference in one transaction; nothing on any error. */
export async function importApply(input: ApplyInput, ctx: ActionContext): Promise<ImportResult> {
  const scope = await scopeOf(ctx);
  const id = recordId(scope.districtCode, input.requestId);
  const done = await fetchById<ImportRecord>(COLLECTIONS.meta, id);
  if (done) return { ...done.result, duplicate: true };
  const { fileErrors, results } = await check(scope, input);
  if (fileErrors.length) throw new AppError('INVALID_INPUT', `文件有误，未导入任何数据：${fileErrors.join('；')}`, 'content');
  const counts = countsOf(results);
  const bad = results.filter((r) => r.outcome === 'error');
  if (bad.length) {
    const first = bad.slice(0, 3).map((r) => `第${r.row}行：${r.messages.join('；')}`).join('；');
    throw new AppError('INVALID_INPUT', `有${bad.length}行数据有误，未导入任何数据。${first}${bad.length > 3 ? '……' : ''}`, 'content');
  }
  const over = tooManyWrites(counts);
  if (over) throw new AppError('INVALID_INPUT', over, 'content');
  const writes = results.filter((r) => r.outcome === 'new' || r.outcome === 'changed').map((r) => r.doc!);
  const collection = input.table === 'schools' ? COLLECTIONS.schools : COLLECTIONS.zoningRules;

  return runTransaction(async (tx) => {
    const recordRef = tx.collection(COLLECTIONS.meta).doc(id);
    const previous = (await recordRef.get().catch(() => ({ data: null }))).data as ImportRecord | null;
    if (previous) return { ...previous.result, duplicate: true };
    for (const doc of writes) {
      await tx.collection(collection).doc(doc._id).set({ data: { ...fieldsOf(doc), importRequestId: input.requestId } as unknown as Record<string, unknown> });
    }
    const version = writes.length ? await bumpReferenceVersion(tx) : await referenceVersion();
    const result = { table: input.table, counts, written: writes.length, referenceVersion: version };
    const record: ImportRecord = { _id: id, kind: 'import', districtCode: scope.districtCode, requestId: input.requestId, by: scope.user._id, at: ctx.now, result };
    await recordRef.set({ data: fieldsOf(record) as unknown as Record<string, unknown> });
    return { ...result, duplicate: false };
  });
}

/** The district's schools or zoning rules as CSV with the import's headers (re-imports as unchanged). */
export async function exportTable(input: ExportInput, ctx: ActionContext): Promise<ExportFile> {
  const scope = await scopeOf(ctx);
  const name = scope.data.district.name;
  if (input.table === 'schools') {
    const schools = [...scope.data.schools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { filename: `${name}学校.csv`, content: toCsv(IMPORT_HEADERS.schools, schools.map(schoolToRow)), rows: schools.length };
  }
  const names = new Map(scope.data.schools.map((s) => [s._id, s.name]));
  const rules = (await listZoningRules(scope.districtCode)).sort((a, b) => a.schoolYear - b.schoolYear || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return { filename: `${name}划片规则.csv`, content: toCsv(IMPORT_HEADERS.zoning, rules.map((r) => zoningToRow(r, (sid) => names.get(sid) ?? sid))), rows: rules.length };
}
