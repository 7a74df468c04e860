import type { ZoningRule } from '../zoning';
import { parseCatchment } from './parse';
import type { CatchmentDoc, CatchmentPlaces } from './types';

/**
 * The 划片 rules a stored catchment gives: one per place each read phrase names (text = that phrase as
 * published, so a parent is shown the words that matched), 除外 as exclusion rules of the same school.
 */
export function catchmentRules(doc: CatchmentDoc, places: CatchmentPlaces): ZoningRule[] {
  const rules: ZoningRule[] = [];
  if (doc.mechanism === 'feeder') return rules; // lists schools, not places: see feedersOfLists
  const base = {
    districtCode: doc.districtCode,
    schoolYear: doc.intakeYear,
    stage: doc.stage,
    schoolIds: [doc.schoolId],
    document: doc.document,
    sample: doc.sample,
    mechanism: doc.mechanism,
  };
  parseCatchment(doc.text, places).forEach((phrase, i) => {
    if (phrase.status !== 'read') return;
    phrase.matches.forEach((match, j) => rules.push({ ...base, _id: `${doc._id}#${i}.${j}`, match, text: phrase.text, exclude: phrase.exclude }));
    phrase.except.forEach((match, j) => rules.push({ ...base, _id: `${doc._id}#${i}.x${j}`, match, text: phrase.text, exclude: true }));
  });
  return rules;
}
