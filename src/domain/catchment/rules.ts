import type { ZoningRule } from '../zoning';
import type { ZoningMatch } from '../zoning-match';
import { parseCatchment } from './parse';
import type { CatchmentDoc, CatchmentPlaces } from './types';

/** What a rule read from a list adds to the fields it shares with the list's other rules. */
export interface ListRuleFields {
  _id: string;
  match: ZoningMatch;
  text: string;
  exclude: boolean;
}

/**
 * The rules of one list's text: one per place each read phrase names (text = that phrase as published,
 * so a parent is shown the words that matched), 除外 and a phrase's exceptions as exclusion rules.
 */
export function listRules<B extends object>(
  text: string,
  places: CatchmentPlaces,
  idPrefix: string,
  base: B,
): Array<B & ListRuleFields> {
  const rules: Array<B & ListRuleFields> = [];
  parseCatchment(text, places).forEach((phrase, i) => {
    if (phrase.status !== 'read') return;
    phrase.matches.forEach((match, j) =>
      rules.push({ ...base, _id: `${idPrefix}#${i}.${j}`, match, text: phrase.text, exclude: phrase.exclude }),
    );
    phrase.except.forEach((match, j) =>
      rules.push({ ...base, _id: `${idPrefix}#${i}.x${j}`, match, text: phrase.text, exclude: true }),
    );
  });
  return rules;
}

/** The 划片 rules a stored catchment gives (a 对口直升 list names schools, not places: see feedersOfLists). */
export function catchmentRules(doc: CatchmentDoc, places: CatchmentPlaces): ZoningRule[] {
  if (doc.mechanism === 'feeder') return [];
  return listRules(doc.text, places, doc._id, {
    districtCode: doc.districtCode,
    schoolYear: doc.intakeYear,
    stage: doc.stage,
    schoolIds: [doc.schoolId],
    document: doc.document,
    sample: doc.sample,
    mechanism: doc.mechanism,
  });
}
