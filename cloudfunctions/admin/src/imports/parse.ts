import Papa from 'papaparse';
import { unescapeCell } from '@/domain/csv';
import { AppError } from '@/server/errors';
import { readFirstSheet, type SheetText } from './xlsx';

/** A parsed table: the header row and the rows under it, every cell as text. */
export interface ParsedTable {
  headers: string[];
  rows: string[][];
}

const MAX_BYTES = 5 * 1024 * 1024;
const tooLarge = () => new AppError('INVALID_INPUT', '文件不能超过5MB', 'content');

/** CSV (text or base64 bytes; a UTF-8 BOM is dropped) with papaparse; .xlsx (base64): its first sheet (xlsx.ts). */
export async function parseTable(
  format: 'csv' | 'xlsx',
  content: string,
  encoding: 'text' | 'base64' = 'text',
): Promise<ParsedTable> {
  if (format === 'csv') {
    const text = encoding === 'base64' ? csvText(Buffer.from(content, 'base64')) : content;
    if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw tooLarge();
    const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const [headers = [], ...rows] = res.data;
    return {
      headers: headers.map((h) => String(h ?? '').trim()),
      rows: trimTrailingEmpty(rows.map((r) => r.map((c) => unescapeCell(String(c ?? ''))))),
    };
  }
  const buffer = Buffer.from(content, 'base64');
  if (buffer.length > MAX_BYTES) throw tooLarge();
  let sheet: SheetText;
  try {
    sheet = await readFirstSheet(buffer);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', '无法读取该 xlsx 文件，请确认文件格式（另存为 .xlsx 后重试）', 'content');
  }
  const [headers = [], ...rows] = sheet.lines;
  return { headers: headers.map((h) => h.trim()), rows: trimTrailingEmpty(rows.map((r) => r.map(unescapeCell))) };
}

/** Excel's plain “CSV” is GBK on Chinese Windows, “CSV UTF-8” is UTF-8: bytes that are not UTF-8 are GBK. */
function csvText(bytes: Buffer): string {
  if (bytes.length > MAX_BYTES) throw tooLarge();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function trimTrailingEmpty(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === '')) end--;
  return rows.slice(0, end);
}
