import type { RoadName } from './place';
import { describeRange, isWholeRange } from './spec';
import { MAX_HOUSE_NUMBER, type CatchmentMatch, type CatchmentPlaces, type NumberRange } from './types';
import type { Slice } from './split';

/**
 * A phrase being read: its slice of the text, what it matches so far, and the place that numbers after it
 * continue ("胜利街4、6、8号": 6 and 8 continue 胜利街).
 */
export type Context =
  | { kind: 'road'; road: RoadName; implicitWhole: boolean }
  /** division: a 村 label ("新兴村：1-6组") that is also an official 村: "全部" after it is that 村. */
  | { kind: 'estate'; name: string; aliases: string[]; implicitWhole: boolean; division?: CatchmentMatch }
  | { kind: 'division'; match: CatchmentMatch };

export interface Draft extends Slice {
  kind: 'read' | 'note' | 'unread' | 'exclude';
  matches: CatchmentMatch[];
  except: CatchmentMatch[];
  /** Why unread, or what the note is. */
  why: string | null;
  remarks: string[];
  context: Context | null;
  /** "和平一" waiting for "二横路". */
  stems?: Array<{ stem: string; numeral: string }>;
  /** The ranges the last item added: a parity word after them ("1-99号 单号") narrows them. */
  last: NumberRange[];
  /** "单号：1-49号": a parity word written as a label gives its side to the numbers after it. */
  side?: NumberRange['side'];
}

export type EstateMatch = Extract<CatchmentMatch, { kind: 'estate' }>;
type RoadMatch = Extract<CatchmentMatch, { kind: 'road' }>;

/** Estates that stand for a road the matcher cannot read as one (人民路一巷, 人民南路二段), and 村 with 组. */
const UNITS = new WeakMap<object, 'road' | 'group'>();

export function newDraft(slice: Slice, kind: Draft['kind'], why: string | null = null): Draft {
  return {
    text: slice.text,
    start: slice.start,
    end: slice.end,
    kind,
    matches: [],
    except: [],
    why,
    remarks: [],
    context: null,
    last: [],
  };
}

const copy = (r: NumberRange): NumberRange => ({ side: r.side, from: r.from, to: r.to });
const allWhole = (ranges: readonly NumberRange[]) => ranges.length > 0 && ranges.every(isWholeRange);

/** An estate match standing for a road the matcher cannot read (人民路一巷). */
export const isRoadEstate = (m: CatchmentMatch) => UNITS.get(m) === 'road';

/** Adds a road's ranges; a road read as "whole" for want of numbers gives way to the numbers that follow. */
export function addRoad(
  matches: CatchmentMatch[],
  road: RoadName,
  ranges: readonly NumberRange[],
  implicitWhole: boolean,
): NumberRange[] {
  if (road.viaName) return addEstate(matches, road.name, [], ranges, implicitWhole, 'road');
  if (implicitWhole && !allWhole(ranges)) {
    for (let i = matches.length - 1; i >= 0; i--) {
      const m = matches[i];
      if (m.kind === 'road' && m.road === road.name && m.from <= 1 && m.to >= MAX_HOUSE_NUMBER) matches.splice(i, 1);
    }
  }
  // The same range twice ("32号之一、32号之二") is one match.
  return ranges.map((r) => {
    const same = matches.find(
      (m): m is RoadMatch =>
        m.kind === 'road' && m.road === road.name && m.side === r.side && m.from === r.from && m.to === r.to,
    );
    if (same) return same;
    const m: RoadMatch = { kind: 'road', road: road.name, ...copy(r) };
    matches.push(m);
    return m;
  });
}

/** Adds a 小区 (or a road or 村 matched by name) with buildings; null ranges: all of it. */
export function addEstate(
  matches: CatchmentMatch[],
  name: string,
  aliases: string[],
  ranges: readonly NumberRange[] | null,
  implicitWhole: boolean,
  unit?: 'road' | 'group',
): NumberRange[] {
  const wholeEstate = !ranges || allWhole(ranges);
  // "6、7组": the unit written last is the unit of the numbers before it.
  const found = matches.find(
    (m): m is EstateMatch => m.kind === 'estate' && m.name === name && (UNITS.get(m) === 'road') === (unit === 'road'),
  );
  if (found && unit === 'group') UNITS.set(found, unit);
  const added = wholeEstate ? [] : ranges.map(copy);
  if (!found) {
    const m: EstateMatch = { kind: 'estate', name, aliases, ...(wholeEstate ? {} : { buildings: added }) };
    if (unit) UNITS.set(m, unit);
    matches.push(m);
    return added;
  }
  if (!found.buildings || (implicitWhole && found.buildings.every((r) => r.from <= 1 && r.to >= MAX_HOUSE_NUMBER))) {
    if (implicitWhole && !wholeEstate) found.buildings = added;
    return found.buildings ?? [];
  }
  if (wholeEstate) delete found.buildings;
  else found.buildings.push(...added);
  return added;
}

/** How a phrase was read, in Chinese: "道路 六纬路 1–99号 单号、2–50号 双号；小区 阳光小区 1–5号楼". */
export function describe(matches: readonly CatchmentMatch[], places: CatchmentPlaces): string {
  const parts: string[] = [];
  let road: string | null = null;
  for (const m of matches) {
    if (m.kind === 'road') {
      if (road === m.road) parts[parts.length - 1] += `、${describeRange(m)}`;
      else parts.push(`道路 ${m.road} ${describeRange(m)}`);
      road = m.road;
      continue;
    }
    road = null;
    if (m.kind === 'estate') {
      const unit = UNITS.get(m);
      const kind = unit === 'road' ? '道路' : unit === 'group' ? '村' : '小区';
      const suffix = unit === 'road' ? '号' : unit === 'group' ? '组' : '号楼';
      const aliases = m.aliases.length ? `（又称${m.aliases.join('、')}）` : '';
      const buildings = m.buildings
        ? ` ${m.buildings.map((r) => describeRange(r, suffix)).join('、')}`
        : unit === 'road'
          ? ' 全段'
          : '';
      parts.push(`${kind} ${m.name}${aliases}${buildings}`);
    } else if (m.kind === 'community') {
      parts.push(`社区 ${places.communities.find((c) => c.code === m.communityCode)?.name ?? m.communityCode}`);
    } else parts.push(`街道 ${places.streets.find((s) => s.code === m.streetCode)?.name ?? m.streetCode}`);
  }
  return parts.join('；');
}
