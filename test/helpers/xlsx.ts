import ExcelJS from 'exceljs';

/** The schools table as typed in a sheet (numbers as numbers). */
export const SCHOOLS = [
  ['学校名称', '学段', '纬度', '经度', '教师人数'],
  ['互助道小学', '小学', 39.1301, 117.2601, 88],
  ['新建实验小学', '小学', 39.1402, 117.2702, 40],
];
/** The same table as the reader's lines. */
export const SCHOOL_LINES = SCHOOLS.map((r) => r.map(String));

/**
 * A workbook exceljs writes: sheet 学校 holding the schools table, then `edit`. `store` leaves its parts
 * uncompressed, for a volume fixture whose point is not the compression (deflating in JavaScript is half
 * of what writing thousands of rows costs).
 */
export async function schoolsWorkbook(
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void = () => undefined,
  { store = false } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校');
  for (const row of SCHOOLS) ws.addRow(row);
  edit(ws, wb);
  // exceljs hands `zip` to JSZip's generateAsync.
  return Buffer.from(await wb.xlsx.writeBuffer(store ? ({ zip: { compression: 'STORE' } } as never) : undefined));
}
