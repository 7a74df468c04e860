import type { AllianceStage, Stage } from '../stages';
import { STAGE_LABELS } from '../stages';
import { isCalendarDate } from '../time';
import { compositionOn, schoolIdsOf, type Alliance, type SourceDocument, type XuequVersion } from '../xuequ';
import { describeChange, leadName, without } from './changes';

/**
 * Editing a district's 学区 composition with an effective date. An edit never overwrites history: the
 * version valid on the date is closed (effectiveTo = date) and a new version starts on the date; only a
 * version that itself starts on that date (not yet in effect, or starting today) is replaced.
 */

/** 每个学区学校数原则上不超过10所（柳州市全面推进义务教育学区制管理改革指导意见）. */
export const MAX_SCHOOLS_PER_XUEQU = 10;

export interface SchoolInfo {
  _id: string;
  name: string;
  stages: readonly Stage[];
}

interface Dated {
  /** China date 'YYYY-MM-DD' from which the edit applies. */
  effectiveFrom: string;
}
export type CompositionEdit = Dated &
  (
    | { kind: 'create'; name: string; alliances: Alliance[]; streetCodes: string[] }
    | { kind: 'rename'; xuequId: string; name: string }
    | { kind: 'setAlliances'; xuequId: string; alliances: Alliance[] }
    | { kind: 'moveSchool'; schoolId: string; fromXuequId: string; toXuequId: string }
    | { kind: 'removeSchool'; xuequId: string; schoolId: string }
    | { kind: 'addSchool'; xuequId: string; schoolId: string }
    | { kind: 'setLead'; xuequId: string; schoolId: string; stage: AllianceStage }
  );

export interface EditContext {
  districtCode: string;
  /** Every version of the district's 学区. */
  versions: readonly XuequVersion[];
  schools: readonly SchoolInfo[];
  /** Today in China ('YYYY-MM-DD'); the effective date may not be earlier. */
  today: string;
  /** The document recorded on new versions (who decided the change). */
  source: SourceDocument;
}

export type WriteKind = 'close' | 'add' | 'replace';
export interface VersionWrite {
  kind: WriteKind;
  doc: XuequVersion;
}

export interface EditPlan {
  effectiveFrom: string;
  /** Whole documents to set, by their ids; empty when there are errors. */
  writes: VersionWrite[];
  /** The touched 学区 as composed on the date, before and after the edit. */
  before: XuequVersion[];
  after: XuequVersion[];
  changes: string[];
  errors: string[];
  warnings: string[];
}

/** The next term start after today (China date): 2月20日 (spring) or 9月1日 (autumn). */
export function nextTermStart(today: string): string {
  const year = +today.slice(0, 4);
  return [`${year}-02-20`, `${year}-09-01`, `${year + 1}-02-20`].find((d) => d > today)!;
}

/** What the bureau enters as the basis of an edit: a document (title, optional 文号, its date or year). */
export interface SourceInput {
  title: string;
  number?: string | null;
  /** 'YYYY-MM-DD' or 'YYYY' as the document gives it. */
  date: string;
}

/**
 * The source recorded on the versions an edit writes: the document as entered, or, without one, an honest
 * "未附文件" record dated the day of the edit. Never a title the bureau did not give.
 */
export function editSource(input: SourceInput | null | undefined, issuer: string, today: string): SourceDocument {
  if (!input) return { title: '', issuer, date: today, number: null, undocumented: true };
  const number = input.number?.trim() || null;
  return { title: input.title.trim(), issuer, date: input.date, number };
}

type Transform = (v: XuequVersion) => XuequVersion | null;

/** The school taken out of every alliance; alliances left with no school at all are dropped. */
function removeFrom(v: XuequVersion, schoolId: string): XuequVersion | null {
  if (!schoolIdsOf(v).includes(schoolId)) return null;
  const alliances = v.alliances
    .map((a) => ({
      ...a,
      leadSchoolIds: without(a.leadSchoolIds, schoolId),
      memberSchoolIds: without(a.memberSchoolIds, schoolId),
    }))
    .filter((a) => a.leadSchoolIds.length + a.memberSchoolIds.length > 0);
  return { ...v, alliances };
}

/** The school added as a member: to the undivided list when there is one, else to its stages' alliances. */
function addTo(v: XuequVersion, school: SchoolInfo): XuequVersion | null {
  if (schoolIdsOf(v).includes(school._id)) return null;
  const alliances = v.alliances.map((a) => ({ ...a, memberSchoolIds: [...a.memberSchoolIds] }));
  const all = alliances.find((a) => a.stage === 'all');
  if (all) all.memberSchoolIds.push(school._id);
  else {
    let placed = false;
    for (const stage of school.stages) {
      const target = alliances.find((a) => a.stage === stage);
      if (target) {
        target.memberSchoolIds.push(school._id);
        placed = true;
      }
    }
    if (!placed)
      alliances.push({
        stage: school.stages.length === 1 ? school.stages[0] : 'all',
        leadSchoolIds: [],
        memberSchoolIds: [school._id],
      });
  }
  return { ...v, alliances };
}

/** The school made the lead of its stage's alliance; the previous lead stays on as a member. */
function leadIn(v: XuequVersion, schoolId: string, stage: AllianceStage): XuequVersion | null {
  const ofStage = v.alliances.filter((a) => a.stage === stage);
  const target =
    ofStage.find((a) => a.leadSchoolIds.includes(schoolId) || a.memberSchoolIds.includes(schoolId)) ?? ofStage[0];
  if (!target || target.leadSchoolIds.includes(schoolId)) return null;
  const alliances = v.alliances.map((a) => {
    if (a === target)
      return {
        ...a,
        leadSchoolIds: [schoolId],
        memberSchoolIds: [...a.leadSchoolIds, ...without(a.memberSchoolIds, schoolId)],
      };
    // Leading a stage replaces its place in the undivided member list.
    if (a.stage === 'all' && stage !== 'all') return { ...a, memberSchoolIds: without(a.memberSchoolIds, schoolId) };
    return a;
  });
  return { ...v, alliances: alliances.filter((a) => a.leadSchoolIds.length + a.memberSchoolIds.length > 0) };
}

/** The next free 学区 id of a district, following its pattern (hd-x5 → hd-x6). */
function newXuequId(ctx: EditContext): string {
  let prefix = `${ctx.districtCode}-x`;
  let max = 0;
  for (const v of ctx.versions) {
    const m = /^(.*-x)(\d+)$/.exec(v.xuequId);
    if (!m) continue;
    prefix = m[1];
    max = Math.max(max, +m[2]);
  }
  return `${prefix}${max + 1}`;
}

const sameContent = (a: XuequVersion, b: XuequVersion) =>
  a.name === b.name &&
  JSON.stringify(a.alliances) === JSON.stringify(b.alliances) &&
  JSON.stringify(a.streetCodes) === JSON.stringify(b.streetCodes);

/** Errors and warnings of the touched 学区 as composed after the edit. */
function check(
  ctx: EditContext,
  before: readonly XuequVersion[],
  after: readonly XuequVersion[],
  touched: readonly XuequVersion[],
  errors: string[],
  warnings: string[],
) {
  const byId = new Map(ctx.schools.map((s) => [s._id, s]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  for (const x of touched) {
    const name = x.name.trim();
    if (!name) errors.push('学区名称不能为空');
    else if (after.some((o) => o.xuequId !== x.xuequId && o.name.trim() === name))
      errors.push(`本区已有名为“${name}”的学区`);
    for (const a of x.alliances) {
      const label = `${x.name || '该学区'}的${a.stage === 'all' ? '成员校名单' : `${STAGE_LABELS[a.stage]}联盟`}`;
      const listed = [...a.leadSchoolIds, ...a.memberSchoolIds];
      for (const id of new Set(listed)) {
        const s = byId.get(id);
        if (!s) errors.push(`未知学校：${id}（不是本区学校）`);
        else if (a.stage !== 'all' && !s.stages.includes(a.stage))
          warnings.push(`${s.name}不设${STAGE_LABELS[a.stage]}学段，却列入${label}`);
      }
      for (const id of new Set(a.memberSchoolIds))
        if (a.leadSchoolIds.includes(id)) errors.push(`${nameOf(id)}已是${label}的牵头学校，不能同时列为成员校`);
      for (const list of [a.leadSchoolIds, a.memberSchoolIds]) {
        for (const id of new Set(list))
          if (list.filter((y) => y === id).length > 1) errors.push(`${nameOf(id)}在${label}中重复出现`);
      }
      if (a.stage !== 'all' && a.leadSchoolIds.length === 0 && a.memberSchoolIds.length > 0)
        warnings.push(`${label}没有${leadName(x, a.stage)}`);
    }
    const count = schoolIdsOf(x).length;
    if (count > MAX_SCHOOLS_PER_XUEQU)
      warnings.push(`${x.name}将有${count}所学校，超过${MAX_SCHOOLS_PER_XUEQU}所（每个学区学校数原则上不超过10所）`);
  }
  const was = new Set(before.flatMap(schoolIdsOf));
  const still = new Set(after.flatMap(schoolIdsOf));
  for (const id of was) if (!still.has(id)) warnings.push(`${nameOf(id)}将不属于任何学区`);
}

/**
 * The versions an edit writes, with its errors (nothing may be written) and warnings (may be written).
 * Delta edits (move, remove, rename, lead) also apply to versions already planned after the date; a
 * whole alliance list (setAlliances) applies until the next planned version.
 */
export function planEdit(ctx: EditContext, edit: CompositionEdit): EditPlan {
  const date = edit.effectiveFrom;
  const errors: string[] = [];
  const warnings: string[] = [];
  const empty = (): EditPlan => ({
    effectiveFrom: date,
    writes: [],
    before: [],
    after: [],
    changes: [],
    errors,
    warnings,
  });
  if (!isCalendarDate(date)) errors.push('生效日期（effectiveFrom）不是有效日期');
  else if (date < ctx.today) errors.push(`生效日期（effectiveFrom）不能早于今天（${ctx.today}）`);
  if (errors.length) return empty();

  const schools = new Map(ctx.schools.map((s) => [s._id, s]));
  const onDate = compositionOn(ctx.versions, date);
  const xuequ = (id: string) => onDate.find((x) => x.xuequId === id);
  const needXuequ = (id: string) => {
    const x = xuequ(id);
    if (!x) errors.push(`学区（${id}）在${date}不存在`);
    return x;
  };
  const needSchool = (id: string) => {
    const s = schools.get(id);
    if (!s) errors.push(`未知学校：${id}（不是本区学校）`);
    return s;
  };

  const transforms = new Map<string, Transform>();
  let propagate = true;
  let created: XuequVersion | null = null;
  switch (edit.kind) {
    case 'create': {
      // National division codes nest: a street of the district starts with the district's code.
      for (const code of edit.streetCodes)
        if (!code.startsWith(ctx.districtCode)) errors.push(`街道（${code}）不是本区的街道`);
      const id = newXuequId(ctx);
      const model = ctx.versions.find((v) => v.districtCode === ctx.districtCode);
      created = {
        _id: `${id}@${date}`,
        xuequId: id,
        districtCode: ctx.districtCode,
        name: edit.name.trim(),
        effectiveFrom: date,
        effectiveTo: null,
        alliances: edit.alliances,
        streetCodes: edit.streetCodes,
        leadTitle: model?.leadTitle ?? {},
        source: ctx.source,
        sample: false,
        streetsSample: false,
      };
      break;
    }
    case 'rename':
      if (needXuequ(edit.xuequId))
        transforms.set(edit.xuequId, (v) => (v.name === edit.name.trim() ? null : { ...v, name: edit.name.trim() }));
      break;
    case 'setAlliances':
      if (needXuequ(edit.xuequId)) transforms.set(edit.xuequId, (v) => ({ ...v, alliances: edit.alliances }));
      propagate = false;
      break;
    case 'moveSchool': {
      const from = needXuequ(edit.fromXuequId);
      const to = needXuequ(edit.toXuequId);
      const school = needSchool(edit.schoolId);
      if (!from || !to || !school) break;
      if (from.xuequId === to.xuequId) errors.push('原学区和新学区相同');
      else if (!schoolIdsOf(from).includes(school._id)) errors.push(`${school.name}在${date}不属于${from.name}`);
      else if (schoolIdsOf(to).includes(school._id)) errors.push(`${school.name}已在${to.name}中`);
      else {
        transforms.set(from.xuequId, (v) => removeFrom(v, school._id));
        transforms.set(to.xuequId, (v) => addTo(v, school));
      }
      break;
    }
    case 'removeSchool': {
      const x = needXuequ(edit.xuequId);
      const school = needSchool(edit.schoolId);
      if (!x || !school) break;
      if (!schoolIdsOf(x).includes(school._id)) errors.push(`${school.name}在${date}不属于${x.name}`);
      else transforms.set(x.xuequId, (v) => removeFrom(v, school._id));
      break;
    }
    case 'addSchool': {
      const x = needXuequ(edit.xuequId);
      const school = needSchool(edit.schoolId);
      if (!x || !school) break;
      const elsewhere = onDate.find((o) => schoolIdsOf(o).includes(school._id));
      if (elsewhere)
        errors.push(
          elsewhere.xuequId === x.xuequId
            ? `${school.name}已在${x.name}中`
            : `${school.name}属于${elsewhere.name}，请用“移至其他学区”`,
        );
      else transforms.set(x.xuequId, (v) => addTo(v, school));
      break;
    }
    case 'setLead': {
      const x = needXuequ(edit.xuequId);
      const school = needSchool(edit.schoolId);
      if (!x || !school) break;
      const elsewhere = onDate.filter((o) => o.xuequId !== x.xuequId && schoolIdsOf(o).includes(school._id));
      if (!x.alliances.some((a) => a.stage === edit.stage)) errors.push(`${x.name}没有${STAGE_LABELS[edit.stage]}联盟`);
      else if (x.alliances.some((a) => a.stage === edit.stage && a.leadSchoolIds.includes(school._id)))
        errors.push(`${school.name}已是${x.name}的${leadName(x, edit.stage)}`);
      else if (!schoolIdsOf(x).includes(school._id) && elsewhere.length)
        errors.push(`${school.name}属于${elsewhere[0].name}，请先将其划入${x.name}`);
      else transforms.set(x.xuequId, (v) => leadIn(v, school._id, edit.stage));
      break;
    }
  }
  if (errors.length) return empty();

  const writes: VersionWrite[] = [];
  const afterById = new Map<string, XuequVersion>();
  for (const [xuequId, transform] of transforms) {
    const base = xuequ(xuequId)!;
    const changed = transform(base);
    if (!changed) continue;
    const content = { ...changed, source: ctx.source };
    if (base.effectiveFrom === date) {
      const doc = { ...content, _id: base._id, effectiveFrom: date, effectiveTo: base.effectiveTo };
      writes.push({ kind: 'replace', doc });
      afterById.set(xuequId, doc);
    } else {
      writes.push({ kind: 'close', doc: { ...base, effectiveTo: date } });
      const doc = { ...content, _id: `${xuequId}@${date}`, effectiveFrom: date, effectiveTo: base.effectiveTo };
      writes.push({ kind: 'add', doc });
      afterById.set(xuequId, doc);
    }
    const later = ctx.versions
      .filter((v) => v.xuequId === xuequId && v.effectiveFrom > date)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (const v of later) {
      if (!propagate) {
        warnings.push(`${base.name}已排定${v.effectiveFrom}起的组成，本次调整只适用到该日期之前`);
        break;
      }
      const next = transform(v);
      if (next && !sameContent(next, v)) {
        writes.push({ kind: 'replace', doc: { ...next, source: ctx.source } });
        warnings.push(`${base.name}已排定的${v.effectiveFrom}起组成也一并调整`);
      }
    }
  }
  if (created) {
    writes.push({ kind: 'add', doc: created });
    afterById.set(created.xuequId, created);
  }
  const before = onDate.filter((x) => afterById.has(x.xuequId));
  const after = [...afterById.values()];
  const composedAfter = [...onDate.filter((x) => !afterById.has(x.xuequId)), ...after];
  check(ctx, before, composedAfter, after, errors, warnings);
  if (!created && writes.length === 0) errors.push('本次调整没有改变学区组成');

  const nameOf = (id: string) => schools.get(id)?.name ?? id;
  const changes = after.flatMap((x) => describeChange(before.find((b) => b.xuequId === x.xuequId) ?? null, x, nameOf));
  return {
    effectiveFrom: date,
    writes: errors.length ? [] : writes,
    before,
    after,
    changes,
    errors: [...new Set(errors)],
    warnings: [...new Set(warnings)],
  };
}
