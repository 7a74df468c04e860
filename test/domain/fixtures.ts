import { planEdit, type CompositionEdit, type EditContext } from '@/domain/composition';
import type { XuequVersion } from '@/domain/xuequ';

export const CN = 'Asia/Shanghai';

/** An instant from an ISO string with an explicit offset, e.g. at('2026-11-23T08:00+08:00'). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};

/** China wall-clock time → instant. */
export const cn = (date: string, hm: string): number => at(`${date}T${hm}:00+08:00`);

/** One stage's alliance of a 学区: its lead school, then its members. */
export type AllianceOf = [lead: string, members: string[]];

export interface VersionSpec extends Partial<Omit<XuequVersion, 'alliances' | 'effectiveFrom' | 'effectiveTo'>> {
  from?: string;
  to?: string | null;
  primary?: AllianceOf;
  middle?: AllianceOf;
}

/**
 * A version of a 河东区 学区 valid from `from` (2020-05-21, the composition document) until `to`
 * (open): its alliances middle first, each lead titled 学区长学校; anything else as `over` says.
 */
export function xuequVersion(
  xuequId: string,
  { from = '2020-05-21', to = null, primary, middle, ...over }: VersionSpec = {},
): XuequVersion {
  const stages = (
    [
      ['middle', middle],
      ['primary', primary],
    ] as const
  ).flatMap(([stage, a]) => (a ? [{ stage, lead: a[0], members: a[1] }] : []));
  return {
    _id: `${xuequId}@${from}`,
    xuequId,
    districtCode: '120102',
    name: xuequId,
    effectiveFrom: from,
    effectiveTo: to,
    alliances: stages.map(({ stage, lead, members }) => ({ stage, leadSchoolIds: [lead], memberSchoolIds: members })),
    streetCodes: [],
    leadTitle: Object.fromEntries(stages.map(({ stage }) => [stage, '学区长学校'])),
    source: { title: 't', issuer: 'i', date: '2020-05-21' },
    sample: false,
    streetsSample: true,
    ...over,
  };
}

/** The versions after an edit planned in `ctx`, its writes set by id as the action sets them; the plan must have no errors. */
export function applied(ctx: EditContext, edit: CompositionEdit): XuequVersion[] {
  const plan = planEdit(ctx, edit);
  expect(plan.errors).toEqual([]);
  const byId = new Map(ctx.versions.map((v) => [v._id, v]));
  for (const w of plan.writes) byId.set(w.doc._id, w.doc);
  return [...byId.values()];
}
