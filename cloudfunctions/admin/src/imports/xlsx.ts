import { MAX_IMPORT_ROWS } from '@/domain/imports';
import { AppError } from '@/server/errors';
import { cellText, columnName, CountOverflow, readSheetParts } from './xlsx-reader';
import { guardXlsx, ZIP_LIMITS } from './zip-guard';

/**
 * What reading a sheet may cost, whatever the file holds. The parse (xlsx-reader.ts) stops at the first
 * row or cell element past these counts (elements that exist: a stray cell at XFD1048576 is one cell,
 * not a billion), and only cells that exist are visited afterwards.
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

export interface SheetText {
  /** Line i is row i + 1 of the sheet, every cell as text up to its last filled column. */
  lines: string[][];
  /** Rows and filled cells visited after parsing: what reading cost beyond the bounded parse. */
  visits: number;
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message, 'content');

/** A count the parse stopped at, in words for the bureau. */
function countError(e: CountOverflow, limits: typeof XLSX_LIMITS): AppError {
  if (e.what === 'rows')
    return invalid(`表格行数过多（超过${limits.rowElements}行，含只有格式的空行），请只保留要导入的行后另存再试`);
  return invalid(`有一行的单元格过多（超过${limits.columns}个，含只有格式的空格），请删除表格右侧多余的列后另存再试`);
}

/**
 * The first sheet (in the workbook's order) as text. The archive is checked and its parts an import
 * reads inflated first (zip-guard.ts), then the sheet is read in one linear pass (xlsx-reader.ts). A
 * filled cell past the last column or row that may hold text is refused with its address; empty cells
 * that only carry formatting are skipped wherever they are. Anything unreadable is left to the caller.
 */
export async function readFirstSheet(bytes: Buffer, limits = XLSX_LIMITS): Promise<SheetText> {
  const { parts } = await guardXlsx(bytes, limits.zip);
  let sheet: ReturnType<typeof readSheetParts>;
  try {
    sheet = readSheetParts(parts, { rowElements: limits.rowElements, columns: limits.columns });
  } catch (e) {
    throw e instanceof CountOverflow ? countError(e, limits) : e;
  }
  if (!sheet) throw invalid('xlsx 文件中没有工作表');
  const lines: string[][] = [];
  let visits = 0;
  for (const row of sheet.rows) {
    if (!row.cells.some((c) => !c.isNull)) continue;
    visits++;
    const cells: string[] = [];
    for (const cell of row.cells) {
      if (cell.isNull) continue;
      visits++;
      const text = cellText(cell.value);
      if (!text.trim()) continue;
      const address = `${columnName(cell.col)}${row.number}`;
      if (cell.col > limits.columns)
        throw invalid(`单元格 ${address} 有内容，超出了${limits.columns}列：请删除表格右侧多余的内容后再试`);
      if (row.number > limits.rows)
        throw invalid(`单元格 ${address} 有内容：文件最多${limits.rows - 1}行数据，请删除多余的行或拆分后分别导入`);
      cells[cell.col - 1] = text;
    }
    if (cells.length) lines[row.number - 1] = Array.from(cells, (c) => c ?? '');
  }
  return { lines: Array.from(lines, (l) => l ?? []), visits };
}
