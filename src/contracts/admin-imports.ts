import { z } from 'zod';
import { clientKey, requestId } from './fields';
import { named } from './messages';
import { MAX_PIECES, PIECE_BYTES, utf8Bytes } from '../domain/imports/pieces';
import type { ImportTable, RowOutcome } from '../domain/imports/common';
import type { PhraseStatus } from '../domain/catchment/types';

/** `admin` actions of the bureau's CSV/XLSX imports (schools, zoning rules, teacher roster, 登记范围) and exports. */
const table = z.enum(['schools', 'zoning', 'teachers', 'catchments'], {
  errorMap: () => ({
    message: '数据表（table）应为 schools（学校）、zoning（划片规则）、teachers（教师名册）或 catchments（登记范围）',
  }),
});
const format = z.enum(['csv', 'xlsx'], { errorMap: () => ({ message: '文件格式（format）应为 csv 或 xlsx' }) });
const notTooBig = (v: string) => utf8Bytes(v) <= PIECE_BYTES;
const tooBig = (field: string) => `${field}不能超过${PIECE_BYTES / 1000}KB，较大的文件请分段上传`;
const uploadId = clientKey('uploadId', '上传编号');
/** The file, either inline (small files) or by the id of an upload. */
const content = z
  .string(named('content', '文件内容'))
  .min(1, '文件内容（content）为空')
  .refine(notTooBig, tooBig('文件内容（content）'));
/** A CSV may come as text or as its bytes in base64 (then UTF-8 or GBK is told apart on the server); XLSX is always base64. */
const encoding = z
  .enum(['text', 'base64'], { errorMap: () => ({ message: '编码（encoding）应为 text 或 base64' }) })
  .default('text');
/** Teacher roster only: the file is the whole roster, so teachers missing from it are removed. */
const replace = z.boolean(named('replace', '全量替换')).default(false);
const file = z.object({ table, format, encoding, replace, content: content.optional(), uploadId: uploadId.optional() });
const oneSource = <T extends { content?: string; uploadId?: string; table: string; replace: boolean }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if ((v.content === undefined) === (v.uploadId === undefined))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['content'],
      message: '请提供文件内容（content）或上传编号（uploadId）其中之一',
    });
  if (v.replace && v.table !== 'teachers')
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['replace'],
      message: '只有教师名册可以按文件全量替换（replace）',
    });
};

export const importsInputs = {
  /** One piece of a large file; pieces may come in any order and again (idempotent). */
  importUpload: z
    .object({
      uploadId,
      index: z
        .number(named('index', '分段序号'))
        .int()
        .min(0, '分段序号（index）不能为负')
        .max(MAX_PIECES - 1, `文件最多分${MAX_PIECES}段上传（index）`),
      total: z
        .number(named('total', '分段总数'))
        .int()
        .min(1, '分段总数（total）至少为1')
        .max(MAX_PIECES, `文件不能超过5MB（最多${MAX_PIECES}段，total）`),
      piece: z
        .string(named('piece', '分段内容'))
        .min(1, '分段内容（piece）为空')
        .refine(notTooBig, tooBig('分段内容（piece）')),
    })
    .strict()
    .refine((v) => v.index < v.total, { message: '分段序号（index）应小于分段总数（total）', path: ['index'] }),
  /** Dry run: every row's outcome and errors; writes nothing. */
  importPreview: file.strict().superRefine(oneSource),
  /** All or nothing, in one transaction; idempotent by requestId (a retry returns the first result). */
  importApply: file.extend({ requestId }).strict().superRefine(oneSource),
  exportTable: z
    .object({
      table,
      format: z.literal('csv', { errorMap: () => ({ message: '导出格式（format）目前只支持 csv' }) }).default('csv'),
    })
    .strict(),
};

export interface UploadReceipt {
  uploadId: string;
  /** Pieces of this upload stored so far. */
  received: number;
  total: number;
}

/** One phrase of a 登记范围 and how it was read (unread: 未能识别, shown to the bureau; it does not block the import). */
export interface ImportPhraseView {
  text: string;
  /** The 街道 section header the phrase falls under, if any. */
  street: string | null;
  status: PhraseStatus;
  /** How it was read, in Chinese, or why not. */
  reading: string;
}

export interface ImportRowView {
  row: number;
  outcome: RowOutcome;
  /** What the row is, e.g. the school's name (with 学年 and 学段 for 登记范围), the rule's text or the teacher's name. */
  label: string;
  messages: string[];
  /** 修改 rows: each column that changes, old → new (values cut to 40 characters, 8 columns at most). */
  changes?: Array<{ field: string; from: string; to: string }>;
  /** Valid but implausible (e.g. coordinates far from the district, a road range another school's rule covers): does not block the import. */
  warnings?: string[];
  /** 登记范围 only: every phrase of the text and its reading (left out past the preview's size budget). */
  phrases?: ImportPhraseView[];
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
  /** Replace mode: what the import would remove (teachers missing from the file), e.g. “李老师（HD-0001）”. */
  removals: string[];
  /** 登记范围: schools the import creates or makes 九年一贯, e.g. “新增学校：新建小学（小学）”. */
  schoolChanges: string[];
  /** 登记范围: rows whose phrases are left out of this preview to keep the answer small (the import reads them all). */
  phrasesOmitted: number;
  /** True when the import can be applied (no file or row errors, at most MAX_IMPORT_WRITES writes and removals). */
  ok: boolean;
}

export interface ImportResult {
  table: ImportTable;
  counts: ImportCounts;
  /** Documents of the table written (new + changed). */
  written: number;
  /** Documents removed (replace mode). */
  removed: number;
  /** Schools the import updated: teacher counts from the roster, or schools 登记范围 created or made 九年一贯. */
  schoolsUpdated: number;
  /** The reference data version after the import (unchanged when nothing was written). */
  referenceVersion: number;
  /** True when this requestId was applied before: nothing written this time. */
  duplicate: boolean;
}

/** An exported table: inline when small, else a file in cloud storage (never truncated). */
export type ExportFile =
  | {
      filename: string;
      /** CSV text with a UTF-8 BOM. */
      content: string;
      rows: number;
    }
  | {
      filename: string;
      rows: number;
      /** UTF-8 size of the stored CSV. */
      bytes: number;
      /** The CSV in cloud storage (wx.cloud.downloadFile) and a download link valid for an hour. */
      fileID: string;
      tempFileURL: string;
    };

export interface ImportsOutputs {
  importUpload: UploadReceipt;
  importPreview: ImportPreview;
  importApply: ImportResult;
  exportTable: ExportFile;
}
