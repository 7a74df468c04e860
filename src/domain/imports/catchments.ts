import type { School } from '../school';
import { kindOfStages, stagesOfKind } from '../school';
import type { Stage } from '../stages';
import { STAGE_LABELS, STAGE_ORDER } from '../stages';
import type { Division } from '../divisions';
import {
  MECHANISM_LABELS,
  parseCatchment,
  readFeederList,
  type CatchmentDoc,
  type CatchmentPhrase,
  type CatchmentPlaces,
  type PlacementMechanism,
} from '../catchment';
import { byLabel, hash, label, STAGE_BY_LABEL, stageCell, yearCell, type RawRow, type RowResult } from './common';
import { newSchool, schoolNameError } from './schools';
import type { FeederRule } from '../feeder';
import type { AdmissionSettings } from '../admission';
import { middleContradictions } from './contradictions';

/**
 * Rows of the 登记范围 table: one school's published catchment text for one stage and intake, keyed by
 * district × 学年 × 学段 × school. A school the district does not have yet is created by the import.
 */
export const MAX_CATCHMENT_CHARS = 20_000;
const MAX_TITLE_CHARS = 200;

export const catchmentKey = (c: Pick<CatchmentDoc, 'districtCode' | 'intakeYear' | 'stage' | 'schoolId'>) =>
  `${c.districtCode}|${c.intakeYear}|${c.stage}|${c.schoolId}`;
export const newCatchmentId = (key: string) => `cat-${hash(key)}`;

const MECHANISM_BY_LABEL = Object.fromEntries(Object.entries(MECHANISM_LABELS).map(([k, v]) => [v, k])) as Record<
  string,
  PlacementMechanism
>;

/** The district's 街道 and 社区, as the catchment reader names them. */
export function placesOf(divisions: readonly Division[]): CatchmentPlaces {
  return {
    streets: divisions.filter((d) => d.level === 'street').map((d) => ({ code: d.code, name: d.name })),
    communities: divisions
      .filter((d) => d.level === 'community')
      .map((d) => ({ code: d.code, name: d.name, parentCode: d.parentCode })),
  };
}

export interface CatchmentContext {
  districtCode: string;
  schools: readonly School[];
  existing: readonly CatchmentDoc[];
  places: CatchmentPlaces;
  /** Issuer of the document of a new list (the file has no column for it), e.g. 河东区教育局. */
  issuer: string;
  /** The import day (YYYY-MM-DD, China time): the document date of a new or changed list. */
  today: string;
  /** Stored 对口 rules, and the district's rule on which governs when 对口 and an 初中 list disagree. */
  storedFeeders: readonly FeederRule[];
  middleRule: AdmissionSettings['middleRule'];
}

export interface CatchmentRowResult extends RowResult<CatchmentDoc> {
  /** The school, stage and intake as the file names them (also on a row with errors). */
  label: string;
  /** 登记范围 read phrase by phrase; unread phrases do not make the row an error. */
  phrases: CatchmentPhrase[];
}

/** A school the import creates, or one it now also lists for its other stage (it becomes 九年一贯). */
export interface SchoolChange {
  outcome: 'new' | 'changed';
  school: School;
}

export interface CatchmentCheck {
  rows: CatchmentRowResult[];
  schools: SchoolChange[];
}

interface Cells {
  row: number;
  name: string;
  stage: Stage | null;
  year: number | null;
  mechanism: PlacementMechanism | null;
  text: string;
  /** The text is there and not too long: it is read phrase by phrase even when other cells are wrong. */
  readable: boolean;
  title: string;
  messages: string[];
}

/** Line breaks as \n, whatever the file used: a list saved on Windows re-imports unchanged. */
const verbatim = (cell: string | undefined) => (cell ?? '').replace(/\r\n?/g, '\n');

function readCells(row: number, v: RawRow): Cells {
  const messages: string[] = [];
  const name = v['学校名称'] ?? '';
  const nameError = schoolNameError(name);
  if (nameError) messages.push(nameError);
  const stage = stageCell(v['学段'], messages);
  const year = yearCell(v['学年'], messages);
  const mechanism = byLabel(MECHANISM_BY_LABEL, v['划片方式']);
  if (!mechanism) messages.push(`划片方式：应为单校划片、多校划片或对口直升（现为“${v['划片方式'] ?? ''}”）`);
  else if (mechanism === 'feeder' && stage !== 'middle')
    messages.push('划片方式：对口直升只用于初中（登记范围列出对口的小学）');
  const text = verbatim(v['登记范围']);
  const readable = text !== '' && Array.from(text).length <= MAX_CATCHMENT_CHARS;
  if (!text) messages.push('登记范围：不能为空');
  else if (!readable) messages.push(`登记范围：不超过${MAX_CATCHMENT_CHARS}字（请按学校、学段分行）`);
  const title = v['依据文件'] ?? '';
  if (!title) messages.push('依据文件：不能为空（填写公布登记范围的文件名称）');
  else if (Array.from(title).length > MAX_TITLE_CHARS) messages.push(`依据文件：不超过${MAX_TITLE_CHARS}字`);
  return { row, name: nameError ? '' : name, stage, year, mechanism, text, readable, title, messages };
}

/**
 * The schools the file names: a new name becomes a school of the stage(s) it is listed for (both: 九年一贯);
 * an existing school listed for a stage it does not teach yet becomes 九年一贯.
 */
function schoolPlan(districtCode: string, schools: readonly School[], cells: readonly Cells[]) {
  const stagesByName = new Map<string, Set<Stage>>();
  for (const c of cells) {
    if (!c.name || !c.stage) continue;
    const set = stagesByName.get(c.name) ?? new Set<Stage>();
    set.add(c.stage);
    stagesByName.set(c.name, set);
  }
  const byName = new Map(schools.map((s) => [s.name, s]));
  const changes: SchoolChange[] = [];
  const resolved = new Map<string, School>();
  for (const [name, listed] of stagesByName) {
    const old = byName.get(name);
    const stages = STAGE_ORDER.filter((s) => listed.has(s) || old?.stages.includes(s));
    const kind = kindOfStages(stages);
    if (!old) {
      const school = newSchool(districtCode, name, kind);
      changes.push({ outcome: 'new', school });
      resolved.set(name, school);
    } else if (stages.length > old.stages.length) {
      const school = { ...old, kind, stages: stagesOfKind(kind) };
      changes.push({ outcome: 'changed', school });
      resolved.set(name, school);
    } else resolved.set(name, old);
  }
  return { changes, resolved };
}

/**
 * What the file carries. A sample list (示例数据) exported and imported again as it is stays sample: only a
 * list the bureau writes differently becomes its own.
 */
const sameCatchment = (a: CatchmentDoc, b: CatchmentDoc) =>
  a.mechanism === b.mechanism && a.text === b.text && a.document.title === b.document.title;

export function validateCatchmentRows(
  ctx: CatchmentContext,
  rows: ReadonlyArray<{ row: number; values: RawRow }>,
): CatchmentCheck {
  const cells = rows.map(({ row, values }) => readCells(row, values));
  const { changes, resolved } = schoolPlan(ctx.districtCode, ctx.schools, cells);
  const existingByKey = new Map(ctx.existing.map((c) => [catchmentKey(c), c]));
  const firstRow = new Map<string, number>();
  const results = cells.map((c): CatchmentRowResult => {
    const { row, name, stage, year, mechanism, text, readable, title, messages } = c;
    const school = name ? resolved.get(name) : undefined;
    const rowLabel = name && stage && year !== null ? `${name}（${year}年${STAGE_LABELS[stage]}）` : name;
    const known = [...ctx.schools.filter((s) => !resolved.has(s.name)), ...resolved.values()];
    const phrases = !readable
      ? []
      : mechanism === 'feeder'
        ? readFeederList(text, known)
        : parseCatchment(text, ctx.places);
    const key =
      school && stage && year !== null
        ? catchmentKey({ districtCode: ctx.districtCode, intakeYear: year, stage, schoolId: school._id })
        : null;
    if (key && firstRow.has(key))
      messages.push(`学校名称：与第${firstRow.get(key)}行重复（同一学校、学段、学年只能有一行）`);
    else if (key) firstRow.set(key, row);
    if (messages.length || !key || !school || !stage || year === null || !mechanism)
      return { row, outcome: 'error', messages, doc: null, label: rowLabel, phrases };
    const old = existingByKey.get(key);
    const doc: CatchmentDoc = {
      _id: old?._id ?? newCatchmentId(key),
      districtCode: ctx.districtCode,
      intakeYear: year,
      stage,
      schoolId: school._id,
      mechanism,
      text,
      document: { title, issuer: old?.document.issuer ?? ctx.issuer, date: ctx.today },
      sample: false,
    };
    if (!old) return { row, outcome: 'new', messages: [], doc, label: rowLabel, phrases };
    if (sameCatchment(old, doc)) return { row, outcome: 'unchanged', messages: [], doc: old, label: rowLabel, phrases };
    return { row, outcome: 'changed', messages: [], doc, previous: old, label: rowLabel, phrases };
  });
  if (ctx.middleRule === null) refuseContradictions(ctx, results, [...resolved.values()]);
  return { rows: results, schools: changes };
}

/** Marks the rows whose lists would give a place two middle schools (see middleContradictions). */
function refuseContradictions(ctx: CatchmentContext, results: CatchmentRowResult[], planned: readonly School[]): void {
  const fromFile = new Map(results.filter((r) => r.doc && r.outcome !== 'error').map((r) => [r.doc!._id, r]));
  const lists = [...ctx.existing.filter((c) => !fromFile.has(c._id)), ...[...fromFile.values()].map((r) => r.doc!)];
  const schools = [...ctx.schools.filter((s) => !planned.some((p) => p._id === s._id)), ...planned];
  for (const c of middleContradictions({ lists, storedFeeders: ctx.storedFeeders, schools, places: ctx.places })) {
    // On the file's row: the 初中 list, else the primary list, else the 对口直升 lists of that intake.
    const rows = fromFile.get(c.middleId)
      ? [fromFile.get(c.middleId)!]
      : fromFile.get(c.primaryId)
        ? [fromFile.get(c.primaryId)!]
        : results.filter(
            (r) => r.doc?.mechanism === 'feeder' && r.doc.intakeYear === c.intakeYear && r.outcome !== 'error',
          );
    for (const row of rows) {
      if (row.messages.length >= 3) continue;
      row.messages.push(c.message);
      row.outcome = 'error';
      row.doc = null;
    }
  }
}

export function catchmentToRow(c: CatchmentDoc, schoolName: (id: string) => string): string[] {
  return [
    schoolName(c.schoolId),
    label(STAGE_BY_LABEL, c.stage),
    String(c.intakeYear),
    MECHANISM_LABELS[c.mechanism],
    c.text,
    c.document.title,
  ];
}
