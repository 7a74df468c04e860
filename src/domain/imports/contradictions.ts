import { catchmentRules, feedersInForce, type CatchmentDoc, type CatchmentPlaces } from '../catchment';
import type { FeederRule } from '../feeder';
import type { School } from '../school';
import { normalizeAddress, type ZoningMatch } from '../zoning-match';

/**
 * Lists that would tell a parent two middle schools: an 初中 list (单校/多校划片) naming a place that a
 * primary school's list of the same intake also names, while that primary school's 对口 leads to other
 * middle schools. Without a district rule saying which governs (招生规则: middleRule) such data is refused.
 * Only places that can be compared are checked: the same 社区, 街道, 小区, or overlapping numbers of a road.
 */
export interface ContradictionInput {
  /** Every list of the district as it would stand after the import (stored ones overlaid by the file's). */
  lists: readonly CatchmentDoc[];
  /** Stored 对口 rules (the published 对口直升 lists replace them per primary school and intake). */
  storedFeeders: readonly FeederRule[];
  schools: readonly School[];
  places: CatchmentPlaces;
}

export interface Contradiction {
  middleId: string;
  primaryId: string;
  intakeYear: number;
  message: string;
}

/** Each 初中 list's first clash with each primary school's list, in Chinese. */
export function middleContradictions(input: ContradictionInput): Contradiction[] {
  const out: Contradiction[] = [];
  const feeders = feedersInForce(input.lists, input.schools, input.storedFeeders);
  // Each list is read once, however many lists it is compared with.
  const read = new Map<string, ReturnType<typeof catchmentRules>>();
  const placesOf = (list: CatchmentDoc) => {
    let rules = read.get(list._id);
    if (!rules) read.set(list._id, (rules = catchmentRules(list, input.places).filter((r) => !r.exclude)));
    return rules;
  };
  const nameOf = (id: string) => input.schools.find((s) => s._id === id)?.name ?? id;
  const streetOf = new Map(input.places.communities.map((c) => [c.code, c.parentCode]));
  for (const middle of input.lists) {
    if (middle.stage !== 'middle' || middle.mechanism === 'feeder') continue;
    const middleRules = placesOf(middle);
    for (const primary of input.lists) {
      if (primary.stage !== 'primary' || primary.intakeYear !== middle.intakeYear) continue;
      const feeder = feeders.find((f) => f.primarySchoolId === primary.schoolId && f.schoolYear === primary.intakeYear);
      const school = input.schools.find((s) => s._id === primary.schoolId);
      const continues = school?.kind === 'nine-year' ? [school._id] : feeder?.middleSchoolIds;
      if (!continues || continues.includes(middle.schoolId)) continue;
      const clash = placesOf(primary).flatMap((p) =>
        middleRules.filter((m) => overlaps(m.match, p.match, streetOf)).map((m) => ({ m, p })),
      )[0];
      if (!clash) continue;
      out.push({
        middleId: middle._id,
        primaryId: primary._id,
        intakeYear: middle.intakeYear,
        message:
          `登记范围：${nameOf(middle.schoolId)}的初中登记范围“${clash.m.text}”也在${nameOf(primary.schoolId)}的小学登记范围（“${clash.p.text}”）内，` +
          `而该校对口${continues.map(nameOf).join('、')}；请在“招生规则”中设定对口与初中登记范围以哪一项为准，或修改登记范围`,
      });
    }
  }
  return out;
}

export const roadKey = (road: string) => normalizeAddress(road).road ?? road;
const estateKey = (name: string) => normalizeAddress(name).normalized;

/** True when both name some of the same addresses (parity counted for roads). */
export function overlaps(a: ZoningMatch, b: ZoningMatch, streetOf: ReadonlyMap<string, string>): boolean {
  if (a.kind === 'community' && b.kind === 'community') return a.communityCode === b.communityCode;
  if (a.kind === 'street' && b.kind === 'street') return a.streetCode === b.streetCode;
  if (a.kind === 'community' && b.kind === 'street') return streetOf.get(a.communityCode) === b.streetCode;
  if (a.kind === 'street' && b.kind === 'community') return streetOf.get(b.communityCode) === a.streetCode;
  if (a.kind === 'estate' && b.kind === 'estate') return estateKey(a.name) === estateKey(b.name);
  if (a.kind === 'road' && b.kind === 'road') {
    if (roadKey(a.road) !== roadKey(b.road)) return false;
    const from = Math.max(a.from, b.from);
    const to = Math.min(a.to, b.to);
    if (from > to) return false;
    const sides = new Set([a.side, b.side].filter((s) => s !== 'all'));
    if (sides.size > 1) return false; // odd and even never meet
    if (sides.size === 0) return true;
    const parity = sides.has('odd') ? 1 : 0;
    return from % 2 === parity || from + 1 <= to;
  }
  return false;
}
