import { cleanAddress, normalizeAddress } from '../zoning-match/normalize';
import { findCommunity, findStreet } from './division';
import { readSpec, type NumberSpec } from './spec';
import type { CatchmentMatch, CatchmentPlaces } from './types';

/**
 * What one item of a list names: a road (with numbers), a 小区 (with buildings), a 社区 or a 街道.
 * Names are kept as published (the matcher normalises both sides the same way).
 */

/** A road as published, in parts, so that "三街" after "建设南二街" reads as 建设南三街. */
export interface RoadName {
  name: string;
  /** What comes before the road's last number ("建设南" of 建设南二街); '' when there is none. */
  stem: string;
  numeral: string;
  /** What follows that number ("街", "横路", "号路"); '' when the name has no number. */
  tail: string;
  /**
   * The matcher would read another road out of this name (人民路一巷 → 人民路 No. 1; 人民南路二段 →
   * 人民南路 No. 2; 江南大道中 → no road): it is matched as a name with the house number right after it.
   */
  viaName: boolean;
}

export type PlaceReading =
  /** bare: nothing followed the name (numbers may come in the next item: "六纬路：1-99号"). */
  | { kind: 'road'; road: RoadName; spec: NumberSpec; estate?: string; bare?: boolean }
  | { kind: 'estate'; name: string; spec: NumberSpec | null; bare?: boolean }
  | { kind: 'community'; match: CatchmentMatch; label: string }
  | { kind: 'street'; match: CatchmentMatch; label: string }
  /** A 社区 / 街道 the district does not have. */
  | { kind: 'unknown'; label: string };

const ROAD_END = /(?:大街|大道|马路|胡同|路|道|街|巷|里|坊|横|条)$/;
/** 江南大道中, 中山大道西: a direction after the road type. */
const ROAD_DIRECTION_END = /(?:大道|大街|路|街)[东西南北中]$/;
/** 人民南路二段, 一环路南一段: a numbered segment of a road (a name of its own in Chengdu and elsewhere). */
const ROAD_SEGMENT_END = /(?:路|道|街)[东西南北中]?[0-9〇零一二三四五六七八九十]{1,3}段$/;
const NOT_A_ROAD = /(?:街道|办事处)$|[|\-~—–－〜、，,；;：:。()（）]|\d号|[路道街巷里坊横条](?:至|到)/;
const ESTATE_SUFFIXES = [
  '小区',
  '花园',
  '家园',
  '公寓',
  '大院',
  '新村',
  '山庄',
  '别墅',
  '公馆',
  '广场',
  '大厦',
  '宿舍',
  '名邸',
  '华庭',
  '家属院',
  '家属区',
  '宿舍区',
  '小镇',
  '国际',
  '首府',
  '天地',
  '雅居',
  '名苑',
  '名门',
  '院',
  '村',
  '苑',
  '园',
  '城',
  '府',
  '庭',
  '湾',
  '居',
  '阁',
  '轩',
  '邸',
  '郡',
  '墅',
  '宅',
  '寓',
  '舍',
  '楼',
  '里',
  '坊',
  '座',
  '社',
  '屯',
  '庄',
];
/** "阳光花园二期", "阳光花园东区": a phase or part of a 小区 is a name of its own. */
const ESTATE_PART = /(?:[0-9〇零一二三四五六七八九十]{1,3}期|[东西南北中]区|[A-Za-z0-9一二三四五六七八九十]{1,2}区)$/;
/** Names that are not places of their own. */
const GENERIC =
  /^(?:小区|宿舍|大院|院|楼|平房|居民楼|住宅楼|家属院|家属楼|家属区|公寓|村|新村|社|屯|庄|[东西南北中]区|\d+期)$/;
/** A road segment or a side described by landmarks cannot be told by house number. */
export const BOUNDARY =
  /^(?:路|街|道)[东西南北]|以东|以西|以南|以北|之间|沿线以|一带|附近|交口|交叉|路口|东侧|西侧|南侧|北侧|东面|西面|南面|北面|围合|区域|片区|地块|周边|路段|[东西南北中上下]段|(?<![全整0-9〇零一二三四五六七八九十])段$|方向|对面|辖区内的|范围内的|部分|其余|其他|以外的/;
const NUMERAL_RUN = /[0-9〇零一二三四五六七八九十百]+/g;

const endsWithAny = (text: string, suffixes: readonly string[]) => suffixes.some((s) => text.endsWith(s));

export function isRoadName(name: string): boolean {
  if (name.length < 2 || /^\d+(?![\d\u3400-\u9fff])/.test(name) || NOT_A_ROAD.test(name)) return false;
  return ROAD_END.test(name) || (name.length >= 4 && ROAD_DIRECTION_END.test(name)) || ROAD_SEGMENT_END.test(name);
}

/** The last number of a name: all of "十一" but only "五" of "东四五条" (read by the matcher as 45). */
function lastNumeral(name: string): { index: number; numeral: string } | null {
  let last: RegExpExecArray | null = null;
  NUMERAL_RUN.lastIndex = 0;
  for (let m = NUMERAL_RUN.exec(name); m; m = NUMERAL_RUN.exec(name)) last = m;
  if (!last) return null;
  const run = last[0];
  const keep = /[十百]/.test(run) || /^\d+$/.test(run) ? run.length : 1;
  return { index: last.index + run.length - keep, numeral: run.slice(run.length - keep) };
}

export function roadName(published: string): RoadName {
  // "河东区六纬路": the district in front is no part of the road (the matcher drops it from addresses too);
  // "工业区一路" keeps it ("一路" alone is in every 开发区 as well).
  let name = published;
  for (let i = name.length - 2; i >= 2; i--) {
    const tail = name.slice(i);
    const core = tail.replace(ROAD_END, '').replace(/[0-9〇零一二三四五六七八九十百]/g, '');
    if (/[区县市]$/.test(name.slice(0, i)) && tail.length >= 3 && core.length >= 1 && isRoadName(tail)) {
      name = tail;
      break;
    }
  }
  const viaName = normalizeAddress(name).road !== cleanAddress(name);
  const last = lastNumeral(name);
  if (last && last.index > 0) {
    const tail = name.slice(last.index + last.numeral.length);
    if (tail.length >= 1 && tail.length <= 3 && ROAD_END.test(tail))
      return { name, stem: name.slice(0, last.index), numeral: last.numeral, tail, viaName };
  }
  return { name, stem: '', numeral: '', tail: '', viaName };
}

/** The shortest split of text into a name accepted by `isName` and a readable number part. */
function splitName(
  text: string,
  isName: (name: string) => boolean,
  minName: number,
): { name: string; spec: NumberSpec } | null {
  for (let i = minName; i <= text.length; i++) {
    const name = text.slice(0, i);
    if (!isName(name)) continue;
    // "和平路1号至和平路99号": the name again after the dash.
    const spec = readSpec(
      text.slice(i).split(`至${name}`).join('至').split(`-${name}`).join('-').split(`—${name}`).join('—'),
    );
    if (spec) return { name, spec };
  }
  return null;
}

function isEstateName(name: string): boolean {
  if (GENERIC.test(name) || /^\d/.test(name) || NOT_A_ROAD.test(name)) return false;
  if (endsWithAny(name, ESTATE_SUFFIXES)) return true;
  const part = ESTATE_PART.exec(name);
  return !!part && part.index >= 2 && endsWithAny(name.slice(0, part.index), ESTATE_SUFFIXES);
}

/** Body text as read: compatibility forms folded, spaces, quotes and a trailing 等 / 。 dropped. */
export function cleanBody(body: string): string {
  return body
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』《》〈〉]+/g, '')
    .replace(/[。.,，、;；:：!！?？]+$/, '')
    .replace(/(?<=.{2})等$/, '');
}

const WHOLE_AREA = /(?:的?全部区域|的?全部|全域|所辖区域|辖区范围内?|辖区内|辖区|所辖|范围内|整体|全境)$/;
const DIVISION = /(?:社区居民委员会|社区居委会|居民委员会|村民委员会|居委会|村委会|社区|居委|村)$/;
const STREET = /^\S{1,14}?(?:街道办事处|街道|镇|乡)$/;

/**
 * Reads one item body (brackets already taken out). Order: 社区 / 村 named as such, a 街道 as a whole, a
 * road with its numbers, a 小区; null when it is none of these (the caller reports 未能识别).
 */
export function readPlace(body: string, places: CatchmentPlaces, street: string | null): PlaceReading | null {
  const text = cleanBody(body);
  if (text.length < 2 || text.length > 60) return null;
  // "大王庄街道六纬路1-9号", "诚厚里社区阳光小区": the 街道 / 社区 in front only says where the place is.
  const within = /^(.{2,12}?(?:街道|社区|居委会|村委会))(.{2,})$/.exec(text);
  if (within && !WHOLE_AREA.test(text) && !DIVISION.test(text)) {
    const inner = readPlace(within[2], places, street);
    if (inner && inner.kind !== 'unknown') return inner;
  }
  const area = text.replace(WHOLE_AREA, '');
  if (DIVISION.test(area) && !/新村$/.test(area)) {
    const c = findCommunity(area, places, street);
    if (c) return { kind: 'community', match: { kind: 'community', communityCode: c.code }, label: c.name };
    if (!/村$/.test(area)) return { kind: 'unknown', label: area };
  }
  if (STREET.test(area) && !/(?:小镇|古镇)$/.test(area)) {
    const s = findStreet(area, places);
    return s
      ? { kind: 'street', match: { kind: 'street', streetCode: s.code }, label: s.name }
      : { kind: 'unknown', label: area };
  }
  if (BOUNDARY.test(text)) return null;
  const road = splitName(text, isRoadName, 2);
  if (road) {
    if (road.spec.building || road.spec.group) return { kind: 'estate', name: road.name, spec: road.spec };
    return { kind: 'road', road: roadName(road.name), spec: road.spec, bare: road.name.length === text.length };
  }
  // "和平路15号阳光小区": the 小区 at that number.
  const at = /^(.{2,20}?)(\d+)号(?:院)?(.{2,20})$/.exec(text);
  if (at && isRoadName(at[1]) && isEstateName(at[3])) {
    return { kind: 'road', road: roadName(at[1]), spec: readSpec(`${at[2]}号`)!, estate: at[3] };
  }
  const estate = splitName(text, isEstateName, 2);
  // "阳光花园一" before "二期": a numeral waiting for 期, not building 1.
  if (estate && /^[〇零一二三四五六七八九十]+$/.test(text.slice(estate.name.length))) return null;
  if (estate)
    return {
      kind: 'estate',
      name: estate.name,
      spec: estate.spec.ranges.length === 1 && isWholeSpec(estate.spec) ? null : estate.spec,
      bare: estate.name.length === text.length,
    };
  // "荔林春晓1-10栋": a name without a 小区 word is a 小区 when buildings follow.
  const named = splitName(
    text,
    (name) => name.length >= 2 && name.length <= 16 && /^[\u3400-\u9fffA-Za-z·]+$/.test(name) && !GENERIC.test(name),
    2,
  );
  if (named?.spec.building) return { kind: 'estate', name: named.name, spec: named.spec };
  return null;
}

/**
 * "万达广场小区" is also written and typed "万达广场". Only a name that still reads as a 小区: "保山南" of
 * 保山南小区 is inside "保山南三街28号", "和平里" of 和平里小区 is a road (the matcher finds names anywhere).
 */
export function shortAlias(name: string): string | null {
  const short = name.replace(/小区$/, '');
  if (
    short === name ||
    Array.from(short).length < 3 ||
    ROAD_END.test(short) ||
    !isEstateName(short) ||
    /[村庄屯社]$/.test(short)
  )
    return null;
  return short;
}

/** An other name of a 小区 ("（原化工厂宿舍）") that is safe to look for in addresses. */
export const safeAlias = (alias: string) =>
  Array.from(alias).length >= 3 && !ROAD_END.test(alias) && !BOUNDARY.test(alias) && !/\d/.test(alias);

const isWholeSpec = (spec: NumberSpec) => spec.ranges.every((r) => r.side === 'all' && r.from <= 1 && r.to >= 99999);

/** "三街", "二横路1-9号": a road that takes its stem from the road before it; null otherwise. */
export function readContinuation(
  body: string,
  stem: string,
  tail: string,
): { road: RoadName; spec: NumberSpec } | null {
  const text = cleanBody(body);
  const m = /^([0-9〇零一二三四五六七八九十百]+)(.+)$/.exec(text);
  if (!m || !stem) return null;
  const rest = splitName(m[2], (name) => name.length <= 3 && ROAD_END.test(name) && (!tail || name === tail), 1);
  if (!rest || rest.spec.building || rest.spec.group) return null;
  const name = stem + m[1] + rest.name;
  if (!isRoadName(name) || !/^[\u3400-\u9fff0-9]+$/.test(name)) return null;
  return { road: { ...roadName(name), stem, numeral: m[1], tail: rest.name }, spec: rest.spec };
}

/** "二期" after 阳光花园一期, "二区" after 翠苑一区: the 小区 takes its stem from the one before. */
export function readEstatePart(body: string, before: string): { name: string; spec: NumberSpec } | null {
  const prior = ESTATE_PART.exec(before);
  const stem = prior ? before.slice(0, prior.index) : '';
  const text = cleanBody(body);
  const m = /^([0-9〇零一二三四五六七八九十A-Za-z]{1,3})(期|区)(.*)$/.exec(text);
  if (!m || !prior || !stem || !prior[0].endsWith(m[2])) return null;
  const spec = readSpec(m[3]);
  return spec ? { name: stem + m[1] + m[2], spec } : null;
}

/** "和平一" before "二横路": a stem and a number waiting for the road type that follows. */
export function readBareStem(body: string): { stem: string; numeral: string } | null {
  const m = /^([\u3400-\u9fff]{1,12}?)([〇零一二三四五六七八九十百]+)$/.exec(cleanBody(body));
  return m && !BOUNDARY.test(m[1]) && !ROAD_END.test(m[1]) && !/[号之至到除含全]/.test(m[1])
    ? { stem: m[1], numeral: m[2] }
    : null;
}
