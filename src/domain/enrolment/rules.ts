import { schoolYearOf } from '../time';
import { STAGE_ORDER } from '../stages';
import type { SourceDocument } from '../xuequ';
import type { CategoryRule, ChecklistItem, EnrolmentRuleSet, RuleSource } from './types';

/** data/enrolment-rules.json as written: shared catalogues referenced by id from each rule set. */
export interface EnrolmentRuleFile {
  documents: Record<string, SourceDocument & { seed: string }>;
  checklistItems: Record<string, Omit<ChecklistItem, 'id'>>;
  categorySets: Record<string, { exclusions: RawCategory[]; categories: RawCategory[] }>;
  ruleSets: RawRuleSet[];
}

/** A category as the file stores it: its checklist by item id. */
type RawCategory = Omit<CategoryRule, 'checklist'> & { checklist: string[] };

/** A rule set as the file stores it: documents and categories by reference. */
type RawRuleSet = Omit<EnrolmentRuleSet, 'sources' | 'exclusions' | 'categories'> & {
  sources: Array<Omit<RuleSource, 'document'> & { document: string }>;
  categorySet: string;
};

/** The intake (September of that year) that the 招生 work of a school year admits to. */
export const intakeYearOf = (schoolYear: number): number => schoolYear + 1;

/**
 * The school year whose rules a parent asking at nowMs wants: the current one (in the zone). On
 * 2026-11-23 that is 2026, whose 招生 admits children in September 2027.
 */
export const enrolmentSchoolYearAt = (nowMs: number, zone: string): number => schoolYearOf(nowMs, zone);

/** Resolves the file's references; throws on a dangling reference or an inconsistent year. */
export function resolveRuleFile(file: EnrolmentRuleFile): EnrolmentRuleSet[] {
  return file.ruleSets.map((raw) => {
    const where = `招生规则 ${raw.id}`;
    if (raw.intakeYear !== intakeYearOf(raw.schoolYear)) throw new Error(`${where}: intakeYear 应为 schoolYear + 1`);
    const set = file.categorySets[raw.categorySet];
    if (!set) throw new Error(`${where}: 未知的类别集 ${raw.categorySet}`);
    const item = (id: string): ChecklistItem => {
      const found = file.checklistItems[id];
      if (!found) throw new Error(`${where}: 未知的材料 ${id}`);
      return { id, ...found };
    };
    const category = (c: RawCategory) => ({ ...c, checklist: c.checklist.map(item) });
    const sources = raw.sources.map((s) => {
      const document = file.documents[s.document];
      if (!document) throw new Error(`${where}: 未知的文件 ${s.document}`);
      return { ...s, document };
    });
    for (const t of raw.timeline) if (!(t.from <= t.to)) throw new Error(`${where}: ${t.step} 的开始日期晚于结束日期`);
    const { categorySet: _set, ...rest } = raw;
    return { ...rest, sources, exclusions: set.exclusions.map(category), categories: set.categories.map(category) };
  });
}

/** The rule sets of a district for a school year, primary before middle school. */
export function ruleSetsFor(
  sets: readonly EnrolmentRuleSet[],
  districtCode: string,
  schoolYear: number,
): EnrolmentRuleSet[] {
  return sets
    .filter((s) => s.districtCode === districtCode && s.schoolYear === schoolYear)
    .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
}

/** School years a district has rules for, oldest first. */
export function schoolYearsOf(sets: readonly EnrolmentRuleSet[], districtCode: string): number[] {
  return [...new Set(sets.filter((s) => s.districtCode === districtCode).map((s) => s.schoolYear))].sort(
    (a, b) => a - b,
  );
}
