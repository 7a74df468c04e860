import { STAGE_LABELS, type Stage } from './stages';

/**
 * The parent's answer per stage, in one statement: which mechanism gives the place (单校划片, 多校划片 by
 * 派位, 对口直升, 九年一贯, 学区内统筹) and what it means for this family. For middle school there is exactly
 * one path, or labelled alternatives with the condition that decides between them. Pure: the caller
 * passes what matched; nothing here reads data.
 */
export type AnswerMechanism =
  'single' | 'multi' | 'ambiguous' | 'feeder' | 'nine-year' | 'alternatives' | 'xuequ' | 'unknown';

export const ANSWER_MECHANISM_LABELS: Record<AnswerMechanism, string> = {
  single: '单校划片',
  multi: '多校划片（派位）',
  ambiguous: '待确认',
  feeder: '对口直升',
  'nine-year': '九年一贯',
  alternatives: '按情况二选一',
  xuequ: '学区内统筹',
  unknown: '待教育局安排',
};

export interface AnswerSchool {
  id: string;
  name: string;
}

export interface ZonedInput extends AnswerSchool {
  /** How the matched list gives places; null for rules that say nothing (single school). */
  mechanism: 'single' | 'multi' | null;
}

/** Where a zoned primary school leads. */
export interface PathInput {
  kind: 'feeder' | 'nine-year';
  from: AnswerSchool;
  to: AnswerSchool[];
}

export interface AnswerContext {
  districtName: string;
  /** The 学区 that serve the place, with their schools of each stage. */
  xuequ: Array<{ name: string; schools: Record<Stage, AnswerSchool[]> }>;
  /** What the district does where no list names the place: 学区制 (多校划片 within the 学区) or ask. */
  withoutZone: 'xuequ-multi' | 'ask';
  /** Which governs where 对口 and the 初中 list disagree (AdmissionSettings.middleRule). */
  middleRule: 'feeder-for-graduates' | 'zone' | null;
}

export interface StageAnswer {
  stage: Stage;
  stageLabel: string;
  mechanism: AnswerMechanism;
  mechanismLabel: string;
  /** The school, or the set placement is among. */
  schools: AnswerSchool[];
  statement: string;
  /** Only for mechanism 'alternatives': each path with the condition that decides it. */
  alternatives: Array<{ condition: string; schools: AnswerSchool[]; statement: string }>;
  /** Who decides what is not known (never empty when mechanism is xuequ / unknown / ambiguous). */
  decidedBy: string | null;
}

const names = (list: readonly AnswerSchool[]) => list.map((s) => s.name).join('、');
const sameSet = (a: readonly AnswerSchool[], b: readonly AnswerSchool[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.id === x.id));

function answer(
  stage: Stage,
  mechanism: AnswerMechanism,
  schools: AnswerSchool[],
  statement: string,
  decidedBy: string | null = null,
): StageAnswer {
  return {
    stage,
    stageLabel: STAGE_LABELS[stage],
    mechanism,
    mechanismLabel: ANSWER_MECHANISM_LABELS[mechanism],
    schools,
    statement,
    alternatives: [],
    decidedBy,
  };
}

/** From the schools whose lists name the place (one stage). Null when none does. */
function fromLists(stage: Stage, zoned: readonly ZonedInput[], ctx: AnswerContext): StageAnswer | null {
  if (zoned.length === 0) return null;
  const schools = zoned.map(({ id, name }) => ({ id, name }));
  if (zoned.length === 1) return answer(stage, 'single', schools, `单校划片：登记入学${schools[0].name}`);
  if (zoned.every((z) => z.mechanism === 'multi')) {
    return answer(
      stage,
      'multi',
      schools,
      `多校划片：在${names(schools)}中派位（电脑随机派位）确定一所`,
      `${ctx.districtName}教育局`,
    );
  }
  return answer(
    stage,
    'ambiguous',
    schools,
    `该地址同时在${names(schools)}的登记范围内，以学校和教育局的确认为准`,
    `${ctx.districtName}教育局`,
  );
}

/** No list names the place: what the 学区 tells, and who decides. */
function withoutLists(stage: Stage, ctx: AnswerContext): StageAnswer {
  const label = STAGE_LABELS[stage];
  const office = `${ctx.districtName}教育局`;
  const candidates = ctx.xuequ
    .flatMap((x) => x.schools[stage])
    .filter((s, i, all) => all.findIndex((t) => t.id === s.id) === i);
  const xuequNames = ctx.xuequ.map((x) => x.name).join('、');
  if (ctx.xuequ.length === 0) {
    return answer(
      stage,
      'unknown',
      [],
      `文件未列出该地点所属的学区和划片学校；${label}入学由${office}按就近入学原则安排，可用“请学校确认”咨询`,
      office,
    );
  }
  const within = candidates.length > 0 ? `，学区内${label}：${names(candidates)}` : `；文件未列出学区内的${label}名单`;
  if (ctx.withoutZone === 'xuequ-multi') {
    return answer(
      stage,
      'xuequ',
      candidates,
      `属${xuequNames}${within}。未公布单校划片的地址按学区制多校划片，由${office}在学区内统筹派位`,
      office,
    );
  }
  return answer(
    stage,
    'xuequ',
    candidates,
    `属${xuequNames}${within}。该地址未在已公布的登记范围中，具体学校以${office}公布为准`,
    office,
  );
}

export function primaryAnswer(zoned: readonly ZonedInput[], ctx: AnswerContext): StageAnswer {
  return fromLists('primary', zoned, ctx) ?? withoutLists('primary', ctx);
}

/**
 * Middle school: the 对口 / 九年一贯 path of the zoned primary school and the 初中 lists of the place. When
 * both exist and name different schools, the district's middleRule decides: the 初中 list for everyone
 * ('zone'), or both shown with the condition that decides: finishing primary school at the zoned school
 * (对口) or not (the 初中 list). Data where they disagree without a rule is refused by the import and the
 * seed test; showing both keeps the answer honest if it slips through.
 */
export function middleAnswer(zoned: readonly ZonedInput[], path: PathInput | null, ctx: AnswerContext): StageAnswer {
  const byList = fromLists('middle', zoned, ctx);
  if (!path) return byList ?? withoutLists('middle', ctx);
  const pathAnswer =
    path.kind === 'nine-year'
      ? answer('middle', 'nine-year', path.to, `九年一贯：在${path.from.name}读完小学，直升本校初中部`)
      : answer(
          'middle',
          path.to.length > 1 ? 'multi' : 'feeder',
          path.to,
          path.to.length > 1
            ? `对口直升：${path.from.name}毕业生对口${names(path.to)}，在其中派位`
            : `对口直升：${path.from.name}毕业生对口${path.to[0]?.name ?? ''}`,
        );
  if (!byList || sameSet(byList.schools, path.to)) return pathAnswer;
  if (ctx.middleRule === 'zone')
    return { ...byList, statement: `${byList.statement}（本区初中按登记范围入学，不按小学对口）` };
  const other = answer('middle', 'alternatives', [...path.to, ...byList.schools], `两条路径，取决于小学在哪里毕业`);
  other.alternatives = [
    { condition: `在${path.from.name}就读并毕业`, schools: path.to, statement: pathAnswer.statement },
    {
      condition: `未在${path.from.name}毕业（如转学或在其他学校就读）`,
      schools: byList.schools,
      statement: `按初中登记范围：${byList.statement}`,
    },
  ];
  other.decidedBy = `${ctx.districtName}教育局`;
  return other;
}
