import { chineseNumeral } from '../zoning-match/normalize';
import { MAX_HOUSE_NUMBER, type NumberRange } from './types';

/**
 * The number part of a phrase, after the road or 小区: "1-99号（单号）", "单号1-99号、双号2-50号",
 * "4、6、8号", "12号之一", "100号以后", "全段", "1-5号楼". Read as ranges of house numbers, or of building
 * numbers when a building marker (楼/栋/幢/门/座/单元) follows.
 */
export interface NumberSpec {
  ranges: NumberRange[];
  /** The numbers are buildings of a 小区 (号楼, 栋, 幢, 门…), not house numbers on a road. */
  building: boolean;
}

const DASH = /[‐‑‒–—―−－~～〜]+|-{2,}/g;
const CHINESE_RUN = /[〇零一二三四五六七八九十百千]+/g;
const WHOLE = /^(?:全段|全路段|全线|全部|全街|全巷|全路|全|整条路?|整段|所有门牌号?|沿线|两侧|门牌全部|含单双号|单双号|全部门牌)$/;
const PARITY = /^(?:含单双号|含双单号|单双号|双单号|单双|单号|双号|单数|双数|单|双)/;
const RANGE =
  /^(?:第)?(\d+)(?:号)?(?:之\d+(?:-之\d+)?)?(?:(?:-|至|到)(?:第)?(\d+))?(号楼|号院|号|楼|栋|幢|门|单元|座|院)?(?:之\d+(?:-之?\d+)?)?(以后|以上|之后|及以后|及以上|以下|以内|以前|及以下|及以内)?/;
const FILLER = /^(?:[、，,及和与()（）\s\u3000]|门牌号?|号码|全段|全部|含|合)/;
const BUILDING_MARKERS = new Set(['号楼', '楼', '栋', '幢', '门', '单元', '座']);

/** Dashes unified, spaces dropped, Chinese numerals as digits (the road name is not passed here). */
export function cleanSpec(text: string): string {
  return text
    .normalize('NFKC')
    .replace(DASH, '-')
    .replace(/\s+/g, '')
    .replace(CHINESE_RUN, (run) => chineseNumeral(run) ?? run)
    .replace(/号-/g, '-')
    .replace(/号(至|到)/g, '-')
    .replace(/(\d)(至|到)(之?\d)/g, '$1-$3');
}

type Token = { kind: 'parity'; side: NumberRange['side'] } | { kind: 'range'; from: number; to: number; marker: string | undefined };

function sideOf(word: string): NumberRange['side'] {
  if (/单.*双|双.*单/.test(word)) return 'all';
  return word.startsWith('单') ? 'odd' : 'even';
}

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
      out.push({ kind: 'parity', side: sideOf(parity[0]) });
      rest = rest.slice(parity[0].length);
      continue;
    }
    const range = RANGE.exec(rest);
    if (!range || range[0] === '') return null;
    const a = Number(range[1]);
    const b = range[2] !== undefined ? Number(range[2]) : a;
    const open = range[4];
    if (a > MAX_HOUSE_NUMBER || b > MAX_HOUSE_NUMBER) return null;
    let from = Math.min(a, b);
    let to = Math.max(a, b);
    if (open && range[2] === undefined) [from, to] = /以后|以上|之后/.test(open) ? [a, MAX_HOUSE_NUMBER] : [1, a];
    out.push({ kind: 'range', from: Math.max(1, from), to, marker: range[3] });
    rest = rest.slice(range[0].length);
  }
  return out;
}

/**
 * Reads a number part; null when it is not one. An empty text or "全段" is the whole road (or 小区).
 * A parity word applies to the ranges after it when the text starts with one ("单号1-99号、双号2-50号"),
 * else to the range before it ("1-99号单号、2-50号双号"); a parity word alone covers that whole side.
 */
export function readSpec(raw: string): NumberSpec | null {
  const s = cleanSpec(raw).replace(/^[(（]|[)）]$/g, '');
  if (s === '' || WHOLE.test(s)) return { ranges: [{ side: 'all', from: 1, to: MAX_HOUSE_NUMBER }], building: false };
  const list = tokens(s);
  if (!list || list.length === 0) return null;
  const ranges: NumberRange[] = [];
  const leading = list[0].kind === 'parity';
  let building = false;
  let pending: NumberRange['side'] | null = null;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (t.kind === 'parity') {
      if (leading) pending = t.side;
      else if (i === 0 || list[i - 1].kind !== 'range') ranges.push({ side: t.side, from: 1, to: MAX_HOUSE_NUMBER });
      continue;
    }
    if (t.marker && BUILDING_MARKERS.has(t.marker)) building = true;
    const after = !leading && list[i + 1]?.kind === 'parity' ? (list[i + 1] as { side: NumberRange['side'] }).side : null;
    ranges.push({ side: leading ? (pending ?? 'all') : (after ?? 'all'), from: t.from, to: t.to });
  }
  // A parity word alone ("单号") is that side of the whole road.
  if (ranges.length === 0 && pending) ranges.push({ side: pending, from: 1, to: MAX_HOUSE_NUMBER });
  return ranges.length > 0 ? { ranges, building } : null;
}

/** "1–99号 单号" for the bureau's preview and the parent's reason. */
export function describeRange(r: NumberRange, unit = '号'): string {
  const side = r.side === 'odd' ? ' 单号' : r.side === 'even' ? ' 双号' : '';
  if (r.from <= 1 && r.to >= MAX_HOUSE_NUMBER) return side ? `全段${side}` : '全段';
  if (r.to >= MAX_HOUSE_NUMBER) return `${r.from}${unit}及以后${side}`;
  return r.from === r.to ? `${r.from}${unit}` : `${r.from}–${r.to}${unit}${side}`;
}
