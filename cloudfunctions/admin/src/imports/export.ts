import { randomBytes } from 'crypto';
import cloud from 'wx-server-sdk';
import type { z } from 'zod';
import { csvText, utf8Bytes } from '@/domain/csv';
import { catchmentToRow, IMPORT_HEADERS, schoolToRow, teacherToRow, zoningToRow } from '@/domain/imports';
import { STAGE_ORDER } from '@/domain/stages';
import type { ExportFile, importsInputs } from '@/contracts/admin-imports';
import type { ActionContext } from '@/server/handler';
import { listCatchments, listZoningRules } from '@/server/repositories/reference';
import { listRoster } from '@/server/repositories/roster';
import { importScope, type ImportScope } from './scope';

type ExportInput = z.output<typeof importsInputs.exportTable>;

/**
 * Largest CSV answered inline (UTF-8 bytes). A function's response may be 6 MB (JSON, so a CSV with
 * quotes grows when escaped); 1 MB keeps every answer far below it and small tables in one round trip.
 * Larger files go to cloud storage and the answer carries the file: never a truncated table.
 */
export const INLINE_EXPORT_BYTES = 1_000_000;
/** How long the download link stays valid (s): enough to download now, not a standing public link. */
const LINK_SECONDS = 3600;

/** Inline when small, else written to cloud storage (exports/<district>/…) with a download link. */
async function deliver(
  districtCode: string,
  filename: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  now: number,
): Promise<ExportFile> {
  const content = csvText(headers, rows);
  const bytes = utf8Bytes(content);
  if (bytes <= INLINE_EXPORT_BYTES) return { filename, content, rows: rows.length };
  // Unguessable name: where the bucket lets clients read, the fileID is the only key to a roster.
  const cloudPath = `exports/${districtCode}/${now}-${randomBytes(16).toString('hex')}.csv`;
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(content, 'utf8') });
  // Typed `void |` for the callback form; the promise form always answers the list.
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })) as {
    fileList: Array<{ status: number; tempFileURL: string; errMsg?: string }>;
  };
  const link = links.fileList[0];
  if (!link || link.status !== 0 || !link.tempFileURL)
    throw new Error(`export file link failed: ${link?.errMsg ?? 'no link'}`);
  return { filename, rows: rows.length, bytes, fileID, tempFileURL: link.tempFileURL };
}
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The export's file name after the district's name. */
const FILE_NAMES: Record<ExportInput['table'], string> = {
  schools: '学校',
  teachers: '教师名册',
  catchments: '登记范围',
  zoning: '划片规则',
};

/** A table's stored rows in the export's order, as the import reads them (`nameOf`: a school id's name). */
async function rowsOf(
  table: ExportInput['table'],
  { districtCode, data }: ImportScope,
  nameOf: (id: string) => string,
): Promise<string[][]> {
  switch (table) {
    case 'schools':
      return [...data.schools].sort((a, b) => byText(a.name, b.name)).map(schoolToRow);
    case 'teachers':
      return (await listRoster(districtCode))
        .sort((a, b) => byText(nameOf(a.schoolId), nameOf(b.schoolId)) || byText(a.staffNo, b.staffNo))
        .map((t) => teacherToRow(t, nameOf));
    case 'catchments':
      return (await listCatchments(districtCode))
        .sort(
          (a, b) =>
            a.intakeYear - b.intakeYear ||
            STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
            byText(nameOf(a.schoolId), nameOf(b.schoolId)),
        )
        .map((c) => catchmentToRow(c, nameOf));
    default:
      return (await listZoningRules(districtCode))
        .sort((a, b) => a.schoolYear - b.schoolYear || byText(a._id, b._id))
        .map((r) => zoningToRow(r, nameOf));
  }
}

/** The district's schools, zoning rules, roster or 登记范围 as CSV with the import's headers (re-imports as unchanged). */
export async function exportTable(input: ExportInput, ctx: ActionContext): Promise<ExportFile> {
  const scope = await importScope(ctx);
  const schoolName = new Map(scope.data.schools.map((s) => [s._id, s.name]));
  const rows = await rowsOf(input.table, scope, (id) => schoolName.get(id) ?? id);
  const filename = `${scope.data.district.name}${FILE_NAMES[input.table]}.csv`;
  return deliver(scope.districtCode, filename, IMPORT_HEADERS[input.table], rows, ctx.now);
}
