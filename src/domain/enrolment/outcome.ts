import type { EnrolmentAssessment } from './types';

/**
 * Where a family stands for this intake:
 * - eligible: a category, old enough — the category, documents, class cap and timeline all apply;
 * - too-young: a category, but the child is born after the cut-off — this intake's category, documents
 *   and dates do not apply, the intake the child is old enough for does;
 * - not-eligible: an exclusion (no 居住证, no home in the district, not yet in 六年级) or no category —
 *   what to do instead applies, nothing of this intake.
 */
export type EnrolmentStanding = 'eligible' | 'too-young' | 'not-eligible';

export interface WhatApplies {
  standing: EnrolmentStanding;
  /** The category with its priority (第N类) and placement; false: only why, and what to do instead. */
  category: boolean;
  /** The documents to bring for this intake. */
  checklist: boolean;
  /** This intake's dates, with the step on now or next ("下一步…还有N天"). */
  timeline: boolean;
  /** This intake's class cap. */
  classCap: boolean;
  /** Why not this intake, in one sentence (null when eligible). */
  why: string | null;
  /** What to do instead (null when eligible). */
  instead: string | null;
}

/** What of an assessment applies to the family: not-eligible and not-yet answers show only what to do. */
export function whatApplies(r: EnrolmentAssessment): WhatApplies {
  // The parts of this intake shown: all of them or none.
  const parts = (shown: boolean) => ({ category: shown, checklist: shown, timeline: shown, classCap: shown });
  if (r.eligible) return { standing: 'eligible', ...parts(true), why: null, instead: null };
  const none = parts(false);
  if (r.category.eligible && r.ageCheck && !r.ageCheck.ok) {
    const first = r.ageCheck.firstIntakeYear;
    return {
      standing: 'too-young',
      ...none,
      why: r.ageCheck.message,
      instead: `${r.intakeYear}年的入学登记不用参加。孩子可在${first}年秋季入学，请在${first}年春季再来查看当年的入学规则、要准备的材料和时间安排。`,
    };
  }
  return { standing: 'not-eligible', ...none, why: r.category.why, instead: r.category.placement };
}
