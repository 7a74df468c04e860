import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../src/server/errors';

/** A parsed table: the header row and the rows under it, every cell as text. */
export interface ParsedTable {
  headers: string[];
  rows: string[][];
}

const MAX_BYTES = 5 * 1024 * 1024;
const tooLarge = () => new AppError('INVALID_INPUT', '文件不能超过5MB', 'content');

/** CSV (text or base64 bytes; a UTF-8 BOM is dropped) with papaparse; .xlsx (base64) with exceljs, first sheet. */
export async function parseTable(format: 'csv' | 'xlsx', content: string, encoding: 'text' | 'base64' = 'text'): Promise<ParsedTable> {
  if (format === 'csv') {
    const text = encoding === 'base64' ? csvText(Buffer.from(content, 'base64')) : content;
    if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw tooLarge();
    const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const [headers = [], ...rows] = res.data;
    return { headers: headers.map((h) => String(h ?? '').trim()), rows: trimTrailingEmpty(rows.map((r) => r.map((c) => String(c ?? '')))) };
  }
  const buffer = Buffer.from(content, 'base64');
  if (buffer.length > MAX_BYTES) throw tooLarge();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as never);
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取该 xlsx 文件，请确认文件格式（另存为 .xlsx 后重试）', 'content');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('INVALID_INPUT', 'xlsx 文件中没有工作表', 'content');
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    lines[n - 1] = cells;
  });
  for (let i = 0; i < lines.length; i++) lines[i] ??= [];
  const [headers = [], ...rows] = lines;
  return { headers: headers.map((h) => h.trim()), rows: trimTrailingEmpty(rows) };
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

/** A cell's text: dates as YYYY-MM-DD, rich text and formulas by their shown value. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

function trimTrailingEmpty(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === '')) end--;
  return rows.slice(0, end);
}

/** CSV text with a UTF-8 BOM (so Excel reads the Chinese). */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\r\n' });
}
