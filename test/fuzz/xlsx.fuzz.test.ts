/**
 * Issue 13: spreadsheets with cells anywhere on the sheet (far columns up to XFD, far rows up to
 * 1,048,576, filled or only styled), read by the reader and previewed through the built `admin` bundle
 * (`npm run build:functions` first). A filled cell past the limits is refused naming the first such
 * address; otherwise the table reads; the reader visits only cells that exist (bounded by count).
 */
import fc from 'fast-check';
import { readFirstSheet, XLSX_LIMITS } from '../../cloudfunctions/admin/src/imports/xlsx';
import { useTestApp } from '../helpers/local-app';
import { adminCalls } from '../helpers/admin';
import { columnName, farCellSheet, SCHOOL_ROWS, xlsxFile } from './xlsx';

const app = useTestApp();
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const { previewXlsx: preview } = adminCalls(app);

it('far-away cells: refused by the first filled address past the limits, else read; visits bounded by the cells written', async () => {
  await fc.assert(
    fc.asyncProperty(farCellSheet, async (spec) => {
      // The cells as the file holds them (a far cell may overwrite a table cell).
      const cells = new Map<string, { col: number; row: number; text: string }>();
      SCHOOL_ROWS.forEach((r, i) =>
        r.forEach((text, j) => cells.set(`${j + 1}:${i + 1}`, { col: j + 1, row: i + 1, text })),
      );
      for (const [col, row] of spec.styled ?? []) cells.set(`${col}:${row}`, { col, row, text: '' });
      for (const [col, row, text] of spec.far ?? []) cells.set(`${col}:${row}`, { col, row, text });
      const outside = [...cells.values()]
        .filter((c) => c.text.trim() && (c.col > XLSX_LIMITS.columns || c.row > XLSX_LIMITS.rows))
        .sort((a, b) => a.row - b.row || a.col - b.col);

      const file = await xlsxFile(spec);
      const reading = await readFirstSheet(file).then(
        (sheet) => ({ sheet, error: null }),
        (error: unknown) => ({ sheet: null, error }),
      );
      const answer = await preview(file);
      if (outside.length) {
        const address = `${columnName(outside[0].col)}${outside[0].row}`;
        expect(reading.error).toMatchObject({
          code: 'INVALID_INPUT',
          message: expect.stringContaining(`单元格 ${address} 有内容`),
        });
        expect(answer).toMatchObject({
          ok: false,
          code: 'INVALID_INPUT',
          field: 'content',
          message: expect.stringContaining(address),
        });
        return;
      }
      expect(reading.error).toBeNull();
      const sheet = reading.sheet!;
      const rowsWritten = new Set([...cells.values()].map((c) => c.row)).size;
      expect(sheet.visits).toBeLessThanOrEqual(cells.size + rowsWritten);
      for (const c of cells.values()) if (c.text.trim()) expect(sheet.lines[c.row - 1][c.col - 1]).toBe(c.text);
      expect(answer.ok).toBe(true);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
