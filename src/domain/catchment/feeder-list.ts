import type { FeederRule } from '../feeder';
import type { School } from '../school';
import { normalizeText } from '../text';
import type { CatchmentDoc, CatchmentPhrase } from './types';

/**
 * A 对口直升 list: the primary schools whose pupils go on to the middle school, as published
 * ("对口小学：互助道小学、友爱道小学"). Each name is matched to a school of the district; a name the
 * district does not have (or not a primary school) is unread, for the bureau to fix.
 */
export function readFeederList(
  text: string,
  schools: readonly School[],
): Array<CatchmentPhrase & { schoolId: string | null }> {
  const byName = new Map(schools.map((s) => [normalizeText(s.name), s]));
  return String(text)
    .replace(/^\s*(?:对口(?:小学|学校)?|生源(?:小学|学校)?)\s*[:：]/, '')
    .split(/[、，,；;。\n]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((name) => {
      const school = byName.get(normalizeText(name));
      const base = { text: name, street: null, exclude: false, matches: [], except: [] };
      if (!school)
        return {
          ...base,
          status: 'unread' as const,
          reading: `未能识别：本区没有名为“${name}”的学校（请先导入学校或核对名称）`,
          schoolId: null,
        };
      if (!school.stages.includes('primary'))
        return { ...base, status: 'unread' as const, reading: `未能识别：“${name}”不招收小学`, schoolId: null };
      return { ...base, status: 'read' as const, reading: `对口小学 ${school.name}`, schoolId: school._id };
    });
}

/** The 对口 in force: the published 对口直升 lists, and stored 对口 of the primary schools and intakes they do not name. */
export function feedersInForce(
  lists: readonly CatchmentDoc[],
  schools: readonly School[],
  stored: readonly FeederRule[],
): FeederRule[] {
  const listed = feedersOfLists(lists, schools);
  return [
    ...listed,
    ...stored.filter(
      (f) => !listed.some((l) => l.primarySchoolId === f.primarySchoolId && l.schoolYear === f.schoolYear),
    ),
  ];
}

/**
 * The 对口 rules the published 对口直升 lists give: per primary school and intake, every middle school
 * that lists it (several: placement among them by 派位).
 */
export function feedersOfLists(lists: readonly CatchmentDoc[], schools: readonly School[]): FeederRule[] {
  const byKey = new Map<string, FeederRule>();
  const nameOf = (id: string) => schools.find((s) => s._id === id)?.name ?? id;
  for (const doc of lists) {
    if (doc.mechanism !== 'feeder' || doc.stage !== 'middle') continue;
    for (const phrase of readFeederList(doc.text, schools)) {
      if (!phrase.schoolId) continue;
      const key = `${doc.intakeYear}|${phrase.schoolId}`;
      const rule = byKey.get(key);
      if (rule) {
        if (!rule.middleSchoolIds.includes(doc.schoolId)) rule.middleSchoolIds.push(doc.schoolId);
        rule.text = `${phrase.text} → 对口 ${rule.middleSchoolIds.map(nameOf).join('、')}`;
        continue;
      }
      byKey.set(key, {
        _id: `fd-list-${doc._id}-${phrase.schoolId}`,
        districtCode: doc.districtCode,
        schoolYear: doc.intakeYear,
        primarySchoolId: phrase.schoolId,
        middleSchoolIds: [doc.schoolId],
        text: `${phrase.text} → 对口 ${nameOf(doc.schoolId)}`,
        document: doc.document,
        sample: doc.sample,
      });
    }
  }
  return [...byKey.values()];
}
