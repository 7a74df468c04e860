/**
 * Issue 13: the lean .xlsx reader (xlsx-reader.ts over xml-scan.ts) reads what the exceljs-based reader
 * it replaced read — every line, the visit count, and the same refusal (same Chinese message for a count
 * or address error; "unreadable" for both otherwise). The exceljs reader is kept here, as it was, as the
 * reference: for the hostile fixtures of test/fuzz/xlsx.ts, far-cell layouts, workbooks exceljs writes
 * with random cells (strings shared and not, numbers, booleans, dates and number formats, formulas with
 * cached values, rich text, hyperlinks, errors, styled blanks, merges, far cells, several sheets, 1904
 * dates) and hand-written sheet XML exceljs reads in its own ways (entities, line ends, CDATA, phonetic
 * runs, cells without addresses, repeated rows and cells, sheet order, shared formulas, broken XML).
 */
import ExcelJS from 'exceljs';
// exceljs's own zip library: the reference repacks the guarded parts for exceljs as the old guard did.
import JSZip from 'jszip';
import fc from 'fast-check';
import { readFirstSheet, XLSX_LIMITS, type SheetText } from '../../cloudfunctions/admin/src/imports/xlsx';
import { guardXlsx } from '../../cloudfunctions/admin/src/imports/zip-guard';
import { columnName, WORKSHEET_IGNORED } from '../../cloudfunctions/admin/src/imports/xlsx-reader';
import { AppError } from '@/server/errors';
import { farCellSheet, hostileXlsxFiles, xlsxFile } from '../fuzz/xlsx';
import { FAST_DEPTH, runs } from '../helpers/depth';
import { writeZip, type ZipPart } from '../helpers/zip';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? runs(60));

// ---- the reference: readFirstSheet as it was with exceljs 4.4 -------------------------------------

const DEFINED_NAMES = /<definedNames\b(?:[^>]*\/>|[\s\S]*?<\/definedNames\s*>)/g;
const invalid = (message: string) => new AppError('INVALID_INPUT', message, 'content');

function oldCellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return oldCellText(v.result ?? null);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

async function exceljsRead(bytes: Buffer, limits = XLSX_LIMITS): Promise<SheetText> {
  const { parts } = await guardXlsx(bytes, limits.zip);
  const zip = new JSZip();
  for (const [name, data] of parts)
    zip.file(name, name === 'xl/workbook.xml' ? data.toString('utf8').replace(DEFINED_NAMES, '') : data);
  const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      stored as never,
      // The elements the old reader told exceljs to skip, the list the new one reads past (one list).
      { ignoreNodes: WORKSHEET_IGNORED, maxRows: limits.rowElements, maxCols: limits.columns } as never,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/^Max row count/.test(message))
      throw invalid(`表格行数过多（超过${limits.rowElements}行，含只有格式的空行），请只保留要导入的行后另存再试`);
    if (/^Max column count/.test(message))
      throw invalid(
        `有一行的单元格过多（超过${limits.columns}个，含只有格式的空格），请删除表格右侧多余的列后另存再试`,
      );
    throw e;
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
      const text = oldCellText(cell.value);
      if (!text.trim()) return;
      const address = `${columnName(col)}${row.number}`;
      if (col > limits.columns)
        throw invalid(`单元格 ${address} 有内容，超出了${limits.columns}列：请删除表格右侧多余的内容后再试`);
      if (row.number > limits.rows)
        throw invalid(`单元格 ${address} 有内容：文件最多${limits.rows - 1}行数据，请删除多余的行或拆分后分别导入`);
      cells[col - 1] = text;
    });
    if (cells.length) lines[row.number - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { lines: Array.from(lines, (l) => l ?? []), visits };
}

type Outcome = { lines: string[][]; visits: number } | { refused: string } | { unreadable: true };

const outcome = (read: Promise<SheetText>): Promise<Outcome> =>
  read.then(
    (s) => ({ lines: s.lines, visits: s.visits }),
    (e: unknown) => (e instanceof AppError ? { refused: e.message } : { unreadable: true as const }),
  );

async function expectSame(bytes: Buffer, label = '') {
  const [now, before] = await Promise.all([outcome(readFirstSheet(bytes)), outcome(exceljsRead(bytes))]);
  if (JSON.stringify(now) !== JSON.stringify(before))
    throw new Error(`${label}: new ${JSON.stringify(now).slice(0, 600)}\nold ${JSON.stringify(before).slice(0, 600)}`);
  return now;
}

// ---- fixtures ------------------------------------------------------------------------------------

describe('the fixtures read as before', () => {
  // exceljs reads the 5,000 × 40 file in seconds, more on a busy machine: a generous bound, not a timing.
  it('every hostile file of the fuzzer and the bench', async () => {
    // The inner loop leaves the two volume files (5,000 × 40 and 6,001 rows) to the full run.
    const files = await hostileXlsxFiles({ volume: !FAST_DEPTH });
    for (const file of files) await expectSame(file.bytes, file.name);
  }, 300_000);

  it('far cells anywhere, filled or only styled', async () => {
    await fc.assert(
      fc.asyncProperty(farCellSheet, async (spec) => void (await expectSame(await xlsxFile(spec)))),
      { seed: SEED, numRuns: runs(20) },
    );
  });
});

// ---- workbooks exceljs writes --------------------------------------------------------------------

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '示例数据',
    '互助道小学',
    '&<>"\'',
    ' 前后空格 ',
    '_x0041_',
    '_x000D_',
    'a\nb',
    'a\r\nb',
    '\t',
    '',
    ' ',
    '\u3000',
    '0',
    '=1+1',
    'TRUE',
    '2024-01-05',
  ),
);
const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(0, -0, 0.1, 1e21, 1e-7, 45292, 45292.75),
);
const date = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
const FORMATS = [
  '0.00',
  '0%',
  'yyyy-mm-dd',
  'yyyy"年"m"月"d"日"',
  '[h]:mm',
  'h:mm AM/PM',
  '"d"0',
  '@',
  '#,##0',
  '[$-804]yyyy/m/d',
  'mm-dd-yy',
];

type Spec = { value: unknown; numFmt?: string; bold?: boolean };
const cell: fc.Arbitrary<Spec> = fc.oneof(
  text.map((value) => ({ value })),
  number.map((value) => ({ value })),
  fc.record({ value: number, numFmt: fc.constantFrom(...FORMATS) }),
  fc.boolean().map((value) => ({ value })),
  date.map((value) => ({ value })),
  fc.record({ value: date, numFmt: fc.constantFrom(...FORMATS) }),
  fc
    .record({
      formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', 'TODAY()'),
      result: fc.oneof(number, text, fc.boolean(), date, fc.constant({ error: '#N/A' }), fc.constant(undefined)),
    })
    .map((value) => ({ value })),
  fc.record({
    value: fc.record({ formula: fc.constant('NOW()'), result: number }),
    numFmt: fc.constantFrom(...FORMATS),
  }),
  fc.array(fc.record({ text, bold: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((runs) => ({
    value: { richText: runs.map((r) => ({ text: r.text, ...(r.bold ? { font: { bold: true } } : {}) })) },
  })),
  text.map((t) => ({ value: { text: t, hyperlink: 'https://example.com/示例' } })),
  fc.constantFrom('#DIV/0!', '#N/A', '#REF!').map((error) => ({ value: { error } })),
  fc.constant({ value: null, bold: true }),
);
const where = fc.tuple(
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 38, max: 45 }) },
    { weight: 1, arbitrary: fc.constantFrom(16384, 700) },
  ),
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(5001, 5002, 1048576) },
  ),
);
const sheetSpec = fc.record({
  cells: fc.array(fc.tuple(where, cell), { maxLength: 40 }),
  merges: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 2 }),
    ),
    { maxLength: 2 },
  ),
});
const bookSpec = fc.record({
  sheets: fc.array(sheetSpec, { minLength: 1, maxLength: 3 }),
  /** Which written sheet the workbook lists first (its <sheet> moved to the front). */
  first: fc.nat(),
  sharedStrings: fc.boolean(),
  date1904: fc.boolean(),
});

type BookSpec = typeof bookSpec extends fc.Arbitrary<infer V> ? V : never;

async function writeBook(spec: BookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (spec.date1904) wb.properties.date1904 = true;
  spec.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    for (const [[col, row], c] of s.cells) {
      const target = ws.getCell(row, col);
      target.value = c.value as ExcelJS.CellValue;
      if (c.numFmt) target.numFmt = c.numFmt;
      if (c.bold) target.font = { bold: true };
    }
    for (const [col, row, w, h] of s.merges) {
      try {
        ws.mergeCells(row, col, row + h, col + w);
      } catch {
        // Overlapping merges: exceljs refuses the second; the sheet is written without it.
      }
    }
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: spec.sharedStrings }));
  const first = spec.first % spec.sheets.length;
  if (!first) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = xml.match(/<sheet [^>]*\/>/g)!;
  const moved = [sheets[first], ...sheets.filter((_s, i) => i !== first)].join('');
  zip.file('xl/workbook.xml', xml.replace(sheets.join(''), moved));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

it('random workbooks written by exceljs read the same', async () => {
  let read = 0;
  await fc.assert(
    fc.asyncProperty(bookSpec, async (spec) => {
      const got = await expectSame(await writeBook(spec), JSON.stringify(spec).slice(0, 300));
      if ('lines' in got) read++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Most workbooks read (the rest are refused alike): the property is not only about refusals.
  expect(read).toBeGreaterThan(RUNS / 3);
}, 300_000);

// ---- sheet XML written by hand ---------------------------------------------------------------------

const MAIN =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;第&quot;0"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="0"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`;

interface Raw {
  sheets: string[];
  sst?: string;
  styles?: string | null;
  workbook?: string;
  rels?: string;
}

/**
 * An .xlsx from raw parts: sheet i is sheet{i+1}.xml, listed in order unless `workbook` says otherwise.
 * Written with Node's zlib (test/helpers/zip.ts): ~40 files here, JSZip's JavaScript deflate was most
 * of their cost.
 */
function rawXlsx(raw: Raw): Buffer {
  const parts = new Map<string, ZipPart>();
  const put = (name: string, xml: string) => parts.set(name, { data: Buffer.from(xml, 'utf8') });
  put(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  put(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  );
  const sheetEntries = raw.sheets
    .map((_s, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  put(
    'xl/workbook.xml',
    raw.workbook ?? `<?xml version="1.0"?><workbook ${MAIN}><sheets>${sheetEntries}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    raw.rels ??
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${raw.sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
  );
  raw.sheets.forEach((xml, i) =>
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      xml.startsWith('<?xml') || xml.startsWith('\uFEFF')
        ? xml
        : `<?xml version="1.0"?><worksheet ${MAIN}>${xml}</worksheet>`,
    ),
  );
  if (raw.sst !== undefined) put('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${MAIN}>${raw.sst}</sst>`);
  if (raw.styles !== null) put('xl/styles.xml', raw.styles ?? STYLES);
  return writeZip(parts);
}

const data = (rows: string) => `<sheetData>${rows}</sheetData>`;
/** One sheet holding `xml` as its sheetData, and any other parts. */
const oneSheet = (xml: string, parts: Omit<Raw, 'sheets'> = {}): Raw => ({ sheets: [data(xml)], ...parts });
const SST =
  '<si><t>学校名称</t></si><si><r><t>互助</t></r><r><rPr><b/></rPr><t xml:space="preserve">道小学 </t></r></si><si><t>甲</t><rPh sb="0" eb="1"><t>こう</t></rPh><phoneticPr fontId="1"/></si><si/><si><t>_x0041_&amp;</t></si>';

const HAND: Array<[string, Raw]> = [
  [
    'shared strings, rich runs, phonetic runs, an empty string, _x escapes',
    oneSheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
      { sst: SST },
    ),
  ],
  ['a shared string index past the list', oneSheet('<row r="1"><c r="A1" t="s"><v>9</v></c></row>', { sst: SST })],
  ['t="s" without a shared strings part', oneSheet('<row r="1"><c r="A1" t="s"><v>3</v></c></row>')],
  [
    'entities, character references, raw CR LF, CDATA and comments in text',
    oneSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b&#x4E2D;&#25991;&lt;</t></is></c><c r="B1" t="inlineStr"><is><t>x\r\ny\rz&#13;</t></is></c><c r="C1" t="inlineStr"><is><t>p<![CDATA[q]]>r<!-- c -->s</t></is></c></row>',
    ),
  ],
  [
    't="str" values decoded twice, and a formula string result',
    oneSheet(
      '<row r="1"><c r="A1" t="str"><v>&amp;lt;b&amp;gt;</v></c><c r="B1" t="str"><f>A1</f><v>&amp;amp;x</v></c></row>',
    ),
  ],
  [
    'booleans, errors, t="d", t="n", numbers with spaces, a value in <v> and <is> at once',
    oneSheet(
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>x</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2024-01-05T00:00:00</v></c><c r="F1" t="n"><v> 12.50 </v></c><c r="G1"><v>abc</v></c><c r="H1" t="inlineStr"><v>1</v><is><t>a</t></is></c></row>',
    ),
  ],
  [
    'dates by built-in, custom and locale formats, 0 and false formula results, a shared formula',
    oneSheet(
      '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.5</v></c><c r="C1" s="3"><v>7</v></c><c r="D1" s="4"><v>45292</v></c><c r="E1"><f>1-1</f><v>0</v></c><c r="F1" t="b"><f>1=2</f><v>0</v></c><c r="G1" s="1"><f>TODAY()</f><v>45300</v></c><c r="H1"><f t="shared" ref="H1:H2" si="0">A1</f><v>5</v></c></row><row r="2"><c r="H2"><f t="shared" si="0"/><v>6</v></c><c r="I2"><f></f><v>3</v></c><c r="J2" s="0"/><c r="K2" s="5"/></row>',
    ),
  ],
  [
    'dates under the 1904 system, and a date too far to write',
    oneSheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', {
      workbook: `<workbook ${MAIN}><workbookPr date1904="1"/><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    }),
  ],
  ['a date past what a Date holds', oneSheet('<row r="1"><c r="A1" s="1"><v>1e20</v></c></row>')],
  [
    'cells without an address follow the one before',
    oneSheet(
      '<row r="1"><c r="B1" t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c><c><v>4</v></c></row>',
    ),
  ],
  ['a first cell without an address', oneSheet('<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>')],
  [
    'addresses with $, lower case, no row, no column, past XFD',
    oneSheet('<row r="1"><c r="$B$1"><v>1</v></c></row><row r="2"><c r="B"><v>2</v></c></row>'),
  ],
  ['an address without a row', oneSheet('<row r="1"><c r="B"><v>2</v></c></row>')],
  ['an address past XFD', oneSheet('<row r="1"><c r="XFE1"><v>2</v></c></row>')],
  [
    'repeated and unordered rows and cells; row 0; a row without a number',
    oneSheet(
      '<row r="3"><c r="B3"><v>1</v></c><c r="A3"><v>2</v></c><c r="B3" s="1"/></row><row r="1"><c r="A1"><v>3</v></c></row><row r="3"><c r="C3"><v>4</v></c></row><row r="0"><c r="A1"><v>5</v></c></row>',
    ),
  ],
  ['a row without a number', oneSheet('<row><c r="A1"><v>5</v></c></row>')],
  [
    'a cell whose address names another row',
    oneSheet('<row r="2"><c r="A7" t="inlineStr"><is><t>x</t></is></c></row>'),
  ],
  [
    'unknown elements inside a row and a cell, and a cell straight in sheetData',
    oneSheet(
      '<row r="1"><c r="A1"><v>1</v><extLst/></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>',
    ),
  ],
  [
    'a cell straight in sheetData after a row',
    oneSheet('<row r="1"><c r="A1"><v>1</v></c></row><c r="B1"><v>2</v></c><row r="2"><c r="A2"><v>3</v></c></row>'),
  ],
  [
    'rows inside an unknown element, and sheetData twice',
    {
      sheets: [
        `<foo>${data('<row r="1"><c r="A1"><v>1</v></c></row>')}</foo><sheetViews><sheetView><sheetData/></sheetView></sheetViews>${data('<row r="2"><c r="A2"><v>2</v></c></row>')}`,
      ],
    },
  ],
  ['a row style without a styles part', oneSheet('<row r="1" s="1"><c r="A1"><v>1</v></c></row>', { styles: null })],
  [
    'a styled cell under styles without cell formats',
    oneSheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', { styles: `<styleSheet ${MAIN}><fonts/></styleSheet>` }),
  ],
  [
    'a byte order mark and a doctype',
    {
      sheets: [
        `\uFEFF<?xml version="1.0"?><!DOCTYPE worksheet><worksheet ${MAIN}>${data('<row r="1"><c r="A1"><v>1</v></c></row>')}</worksheet>`,
      ],
    },
  ],
  [
    'the workbook lists the second sheet first',
    {
      sheets: [data('<row r="1"><c r="A1"><v>1</v></c></row>'), data('<row r="1"><c r="A1"><v>2</v></c></row>')],
      workbook: `<workbook ${MAIN}><sheets><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
  ],
  [
    'sheet ids 0, repeated and missing; targets with /xl/ and a missing part',
    {
      sheets: [
        data('<row r="1"><c r="A1"><v>1</v></c></row>'),
        data('<row r="1"><c r="A1"><v>2</v></c></row>'),
        data('<row r="1"><c r="A1"><v>3</v></c></row>'),
      ],
      workbook: `<workbook ${MAIN}><sheets><sheet name="z" sheetId="0" r:id="rId1"/><sheet name="m" r:id="rId2"/><sheet name="x" sheetId="5" r:id="rId9"/><sheet name="y" sheetId="7" r:id="rId3"/></sheets></workbook>`,
      rels: `<Relationships xmlns="x"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Target="/xl/worksheets/sheet3.xml"/><Relationship Id="rId9" Target="worksheets/sheet9.xml"/></Relationships>`,
    },
  ],
  ['no sheet at all', { sheets: [], workbook: `<workbook ${MAIN}><sheets/></workbook>` }],
  [
    'a chart sheet first',
    oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>', {
      workbook: `<workbook ${MAIN}><sheets><sheet name="c" sheetId="3" r:id="rId5"/><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      rels: `<Relationships xmlns="x"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Target="chartsheets/sheet1.xml"/></Relationships>`,
    }),
  ],
  ['mismatched tags', oneSheet('<row r="1"><c r="A1"><v>1</c></v></row>')],
  ['an undefined entity', oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>')],
  ['a control character', oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001</t></is></c></row>')],
  [
    'an unclosed worksheet',
    { sheets: [`<?xml version="1.0"?><worksheet ${MAIN}>${data('<row r="1"><c r="A1"><v>1</v></c></row>')}`] },
  ],
  [
    'an unexpected element in the shared strings',
    oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sst: '<si><t>a</t></si><extLst/>' }),
  ],
  [
    'a > inside an attribute, single quotes, spaces around =',
    oneSheet(`<row r = '1' spans="1:2"><c r='A1' t = "inlineStr"><is><t>ok</t></is></c></row>`, {
      styles: STYLES.replace('yyyy\\-mm\\-dd', '[&gt;=100]0'),
    }),
  ],
];

describe('hand-written sheet XML reads as exceljs read it', () => {
  it.each(HAND)('%s', async (label, raw) => {
    await expectSame(await rawXlsx(raw), label);
  });
});

it('the 41st cell of a row and the 6,001st row stop the parse as before, with the same message', async () => {
  const wide = await rawXlsx({
    sheets: [
      data(
        `<row r="1">${Array.from({ length: 41 }, (_x, i) => `<c r="${columnName(i + 1)}1" s="1"/>`).join('')}</row>`,
      ),
    ],
  });
  expect(await expectSame(wide)).toEqual({ refused: expect.stringContaining('单元格过多') });
  const tall = await rawXlsx({
    sheets: [data(Array.from({ length: 6001 }, (_x, i) => `<row r="${i + 1}"/>`).join(''))],
  });
  expect(await expectSame(tall)).toEqual({ refused: expect.stringContaining('表格行数过多') });
});
