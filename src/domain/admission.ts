import { ANSWER_MECHANISM_LABELS, type AnswerContext, type StageAnswer } from './answer';

/**
 * How a district gives places beyond its published lists, set by its bureau: what happens where no list
 * names a place, how 对口 and the 初中 lists combine, and the rules that depend on the family (when the
 * home was acquired, whether the address already gave a place, whose address counts). Pure.
 */
export interface AdmissionSettings {
  /** Where no list names a place: 学区制 (多校划片 within the 学区, seed 001) or the bureau decides case by case. */
  withoutZone: 'xuequ-multi' | 'ask';
  /**
   * Where a zoned primary school's 对口 and the place's 初中 list name different schools: 对口 for the
   * school's own graduates (the list for everyone else), or the 初中 list for everyone. null: not set,
   * and an import that would make them disagree is refused.
   */
  middleRule: 'feeder-for-graduates' | 'zone' | null;
  /** Homes acquired on or after this date (YYYY-MM-DD) are placed by 多校划片 within the 学区. */
  acquiredCutoff: string | null;
  /** One 单校划片 place per address per this many years (东城: 6); null: no such limit. */
  placeEveryYears: number | null;
  /** Whose address counts: the family's 户籍 must be at the home ('hukou'), or where the family lives. */
  basis: 'hukou' | 'residence';
  /** The document these rules come from, cited in answers. */
  document: string | null;
}

export const DEFAULT_ADMISSION: AdmissionSettings = {
  withoutZone: 'ask',
  middleRule: null,
  acquiredCutoff: null,
  placeEveryYears: null,
  basis: 'residence',
  document: null,
};

export const admissionOf = (stored: Partial<AdmissionSettings> | null | undefined): AdmissionSettings => ({
  ...DEFAULT_ADMISSION,
  ...(stored ?? {}),
});

/** What a parent tells about the family, only when asked. */
export interface FamilyFacts {
  /** When the home was acquired (房产证登记 / 购房合同), YYYY-MM-DD. */
  homeAcquired?: string;
  /** The address already gave a child a 单校划片 place within the district's limit of years. */
  placeUsedRecently?: boolean;
  /** The child's 户籍 is at this address. */
  hukouAtAddress?: boolean;
}

export type FamilyQuestionKey = keyof FamilyFacts;

export interface FamilyQuestion {
  key: FamilyQuestionKey;
  kind: 'date' | 'yes-no';
  label: string;
  /** Why it matters for this answer. */
  why: string;
}

const cite = (s: AdmissionSettings) => (s.document ? `（依据：${s.document}）` : '');

/** The questions that change this answer: asked only when the primary answer is a single school. */
export function familyQuestions(
  settings: AdmissionSettings,
  primary: StageAnswer,
  facts: FamilyFacts,
): FamilyQuestion[] {
  if (primary.mechanism !== 'single') return [];
  const school = primary.schools[0]?.name ?? '';
  const out: FamilyQuestion[] = [];
  if (settings.acquiredCutoff && facts.homeAcquired === undefined) {
    out.push({
      key: 'homeAcquired',
      kind: 'date',
      label: '房产取得（登记）日期',
      why: `${settings.acquiredCutoff}及以后取得的房产不对应${school}，按多校划片${cite(settings)}`,
    });
  }
  if (settings.placeEveryYears && facts.placeUsedRecently === undefined) {
    out.push({
      key: 'placeUsedRecently',
      kind: 'yes-no',
      label: `该地址${settings.placeEveryYears}年内是否已有子女以单校划片入学`,
      why: `每个地址${settings.placeEveryYears}年内只有一个单校划片入学名额${cite(settings)}`,
    });
  }
  if (settings.basis === 'hukou' && facts.hukouAtAddress === undefined) {
    out.push({
      key: 'hukouAtAddress',
      kind: 'yes-no',
      label: '孩子户籍是否在该地址',
      why: `${school}按户籍与房产一致登记入学${cite(settings)}`,
    });
  }
  return out;
}

/**
 * The primary answer after the family's facts: a single school becomes 多校划片 within the 学区 when the
 * home was acquired on or after the cut-off or the address already gave a place; without the 户籍 at
 * the address (where 户籍 counts) the bureau places the child. Facts not asked change nothing.
 */
export function applyFamilyRules(
  primary: StageAnswer,
  settings: AdmissionSettings,
  facts: FamilyFacts,
  ctx: AnswerContext,
): StageAnswer {
  if (primary.mechanism !== 'single') return primary;
  const school = primary.schools[0]?.name ?? '';
  const office = `${ctx.districtName}教育局`;
  const candidates = ctx.xuequ
    .flatMap((x) => x.schools.primary)
    .filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i);
  const within = ctx.xuequ.length ? `在${ctx.xuequ.map((x) => x.name).join('、')}内` : '在区内';
  const multi = (why: string): StageAnswer => ({
    ...primary,
    mechanism: 'multi',
    mechanismLabel: ANSWER_MECHANISM_LABELS.multi,
    schools: candidates,
    statement: `${why}：不对应${school}，按多校划片${within}派位${candidates.length ? `（${candidates.map((s) => s.name).join('、')}）` : ''}${cite(settings)}`,
    decidedBy: office,
  });
  if (settings.acquiredCutoff && facts.homeAcquired && facts.homeAcquired >= settings.acquiredCutoff) {
    return multi(`房产取得于${facts.homeAcquired}，在${settings.acquiredCutoff}及以后`);
  }
  if (settings.placeEveryYears && facts.placeUsedRecently === true)
    return multi(`该地址${settings.placeEveryYears}年内已使用过单校划片名额`);
  if (settings.basis === 'hukou' && facts.hukouAtAddress === false) {
    return {
      ...primary,
      mechanism: 'unknown',
      mechanismLabel: ANSWER_MECHANISM_LABELS.unknown,
      schools: [],
      statement: `户籍不在该地址：不按${school}的登记范围入学，由${office}统筹安排（随迁子女或人户分离，见入学条件）${cite(settings)}`,
      decidedBy: office,
    };
  }
  return primary;
}
