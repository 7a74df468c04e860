import type { AllianceStage, Stage } from './stages';

/** A document (文件) a fact of the product comes from. */
export interface SourceDocument {
  title: string;
  issuer: string;
  date: string;
  number?: string | null;
  /**
   * True when no document was given (a bureau's adjustment recorded without one): title is then empty and
   * date is the day it was recorded. Shown as such, never as a document title.
   */
  undocumented?: boolean;
}

/** How a source is shown to parents: the document as entered, or that none was attached. */
export function sourceLabel(s: SourceDocument): string {
  if (s.undocumented || !s.title.trim()) return `${s.issuer}调整（未附文件，${s.date}录入）`;
  return `${s.issuer}《${s.title}》${s.number ? `（${s.number}）` : ''}（${s.date}）`;
}

/** Lead school(s) and members of one stage of a 学区 (a 学区 may hold two alliances of one stage). */
export interface Alliance {
  stage: AllianceStage;
  leadSchoolIds: string[];
  memberSchoolIds: string[];
}

/**
 * One version of a 学区's composition, valid from effectiveFrom (inclusive) to effectiveTo (exclusive,
 * null = still valid). Changes add a version; history is never overwritten.
 */
export interface XuequVersion {
  _id: string;
  xuequId: string;
  districtCode: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  alliances: Alliance[];
  /** 街道 codes the 学区 serves. */
  streetCodes: string[];
  /** The names of lead schools per stage, as the district calls them (学区长学校, 牵头中学 …). */
  leadTitle: Partial<Record<Stage, string>>;
  source: SourceDocument;
  /** True when the composition itself is not from a document (e.g. Dongcheng's names and groupings). */
  sample: boolean;
  /** True when the 街道 served were not given by the document. */
  streetsSample: boolean;
}

/** The version of each 学区 valid on a date (YYYY-MM-DD); 学区 without a valid version are left out. */
export function compositionOn(versions: readonly XuequVersion[], date: string): XuequVersion[] {
  const current = new Map<string, XuequVersion>();
  for (const v of versions) {
    if (v.effectiveFrom > date || (v.effectiveTo !== null && v.effectiveTo <= date)) continue;
    const seen = current.get(v.xuequId);
    if (!seen || seen.effectiveFrom < v.effectiveFrom) current.set(v.xuequId, v);
  }
  return [...current.values()].sort((a, b) => a._id.localeCompare(b._id));
}

/** 学区 that serve a 街道 (a 街道 may be split between two 学区, as 东孚 is). */
export function xuequServingStreet(composition: readonly XuequVersion[], streetCode: string): XuequVersion[] {
  return composition.filter((x) => x.streetCodes.includes(streetCode));
}

/** A school's place in a 学区: lead or member of one of its alliances. */
export interface SchoolPlace {
  xuequ: XuequVersion;
  role: 'lead' | 'member';
  stage: AllianceStage;
}

/** 学区 a school belongs to, with its role in each (one entry per alliance it is in). */
export function xuequOfSchool(composition: readonly XuequVersion[], schoolId: string): SchoolPlace[] {
  const found: SchoolPlace[] = [];
  for (const x of composition) {
    for (const a of x.alliances) {
      if (a.leadSchoolIds.includes(schoolId)) found.push({ xuequ: x, role: 'lead', stage: a.stage });
      else if (a.memberSchoolIds.includes(schoolId)) found.push({ xuequ: x, role: 'member', stage: a.stage });
    }
  }
  return found;
}

/** Every school id named in a 学区, leads first, each once. */
export function schoolIdsOf(x: XuequVersion): string[] {
  const ids = x.alliances.flatMap((a) => [...a.leadSchoolIds, ...a.memberSchoolIds]);
  return [...new Set(ids)];
}
