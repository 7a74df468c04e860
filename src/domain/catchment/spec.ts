import { chineseNumeral } from '../zoning-match/normalize';
import { MAX_HOUSE_NUMBER, type NumberRange } from './types';

/**
 * The number part of a phrase, after the road or 小区: "1-99号（单号）", "单号1-99号、双号2-50号",
 * "4、6、8号", "12号之一", "100号以后", "全段", "1-5号楼", "1-5组". Read as ranges of house numbers, or of
 * building numbers when a building marker (号楼/楼/栋/幢/门/座) follows, or of village groups (组).
 * Anything not understood makes the whole part unreadable (null): a guess would name wrong schools.
 */
export interface NumberSpec {
  ranges: NumberRange[];
  /** The numbers are buildings of a 小区 (号楼, 栋, 幢, 门…), not house numbers on a road. */
  building: boolean;
  /** The numbers are 村民小组 (组) of a village. */
  group: boolean;
}

/** Marks where a bracket's numbers were put back into the text: a boundary of parity words. */
export const SEGMENT = '|';

const DASH = /[‐‑‒–—―−－~～〜﹣]+|-{2,}/g;
const CHINESE_RUN = /[〇零一二三四五六七八九十百千]+/g;
const WHOLE =
  /^(?:全段|全路段|全线|全部|全街|全巷|全里|全路|全条|全|整条路?|整条街|整段|整体|所有门牌号?|所有|沿线|沿街|两侧|门牌全部|全部门牌号?|全段门牌号?|含单双号|单双号|单双号全部|全部单双号|全域|全境)$/;
const PARITY =
  /^(?:含)?(单双号?|双单号?|单数号?|双数号?|单号?|双号?|奇数号?|偶数号?)(?:一?侧|门牌号?|段)?(?:全部|全段)?/;
const RANGE =
  /^(?:第)?(\d+)(?:号)?(?:之\d+(?:-之\d+)?|附\d+号?)?(?:-(?:第)?(\d+))?(号楼|号院|号大院|号|大院|楼|栋|幢|门|座|组|弄|院|单元)?(?:之\d+(?:-之?\d+)?)?(以后|以上|之后|及以后|及以上|往后|起|后|以下|以内|以前|及以下|及以内)?/;
const FILLER = /^(?:[、，,及和与\s|]|门牌号?|号码|全段|全部|含|止|在内)/;
const BUILDING_MARKERS = new Set(['号楼', '楼', '栋', '幢', '门', '座']);

/** Dashes unified, spaces and brackets dropped, Chinese numerals as digits (the road name is not passed here). */
export function cleanSpec(text: string): string {
  return text
    .normalize('NFKC')
    .replace(DASH, '-')
    .replace(/[#＃]/g, '号')
    .replace(/(\d)一(?=\d)/g, '$1-')
    .replace(/[\s()（）]+/g, '')
    .replace(/一侧/g, '侧')
    .replace(CHINESE_RUN, (run) => chineseNumeral(run) ?? run)
    .replace(/^从/, '')
    .replace(/(\d)号?(?:-|至|到)(?:尽头|末端|终点|路尾|最后)/g, '$1号以后')
    .replace(/(\d)(?:号楼|号院|号|弄|栋|幢|座|门|组|楼)(?:-|至|到)(?=第?\d)/g, '$1-')
    .replace(/(\d)(?:号|弄)(?:-|至|到)/g, '$1-')
    .replace(/(\d)(至|到)(第?之?\d)/g, '$1-$3');
}

type Token =
  | { kind: 'parity'; side: NumberRange['side'] }
  | { kind: 'range'; from: number; to: number; marker: string | undefined };

function sideOf(word: string): NumberRange['side'] {
  if (/单.*双|双.*单/.test(word)) return 'all';
  return /^[单奇]/.test(word) ? 'odd' : 'even';
}

/** Bounded by the text: every step consumes at least one character. */
function tokens(s: string): Token[] | null {
  const out: Token[] = [];
  let rest = s;
  while (rest.length > 0) {
    const filler = FILLER.exec(rest);
    if (filler) {
      rest = rest.slice(filler[0].length);
      continue;
    }
    const parity = PARITY.exec(rest);
    if (parity) {
      out.push({ kind: 'parity', side: sideOf(parity[1]) });
      rest = rest.slice(parity[0].length);
      continue;
    }
    const range = RANGE.exec(rest);
    if (!range || range[0] === '' || range[3] === '单元') return null;
    const a = Number(range[1]);
    const b = range[2] !== undefined ? Number(range[2]) : a;
    const open = range[4];
    if (a > MAX_HOUSE_NUMBER || b > MAX_HOUSE_NUMBER) return null;
    // "12-1号" is house 12's sub-number 1, not 1 to 12.
    let from = a;
    let to = b < a ? a : b;
    if (open && range[2] === undefined) [from, to] = /后|以上|起/.test(open) ? [a, MAX_HOUSE_NUMBER] : [1, a];
    else if (open) return null; // "1-9号以后": not a range anyone can read
    out.push({ kind: 'range', from: Math.max(1, from), to, marker: range[3] });
    rest = rest.slice(range[0].length);
  }
  return out;
}

/**
 * The ranges of one segment. A segment that starts with a parity word gives it to the ranges after it
 * ("单号1-99号"); otherwise a parity word right after a range is that range's ("1-99号单号"). A parity word
 * alone is that whole side.
 */
function segmentRanges(list: readonly Token[]): NumberRange[] {
  const ranges: NumberRange[] = [];
  const leading = list[0]?.kind === 'parity';
  let pending: NumberRange['side'] | null = null;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (t.kind === 'parity') {
      const before = list[i - 1];
      if (leading) pending = before?.kind === 'parity' && before.side !== t.side ? 'all' : t.side;
      // "101-199号单号及双号": both sides of that range.
      else if (before?.kind === 'parity') {
        if (before.side !== t.side && ranges.length > 0) ranges[ranges.length - 1].side = 'all';
      } else if (before?.kind !== 'range') ranges.push({ side: t.side, from: 1, to: MAX_HOUSE_NUMBER });
      continue;
    }
    const next = list[i + 1];
    const after = !leading && next?.kind === 'parity' ? next.side : null;
    ranges.push({ side: leading ? (pending ?? 'all') : (after ?? 'all'), from: t.from, to: t.to });
  }
  if (ranges.length === 0 && pending) ranges.push({ side: pending, from: 1, to: MAX_HOUSE_NUMBER });
  return ranges;
}

/** Reads a number part; null when it is not one. An empty text or "全段" is the whole road (or 小区). */
export function readSpec(raw: string): NumberSpec | null {
  const s = cleanSpec(raw);
  if (s.replace(/\|/g, '') === '' || WHOLE.test(s.replace(/\|/g, '')))
    return { ranges: [whole()], building: false, group: false };
  const ranges: NumberRange[] = [];
  let building = false;
  let group = false;
  let house = false;
  for (const segment of s.split(SEGMENT)) {
    if (segment === '' || WHOLE.test(segment)) continue;
    const list = tokens(segment);
    if (!list) return null;
    for (const t of list) {
      if (t.kind !== 'range' || !t.marker) continue;
      if (BUILDING_MARKERS.has(t.marker)) building = true;
      else if (t.marker === '组') group = true;
      else house = true;
    }
    ranges.push(...segmentRanges(list));
  }
  // "3号、5栋": houses and buildings mixed cannot be told apart.
  if (ranges.length === 0 || (building && group) || ((building || group) && house)) return null;
  return { ranges, building, group };
}

export const whole = (): NumberRange => ({ side: 'all', from: 1, to: MAX_HOUSE_NUMBER });

export const isWholeRange = (r: NumberRange) => r.side === 'all' && r.from <= 1 && r.to >= MAX_HOUSE_NUMBER;

/** "1–99号 单号" for the bureau's preview and the parent's reason. */
export function describeRange(r: NumberRange, unit = '号'): string {
  const side = r.side === 'odd' ? ' 单号' : r.side === 'even' ? ' 双号' : '';
  if (r.from <= 1 && r.to >= MAX_HOUSE_NUMBER) return side ? `全段${side}` : '全段';
  if (r.to >= MAX_HOUSE_NUMBER) return `${r.from}${unit}及以后${side}`;
  return r.from === r.to ? `${r.from}${unit}` : `${r.from}–${r.to}${unit}${side}`;
}
