/**
 * Splits a published 登记范围 into items, keeping each item's place in the original text so that what a
 * parent is shown is the text as published. Lines are the outer structure (a 街道 header is a line of its
 * own, or "XX街道：" in front of a line); items are what separators at bracket depth 0 divide a line into.
 */

/** A slice of the original text. */
export interface Slice {
  text: string;
  start: number;
  end: number;
}

export interface Line extends Slice {
  /** The 街道 (or 镇/乡) this line names as a section header, if it is or starts with one. */
  header: string | null;
  /** The items after the header; empty for a header line. */
  items: Slice[];
}

const OPEN = '(（[【〔「《';
const CLOSE = ')）]】〕」》';
/** Separators between items: list marks, sentence ends and colons; whitespace too, unless it is inside a range. */
const SEPARATOR = /[、，,；;。：:]/;
const SPACE = /[\s\u3000]/;
/** Whitespace next to these is padding inside a range ("1 - 99 号"), not a separator. */
const JOINS = /[-‐‑‒–—―−－~～〜至到号]/;
/** "1." "1、" "（1）" "一、" "(一)" "①" at the start of a line: list numbering, not content. */
const NUMBERING = /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,3}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、|[\u2460-\u2473])\s*/;
/** A 街道-level name: ends with 街道 / 镇 / 乡 / 街道办事处 / 地区, no digits. */
const STREET_NAME = /^[^\d\s：:，,、；;。()（）]{1,14}?(?:街道办事处|街道|镇|乡|地区)$/;
const HEADER_PREFIX = /^[【[]?([^\d\s：:，,、；;。()（）【】[\]]{1,14}?(?:街道办事处|街道|镇|乡))[】\]]?\s*[：:]\s*/;

const isCjk = (c: string) => /^[\u3400-\u9fff]$/.test(c);

/** Lines with offsets; runs of one-character lines (a column written top to bottom) become one line. */
function rawLines(text: string): Slice[] {
  const lines: Slice[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) lines.push({ text: t, start: m.index + lead, end: m.index + lead + t.length });
  }
  const out: Slice[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && lines[j].text.length === 1 && isCjk(lines[j].text)) j++;
    if (j - i >= 2) {
      out.push({ text: lines.slice(i, j).map((l) => l.text).join(''), start: lines[i].start, end: lines[j - 1].end });
      i = j - 1;
    } else out.push(lines[i]);
  }
  return out;
}

/** Items of a line: separators at depth 0 divide; brackets keep what they hold together. */
export function splitItems(line: Slice): Slice[] {
  const items: Slice[] = [];
  let depth = 0;
  let from = 0;
  const t = line.text;
  const flush = (to: number) => {
    const raw = t.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s) items.push({ text: s, start: line.start + from + lead, end: line.start + from + lead + s.length });
  };
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (SEPARATOR.test(c) || (SPACE.test(c) && !insideRange(t, i)))) {
      flush(i);
      from = i + 1;
    }
  }
  flush(t.length);
  return items;
}

function insideRange(t: string, i: number): boolean {
  let a = i - 1;
  while (a >= 0 && SPACE.test(t[a])) a--;
  let b = i + 1;
  while (b < t.length && SPACE.test(t[b])) b++;
  return (a >= 0 && JOINS.test(t[a])) || (b < t.length && JOINS.test(t[b]));
}

export function isStreetName(text: string): boolean {
  return STREET_NAME.test(text);
}

/** The lines of a published list, each with its header (if any) and items. */
export function splitLines(text: string): Line[] {
  return rawLines(String(text)).map((raw) => {
    const numbering = NUMBERING.exec(raw.text)?.[0].length ?? 0;
    let body: Slice = { text: raw.text.slice(numbering), start: raw.start + numbering, end: raw.end };
    const bare = body.text.replace(/^[【[]|[】\]]$/g, '').replace(/[：:]$/, '').trim();
    if (isStreetName(bare)) return { ...body, header: bare.replace(/办事处$/, ''), items: [] };
    const prefix = HEADER_PREFIX.exec(body.text);
    let header: string | null = null;
    if (prefix) {
      header = prefix[1].replace(/办事处$/, '');
      body = { text: body.text.slice(prefix[0].length), start: body.start + prefix[0].length, end: body.end };
    }
    return { ...body, header, items: splitItems(body) };
  });
}
