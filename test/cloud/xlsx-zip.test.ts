/**
 * Issue 13: the .xlsx archive itself is checked before its XML is read. Defined names (exceljs expands
 * each into a matrix cell by cell), zip bombs (huge inflated parts, a lying size header, a high ratio)
 * and archives of thousands of entries are refused or cut out, bounded by counts and sizes.
 * The preview goes through the built `admin` bundle (`npm run build:functions` first).
 */
// exceljs's own zip library: used here to list the parts of a file exceljs wrote.
import JSZip from 'jszip';
import { readFirstSheet, XLSX_LIMITS } from '../../cloudfunctions/admin/src/imports/xlsx';
import { guardXlsx, ZIP_LIMITS } from '../../cloudfunctions/admin/src/imports/zip-guard';
import { useTestApp } from '../helpers/local-app';
import { adminCalls } from '../helpers/admin';
import { SCHOOL_LINES, SCHOOLS, schoolsWorkbook } from '../helpers/xlsx';
import { readZip, writeZip, type ZipPart } from '../helpers/zip';
import { FAST_DEPTH } from '../helpers/depth';

const app = useTestApp();
const { previewXlsx: preview } = adminCalls(app);

type Parts = Map<string, ZipPart>;
const text = (parts: Parts, name: string) => Buffer.concat([parts.get(name)!.data].flat()).toString('utf8');
const put = (parts: Parts, name: string, data: string | Buffer | Buffer[], store = false) =>
  parts.set(name, { data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, store });
/** `mb` MB of XML whitespace as pieces of one shared MB (see ZipPart). */
const MB_OF_SPACES = Buffer.alloc(1024 * 1024, ' ');
const spacesMB = (mb: number): Buffer[] => Array.from({ length: mb }, () => MB_OF_SPACES);

let schoolParts: Promise<Parts> | undefined;
/**
 * The schools workbook with its parts changed by `patch`, written again with Node's zlib (the hostile
 * parts below are tens of MB: JSZip would spend seconds deflating what the guard never inflates).
 */
async function patched(patch: (parts: Parts) => Promise<void> | void): Promise<Buffer> {
  schoolParts ??= schoolsWorkbook().then(readZip);
  const parts = new Map(await schoolParts);
  await patch(parts);
  return writeZip(parts);
}

async function withDefinedNames(names: string): Promise<Buffer> {
  return patched((parts) => {
    const xml = text(parts, 'xl/workbook.xml');
    put(parts, 'xl/workbook.xml', xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`));
  });
}

const invalid = (message: RegExp) => ({
  code: 'INVALID_INPUT',
  field: 'content',
  message: expect.stringMatching(message),
});

describe('defined names are cut out before exceljs expands them', () => {
  it('a name over the whole sheet (17 billion cells): the table reads', async () => {
    const file = await withDefinedNames(
      `<definedName name="全部">学校!$A$1:$XFD$1048576</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">学校!$A$1:$XFD$1048576</definedName>`,
    );
    expect((await readFirstSheet(file)).lines).toEqual(SCHOOL_LINES);
  });

  const spelled = (count: number) =>
    withDefinedNames(
      `<definedName name="逐格">${Array.from({ length: count }, (_x, i) => `学校!$${String.fromCharCode(65 + (i % 26))}$${i + 1}`).join(',')}</definedName><definedName name="空"/>`,
    );

  // The full run spells 200,000 cells; the inner loop 20,000 (still more than a preview call carries).
  const SPELLED = FAST_DEPTH ? 20_000 : 200_000;
  it(`a name spelled cell by cell (${SPELLED.toLocaleString('en-US')} cells): the table reads`, async () => {
    expect((await readFirstSheet(await spelled(SPELLED))).lines).toEqual(SCHOOL_LINES);
  });

  it('through the preview (15,000 cells: what fits in one call) the same', async () => {
    const file = await spelled(15_000);
    const res = await preview(file);
    expect(res).toMatchObject({ ok: true, data: { fileErrors: [] } });
    expect(res.data.rows.map((r: any) => r.label)).toEqual(['互助道小学', '新建实验小学']);
  });

  it('a self-closing definedNames element and a workbook without names both read', async () => {
    expect(
      (
        await readFirstSheet(
          await patched((parts) => {
            put(
              parts,
              'xl/workbook.xml',
              text(parts, 'xl/workbook.xml').replace('</sheets>', '</sheets><definedNames/>'),
            );
          }),
        )
      ).lines,
    ).toEqual(SCHOOL_LINES);
    expect((await readFirstSheet(await schoolsWorkbook())).lines).toEqual(SCHOOL_LINES);
  });
});

/** Sets the declared inflated size of `name` in its local header and the central directory. */
function lieAboutSize(file: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(file);
  const nameBytes = Buffer.from(name, 'utf8');
  let found = 0;
  for (let at = out.indexOf(nameBytes); at >= 0; at = out.indexOf(nameBytes, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) {
      out.writeUInt32LE(size, at - 30 + 22);
      found++;
    } else if (out.readUInt32LE(at - 46) === 0x02014b50) {
      out.writeUInt32LE(size, at - 46 + 24);
      found++;
    }
  }
  if (found !== 2) throw new Error(`headers of ${name}: ${found}`);
  return out;
}

describe('zip bombs are refused before they are inflated past the limits', () => {
  // 40 MB of XML whitespace in the sheet part deflates to ~40 KB. Built once: two tests read it.
  let built: Promise<Buffer> | undefined;
  const bomb = () =>
    (built ??= patched((parts) => {
      const [head, tail] = text(parts, 'xl/worksheets/sheet1.xml').split('<sheetData>');
      put(parts, 'xl/worksheets/sheet1.xml', [Buffer.from(`${head}<sheetData>`), ...spacesMB(40), Buffer.from(tail)]);
    }));

  it('a part that declares more than the limit: refused by its header, in the reader and through the preview', async () => {
    const file = await bomb();
    expect(file.length).toBeLessThan(200 * 1024);
    await expect(readFirstSheet(file)).rejects.toMatchObject(invalid(/^xlsx 文件解压后过大（超过24MB）/));
    expect(await preview(file)).toMatchObject({ ok: false, ...invalid(/解压后过大/) });
  });

  it('a part whose header lies about its size: inflating stops at the limit', async () => {
    const file = lieAboutSize(await bomb(), 'xl/worksheets/sheet1.xml', 1000);
    await expect(guardXlsx(file)).rejects.toMatchObject(invalid(/解压后过大/));
  });

  it('parts each under the limit but together over it are refused', async () => {
    // Stored, not deflated, so the ratio test does not refuse them first.
    const file = await patched((parts) => {
      for (let i = 2; i <= 3; i++) put(parts, `xl/worksheets/sheet${i}.xml`, spacesMB(20), true);
    });
    await expect(guardXlsx(file)).rejects.toMatchObject(invalid(/解压后过大/));
  });

  it(`a part over 1 MB inflating more than ${ZIP_LIMITS.ratio}:1 is refused as a bomb; the same text stored plainly passes the ratio`, async () => {
    const spaces = ' '.repeat(2 * 1024 * 1024);
    const deflated = await patched((parts) => void put(parts, 'xl/worksheets/sheet2.xml', spaces));
    await expect(guardXlsx(deflated)).rejects.toMatchObject(invalid(/压缩比异常/));
    const stored = await patched((parts) => void put(parts, 'xl/worksheets/sheet2.xml', spaces, true));
    expect((await guardXlsx(stored)).inflated).toBeGreaterThan(spaces.length);
  });

  it(`more than ${ZIP_LIMITS.entries} entries are refused by count before any is inflated`, async () => {
    const file = await patched((parts) => {
      for (let i = 0; i < ZIP_LIMITS.entries; i++) put(parts, `customXml/item${i}.xml`, '<a/>');
    });
    await expect(guardXlsx(file)).rejects.toMatchObject(
      invalid(new RegExp(`部件过多（5\\d\\d个，最多${ZIP_LIMITS.entries}个）`)),
    );
  });

  it('the deflate ratio test reads the real compressed size: a normal 5,000-row roster passes', async () => {
    // Coordinates to six places, as geocoded: the sheet part is then over ratioFloor, so the ratio test
    // applies to it (with one decimal it was 1,008,244 bytes and skipped the ratio test).
    const file = await schoolsWorkbook((ws) => {
      for (let i = 0; i < XLSX_LIMITS.rows - SCHOOLS.length; i++)
        ws.addRow([`学校${i}`, '小学', 39.130145, 117.260123, 10]);
    });
    const guarded = await guardXlsx(file);
    expect(guarded.parts.get('xl/worksheets/sheet1.xml')!.length).toBeGreaterThan(ZIP_LIMITS.ratioFloor);
    expect(guarded.inflated).toBeLessThan(ZIP_LIMITS.totalBytes);
    expect((await readFirstSheet(file)).lines).toHaveLength(XLSX_LIMITS.rows);
  });
});

describe('parts an import does not read are dropped unread', () => {
  it('pictures, a table, comments and an unknown part: dropped, the table reads the same', async () => {
    const file = await schoolsWorkbook((ws, wb) => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      const image = wb.addImage({ buffer: png as never, extension: 'png' });
      ws.addImage(image, 'G2:H4');
      ws.addBackgroundImage(image);
      ws.getCell('A1').note = '学校的全称';
      ws.addTable({ name: 'T1', ref: 'J1', columns: [{ name: '甲' }], rows: [['乙']] });
    });
    const parts = Object.keys((await JSZip.loadAsync(file)).files);
    expect(parts.some((p) => p.startsWith('xl/media/'))).toBe(true);
    const kept = [...(await guardXlsx(file)).parts.keys()];
    expect(kept.sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
    const lines = (await readFirstSheet(file)).lines;
    expect(lines.slice(0, 3).map((l) => l.slice(0, 5))).toEqual(SCHOOL_LINES);
  });
});
