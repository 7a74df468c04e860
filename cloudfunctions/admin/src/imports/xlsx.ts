import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../../../src/domain/imports';
import { AppError } from '../../../../src/server/errors';
import { guardXlsx, ZIP_LIMITS } from './zip-guard';

/**
 * What reading a sheet may cost, whatever the file holds. exceljs stops parsing at the first row or
 * cell element past these counts (elements that exist: a stray cell at XFD1048576 is one cell, not a
 * billion), and only cells that exist are visited afterwards.
 */
export const XLSX_LIMITS = {
  /** Row elements per sheet: the header, MAX_IMPORT_ROWS rows of data and some formatted empty rows. */
  rowElements: 6_000,
  /** Cell elements per row, and the last column that may hold text (the widest table has 15). */
  columns: 40,
  /** The last row that may hold text: the header and MAX_IMPORT_ROWS rows of data. */
  rows: MAX_IMPORT_ROWS + 1,
  /** The archive itself (entries, inflated bytes, ratio): zip-guard.ts. */
  zip: ZIP_LIMITS,
};

/**
 * Sheet parts a whole-file load would expand cell by cell (one data validation on a whole column costs
 * seconds, a merge of a whole sheet never ends) and that an import does not need: never parsed. The
 * last four point into parts zip-guard.ts drops (pictures, tables), so they are skipped with them.
 */
const IGNORED = [
  'mergeCells', 'dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'cols', 'dimension', 'autoFilter', 'rowBreaks',
  'drawing', 'legacyDrawing', 'picture', 'tableParts',
];

export interface SheetText {
  /** Line i is row i + 1 of the sheet, every cell as text up to its last filled column. */
  lines: string[][];
  /** Rows and filled cells visited after parsing: what reading cost beyond the bounded parse. */
  visits: number;
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message, 'content');

/** Column number → letters (1 → A, 16384 → XFD). */
function columnName(n: number): string {
  let name = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** exceljs's own count errors, in words for the bureau. */
function countError(e: unknown, limits: typeof XLSX_LIMITS): AppError | null {
  const message = e instanceof Error ? e.message : '';
  if (/^Max row count/.test(message)) return invalid(`表格行数过多（超过${limits.rowElements}行，含只有格式的空行），请只保留要导入的行后另存再试`);
  if (/^Max column count/.test(message)) return invalid(`有一行的单元格过多（超过${limits.columns}个，含只有格式的空格），请删除表格右侧多余的列后另存再试`);
  return null;
}

/**
 * The first sheet (in the workbook's order) as text. The archive is checked and stripped to the parts
 * an import reads first (zip-guard.ts). A filled cell past the last column or row that
 * may hold text is refused with its address; empty cells that only carry formatting are skipped
 * wherever they are. Anything exceljs cannot read is left to the caller.
 */
export async function readFirstSheet(bytes: Buffer, limits = XLSX_LIMITS): Promise<SheetText> {
  const workbook = new ExcelJS.Workbook();
  const options = { ignoreNodes: IGNORED, maxRows: limits.rowElements, maxCols: limits.columns };
  const guarded = await guardXlsx(bytes, limits.zip);
  try {
    await workbook.xlsx.load(guarded.bytes as never, options as never);
  } catch (e) {
    throw countError(e, limits) ?? e;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('xlsx 文件中没有工作表');
  const lines: string[][] = [];
  let visits = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    visits++;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      visits++;
      const text = cellText(cell.value);
      if (!text.trim()) return;
      const address = `${columnName(col)}${row.number}`;
      if (col > limits.columns) throw invalid(`单元格 ${address} 有内容，超出了${limits.columns}列：请删除表格右侧多余的内容后再试`);
      if (row.number > limits.rows) throw invalid(`单元格 ${address} 有内容：文件最多${limits.rows - 1}行数据，请删除多余的行或拆分后分别导入`);
      cells[col - 1] = text;
    });
    if (cells.length) lines[row.number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { lines: Array.from(lines, (l) => l ?? []), visits };
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
