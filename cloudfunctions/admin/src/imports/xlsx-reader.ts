/**
 * Reads the first sheet of an .xlsx from its inflated parts (zip-guard.ts) with the linear tokenizer
 * of xml-scan.ts: what exceljs 4.4 (the reader before it) made of a sheet, without its cost (a
 * 5,000 × 40 sheet took exceljs ~1.4 s: a Cell, Column and style object per cell, every sheet and
 * part parsed). The parse below is a port of exceljs's own state machines (worksheet → sheetData →
 * row → c → rich text run; sst → si; styleSheet → numFmts / cellXfs; workbook → sheets; relations),
 * kept to the parts an import reads, so a cell reads as it did: shared and inline strings, rich text
 * runs joined, numbers and booleans as text, dates (a number under a date format) as YYYY-MM-DD,
 * formulas by their cached value (a cached 0 or false read as empty, as before), errors as empty,
 * a styled empty cell as nothing. test/cloud/xlsx-reader.test.ts compares it with exceljs.
 *
 * Two deliberate differences: only the first sheet is parsed (exceljs parsed every sheet, so a broken
 * or oversized second sheet refused the file), and XML well-formedness is checked by xml-scan.ts
 * (what it refuses, exceljs's parser refused too, though not always with the same message).
 */
import { scanXml, type Attrs, type TagAttrs } from './xml-scan';

/** Element counts a parse may reach before it stops (exceljs's maxRows / maxCols). */
export interface ParseLimits {
  rowElements: number;
  columns: number;
}

/** What a count overflow is, for the caller to word. */
export class CountOverflow extends Error {
  constructor(readonly what: 'rows' | 'columns') {
    super(`Max ${what === 'rows' ? 'row' : 'column'} count exceeded`);
  }
}

/** A cell's value as exceljs's `cell.value` gave it. */
export type CellValue =
  | null
  | number
  | string
  | boolean
  | Date
  | { richText: Array<{ text?: unknown }> }
  | { error: string }
  | { result?: unknown }
  | Record<string, unknown>;

export interface SheetCell {
  col: number;
  /** Null cells (only a style) are kept: they count as cells but hold no value. */
  isNull: boolean;
  value: CellValue;
}

export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

// ---------------------------------------------------------------------------------------------
// The parse: one small class per exceljs xform, each answering as the original does (in particular
// `close` returning false means "my element is done", which is how a parent learns of it).

/** parseInt as exceljs called it on an attribute (a missing one is NaN). */
const int = (v: string | undefined) => parseInt(v as string, 10);

interface Xform {
  model?: any;
  open(name: string, attrs: TagAttrs): boolean;
  text(text: string): void;
  close(name: string): boolean;
}

/** A known element whose content an import never needs: read past it, whatever it holds. */
class Skip implements Xform {
  private depth = 0;
  open(): boolean {
    this.depth++;
    return true;
  }
  text(): void {}
  close(): boolean {
    return --this.depth > 0;
  }
}

/**
 * The readers that have taken an element in the part being parsed, innermost last (parsePart's). In
 * exceljs each parser hands every event on to the child it reads until the child's close answers false;
 * here the events go straight to the innermost, and its parent hears of its end: the same answers with
 * one call per event instead of one per level.
 */
class Readers {
  private readonly below: Xform[] = [];
  constructor(public top: Xform) {}
  push(x: Xform): void {
    this.below.push(this.top);
    this.top = x;
  }
  /** Drops the innermost; its parent is then the innermost. */
  pop(): void {
    this.top = this.below.pop()!;
  }
  get atRoot(): boolean {
    return this.below.length === 0;
  }
}
let readers = new Readers(null as never);

/**
 * An element whose children other xforms read (exceljs's BaseXform over its map of children). A
 * subclass says what its own tag starts, which reader a child element gets, and what a child's end or
 * a close of its own (no child reading) means.
 */
abstract class Parent implements Xform {
  constructor(protected readonly tag: string) {}
  /** The reader offered a child element: it takes the element when its open answers true. */
  protected abstract childFor(name: string): Xform | undefined;
  /** Its own tag opened. */
  protected begin(_attrs: TagAttrs): void {}
  /** What `open` answers for an element no child takes: not this reader's (a subclass may read past it or refuse it). */
  protected stray(_name: string): boolean {
    return false;
  }
  /** The element a child took closed. */
  childDone(_child: Xform, _name: string): void {}
  /** A close while no child reads: false ends the element. */
  protected end(name: string): boolean {
    return name !== this.tag;
  }
  open(name: string, attrs: TagAttrs): boolean {
    if (name === this.tag) {
      this.begin(attrs);
      return true;
    }
    const child = this.childFor(name);
    if (!child) return this.stray(name);
    // In place before it opens: what it takes in turn goes above it.
    readers.push(child);
    if (child.open(name, attrs)) return true;
    readers.pop();
    return this.stray(name);
  }
  text(): void {}
  close(name: string): boolean {
    return this.end(name);
  }
}

/**
 * A part's root element (worksheet, styleSheet, workbook): the children an import needs are read by
 * their readers, the others exceljs knew read past, and anything else ignored; its close sets the model.
 */
abstract class Root extends Parent {
  /** The readers of the children an import needs, by tag. */
  protected abstract readonly children: ReadonlyMap<string, Xform>;
  /** The other children exceljs parsed: read past. */
  protected abstract readonly skipped: ReadonlySet<string>;
  protected childFor(name: string): Xform | undefined {
    return this.children.get(name) ?? (this.skipped.has(name) ? new Skip() : undefined);
  }
  protected stray(): boolean {
    return true;
  }
  protected abstract finish(): void;
  protected end(name: string): boolean {
    if (name !== this.tag) return true;
    this.finish();
    return false;
  }
}

/** `<tag>` holding elements one reader reads, each model listed (a stray close ends it, as in exceljs). */
class List extends Parent {
  model: any[] | null = null;
  constructor(
    tag: string,
    private readonly child: Xform,
    private readonly maxItems?: number,
    private readonly overflow?: () => Error,
  ) {
    super(tag);
  }
  reset() {
    this.model = null;
  }
  protected childFor(): Xform {
    return this.child;
  }
  protected begin(): void {
    this.model = [];
  }
  childDone(child: Xform): void {
    pushCounted(this.model!, child.model, this.maxItems, this.overflow);
  }
  protected end(): boolean {
    return false;
  }
}

/** Lists an item; throws `overflow()` past `max` items (no `max`: no limit). */
function pushCounted(items: unknown[], item: unknown, max?: number, overflow?: () => Error) {
  items.push(item);
  if (max && items.length > max) throw overflow!();
}

/** An element read from its attributes alone (`read` answers its model). */
class AttrsX<M> implements Xform {
  model: M | undefined;
  constructor(
    private readonly tag: string,
    private readonly read: (attrs: TagAttrs) => M,
  ) {}
  open(name: string, attrs: TagAttrs): boolean {
    if (name !== this.tag) return false;
    this.model = this.read(attrs);
    return true;
  }
  text(): void {}
  close(): boolean {
    return false;
  }
}

/** `<t>`: its text, with Excel's `_xHHHH_` escapes read (as exceljs's TextXform). */
class TextX implements Xform {
  private parts: string[] = [];
  get model(): string {
    return this.parts
      .join('')
      .replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  open(name: string): boolean {
    if (name !== 't') return false;
    this.parts = [];
    return true;
  }
  text(text: string): void {
    this.parts.push(text);
  }
  close(): boolean {
    return false;
  }
}

/** A run's font: read past (only its end matters). */
class FontX implements Xform {
  model: any;
  private depth = 0;
  reset() {
    this.depth = 0;
  }
  open(name: string): boolean {
    if (this.depth++ === 0) this.model = {};
    return name === 'rPr' || this.depth > 1;
  }
  text(): void {}
  close(): boolean {
    return --this.depth > 0;
  }
}

/** `<r>`: a rich text run. */
class RichX implements Xform {
  model: any;
  private parser?: Xform;
  private readonly textX = new TextX();
  private readonly font = new FontX();
  open(name: string, attrs: TagAttrs): boolean {
    if (this.parser) {
      this.parser.open(name, attrs);
      return true;
    }
    switch (name) {
      case 'r':
        this.model = {};
        return true;
      case 't':
        this.parser = this.textX;
        this.parser.open(name, attrs);
        return true;
      case 'rPr':
        this.font.reset();
        this.parser = this.font;
        this.parser.open(name, attrs);
        return true;
      default:
        return false;
    }
  }
  text(text: string): void {
    this.parser?.text(text);
  }
  close(name: string): boolean {
    switch (name) {
      case 'r':
        return false;
      case 't':
        this.model.text = this.parser!.model;
        this.parser = undefined;
        return true;
      case 'rPr':
        this.model.font = this.parser!.model;
        this.parser = undefined;
        return true;
      default:
        this.parser?.close(name);
        return true;
    }
  }
}

/** exceljs's cell value types (Cell.Types), those a read cell can have. */
const T = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Formula: 6, RichText: 8, Boolean: 9, Error: 10 } as const;
type T = (typeof T)[keyof typeof T];

interface CellModel {
  address?: string;
  styleId?: number;
  value?: any;
  formula?: string;
  shareType?: string;
  result?: any;
  type?: T;
}

/** exceljs's utils.xmlDecode, applied (a second time) to `t="str"` values. */
const xmlDecode = (text: any): string =>
  text.replace(/&([a-z]*);/g, (c: string) =>
    c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c,
  );

/** `<c>`. */
class CellX implements Xform {
  model: CellModel | null = null;
  private t?: string;
  private current?: string;
  private parser?: RichX;
  private readonly rich = new RichX();
  open(name: string, attrs: TagAttrs): boolean {
    if (this.parser) {
      this.parser.open(name, attrs);
      return true;
    }
    switch (name) {
      case 'c': {
        this.model = { address: attrs.get('r') };
        this.t = attrs.get('t');
        const s = attrs.get('s');
        if (s) this.model.styleId = int(s);
        return true;
      }
      case 'f':
        this.current = 'f';
        this.model!.shareType = attrs.get('t');
        return true;
      case 'v':
      case 't':
        this.current = name;
        return true;
      case 'r':
        this.parser = this.rich;
        this.parser.open(name, attrs);
        return true;
      default:
        return false;
    }
  }
  text(text: string): void {
    if (this.parser) return this.parser.text(text);
    const m = this.model!;
    if (this.current === 'f') m.formula = m.formula ? m.formula + text : text;
    else if (this.current === 'v' || this.current === 't') {
      if (m.value && m.value.richText)
        m.value.richText.text = m.value.richText.text ? m.value.richText.text + text : text;
      else m.value = m.value ? m.value + text : text;
    }
  }
  close(name: string): boolean {
    switch (name) {
      case 'c': {
        const m = this.model!;
        if (m.formula || m.shareType) {
          m.type = T.Formula;
          if (m.value) {
            if (this.t === 'str') m.result = xmlDecode(m.value);
            else if (this.t === 'b') m.result = parseInt(m.value, 10) !== 0;
            else if (this.t === 'e') m.result = { error: m.value };
            else m.result = parseFloat(m.value);
            m.value = undefined;
          }
        } else if (m.value !== undefined) {
          switch (this.t) {
            case 's':
              m.type = T.String;
              m.value = parseInt(m.value, 10);
              break;
            case 'str':
              m.type = T.String;
              m.value = xmlDecode(m.value);
              break;
            case 'inlineStr':
              m.type = T.String;
              break;
            case 'b':
              m.type = T.Boolean;
              m.value = parseInt(m.value, 10) !== 0;
              break;
            case 'e':
              m.type = T.Error;
              m.value = { error: m.value };
              break;
            default:
              m.type = T.Number;
              m.value = parseFloat(m.value);
          }
        } else m.type = m.styleId ? T.Null : T.Merge;
        return false;
      }
      case 'f':
      case 'v':
      case 'is':
        this.current = undefined;
        return true;
      case 't':
        if (this.parser) {
          this.parser.close(name);
          return true;
        }
        this.current = undefined;
        return true;
      case 'r': {
        const m = this.model!;
        m.value = m.value || {};
        if (typeof m.value !== 'object') throw new TypeError('rich text run after plain text');
        m.value.richText = m.value.richText || [];
        m.value.richText.push(this.parser!.model);
        this.parser = undefined;
        this.current = undefined;
        return true;
      }
      default:
        if (this.parser) {
          this.parser.close(name);
          return true;
        }
        return false;
    }
  }
}

interface RowModel {
  number: number;
  styleId?: number;
  cells: Array<CellModel | null>;
}

/** `<row>`: its cells (a stray close ends it, as in exceljs). */
class RowX extends Parent {
  model: RowModel | null = null;
  readonly cell = new CellX();
  constructor(
    private readonly maxItems: number,
    private readonly overflow: () => Error,
  ) {
    super('row');
  }
  protected begin(attrs: TagAttrs): void {
    this.model = { number: int(attrs.get('r')), cells: [] };
    const s = attrs.get('s');
    if (s) this.model.styleId = int(s);
  }
  protected childFor(name: string): Xform | undefined {
    return name === 'c' ? this.cell : undefined;
  }
  /** Every cell opens here: straight to the cell's reader (Parent.open's answer, without its lookups). */
  open(name: string, attrs: TagAttrs): boolean {
    if (name !== 'c') return super.open(name, attrs);
    readers.push(this.cell);
    return this.cell.open(name, attrs);
  }
  childDone(child: Xform): void {
    pushCounted(this.model!.cells, child.model, this.maxItems, this.overflow);
  }
  protected end(): boolean {
    return false;
  }
}

/** Worksheet elements exceljs parsed. */
const WORKSHEET_KNOWN = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
]);
/**
 * Those the import's reader told exceljs to skip (its `ignoreNodes`): not read at all. Exported for
 * test/cloud/xlsx-reader.test.ts, whose exceljs reference is given the same list.
 */
export const WORKSHEET_IGNORED: readonly string[] = [
  'mergeCells',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'hyperlinks',
  'cols',
  'dimension',
  'autoFilter',
  'rowBreaks',
  'drawing',
  'legacyDrawing',
  'picture',
  'tableParts',
];

/** What a worksheet's reader reads past: the elements exceljs parsed, but sheetData and the ignored. */
const WORKSHEET_SKIPPED = new Set(
  [...WORKSHEET_KNOWN].filter((name) => name !== 'sheetData' && !WORKSHEET_IGNORED.includes(name)),
);

/** `<worksheet>`: its rows (null when it has no sheetData); anything else is read past. */
class WorksheetX extends Root {
  model: { rows: RowModel[] | null } | undefined;
  private readonly row: RowX;
  private readonly sheetData: List;
  protected readonly children: ReadonlyMap<string, Xform>;
  protected readonly skipped = WORKSHEET_SKIPPED;
  constructor(limits: ParseLimits) {
    super('worksheet');
    this.row = new RowX(limits.columns, () => new CountOverflow('columns'));
    this.sheetData = new List('sheetData', this.row, limits.rowElements, () => new CountOverflow('rows'));
    this.children = new Map([['sheetData', this.sheetData]]);
  }
  protected begin(): void {
    this.sheetData.reset();
    this.row.model = null;
    this.row.cell.model = null;
  }
  protected finish(): void {
    this.model = { rows: this.sheetData.model as RowModel[] | null };
  }
}

/** A part with one top-level reader: events until the reader's root is done (exceljs's `parse`). */
function parsePart<X extends Xform>(xml: string, x: X): X {
  const stack = new Readers(x);
  readers = stack;
  scanXml(xml, {
    open: (name, attrs) => void stack.top.open(name, attrs),
    text: (text) => stack.top.text(text),
    close: (name) => {
      const top = stack.top;
      if (top.close(name)) return false;
      if (stack.atRoot) return true;
      stack.pop();
      (stack.top as Parent).childDone(top, name);
      return false;
    },
  });
  return x;
}

// --- shared strings -------------------------------------------------------------------------

/** Pushes a run onto a string's runs (a plain string keeps its text and drops runs, as before). */
function addRun(model: any, run: unknown) {
  if (model && typeof model === 'object') (model.richText = model.richText || []).push(run);
}

/**
 * A string made of runs: `<si>` (a string, or `{ richText }`, or `{}` when it holds neither) and `<rPh>`
 * (phonetic text inside it, read and dropped). One state machine, told its own tag and children.
 */
class RunsX extends Parent {
  model: any;
  constructor(
    tag: 'si' | 'rPh',
    private readonly map: Record<string, Xform>,
  ) {
    super(tag);
  }
  protected begin(): void {
    this.model = {};
  }
  protected childFor(name: string): Xform | undefined {
    return Object.prototype.hasOwnProperty.call(this.map, name) ? this.map[name] : undefined;
  }
  childDone(child: Xform, name: string): void {
    if (name === 'r') addRun(this.model, child.model);
    else if (name === 't') this.model = child.model;
  }
}

const siX = () =>
  new RunsX('si', { r: new RichX(), t: new TextX(), rPh: new RunsX('rPh', { r: new RichX(), t: new TextX() }) });

class SstX extends Parent {
  readonly values: any[] = [];
  private readonly si = siX();
  constructor() {
    super('sst');
  }
  protected childFor(name: string): Xform | undefined {
    return name === 'si' ? this.si : undefined;
  }
  protected stray(name: string): boolean {
    throw new Error(`sharedStrings: unexpected <${name.slice(0, 40)}>`);
  }
  childDone(child: Xform): void {
    this.values.push(child.model);
  }
  protected end(name: string): boolean {
    if (name === this.tag) return false;
    throw new Error(`sharedStrings: unexpected </${name.slice(0, 40)}>`);
  }
}

// --- styles: only what tells a date from a number --------------------------------------------

/** exceljs's built-in number formats (those it knew by id; the locale-dependent ones it did not). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt: quoted text and [...] removed, then any date or time letter. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const numFmtX = () =>
  new AttrsX('numFmt', (attrs) => ({
    id: int(attrs.get('numFmtId')),
    formatCode: (attrs.get('formatCode') as any).replace(/[\\](.)/g, '$1') as string,
  }));

/** `<xf>`: a cell format's number format id; its alignment and protection read past. */
class XfX extends Parent {
  model: { numFmtId: number } | undefined;
  constructor() {
    super('xf');
  }
  protected begin(attrs: TagAttrs): void {
    this.model = { numFmtId: int(attrs.get('numFmtId')) };
  }
  protected childFor(name: string): Xform | undefined {
    return name === 'alignment' || name === 'protection' ? new Skip() : undefined;
  }
}

const STYLE_PARTS = new Set([
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'dxfs',
  'numFmt',
  'font',
  'fill',
  'border',
  'style',
  'cellStyles',
  'tableStyles',
  'extLst',
]);

class StylesX extends Root {
  /** Set when `</styleSheet>` is read: the cell formats' number format ids, and custom formats by id. */
  model: { styles?: Array<{ numFmtId: number }>; formats: Map<number, string> } | undefined;
  private readonly numFmts = new List('numFmts', numFmtX());
  private readonly cellXfs = new List('cellXfs', new XfX());
  protected readonly children = new Map<string, Xform>([
    ['numFmts', this.numFmts],
    ['cellXfs', this.cellXfs],
  ]);
  protected readonly skipped = STYLE_PARTS;
  constructor() {
    super('styleSheet');
  }
  protected finish(): void {
    const formats = new Map<number, string>();
    for (const f of this.numFmts.model ?? []) formats.set(f.id, f.formatCode);
    const styles = this.cellXfs.model && this.cellXfs.model.length ? this.cellXfs.model : undefined;
    this.model = { styles, formats };
  }

  /** The number format of cell format `id` (exceljs's getStyleModel: throws where it did). */
  numFmtOf(id: number): { numFmt?: string } | null {
    if (!this.model || !this.model.styles) throw new TypeError('styles: no cell formats');
    const style = this.model.styles[id];
    if (!style) return null;
    if (!style.numFmtId) return {};
    const numFmt = this.model.formats.get(style.numFmtId) || BUILT_IN_FORMATS[style.numFmtId];
    return numFmt ? { numFmt } : {};
  }
}

// --- workbook and its relations: which sheet is first ----------------------------------------

const WORKBOOK_SKIPPED = new Set(['fileVersion', 'bookViews', 'definedNames', 'calcPr']);

class WorkbookX extends Root {
  model: { sheets: Array<{ id: number; rId: string | undefined }> | null; date1904: boolean } | undefined;
  private readonly sheets = new List(
    'sheets',
    new AttrsX('sheet', (attrs) => ({ id: int(attrs.get('sheetId')), rId: attrs.get('r:id') })),
  );
  private readonly pr = new AttrsX('workbookPr', (attrs) => ({ date1904: attrs.get('date1904') === '1' }));
  protected readonly children = new Map<string, Xform>([
    ['sheets', this.sheets],
    ['workbookPr', this.pr],
  ]);
  protected readonly skipped = WORKBOOK_SKIPPED;
  constructor() {
    super('workbook');
  }
  protected finish(): void {
    this.model = { sheets: this.sheets.model, date1904: !!this.pr.model?.date1904 };
  }
}

class RelsX implements Xform {
  model: Attrs[] | undefined;
  private inRel = false;
  private rel: Attrs | undefined;
  open(name: string, attrs: TagAttrs): boolean {
    if (this.inRel) return true;
    if (name === 'Relationships') {
      this.model = [];
      return true;
    }
    if (name !== 'Relationship') throw new Error(`relationships: unexpected <${name.slice(0, 40)}>`);
    this.inRel = true;
    this.rel = attrs.all();
    return true;
  }
  text(): void {}
  close(name: string): boolean {
    if (this.inRel) {
      this.model!.push(this.rel!);
      this.inRel = false;
      return true;
    }
    if (name === 'Relationships') return false;
    throw new Error(`relationships: unexpected </${name.slice(0, 40)}>`);
  }
}

const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
/** The largest array index + 1: a sheet id or row number beyond it was a plain property to exceljs, never listed. */
const MAX_INDEX = 2 ** 32 - 1;

/**
 * The part name of the first sheet as exceljs ordered them: sheets of the workbook whose relation
 * leads to a sheet part, by their place in the workbook (by id when two share a place); a sheet id
 * that is not a positive whole number never listed. Null when there is none.
 */
function firstSheetPart(parts: Map<string, Buffer>): { part: string | null; date1904: boolean } {
  const workbookXml = parts.get('xl/workbook.xml');
  if (!workbookXml) return { part: null, date1904: false };
  const workbook = parsePart(workbookXml.toString('utf8'), new WorkbookX()).model;
  if (!workbook) throw new Error('workbook: not closed');
  const relsXml = parts.get('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, Attrs>();
  if (relsXml)
    for (const rel of parsePart(relsXml.toString('utf8'), new RelsX()).model ?? []) rels.set(String(rel.Id), rel);
  const sheets = workbook.sheets ?? [];
  // Sheet part → the id of the last sheet entry that names it.
  const idOf = new Map<string, number>();
  for (const sheet of sheets) {
    // exceljs looked relations up in a plain object: a missing id is the key "undefined".
    const rel = rels.get(String(sheet.rId));
    if (!rel) continue;
    const path = `xl/${(rel.Target as any).replace(/^(\s|\/xl\/)+/, '')}`;
    if (SHEET_PART.test(path) && parts.has(path)) idOf.set(path, sheet.id);
  }
  // Id → part: the last sheet part (in archive order) under an id wins.
  const byId = new Map<number, string>();
  for (const name of parts.keys()) {
    const id = idOf.get(name);
    if (id !== undefined && Number.isInteger(id) && id >= 1 && id < MAX_INDEX) byId.set(id, name);
  }
  let best: { part: string; order: number; id: number } | null = null;
  for (const [id, part] of byId) {
    const order = sheets.findIndex((s) => s.id === id);
    if (!best || order < best.order || (order === best.order && id < best.id)) best = { part, order, id };
  }
  return { part: best?.part ?? null, date1904: workbook.date1904 };
}

// --- cells as exceljs set them on the sheet ----------------------------------------------------

/** The row digits of the address decodeAddress read last (undefined when it had none). */
let decodedRow: number | undefined;

/**
 * exceljs's colCache.decodeAddress: letters before digits, `$` ignored, stops at other characters.
 * Answers the column (0 when there were no letters) and leaves the row in `decodedRow`; the address
 * exceljs then validated (/^[A-Z]+\d+$/ on the letters and digits it kept) is valid when both exist.
 */
function decodeAddress(value: string): number {
  let col = 0;
  let row = 0;
  let hasRow = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      col = col * 26 + c - 64;
      // A column past XFD cannot exist (exceljs threw once the letters were read; they only grow).
      if (col > 16384) throw new Error('Out of bounds. Invalid column letter');
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (hasRow && col && c !== 36) break;
  }
  decodedRow = hasRow ? row : undefined;
  return col;
}

/** Column number → letters (1 → A, 16384 → XFD). */
export function columnName(n: number): string {
  let name = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

const excelToDate = (v: any, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** The cell's value as `cell.value` answered (a formula: its cached result when truthy, as exceljs copied it). */
function valueOf(m: CellModel): CellValue {
  switch (m.type) {
    case T.Null:
      return null;
    case T.Formula:
      return m.result ? { result: m.result } : {};
    case undefined:
      // A cell cut short by an unknown element inside it: exceljs made it a JSON value holding nothing.
      return undefined as never;
    default:
      return m.value;
  }
}

export interface ReadSheet {
  /** The sheet's rows that hold a cell with a value or a style, by row number, each cell by column. */
  rows: SheetRow[];
}

/**
 * The first sheet of the inflated parts, as exceljs's worksheet held it. Throws CountOverflow when a
 * count passes `limits` during the parse, a plain Error for anything exceljs could not read; null when
 * the workbook has no sheet.
 */
export function readSheetParts(parts: Map<string, Buffer>, limits: ParseLimits): ReadSheet | null {
  const { part, date1904 } = firstSheetPart(parts);
  if (!part) return null;
  // The parts in archive order, as exceljs parsed them (which error comes first).
  let sst: SstX | null = null;
  let styles: StylesX | null = null;
  let sheet: WorksheetX['model'];
  for (const [name, bytes] of parts) {
    if (name === 'xl/sharedStrings.xml') sst = parsePart(bytes.toString('utf8'), new SstX());
    else if (name === 'xl/styles.xml') styles = parsePart(bytes.toString('utf8'), new StylesX());
    else if (name === part) sheet = parsePart(bytes.toString('utf8'), new WorksheetX(limits)).model;
  }
  if (!sheet) throw new Error('worksheet: not closed');
  const rowModels = (sheet.rows && sheet.rows.filter(Boolean)) || [];

  // As exceljs: every row reconciled first (shared strings in, dates out of numbers under a date
  // format), then the rows set on the sheet. There a row number's last row element wins, and in a
  // row a column's last cell (merge placeholders skipped). Rows and cells come in order almost
  // always: kept in lists until one does not.
  const rows = new Ordered<SheetRow>();
  for (const row of rowModels) {
    const models = ((row.cells && row.cells.filter(Boolean)) || []) as CellModel[];
    if (row.styleId) {
      if (!styles) throw new TypeError('row style without styles');
      styles.numFmtOf(row.styleId);
    }
    for (const m of models) {
      const style = m.styleId && styles ? styles.numFmtOf(m.styleId) : null;
      if (m.type === T.String) {
        if (typeof m.value === 'number' && sst) m.value = sst.values[m.value];
        if (m.value.richText) m.type = T.RichText;
      } else if (m.type === T.Number) {
        if (style && isDateFmt(style.numFmt)) {
          m.type = T.Date;
          m.value = excelToDate(m.value, date1904);
        }
      } else if (m.type === T.Formula) {
        if (m.result !== undefined && style && isDateFmt(style.numFmt)) m.result = excelToDate(m.result, date1904);
      }
    }
  }
  for (const row of rowModels) {
    if (Number.isNaN(row.number)) throw new Error('Invalid row number in model');
    const cells = new Ordered<SheetCell>();
    let col = 0;
    let rowOfAddress: number | undefined;
    let hasPrevious = false;
    for (const m of row.cells as CellModel[]) {
      if (!m || m.type === T.Merge) continue;
      if (m.address) {
        col = decodeAddress(m.address);
        if (!col) throw new Error('A Cell needs a column');
        rowOfAddress = decodedRow;
      } else if (hasPrevious) {
        // exceljs: a cell without an address is the next column, in the previous cell's row.
        col++;
        if (col > 16384) throw new Error(`${col} is out of bounds. Excel supports columns from 1 to 16384`);
      } else throw new TypeError('a cell without an address');
      hasPrevious = true;
      // exceljs validated the address (letters and digits) only when the column had no cell yet in this row.
      if (!cells.set(col, { col, isNull: m.type === T.Null, value: valueOf(m) }) && rowOfAddress === undefined)
        throw new Error('Invalid Address');
    }
    if (row.number >= 1 && row.number <= MAX_INDEX - 1)
      rows.set(row.number, { number: row.number, cells: cells.values() });
  }
  return { rows: rows.values() };
}

/** Items by a whole-number key, the last set under a key winning, listed by key. */
class Ordered<V> {
  private readonly keys: number[] = [];
  private readonly items: V[] = [];
  private map: Map<number, V> | null = null;
  /** Sets `value` under `key`; true when the key was taken already. */
  set(key: number, value: V): boolean {
    if (!this.map && (!this.keys.length || key > this.keys[this.keys.length - 1])) {
      this.keys.push(key);
      this.items.push(value);
      return false;
    }
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.keys.length; i++) this.map.set(this.keys[i], this.items[i]);
    }
    const taken = this.map.has(key);
    this.map.set(key, value);
    return taken;
  }
  values(): V[] {
    if (!this.map) return this.items;
    return [...this.map.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }
}

/** A cell's text: dates as YYYY-MM-DD, rich text and formulas by their shown value (as before). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return (v as { richText: Array<{ text?: unknown }> }).richText.map((t) => t.text).join('');
    if ('result' in v) return cellText((v as { result?: unknown }).result ?? null);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}
