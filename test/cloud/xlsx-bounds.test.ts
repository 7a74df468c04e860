/**
 * Issue 13: a spreadsheet costs what it holds, not where its cells sit. One cell at XFD1 made a 3-row
 * preview take 51 s; a data validation or merge over a whole sheet is expanded cell by cell by a plain
 * exceljs load. Bounded by counting: the cells the reader visits, and exceljs's element counts.
 * The preview goes through the built `admin` bundle (`npm run build:functions` first).
 */
import type ExcelJS from 'exceljs';
// exceljs's own zip library: used here to write sheet XML that exceljs cannot write in bounded time.
import JSZip from 'jszip';
import { readFirstSheet, XLSX_LIMITS } from '../../cloudfunctions/admin/src/imports/xlsx';
import { useTestApp } from '../helpers/local-app';
import { adminCalls } from '../helpers/admin';
import { SCHOOL_LINES, schoolsWorkbook } from '../helpers/xlsx';

const app = useTestApp();
const { previewXlsx: preview } = adminCalls(app);

/** The schools table, then `edit` on its sheet, then `patch` on the sheet's XML (`store`: see schoolsWorkbook). */
async function workbook(
  edit: (ws: ExcelJS.Worksheet) => void = () => undefined,
  patch?: (xml: string) => string,
  store = false,
): Promise<Buffer> {
  const bytes = await schoolsWorkbook(
    (ws, wb) => {
      wb.addWorksheet('说明').addRow(['只读第一张工作表']);
      edit(ws);
    },
    { store },
  );
  if (!patch) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, patch(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const after = (tag: string, text: string) => (xml: string) => xml.replace(tag, `${tag}${text}`);

describe('far-away cells cost one visit each', () => {
  it('a filled cell in XFD1 and in A1048576: refused with its address, in the reader and through the preview', async () => {
    const file = await workbook((ws) => {
      ws.getCell('XFD1').value = '备注';
      ws.getCell('A1048576').value = 'x';
    });
    await expect(readFirstSheet(file)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'content',
      message: expect.stringContaining('单元格 XFD1 有内容'),
    });
    const res = await preview(file);
    expect(res).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'content',
      message: expect.stringContaining('XFD1'),
    });
  });

  it('a filled cell in A1048576 alone: refused, naming the row limit', async () => {
    const file = await workbook((ws) => {
      ws.getCell('A1048576').value = 'x';
    });
    await expect(readFirstSheet(file)).rejects.toMatchObject({
      message: expect.stringMatching(/A1048576.*最多5000行数据/),
    });
  });

  it('cells that only carry formatting, anywhere: read as the table, in fewer visits than cells written', async () => {
    const file = await workbook((ws) => {
      for (const address of ['XFD1', 'A1048576', 'XFD1048576']) ws.getCell(address).style = { font: { bold: true } };
    });
    const sheet = await readFirstSheet(file);
    expect(sheet.lines).toEqual(SCHOOL_LINES);
    expect(sheet.visits).toBeLessThanOrEqual(3 + 15 + 2);
    const res = await preview(file);
    expect(res).toMatchObject({ ok: true, data: { fileErrors: [] } });
    expect(res.data.rows.map((r: any) => r.label)).toEqual(['互助道小学', '新建实验小学']);
  });
});

describe('sheet parts a plain load expands cell by cell are not parsed', () => {
  it.each([
    [
      'a merge of the whole sheet',
      after('</sheetData>', '<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>'),
    ],
    [
      'a data validation on every cell',
      after(
        '</sheetData>',
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:XFD1048576"><formula1>"小学,初中"</formula1></dataValidation></dataValidations>',
      ),
    ],
    [
      'a conditional format on every cell',
      after(
        '</sheetData>',
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
      ),
    ],
    [
      'a dimension and columns spanning the sheet',
      (xml: string) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    ],
  ])('%s', async (_name, patch) => {
    const sheet = await readFirstSheet(await workbook(undefined, patch));
    expect(sheet.lines).toEqual(SCHOOL_LINES);
  });
});

describe('element counts stop the parse itself', () => {
  it(`more than ${XLSX_LIMITS.rowElements} rows`, async () => {
    // Stored: the count stops the parse, whatever the compression.
    const file = await workbook(
      (ws) => {
        for (let i = 0; i < XLSX_LIMITS.rowElements; i++) ws.addRow([`学校${i}`]);
      },
      undefined,
      true,
    );
    await expect(readFirstSheet(file)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('表格行数过多'),
    });
  });

  it(`a row of more than ${XLSX_LIMITS.columns} cells`, async () => {
    const file = await workbook((ws) => {
      ws.addRow(Array.from({ length: XLSX_LIMITS.columns + 1 }, (_x, i) => i));
    });
    await expect(readFirstSheet(file)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('单元格过多'),
    });
  });
});
