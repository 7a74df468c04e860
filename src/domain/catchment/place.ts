import { readSpec, type NumberSpec } from './spec';
import { isStreetName } from './split';
import { MAX_HOUSE_NUMBER, type CatchmentMatch, type CatchmentPlaces } from './types';

/**
 * What one item of a list names: a road (with numbers), a 小区 (with buildings), a 社区 or a 街道.
 * Names are kept as published (the matcher normalises both sides the same way).
 */

/** A road as published, in parts, so that "三街" after "建设南二街" reads as 建设南三街. */
export interface RoadName {
  name: string;
  /** What comes before the road's last number ("建设南" of 建设南二街); '' when there is none. */
  stem: string;
  /** What follows that number ("街", "横路", "号路"); '' when the name has no number. */
  tail: string;
}

export type PlaceReading =
  | { kind: 'road'; road: RoadName; spec: NumberSpec }
  | { kind: 'estate'; name: string; spec: NumberSpec | null }
  | { kind: 'community'; match: CatchmentMatch; label: string }
  | { kind: 'street'; match: CatchmentMatch; label: string };

/** Longest first, so 大街 is found before 街. */
const ROAD_SUFFIXES = ['大街', '大道', '马路', '胡同', '路', '道', '街', '巷', '里', '坊', '横', '条'];
const ESTATE_SUFFIXES = [
  '小区', '花园', '家园', '公寓', '大院', '新村', '山庄', '别墅', '公馆', '广场', '大厦', '宿舍', '名邸', '华庭',
  '院', '村', '苑', '园', '城', '府', '庭', '湾', '居', '阁', '轩', '邸', '郡', '墅', '宅', '寓', '舍', '楼', '里', '坊', '座',
];
/** Names that are not places of their own. */
const GENERIC = /^(?:小区|宿舍|大院|院|楼|平房|居民楼|住宅楼|家属院|家属楼|公寓|村|新村)$/;
/** A road segment or a side described by landmarks cannot be told by house number. */
export const BOUNDARY = /以东|以西|以南|以北|之间|沿线以|一带|附近|交口|路口|东侧|西侧|南侧|北侧|围合|区域|片区|地块|周边|路段|(?<!全|整)段$|方向|对面|辖区内的|范围内的/;
const NUMERAL_RUN = /[0-9〇零一二三四五六七八九十百]+/g;
const WHOLE_AREA = /(?:全部|全域|辖区|所辖|范围内|辖区内|整体|全境)$/;
const DIVISION_SUFFIX = /(?:社区居民委员会|社区居委会|居民委员会|居委会|村民委员会|村委会|社区|村)$/;

export const isWhole = (spec: NumberSpec) =>
  spec.ranges.length === 1 && spec.ranges[0].side === 'all' && spec.ranges[0].from <= 1 && spec.ranges[0].to >= MAX_HOUSE_NUMBER;

const endsWithAny = (text: string, suffixes: readonly string[]) => suffixes.some((s) => text.endsWith(s));

export function roadName(name: string): RoadName {
  let last: RegExpExecArray | null = null;
  NUMERAL_RUN.lastIndex = 0;
  for (let m = NUMERAL_RUN.exec(name); m; m = NUMERAL_RUN.exec(name)) last = m;
  if (last && last.index > 0) {
    const tail = name.slice(last.index + last[0].length);
    if (tail.length >= 1 && tail.length <= 3 && endsWithAny(tail, ROAD_SUFFIXES)) return { name, stem: name.slice(0, last.index), tail };
  }
  return { name, stem: '', tail: '' };
}

/** The shortest split of text into a name ending with one of the suffixes and a readable number part. */
function splitName(text: string, suffixes: readonly string[], minName: number): { name: string; spec: NumberSpec } | null {
  for (let i = minName; i <= text.length; i++) {
    const name = text.slice(0, i);
    if (!endsWithAny(name, suffixes)) continue;
    const spec = readSpec(text.slice(i));
    if (spec) return { name, spec };
  }
  return null;
}

const divisionKey = (name: string) => name.replace(/\s+/g, '').replace(DIVISION_SUFFIX, '');

function community(body: string, places: CatchmentPlaces, street: string | null): PlaceReading | null {
  const key = divisionKey(body.replace(WHOLE_AREA, ''));
  if (key.length < 2) return null;
  const streetCode = street ? places.streets.find((s) => s.name === street || divisionKey(s.name) === divisionKey(street))?.code : undefined;
  const found = places.communities.filter((c) => divisionKey(c.name) === key);
  const inStreet = streetCode ? found.filter((c) => c.parentCode === streetCode) : [];
  const one = (inStreet.length > 0 ? inStreet : found)[0];
  return one ? { kind: 'community', match: { kind: 'community', communityCode: one.code }, label: one.name } : null;
}

function streetArea(body: string, places: CatchmentPlaces): PlaceReading | null {
  const name = body.replace(WHOLE_AREA, '');
  if (!isStreetName(name)) return null;
  const key = name.replace(/(?:街道办事处|街道)$/, '');
  const s = places.streets.find((x) => x.name === name || x.name.replace(/(?:街道办事处|街道)$/, '') === key);
  return s ? { kind: 'street', match: { kind: 'street', streetCode: s.code }, label: s.name } : null;
}

/**
 * Reads one item body (brackets already taken out). Order: 社区 / 村 named as such, a 街道 as a whole,
 * a road with its numbers, a 小区; null when it is none of these (the caller reports 未能识别).
 */
export function readPlace(body: string, places: CatchmentPlaces, street: string | null): PlaceReading | null {
  const text = body.normalize('NFKC').replace(/\s+/g, '');
  if (text.length < 2) return null;
  if (DIVISION_SUFFIX.test(text.replace(WHOLE_AREA, '')) && !/新村$/.test(text)) {
    const c = community(text, places, street);
    if (c) return c;
  }
  const s = streetArea(text, places);
  if (s) return s;
  if (BOUNDARY.test(text)) return null;
  const road = splitName(text, ROAD_SUFFIXES, 2);
  if (road && !/^\d/.test(road.name)) {
    if (road.spec.building) return { kind: 'estate', name: road.name, spec: road.spec };
    return { kind: 'road', road: roadName(road.name), spec: road.spec };
  }
  const estate = splitName(text, ESTATE_SUFFIXES, 2);
  if (estate && !GENERIC.test(estate.name) && !/^\d/.test(estate.name)) {
    return { kind: 'estate', name: estate.name, spec: isWhole(estate.spec) ? null : estate.spec };
  }
  return null;
}

/** "三街", "二横路1-9号": a road that takes its stem from the road before it; null otherwise. */
export function readContinuation(body: string, stem: string): { road: RoadName; spec: NumberSpec; numeral: string } | null {
  const text = body.normalize('NFKC').replace(/\s+/g, '');
  const m = /^([0-9〇零一二三四五六七八九十百]+)(.+)$/.exec(text);
  if (!m || !stem) return null;
  const rest = splitName(m[2], ROAD_SUFFIXES, 1);
  if (!rest || rest.name.length > 3) return null;
  return { road: { name: stem + m[1] + rest.name, stem, tail: rest.name }, spec: rest.spec, numeral: m[1] };
}

/** "和平一" before "二横路": a stem and a number waiting for the road type that follows. */
export function readBareStem(body: string): { stem: string; numeral: string } | null {
  const m = /^(.{1,12}?)([0-9〇零一二三四五六七八九十百]+)$/.exec(body.normalize('NFKC').replace(/\s+/g, ''));
  return m && !/\d$/.test(m[1]) && !BOUNDARY.test(m[1]) ? { stem: m[1], numeral: m[2] } : null;
}
