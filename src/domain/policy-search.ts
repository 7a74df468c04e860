import { normalizeText } from './text';

/** A part of a policy document: a heading (null for the text before the first heading) and paragraphs. */
export interface PolicySection {
  heading: string | null;
  /** Paragraphs as written. A row of a table is one paragraph with its cells separated by "\t". */
  paragraphs: string[];
}

/** What is known about a policy document without its text. */
export interface PolicyMeta {
  /** p000 … p004, in the order of the seed files. */
  id: string;
  title: string;
  /** As the document signs it; says so when the text names no issuer. */
  issuer: string;
  region: string;
  /** YYYY-MM-DD when the text gives the date, else null (see dateNote). */
  date: string | null;
  dateNote: string | null;
  /** A draft for comment (征求意见稿), not an issued document. */
  draft: boolean;
  note: string | null;
  /** What the product takes from the document. */
  summary: string;
  /** Where the text comes from (seeds/<file>). */
  source: string;
}

export interface PolicyDocument extends PolicyMeta {
  sections: PolicySection[];
}

/** Where in a document a hit is: the title, a section heading, or a paragraph of a section. */
export type PolicyPlace =
  { kind: 'title' } | { kind: 'heading'; section: number } | { kind: 'paragraph'; section: number; paragraph: number };

/** A marked range [start, end) in UTF-16 code units of the text it belongs to. */
export interface Mark {
  start: number;
  end: number;
}

/** A piece of the original text around the first match, with the matches marked. */
export interface Snippet {
  text: string;
  marks: Mark[];
  /** The snippet starts after the beginning (show "…" before it). */
  cutStart: boolean;
  /** The snippet stops before the end (show "…" after it). */
  cutEnd: boolean;
}

export interface PolicyHit {
  policyId: string;
  place: PolicyPlace;
  /** How many times the query's words occur in this title, heading or paragraph. */
  count: number;
  snippet: Snippet;
}

/** At most this many words of a query are used; the rest are ignored. */
export const MAX_TERMS = 8;
/** Characters of context kept before the first match in a snippet. */
export const SNIPPET_BEFORE = 30;
/** Longest snippet (longer only when the match itself is longer). */
export const SNIPPET_LENGTH = 90;

interface Normalized {
  text: string;
  /** For each code unit of `text`, the range of the original text it came from. */
  from: number[];
  to: number[];
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;

/**
 * The text normalised as src/domain/text.ts normalizeText does (full-width → half-width, spaces and
 * middle dots removed, lower case), one character at a time so every normalised position maps back
 * to the original text.
 */
export function normalizeMapped(input: string): Normalized {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const piece = isCjk(cp) ? input[i] : normalizeText(input.slice(i, i + len));
    for (let k = 0; k < piece.length; k++) {
      from.push(i);
      to.push(i + len);
    }
    text += piece;
    i += len;
  }
  return { text, from, to };
}

/** The words of a query (split at spaces, normalised, without repeats); [] when nothing is left. */
export function parseQuery(query: string): string[] {
  if (typeof query !== 'string') return [];
  const terms: string[] = [];
  for (const part of query.split(/[\s\u3000]+/)) {
    const t = normalizeMapped(part).text;
    if (t && !terms.includes(t)) terms.push(t);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

function occurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

function merge(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Mark[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

interface Match {
  count: number;
  marks: Mark[];
}

/** Every term's occurrences in `text`, or null unless every term occurs (all words must match). */
function matchAll(norm: Normalized, terms: readonly string[], requireAll: boolean): Match | null {
  const marks: Mark[] = [];
  let count = 0;
  for (const term of terms) {
    const at = occurrences(norm.text, term);
    if (at.length === 0 && requireAll) return null;
    count += at.length;
    for (const a of at) marks.push({ start: norm.from[a], end: norm.to[a + term.length - 1] });
  }
  return count === 0 ? null : { count, marks: merge(marks) };
}

/** The marks of every occurrence of any of the terms in `text` (for highlighting a whole document). */
export function markTerms(text: string, terms: readonly string[]): Mark[] {
  if (terms.length === 0) return [];
  return matchAll(normalizeMapped(text), terms, false)?.marks ?? [];
}

const isHigh = (s: string, i: number) => i >= 0 && i < s.length && /[\uD800-\uDBFF]/.test(s[i]);
const isLow = (s: string, i: number) => i >= 0 && i < s.length && /[\uDC00-\uDFFF]/.test(s[i]);

/** The part of `text` around its first mark, at most SNIPPET_LENGTH long unless the mark is longer. */
export function makeSnippet(text: string, marks: readonly Mark[]): Snippet {
  const first = marks[0] ?? { start: 0, end: 0 };
  let start = Math.max(0, first.start - SNIPPET_BEFORE);
  let end = Math.min(text.length, Math.max(first.end, start + SNIPPET_LENGTH));
  start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  if (isLow(text, start) && isHigh(text, start - 1)) start -= 1;
  if (isHigh(text, end - 1) && isLow(text, end)) end += 1;
  const inside = marks
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }));
  return { text: text.slice(start, end), marks: inside, cutStart: start > 0, cutEnd: end < text.length };
}

/** Text split into marked and unmarked pieces, for rendering. */
export function segments(text: string, marks: readonly Mark[]): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const m of merge(marks.filter((x) => x.start < x.end))) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, text.length);
    if (start >= end) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** A stable id for a place in a document, usable as an element id (title, s2, s2-p5). */
export function placeKey(place: PolicyPlace): string {
  if (place.kind === 'title') return 'title';
  if (place.kind === 'heading') return `s${place.section}`;
  return `s${place.section}-p${place.paragraph}`;
}

/** The inverse of placeKey; null for anything else. */
export function parsePlaceKey(key: string | null | undefined): PolicyPlace | null {
  if (key === 'title') return { kind: 'title' };
  const m = /^s(\d{1,4})(?:-p(\d{1,5}))?$/.exec(key ?? '');
  if (!m) return null;
  return m[2] === undefined
    ? { kind: 'heading', section: Number(m[1]) }
    : { kind: 'paragraph', section: Number(m[1]), paragraph: Number(m[2]) };
}

const KIND_RANK = { title: 0, heading: 1, paragraph: 2 } as const;
const position = (p: PolicyPlace): [number, number] =>
  p.kind === 'title' ? [-1, -1] : p.kind === 'heading' ? [p.section, -1] : [p.section, p.paragraph];

/** Document order of two places of one document. */
export function comparePlaces(a: PolicyPlace, b: PolicyPlace): number {
  const [as, ap] = position(a);
  const [bs, bp] = position(b);
  return as - bs || ap - bp;
}

interface Unit {
  place: PolicyPlace;
  text: string;
  norm: Normalized;
}

/** Each title, heading and paragraph of a document, normalised once per document object. */
const cache = new WeakMap<PolicyDocument, Unit[]>();
function unitsOf(doc: PolicyDocument): Unit[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const units: Unit[] = [];
  const add = (place: PolicyPlace, text: string) => units.push({ place, text, norm: normalizeMapped(text) });
  add({ kind: 'title' }, doc.title);
  doc.sections.forEach((s, section) => {
    if (s.heading) add({ kind: 'heading', section }, s.heading);
    s.paragraphs.forEach((text, paragraph) => add({ kind: 'paragraph', section, paragraph }, text));
  });
  cache.set(doc, units);
  return units;
}

/**
 * Finds a query in the documents. The query is split at spaces into words; a title, heading or
 * paragraph is a hit when it holds every word (full-width/half-width, spaces and middle dots do not
 * matter, nor letter case). Ranked: title hits, then heading hits, then paragraphs; within each by how
 * often the words occur; ties in document order. Never throws; an empty query finds nothing.
 */
export function searchPolicies(docs: readonly PolicyDocument[], query: string): PolicyHit[] {
  const terms = parseQuery(query);
  if (terms.length === 0) return [];
  const found: Array<{ hit: PolicyHit; order: number }> = [];
  docs.forEach((doc, order) => {
    for (const unit of unitsOf(doc)) {
      const m = matchAll(unit.norm, terms, true);
      if (m)
        found.push({
          hit: { policyId: doc.id, place: unit.place, count: m.count, snippet: makeSnippet(unit.text, m.marks) },
          order,
        });
    }
  });
  found.sort(
    (a, b) =>
      KIND_RANK[a.hit.place.kind] - KIND_RANK[b.hit.place.kind] ||
      b.hit.count - a.hit.count ||
      a.order - b.order ||
      comparePlaces(a.hit.place, b.hit.place),
  );
  return found.map((f) => f.hit);
}

/** The hits of one document in document order (for the detail page's 上一处/下一处). */
export function hitsInDocument(doc: PolicyDocument, query: string): PolicyHit[] {
  return searchPolicies([doc], query).sort((a, b) => comparePlaces(a.place, b.place));
}
