/**
 * Splits a published 登记范围 into items, keeping each item's place in the original text so that what a
 * parent is shown is the text as published. Lines are the outer structure (a 街道 header is a line of its
 * own, "XX街道：" in front of a line, or the first cell of a table row); items are what separators at
 * bracket depth 0 divide a line into. Labels in front of a line ("招生范围：", a school's name, a 社区
 * the items belong to) are taken off.
 */

/** A slice of the original text. */
export interface Slice {
  text: string;
  start: number;
  end: number;
  /** Where each character of `text` is in the original, when `text` was joined from several lines. */
  map?: number[];
}

const at = (s: Slice, i: number) => (s.map ? s.map[i] : s.start + i);

/** Characters from..to of a slice, as a slice of the original text. */
function sub(s: Slice, from: number, to: number): Slice {
  if (to <= from) return { text: '', start: s.end, end: s.end };
  const out: Slice = { text: s.text.slice(from, to), start: at(s, from), end: at(s, to - 1) + 1 };
  if (s.map) out.map = s.map.slice(from, to);
  return out;
}

export interface Label extends Slice {
  /** community: the items after it lie in that 社区 (it is not a place of the list by itself); school: a name. */
  kind: 'community' | 'school';
}

export interface Line extends Slice {
  /** Where the line's content starts (its header included). */
  from: number;
  /** The 街道 (or 镇/乡) this line names as a section header, if it is or starts with one. */
  header: string | null;
  label: Label | null;
  /** The items after the header and label; empty for a header line. */
  items: Slice[];
}

const OPEN = '(（[【〔［｛{﹙';
const CLOSE = ')）]】〕］｝}﹚';
/** Separators between items: list marks, sentence ends and colons; whitespace too, unless it is inside a range. */
const SEPARATOR = /[、，,；;。：:︰﹔﹕﹑､﹐﹒|｜]/;
const SPACE = /[\s\u3000]/;
/** Whitespace next to these is padding inside a range ("1 - 99 号"), not a separator. */
const JOINS_BEFORE = /[-‐‑‒–—―−－~～〜至到含除括]/;
const JOINS_AFTER = /[-‐‑‒–—―−－~～〜至到号外(（[【]/;
/** "1." "1、" "（1）" "一、" "(一)" "①" "第一，" at the start of a line: list numbering, not content. */
const NUMBERING =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,3}\s*[.．、](?!\d)|[0-9]{1,3}[\s\u3000]+(?=[^\d\s\-—至到号])|[一二三四五六七八九十]{1,3}\s*[、.．]|[\u2460-\u2473]|第[一二三四五六七八九十0-9]{1,3}[、，,.．:：])\s*/;
const STREET_NAME = /^[^\d\s：:，,、；;。()（）【】[\]|-]{1,14}?(?:街道办事处|街道|地区办事处|镇|乡)$/;
const HEADER_PREFIX =
  /^[【[]?([^\d\s：:，,、；;。()（）【】[\]]{1,14}?(?:街道办事处|街道|镇|乡))[】\]]?(?:[（(]?(?:辖区内?|所辖|辖区范围内?|范围内|部分)[)）]?)?(?:\s*[：:]\s*|[\s\u3000]+)/;
/** Words in front of the list: "招生范围：", "第一学区：". */
const LEAD_LABEL =
  /^(?:招生范围|划片范围|服务范围|施教区范围?|学区范围|对口范围|登记范围|招生区域|片区范围|具体范围|生源范围|范围|[^\s：:，,、；;。]{1,10}学区|[^\s：:，,、；;。]{1,8}片区)\s*[：:]\s*/;
const EXCLUSION_LEAD = /^(?:以上|上述)(?:所列)?(?:范围|区域|地址)?(?:内|中|里)?的?[，,：:]?/;
const SCHOOL_LABEL =
  /^([^\s：:，,、；;。]{2,24}?(?:小学|中学|学校|校区|分校|小学部|初中部|初中|幼儿园)(?:[（(][^）)]{1,16}[)）])?(?:的?(?:招生|服务|划片|施教|登记|对口)?(?:范围|区域|片区))?)(?:\s*[：:]\s*|[\s\u3000]+)/;
const COMMUNITY_LABEL =
  /^([^\d\s：:，,、；;。()（）【】[\]]{2,16}?(?:社区居民委员会|社区居委会|居民委员会|村民委员会|居委会|村委会|社区|居委|村))(?:\s*[：:]\s*|[\s\u3000]+)/;

const isCjk = (c: string) => /^[\u3400-\u9fff]$/.test(c);

/** Lines with offsets; runs of one-character lines (a column written top to bottom) become one line. */
function rawLines(text: string): Slice[] {
  const lines: Slice[] = [];
  const re = /[^\r\n\u2028\u2029]+/g;
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
      const run = lines.slice(i, j);
      out.push({
        text: run.map((l) => l.text).join(''),
        start: run[0].start,
        end: run[run.length - 1].end,
        map: run.map((l) => l.start),
      });
      i = j - 1;
    } else out.push(lines[i]);
  }
  return out;
}

/** Positions of brackets that have a partner; a stray one is plain text. */
function pairedBrackets(t: string): Set<number> {
  const paired = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (OPEN.includes(t[i])) stack.push(i);
    else if (CLOSE.includes(t[i]) && stack.length > 0) {
      paired.add(stack.pop()!);
      paired.add(i);
    }
  }
  return paired;
}

/** Items of a line: separators at depth 0 divide; brackets keep what they hold together. */
export function splitItems(line: Slice): Slice[] {
  const items: Slice[] = [];
  const t = line.text;
  const paired = pairedBrackets(t);
  let depth = 0;
  let from = 0;
  const flush = (to: number) => {
    const raw = t.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const s = raw.trim();
    if (s) items.push(sub(line, from + lead, from + lead + s.length));
  };
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (paired.has(i)) depth += OPEN.includes(c) ? 1 : -1;
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
  return (a >= 0 && JOINS_BEFORE.test(t[a])) || (b < t.length && JOINS_AFTER.test(t[b]));
}

export function isStreetName(text: string): boolean {
  return STREET_NAME.test(text) && !/(?:小镇|古镇)$/.test(text);
}

const cut = (s: Slice, n: number): Slice =>
  n === 0 ? s : n >= s.text.length ? { text: '', start: s.end, end: s.end } : sub(s, n, s.text.length);

/** The lines of a published list, each with its header (if any), label and items. */
export function splitLines(text: string): Line[] {
  return rawLines(String(text)).map((raw) => {
    // "| 1 | 和平路小学 | 六纬路1-9号 |": a table pasted with its rules.
    const rule = (s: Slice) => cut(s, /^(?:[|｜]\s*)*/.exec(s.text)![0].length);
    let body = rule(raw);
    body = rule(cut(body, NUMBERING.exec(body.text)?.[0].length ?? 0));
    body = cut(body, LEAD_LABEL.exec(body.text)?.[0].length ?? 0);
    // "以上范围内阳光小区除外": an exclusion, not a remark.
    if (/除|不含|不包括/.test(body.text)) body = cut(body, EXCLUSION_LEAD.exec(body.text)?.[0].length ?? 0);
    const from = body.start;
    const bare = body.text
      .replace(/^[【[]|[】\]]$/g, '')
      .replace(/[：:]$/, '')
      .trim();
    if (isStreetName(bare)) return { ...body, from, header: bare.replace(/办事处$/, ''), label: null, items: [] };
    let header: string | null = null;
    const prefix = HEADER_PREFIX.exec(body.text);
    // "大王庄街道 唐家口街道" lists two 街道: the first is no header.
    if (
      prefix &&
      !isStreetName(body.text.slice(prefix[0].length).split(/[\s、，,；;：:]/)[0]) &&
      !/小镇$/.test(prefix[1])
    ) {
      header = prefix[1].replace(/办事处$/, '');
      body = cut(body, prefix[0].length);
    }
    let label: Label | null = null;
    for (const [kind, re] of [
      ['school', SCHOOL_LABEL],
      ['community', COMMUNITY_LABEL],
    ] as const) {
      const m = re.exec(body.text);
      if (!m || (kind === 'community' && /新村$/.test(m[1]))) continue;
      // A 社区 followed by a space is a label only when a place follows ("诚厚里社区 六纬路…", not "… 万新村社区").
      const next = body.text.slice(m[0].length).split(/[\s、，,；;：:]/)[0];
      if (!/[：:]/.test(m[0]) && (next === '' || /(?:社区|居委会?|村委会|村|街道|镇|乡)$/.test(next))) continue;
      label = { kind, ...sub(body, 0, m[1].length) };
      body = cut(body, m[0].length);
      break;
    }
    return { ...body, from, header, label, items: splitItems(body) };
  });
}
