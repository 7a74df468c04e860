import {
  placesOf,
  reviewOf,
  validateCatchmentRows,
  type CatchmentCheck,
  type CatchmentRowResult,
  type RawRow,
  type SchoolChange,
} from '@/domain/imports';
import { SCHOOL_KIND_LABELS } from '@/domain/school';
import { CHINA_ZONE, localDate } from '@/domain/time';
import type { ImportRowView } from '@/contracts/admin-imports';
import { listCatchments, listFeeders } from '@/server/repositories/reference';
import { admissionOf } from '@/domain/admission';
import { issuerOf, type ImportScope } from './scope';

/** 登记范围 rows against the district's schools, 街道/社区 and stored lists (read fresh: every intake year). */
export async function checkCatchments(
  scope: ImportScope,
  rows: ReadonlyArray<{ row: number; values: RawRow }>,
  now: number,
): Promise<CatchmentCheck> {
  const { districtCode, data } = scope;
  const [existing, storedFeeders] = await Promise.all([listCatchments(districtCode), listFeeders(districtCode)]);
  const ctx = {
    districtCode,
    schools: data.schools,
    existing,
    places: placesOf(data.divisions),
    issuer: issuerOf(scope),
    today: localDate(now, CHINA_ZONE),
    storedFeeders,
    middleRule: admissionOf(data.district.admission).middleRule,
  };
  return validateCatchmentRows(ctx, rows);
}

export const schoolChangeLabel = (c: SchoolChange) =>
  c.outcome === 'new'
    ? `新增学校：${c.school.name}（${SCHOOL_KIND_LABELS[c.school.kind]}）`
    : `改为九年一贯制：${c.school.name}`;

/**
 * Characters of phrase text and reading a preview carries at most (~1.2 MB of UTF-8): a call's answer must
 * stay well under the cloud's 6 MB. Rows past it are shown without their phrases.
 */
const PHRASE_BUDGET = 400_000;

export function catchmentRowViews(results: readonly CatchmentRowResult[]): {
  rows: ImportRowView[];
  phrasesOmitted: number;
} {
  let spent = 0;
  let phrasesOmitted = 0;
  const rows = results.map((r): ImportRowView => {
    const view: ImportRowView = {
      row: r.row,
      outcome: r.outcome,
      label: r.label,
      messages: r.messages,
      ...reviewOf(r),
    };
    if (!r.phrases.length) return view;
    const phrases = r.phrases.map((p) => ({ text: p.text, street: p.street, status: p.status, reading: p.reading }));
    const size = phrases.reduce((n, p) => n + p.text.length + p.reading.length + (p.street?.length ?? 0), 0);
    if (spent + size > PHRASE_BUDGET) {
      phrasesOmitted++;
      return view;
    }
    spent += size;
    return { ...view, phrases };
  });
  return { rows, phrasesOmitted };
}
