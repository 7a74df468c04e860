import { z } from 'zod';
import type { ImportTable, RowOutcome } from '../domain/imports';

/** `admin` actions of the bureau's CSV/XLSX imports (schools, zoning rules) and exports. */
const table = z.enum(['schools', 'zoning'], { errorMap: () => ({ message: '数据表（table）应为 schools（学校）或 zoning（划片规则）' }) });
const format = z.enum(['csv', 'xlsx'], { errorMap: () => ({ message: '文件格式（format）应为 csv 或 xlsx' }) });
/** CSV as text, XLSX as base64; 5 MB of file at most (base64 is 4/3 of it). */
const content = z
  .string({ required_error: '缺少文件内容（content）', invalid_type_error: '文件内容（content）应为文本' })
  .min(1, '文件内容（content）为空')
  .max(7_000_000, '文件（content）不能超过5MB');
const file = z.object({ table, format, content });

export const importsInputs = {
  /** Dry run: every row's outcome and errors; writes nothing. */
  importPreview: file.strict(),
  /** All or nothing, in one transaction; idempotent by requestId (a retry returns the first result). */
  importApply: file
    .extend({ requestId: z.string({ required_error: '缺少请求编号（requestId）', invalid_type_error: '请求编号（requestId）应为文本' }).regex(/^[\w-]{8,64}$/, '请求编号（requestId）格式不正确') })
    .strict(),
  exportTable: z.object({ table, format: z.literal('csv', { errorMap: () => ({ message: '导出格式（format）目前只支持 csv' }) }).default('csv') }).strict(),
};

export interface ImportRowView {
  row: number;
  outcome: RowOutcome;
  /** What the row is, e.g. the school's name or the rule's text. */
  label: string;
  messages: string[];
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  error: number;
}

export interface ImportPreview {
  table: ImportTable;
  /** Problems of the whole file (headers, size); rows are empty when there are any. */
  fileErrors: string[];
  rows: ImportRowView[];
  counts: ImportCounts;
  /** True when the import can be applied (no file or row errors, at most MAX_IMPORT_WRITES writes). */
  ok: boolean;
}

export interface ImportResult {
  table: ImportTable;
  counts: ImportCounts;
  /** Documents written (new + changed). */
  written: number;
  /** The reference data version after the import (unchanged when nothing was written). */
  referenceVersion: number;
  /** True when this requestId was applied before: nothing written this time. */
  duplicate: boolean;
}

export interface ExportFile {
  filename: string;
  /** CSV text with a UTF-8 BOM. */
  content: string;
  rows: number;
}

export interface ImportsOutputs {
  importPreview: ImportPreview;
  importApply: ImportResult;
  exportTable: ExportFile;
}
