import type { z } from 'zod';
import type { School } from '@/domain/school';
import { rosterCounts, type RosterTeacher } from '@/domain/roster';
import { COLLECTIONS } from '@/contracts/collections';
import type { ImportPreview, ImportResult, importsInputs } from '@/contracts/admin-imports';
import type { ActionContext } from '@/server/handler';
import { AppError } from '@/server/errors';
import { fieldsOf, type Tx } from '@/server/cloud';
import { bumpReferenceVersionFrom, referenceVersion, StaleReference } from '@/server/repositories/meta';
import { recordZoningYears, zoningRuleYears } from '@/server/repositories/reference';
import { applyOnce } from '@/server/repositories/applied';
import type { SchoolChange } from '@/domain/imports';
import type { ZoningRule } from '@/domain/zoning';
import { ruleMatchKeys } from '@/domain/zoning-match';
import { checkFile, countsOf, rowViews, teacherLabel, tooManyWrites, type FileInput, type ImportDoc } from './check';
import { schoolChangeLabel } from './catchments';
import { importScope } from './scope';
import { dropUpload } from './upload';
import { bureauRequest } from '../bureau-request';

type ApplyInput = z.output<typeof importsInputs.importApply>;

export async function importPreview(input: FileInput, ctx: ActionContext): Promise<ImportPreview> {
  const scope = await importScope(ctx);
  const { fileErrors, results, removals, schools } = await checkFile(scope, input, ctx.now);
  const counts = countsOf(results);
  const over = tooManyWrites(counts, removals.length + schools.length);
  if (over) fileErrors.push(over);
  return {
    table: input.table,
    fileErrors,
    ...rowViews(input.table, results),
    counts,
    removals: removals.map(teacherLabel),
    schoolChanges: schools.map(schoolChangeLabel),
    ok: fileErrors.length === 0 && counts.error === 0,
  };
}

const COLLECTION_OF = {
  schools: COLLECTIONS.schools,
  zoning: COLLECTIONS.zoningRules,
  teachers: COLLECTIONS.teacherRoster,
  catchments: COLLECTIONS.catchments,
} as const;

/** How often an import re-validates when other writes land between its check and its transaction. */
const MAX_ATTEMPTS = 5;

/**
 * Writes every new or changed row and bumps meta/reference in one transaction, once per request id;
 * nothing on any error. The rows and the school counts are decided against the data as read; when another
 * import (or any reference write) commits in between, the transaction sees the version moved, writes
 * nothing, and the file is checked again against the new data: concurrent imports of one school end with
 * counts equal to the roster, and a file imported twice at once under two request ids is written once.
 */
export async function importApply(input: ApplyInput, ctx: ActionContext): Promise<ImportResult> {
  for (let attempt = 1; ; attempt++) {
    // The version this attempt validates against: the first from the call, later ones read afresh.
    const version = attempt === 1 ? await ctx.referenceVersion() : await referenceVersion();
    try {
      return await applyAt(input, { ...ctx, referenceVersion: () => Promise.resolve(version) }, version);
    } catch (err) {
      // Stale data, or a write conflict the database gave up on (CloudBase fails them at once): check again.
      const again = err instanceof StaleReference || (err instanceof AppError && err.code === 'CONFLICT');
      if (!again) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', '其他导入正在进行，数据已变化，请稍后重新预览再导入');
    }
  }
}

async function applyAt(input: ApplyInput, ctx: ActionContext, version: number): Promise<ImportResult> {
  const scope = await importScope(ctx);
  const { request, earlier } = await bureauRequest<ImportResult>('import', scope, input.requestId, ctx.now);
  if (earlier) return earlier;
  const { fileErrors, results, roster, removals, schools } = await checkFile(scope, input, ctx.now);
  if (fileErrors.length)
    throw new AppError('INVALID_INPUT', `文件有误，未导入任何数据：${fileErrors.join('；')}`, 'content');
  const counts = countsOf(results);
  const bad = results.filter((r) => r.outcome === 'error');
  if (bad.length) {
    const first = bad
      .slice(0, 3)
      .map((r) => `第${r.row}行：${r.messages.join('；')}`)
      .join('；');
    throw new AppError(
      'INVALID_INPUT',
      `有${bad.length}行数据有误，未导入任何数据。${first}${bad.length > 3 ? '……' : ''}`,
      'content',
    );
  }
  const over = tooManyWrites(counts, removals.length + schools.length);
  if (over) throw new AppError('INVALID_INPUT', over, 'content');
  const writes = results.filter((r) => r.outcome === 'new' || r.outcome === 'changed').map((r) => r.doc!);
  const schoolUpdates =
    input.table === 'teachers' ? countUpdates(scope.data.schools, roster, writes as RosterTeacher[], removals) : [];
  // The district's rule years before this import (checked by the version bump below), kept with the rules.
  const knownYears = input.table === 'zoning' && writes.length ? await zoningRuleYears(scope.districtCode) : [];

  const result = await applyOnce(request, async (tx) => {
    const updated = schools.length + schoolUpdates.length;
    // First, so a stale attempt writes nothing at all.
    const next =
      writes.length + removals.length + updated > 0
        ? await bumpReferenceVersionFrom(tx, version)
        : await referenceVersion();
    for (const c of schools) await writeSchool(tx, c, input.requestId);
    for (const doc of writes)
      await setDoc(
        tx,
        COLLECTION_OF[input.table],
        input.table === 'zoning' ? keyed(doc as ZoningRule) : doc,
        input.requestId,
      );
    for (const t of removals) await tx.collection(COLLECTIONS.teacherRoster).doc(t._id).remove();
    if (input.table === 'zoning' && writes.length)
      await recordZoningYears(
        tx,
        scope.districtCode,
        knownYears,
        (writes as ZoningRule[]).map((r) => r.schoolYear),
      );
    for (const u of schoolUpdates) await tx.collection(COLLECTIONS.schools).doc(u.id).update({ data: u.fields });
    return {
      table: input.table,
      counts,
      written: writes.length,
      removed: removals.length,
      schoolsUpdated: updated,
      referenceVersion: next,
    };
  });
  if (input.uploadId) await dropUpload(scope.user._id, input.uploadId);
  return result;
}

/** A rule filed under its match keys: the lookup reads only the rules filed under the asked place's keys. */
const keyed = (rule: ZoningRule): ZoningRule & { matchKeys: string[] } => ({ ...rule, matchKeys: ruleMatchKeys(rule) });

const setDoc = (tx: Tx, collection: string, doc: ImportDoc, requestId: string) =>
  tx
    .collection(collection)
    .doc(doc._id)
    .set({ data: { ...fieldsOf(doc), importRequestId: requestId } });

/** A school a 登记范围 file names: a new one in full; an existing one only its kind and stages (nothing else it holds is touched). */
const writeSchool = (tx: Tx, c: SchoolChange, requestId: string) =>
  c.outcome === 'new'
    ? setDoc(tx, COLLECTIONS.schools, c.school, requestId)
    : tx
        .collection(COLLECTIONS.schools)
        .doc(c.school._id)
        .update({ data: { kind: c.school.kind, stages: c.school.stages } });

/** Schools whose teacher and 骨干教师 counts differ from the roster once the import is in. */
function countUpdates(
  schools: readonly School[],
  before: readonly RosterTeacher[],
  writes: readonly RosterTeacher[],
  removals: readonly RosterTeacher[],
) {
  const merged = new Map(before.map((t) => [t._id, t]));
  for (const t of writes) merged.set(t._id, t);
  for (const t of removals) merged.delete(t._id);
  const counts = rosterCounts([...merged.values()]);
  // A school the roster listed before and lists no more has no teachers on it now.
  const listedBefore = new Set(before.map((t) => t.schoolId));
  return schools.flatMap((s) => {
    const c = counts.get(s._id) ?? (listedBefore.has(s._id) ? { teacherCount: 0, keyTeacherCount: 0 } : undefined);
    if (!c || (s.teacherCount === c.teacherCount && s.keyTeacherCount === c.keyTeacherCount && !s.teacherCountSample))
      return [];
    return [
      {
        id: s._id,
        fields: { teacherCount: c.teacherCount, keyTeacherCount: c.keyTeacherCount, teacherCountSample: false },
      },
    ];
  });
}
