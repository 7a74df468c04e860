/**
 * A small non-validating XML tokenizer for the spreadsheet parts an import reads: start tags with their
 * attributes, decoded text and end tags, in document order, as a SAX parser reports them (a
 * self-closing tag is a start and an end; CDATA, comments, processing instructions and the doctype
 * report nothing). Every step moves forward with indexOf or a single character test, so the cost is
 * linear in the bytes whatever they hold; no regular expression here can backtrack.
 *
 * It refuses, by throwing a plain Error (the caller words it for the user), what a conforming parser
 * refuses and an import could otherwise misread: mismatched or stray end tags, characters XML forbids,
 * undefined entities, a bare `&`, `<` in an attribute, duplicate attributes, `]]>` in text.
 */

export type Attrs = Record<string, string>;

/**
 * A start tag's attributes, read on demand: most elements of a sheet are opened for their name alone,
 * so their attributes are neither cut out nor decoded (values are decoded when asked for).
 */
export interface TagAttrs {
  get(name: string): string | undefined;
  /** Every attribute, decoded. */
  all(): Attrs;
}

export interface XmlHandler {
  open(name: string, attrs: TagAttrs): void;
  text(text: string): void;
  /** Returns true when the document has been read far enough: the scan stops there. */
  close(name: string): boolean;
}

/** Characters XML 1.0 forbids anywhere in a document (lone surrogates cannot come out of UTF-8 decoding). */
// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters: finding them is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const fail = (what: string, at: number): never => {
  throw new Error(`xml: ${what} at ${at}`);
};

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function isDigits(s: string, from: number, hex: boolean): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!digit && !(hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)))) return false;
  }
  return true;
}

/** Replaces the predefined and numeric entities; anything else is an error. */
function decodeEntities(s: string, at: number): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) fail('bare &', at + amp);
    const name = s.slice(amp + 1, semi);
    let ch: string;
    if (name === 'lt') ch = '<';
    else if (name === 'gt') ch = '>';
    else if (name === 'amp') ch = '&';
    else if (name === 'quot') ch = '"';
    else if (name === 'apos') ch = "'";
    else if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      if (!isDigits(name, hex ? 2 : 1, hex)) fail(`bad character reference &${name.slice(0, 12)};`, at + amp);
      const cp = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (!isXmlChar(cp)) fail('character reference to a forbidden character', at + amp);
      ch = String.fromCodePoint(cp);
    } else ch = fail(`undefined entity &${name.slice(0, 12)};`, at + amp);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** Attribute-value normalization: each literal tab or line break reads as a space (references stay). */
function attrValue(raw: string, at: number): string {
  if (raw.indexOf('<') >= 0) fail('< in an attribute value', at);
  let v = raw;
  if (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0) v = v.split('\t').join(' ').split('\n').join(' ');
  return decodeEntities(v, at);
}

/** Element names a sheet repeats hundreds of thousands of times, by length: matched in place, not cut out. */
const COMMON: string[][] = [
  [],
  ['c', 't', 'v', 'f', 'r', 'b', 'i', 'u'],
  ['is', 'si', 'sz', 'xf'],
  ['row', 'rPr', 'rPh', 'sst'],
  ['font'],
  ['color', 'rFont'],
  ['family', 'scheme', 'numFmt'],
  ['charset'],
  [],
  ['sheetData', 'worksheet'],
];

/** Attribute values as common (cell types, flags): matched in place. */
const COMMON_VALUES: string[][] = [
  [''],
  ['s', 'b', 'e', 'n', '1', '0'],
  [],
  ['str'],
  [],
  [],
  [],
  [],
  [],
  ['inlineStr'],
];

function nameAt(xml: string, start: number, end: number): string {
  const common = COMMON[end - start];
  if (common) for (const name of common) if (xml.startsWith(name, start)) return name;
  return xml.slice(start, end);
}

/** The attributes of the start tag being reported: positions in the document, reused from tag to tag. */
class Tag implements TagAttrs {
  count = 0;
  private readonly at: number[] = [];
  constructor(private readonly xml: string) {}
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) {
    const k = this.count++ * 4;
    this.at[k] = nameStart;
    this.at[k + 1] = nameEnd;
    this.at[k + 2] = valueStart;
    this.at[k + 3] = valueEnd;
  }
  private nameIs(i: number, name: string): boolean {
    const start = this.at[i * 4];
    return this.at[i * 4 + 1] - start === name.length && this.xml.startsWith(name, start);
  }
  private sameName(i: number, j: number): boolean {
    const a = this.at[i * 4];
    const b = this.at[j * 4];
    const length = this.at[i * 4 + 1] - a;
    if (this.at[j * 4 + 1] - b !== length) return false;
    for (let k = 0; k < length; k++) if (this.xml.charCodeAt(a + k) !== this.xml.charCodeAt(b + k)) return false;
    return true;
  }
  private value(i: number): string {
    const start = this.at[i * 4 + 2];
    const common = COMMON_VALUES[this.at[i * 4 + 3] - start];
    if (common) for (const v of common) if (this.xml.startsWith(v, start)) return v;
    return attrValue(this.xml.slice(this.at[i * 4 + 2], this.at[i * 4 + 3]), this.at[i * 4 + 2]);
  }
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.nameIs(i, name)) return this.value(i);
    return undefined;
  }
  all(): Attrs {
    const out: Attrs = Object.create(null);
    for (let i = 0; i < this.count; i++) out[this.xml.slice(this.at[i * 4], this.at[i * 4 + 1])] = this.value(i);
    return out;
  }
  /** A duplicate attribute is an error (a set past a few attributes, so a hostile tag stays linear). */
  checkDuplicates() {
    if (this.count < 2) return;
    if (this.count <= 8) {
      for (let i = 1; i < this.count; i++)
        for (let j = 0; j < i; j++) if (this.sameName(i, j)) fail('duplicate attribute', this.at[i * 4]);
      return;
    }
    const seen = new Set<string>();
    for (let i = 0; i < this.count; i++) {
      const name = this.xml.slice(this.at[i * 4], this.at[i * 4 + 1]);
      if (seen.has(name)) fail('duplicate attribute', this.at[i * 4]);
      seen.add(name);
    }
  }
}

/**
 * Scans `xml` (a part decoded from UTF-8) and reports its events to `handler` until the handler's
 * `close` returns true or the document ends. Line ends are normalized (`\r\n` and `\r` read as `\n`).
 */
export function scanXml(source: string, handler: XmlHandler): void {
  let xml = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (FORBIDDEN.test(xml)) fail('forbidden character', 0);
  if (xml.indexOf('\r') >= 0) xml = xml.split('\r\n').join('\n').split('\r').join('\n');
  const stack: string[] = [];
  const n = xml.length;
  const tag = new Tag(xml);
  let pos = 0;
  let rooted = false;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const end = lt < 0 ? n : lt;
    if (end > pos) {
      const raw = xml.slice(pos, end);
      if (raw.indexOf(']]>') >= 0) fail(']]> in text', pos);
      if (stack.length) handler.text(decodeEntities(raw, pos));
      else
        for (let i = 0; i < raw.length; i++)
          if (!isSpace(raw.charCodeAt(i))) fail('text outside the root element', pos + i);
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) fail('unclosed end tag', lt);
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = nameAt(xml, lt + 2, nameEnd);
      if (stack.pop() !== name) fail(`unexpected end tag </${name.slice(0, 40)}>`, lt);
      pos = gt + 1;
      if (handler.close(name)) return;
      continue;
    }
    if (c === 63 /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) fail('unclosed processing instruction', lt);
      pos = close + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) fail('unclosed comment', lt);
        pos = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (!stack.length) fail('CDATA outside the root element', lt);
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0) fail('unclosed CDATA section', lt);
        pos = close + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        const gt = xml.indexOf('>', lt);
        const bracket = xml.indexOf('[', lt);
        let close = gt;
        if (bracket >= 0 && bracket < gt) {
          const subsetEnd = xml.indexOf(']', bracket);
          close = subsetEnd < 0 ? -1 : xml.indexOf('>', subsetEnd);
        }
        if (close < 0) fail('unclosed doctype', lt);
        pos = close + 1;
      } else fail('unknown markup', lt);
      continue;
    }
    // A start tag: its name, then attributes up to `>` or `/>` (a `>` inside a quoted value is text).
    let i = lt + 1;
    while (i < n) {
      const ch = xml.charCodeAt(i);
      if (isSpace(ch) || ch === 62 /* > */ || ch === 47 /* / */) break;
      i++;
    }
    const first = xml.charCodeAt(lt + 1);
    if (i === lt + 1 || first === 45 || first === 46 || (first >= 48 && first <= 57)) fail('bad element name', lt);
    const name = nameAt(xml, lt + 1, i);
    if (!stack.length && rooted) fail('a second root element', lt);
    rooted = true;
    tag.count = 0;
    let selfClosing = false;
    for (;;) {
      const before = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) fail('unclosed start tag', lt);
      const ch = xml.charCodeAt(i);
      if (ch === 62) {
        i++;
        break;
      }
      if (ch === 47) {
        if (xml.charCodeAt(i + 1) !== 62) fail('bad /', i);
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === before) fail('no space before an attribute', i);
      const nameStart = i;
      while (i < n) {
        const a = xml.charCodeAt(i);
        if (a === 61 /* = */ || isSpace(a) || a === 62 || a === 47) break;
        i++;
      }
      const nameEnd = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (nameEnd === nameStart || xml.charCodeAt(i) !== 61) fail('attribute without a value', nameStart);
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) fail('unquoted attribute value', i);
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) fail('unclosed attribute value', i);
      tag.add(nameStart, nameEnd, i + 1, close);
      i = close + 1;
    }
    tag.checkDuplicates();
    pos = i;
    handler.open(name, tag);
    if (selfClosing) {
      if (handler.close(name)) return;
    } else stack.push(name);
  }
}
