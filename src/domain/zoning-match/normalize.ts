/**
 * Address normalisation for the 划片 matcher. Rule data (road names, 小区 names) and what parents type go
 * through the same function, so every decision here only has to be consistent, not linguistically perfect:
 *
 * - NFKC, then lower case: full-width digits, letters and spaces become half-width (６纬路 → 6纬路),
 *   circled digits become digits, compatibility ideographs become the unified ones.
 * - Dash variants (– — − ～ …) become "-", "#" becomes 号 (3#楼 → 3号楼), and everything that is neither a
 *   letter, a number nor "-" is dropped (spaces, punctuation, control characters, emoji, lone surrogates).
 * - Every run of Chinese numerals that is a well-formed number becomes Arabic digits, wherever it is:
 *   六纬路 → 6纬路, 十二号 → 12号, 十一经路 → 11经路, 二〇二四 → 2024. Folding everywhere (not only in
 *   house numbers) is what makes "6纬路" find a rule written "六纬路", and keeps road and 小区 names
 *   comparable on both sides. Runs that are not numbers are kept (百花路 stays 百花路). The price: 八一路
 *   and 八十一路 both fold to 81路, which no real district we know has side by side.
 * - Road suffixes 路/道/街/大街/巷/里/胡同 stay part of the road name and are never unified with each
 *   other: 大沽路 and 大沽道 are different roads.
 */

/** An address after normalisation. */
export interface NormalizedAddress {
  /** The whole text, normalised (administrative prefix included). */
  normalized: string;
  /** The road the house number belongs to, e.g. "6纬路"; null when no road was recognised. */
  road: string | null;
  /** The house number: the first number right after the road (12-3号 → 12); null when there is none. */
  number: number | null;
  /** What follows the house number and its marker (or the road); the whole text when no road was found. */
  tail: string;
}

const DASHES = /[\u2010-\u2015\u2212\u301c~]/g;
const NOT_KEPT = /[^\p{L}\p{N}-]/gu;
const CHINESE_RUN = /[〇零一二三四五六七八九十百千]+/g;
const DIGIT_VALUE: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ROAD_SUFFIX = new Set(['路', '道', '街', '巷', '里', '坊', '横', '条']);
/** Longest first, so that 12号楼 does not stop at 号. */
const HOUSE_MARKERS = ['号楼', '号院', '号', '弄', '栋', '幢'];
/** More digits than this is not a house number (and keeps the number a safe integer). */
const MAX_NUMBER_DIGITS = 9;

/**
 * Administrative prefixes, outermost first, each optional: 天津市河北区望海楼街道六纬路12号 → 六纬路12号.
 * Names exclude the characters that end a level or a road, so a level never swallows a road; bounded
 * lengths keep the patterns linear.
 */
const NAME = '[^省市区县旗路道街巷里镇乡0-9\\-]';
const ADMIN_LEVELS = [
  new RegExp(`${NAME}{2,7}?(?:省|自治区)`, 'y'),
  new RegExp(`${NAME}{2,8}?市`, 'y'),
  // Not when a road or 街道 goes on (红旗街道, 旗 is no 旗 level there; 工业区路 is a road).
  new RegExp(`${NAME}{1,8}?(?:区|县|旗)(?![街道路巷里])`, 'y'),
  // A 街道 may carry 旗, 区 or 街 in its name (红旗街道, 书院街街道): only the words of roads end it.
  new RegExp(`[^省市县路道巷里镇乡0-9\\-]{2,8}?(?:街道|镇|乡)`, 'y'),
  new RegExp(`[^省市区县旗路道街巷镇乡0-9\\-]{2,8}?社区`, 'y'),
];

/** The value of a run of Chinese numerals as digits, or null when the run is not a well-formed number. */
export function chineseNumeral(run: string): string | null {
  if (!/[十百千]/.test(run)) return Array.from(run, (c) => DIGIT_VALUE[c]).join(''); // 二〇二四: digit by digit
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let zero = false;
  for (const c of run) {
    const unit = UNIT_VALUE[c];
    if (unit === undefined) {
      const d = DIGIT_VALUE[c];
      if (d === 0) {
        if (pending !== null || lastUnit === Infinity || zero) return null;
        zero = true;
      } else if (pending !== null) return null;
      else pending = d;
      continue;
    }
    if (unit >= lastUnit) return null;
    if (pending === null) {
      if (lastUnit !== Infinity || unit !== 10 || zero) return null;
      pending = 1; // 十二 = 12
    }
    total += pending * unit;
    pending = null;
    lastUnit = unit;
    zero = false;
  }
  if (zero && pending === null) return null;
  // 一百零五 = 105, but 一百五 = 150 (the digit counts in the next lower unit).
  if (pending !== null) total += zero ? pending : pending * (lastUnit / 10);
  return String(total);
}

/** Half-width, lower case, no punctuation, Chinese numbers as digits. */
export function cleanAddress(text: string): string {
  return String(text)
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(/#/g, '号')
    .toLowerCase()
    .replace(NOT_KEPT, '')
    .replace(CHINESE_RUN, (run) => chineseNumeral(run) ?? run);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

function endsWithSuffix(text: string, end: number): boolean {
  return ROAD_SUFFIX.has(text.charAt(end - 1)) || (end >= 2 && text.slice(end - 2, end) === '胡同');
}

/** Where the road may start: the text start and after each administrative prefix, innermost last. */
function roadStarts(text: string): number[] {
  const starts = [0];
  let pos = 0;
  for (const level of ADMIN_LEVELS) {
    level.lastIndex = pos;
    if (level.exec(text)) {
      pos = level.lastIndex;
      starts.push(pos);
    }
  }
  return starts;
}

/**
 * The road starting at `start`: up to the first suffix that a house number follows, else the whole rest
 * when it ends with a suffix. A lone suffix ("路") is not a road.
 */
function roadEndFrom(text: string, start: number): number | null {
  for (let end = start + 2; end < text.length; end++) {
    if (isDigit(text.charCodeAt(end)) && endsWithSuffix(text, end)) return end;
  }
  return text.length - start >= 2 && endsWithSuffix(text, text.length) ? text.length : null;
}

/** Normalises free text and finds road, house number and the rest. Never throws. */
export function normalizeAddress(text: string): NormalizedAddress {
  const normalized = cleanAddress(text);
  // The innermost start first; fall back outwards when stripping ate the road (工业区路 → 路).
  for (const start of roadStarts(normalized).reverse()) {
    const end = roadEndFrom(normalized, start);
    if (end === null) continue;
    let i = end;
    while (i < normalized.length && isDigit(normalized.charCodeAt(i))) i++;
    const digits = normalized.slice(end, i);
    const number = digits.length > 0 && digits.length <= MAX_NUMBER_DIGITS ? parseInt(digits, 10) : null;
    if (digits.length > 0) {
      const marker = HOUSE_MARKERS.find((m) => normalized.startsWith(m, i));
      if (marker) i += marker.length;
    }
    return { normalized, road: normalized.slice(start, end), number, tail: normalized.slice(i) };
  }
  return { normalized, road: null, number: null, tail: normalized };
}
