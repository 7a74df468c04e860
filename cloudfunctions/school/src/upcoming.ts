import type { UpcomingXuequChange, XuequUpcomingView, XuequView } from '@/contracts/school';
import { dateLabel, upcomingChanges, xuequUpcoming } from '@/domain/composition';
import { compositionOn, sourceLabel, type XuequVersion } from '@/domain/xuequ';
import type { DistrictContext } from './district-context';

/**
 * Composition changes after today for some schools / 街道, each with the 学区 as composed from its date and
 * the documents behind it. `self`: the school whose own page this is (named 本校).
 */
export function upcomingFor(
  d: DistrictContext,
  today: string,
  schoolIds: readonly string[],
  streetCodes: readonly string[],
  self?: string,
): UpcomingXuequChange[] {
  const streetName = (code: string) => d.divisions.find((x) => x.code === code)?.name ?? code;
  const nameOf = (id: string) => (id === self ? '本校' : (d.schoolsById.get(id)?.name ?? id));
  return upcomingChanges(d.versions, today, [...new Set(schoolIds)], streetCodes, nameOf, streetName).map((u) => {
    const then = compositionOn(d.versions, u.effectiveFrom);
    return {
      effectiveFrom: u.effectiveFrom,
      dateLabel: dateLabel(u.effectiveFrom),
      changes: u.changes,
      xuequ: then.filter((x) => u.xuequIds.includes(x.xuequId)).map(d.view),
      sources: u.sources.map(sourceLabel),
    };
  });
}

/** One 学区's changes after today, for the 学区 list and detail. */
export function xuequUpcomingView(
  versions: readonly XuequVersion[],
  xuequId: string,
  today: string,
  nameOf: (id: string) => string,
): XuequUpcomingView[] {
  return xuequUpcoming(versions, xuequId, today, nameOf).map((u) => ({
    effectiveFrom: u.effectiveFrom,
    dateLabel: dateLabel(u.effectiveFrom),
    changes: u.changes,
    sources: u.sources.map(sourceLabel),
  }));
}

/** A 学区 as parents see it, with what is planned for it. */
export function withUpcoming(d: DistrictContext, x: XuequVersion, today: string): XuequView {
  const nameOf = (id: string) => d.schoolsById.get(id)?.name ?? id;
  return { ...d.view(x), upcoming: xuequUpcomingView(d.versions, x.xuequId, today, nameOf) };
}
