/**
 * Hostile .xlsx files written part by part (no exceljs: its writer would expand what we want to send
 * raw), for the xlsx fuzzer (xlsx.fuzz.test.ts) and the worst-input bench (bench/worst.ts). Cells are
 * inline strings, so a sheet is one part and every cell is where its address says.
 */
import fc from 'fast-check';
import { writeZip } from '../helpers/zip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column number → letters (1 → A, 16384 → XFD). */
export function columnName(n: number): string {
  let name = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

export interface SheetSpec {
  /** Rows of text from A1 down. */
  rows: string[][];
  /** Further filled cells anywhere: [column number, row number, text]. */
  far?: Array<[number, number, string]>;
  /** Cells that only carry a style (s="1"), anywhere: [column, row]. */
  styled?: Array<[number, number]>;
  /** Raw XML after </sheetData> (merges, validations, conditional formats). */
  tail?: string;
  /** The workbook's <definedNames> content. */
  definedNames?: string;
  /** Extra archive entries: name → content (stored as given). */
  extra?: Record<string, string>;
  /** Whitespace put inside <sheetData> (deflates ~1000:1). */
  padding?: number;
}

/** The sheet XML: rows in order, each row's cells in column order (as Excel writes them). */
function sheetXml(spec: SheetSpec): string {
  const cells = new Map<number, Map<number, string>>();
  const put = (col: number, row: number, xml: string) => {
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)!.set(col, xml);
  };
  spec.rows.forEach((r, i) =>
    r.forEach((text, j) =>
      put(j + 1, i + 1, `<c r="${columnName(j + 1)}${i + 1}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`),
    ),
  );
  for (const [col, row] of spec.styled ?? []) put(col, row, `<c r="${columnName(col)}${row}" s="1"/>`);
  for (const [col, row, text] of spec.far ?? [])
    put(col, row, `<c r="${columnName(col)}${row}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`);
  const rows = [...cells.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const row = cells.get(r)!;
      return `<row r="${r}">${[...row.keys()]
        .sort((a, b) => a - b)
        .map((c) => row.get(c))
        .join('')}</row>`;
    });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetData>${' '.repeat(spec.padding ?? 0)}${rows.join('')}</sheetData>${spec.tail ?? ''}</worksheet>`
  );
}

/**
 * A whole .xlsx: one sheet named 表1, a style sheet with one bold font (for styled cells). Zipped with
 * Node's zlib (test/helpers/zip.ts): JSZip's JavaScript deflate was most of the cost of the large ones.
 */
export async function xlsxFile(spec: SheetSpec): Promise<Buffer> {
  const parts: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets>${spec.definedNames === undefined ? '' : `<definedNames>${spec.definedNames}</definedNames>`}</workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ],
    [
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
        '<cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>',
    ],
    ['xl/worksheets/sheet1.xml', sheetXml(spec)],
    ...Object.entries(spec.extra ?? {}),
  ];
  return writeZip(new Map(parts.map(([name, xml]) => [name, { data: Buffer.from(xml, 'utf8') }])));
}

export const SCHOOL_ROWS = [
  ['学校名称', '学段', '纬度', '经度', '教师人数'],
  ['互助道小学', '小学', '39.1301', '117.2601', '88'],
  ['新建实验小学', '小学', '39.1402', '117.2702', '40'],
];

const WHOLE_SHEET = 'A1:XFD1048576';

/**
 * Named hostile files around the schools table, each small enough to send (≤ 5 MB; those over one
 * call's 90 KB go up in pieces). What each one costs is bounded by the limits of xlsx.ts / zip-guard.ts.
 * `volume: false` leaves out (unbuilt) the two whose point is their size: 5,000 × 40 and 6,001 rows.
 */
export async function hostileXlsxFiles({ volume = true } = {}): Promise<Array<{ name: string; bytes: Buffer }>> {
  const rowsOf = (n: number, cols: number) => [
    SCHOOL_ROWS[0].concat(Array.from({ length: Math.max(0, cols - 5) }, (_x, i) => `备注${i + 1}`)),
    ...Array.from({ length: n }, (_x, i) => [
      `示例学校${i}`,
      '小学',
      '39.1',
      '117.2',
      '10',
      ...Array.from({ length: Math.max(0, cols - 5) }, () => '示例'),
    ]),
  ];
  const specs: Array<[string, SheetSpec]> = [
    ['far column XFD1', { rows: SCHOOL_ROWS, far: [[16384, 1, '备注']] }],
    ['far row A1048576', { rows: SCHOOL_ROWS, far: [[1, 1048576, 'x']] }],
    [
      'styled cells at the far corners',
      {
        rows: SCHOOL_ROWS,
        styled: [
          [16384, 1],
          [1, 1048576],
          [16384, 1048576],
        ],
      },
    ],
    ...(volume
      ? ([
          ['5,000 rows × 40 columns (the largest accepted)', { rows: rowsOf(5000, 40) }],
          ['6,001 rows (over the row elements)', { rows: rowsOf(6001, 1) }],
        ] as Array<[string, SheetSpec]>)
      : []),
    ['a row of 41 cells', { rows: [...SCHOOL_ROWS, Array.from({ length: 41 }, (_x, i) => String(i))] }],
    [
      'a merge of the whole sheet',
      { rows: SCHOOL_ROWS, tail: `<mergeCells count="1"><mergeCell ref="${WHOLE_SHEET}"/></mergeCells>` },
    ],
    [
      'a validation on every cell',
      {
        rows: SCHOOL_ROWS,
        tail: `<dataValidations count="1"><dataValidation type="list" sqref="${WHOLE_SHEET}"><formula1>"小学,初中"</formula1></dataValidation></dataValidations>`,
      },
    ],
    [
      'a defined name over the whole sheet',
      { rows: SCHOOL_ROWS, definedNames: `<definedName name="全部">表1!$A$1:$XFD$1048576</definedName>` },
    ],
    [
      'a defined name spelled cell by cell (15,000 cells)',
      {
        rows: SCHOOL_ROWS,
        definedNames: `<definedName name="逐格">${Array.from({ length: 15_000 }, (_x, i) => `表1!$A$${i + 1}`).join(',')}</definedName>`,
      },
    ],
    ['40 MB of whitespace in the sheet (zip bomb)', { rows: SCHOOL_ROWS, padding: 40 * 1024 * 1024 }],
    ['2 MB of whitespace in the sheet (ratio over 200:1)', { rows: SCHOOL_ROWS, padding: 2 * 1024 * 1024 }],
    [
      '600 entries',
      {
        rows: SCHOOL_ROWS,
        extra: Object.fromEntries(Array.from({ length: 600 }, (_x, i) => [`customXml/item${i}.xml`, '<a/>'])),
      },
    ],
  ];
  const files: Array<{ name: string; bytes: Buffer }> = [];
  for (const [name, spec] of specs) files.push({ name, bytes: await xlsxFile(spec) });
  return files;
}

/**
 * A random layout for the fuzzer: the schools table plus a few cells anywhere on the sheet (a far
 * column, a far row, both), some filled and some only styled.
 */
export const farCellSheet: fc.Arbitrary<SheetSpec> = fc.record({
  rows: fc.constant(SCHOOL_ROWS),
  far: fc.array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 16384 }), fc.constant(16384)),
      fc.oneof(fc.integer({ min: 1, max: 6000 }), fc.integer({ min: 1, max: 1048576 }), fc.constant(1048576)),
      fc.constantFrom('x', '备注', ' ', '\u3000', '0'),
    ),
    { maxLength: 4 },
  ),
  styled: fc.array(fc.tuple(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 })), {
    maxLength: 4,
  }),
});
