import type { z } from 'zod';
import { planEdit, type EditPlan, type VersionWrite } from '@/domain/composition';
import type { XuequVersion } from '@/domain/xuequ';
import { COLLECTIONS } from '@/contracts/collections';
import type { ApplyResult, EditPreview, VersionWriteView, compositionInputs } from '@/contracts/admin-composition';
import type { ActionContext } from '@/server/handler';
import { AppError } from '@/server/errors';
import { fieldsOf } from '@/server/cloud';
import { checkTypedText } from '@/server/content-check';
import { bumpReferenceVersion } from '@/server/repositories/meta';
import { applyOnce } from '@/server/repositories/applied';
import { bureauRequest } from '../bureau-request';
import { bureauScope, editContext, type BureauScope } from './scope';

type EditInput = z.output<(typeof compositionInputs)['previewEdit']>;
type ApplyInput = z.output<(typeof compositionInputs)['applyEdit']>;

const writeView = (w: VersionWrite): VersionWriteView => ({
  kind: w.kind,
  versionId: w.doc._id,
  xuequId: w.doc.xuequId,
  name: w.doc.name,
  effectiveFrom: w.doc.effectiveFrom,
  effectiveTo: w.doc.effectiveTo,
});

async function plan(input: EditInput, ctx: ActionContext): Promise<{ scope: BureauScope; plan: EditPlan }> {
  const scope = await bureauScope(ctx);
  return { scope, plan: planEdit(editContext(scope, input.source), input.edit) };
}

/** Dry run: the versions that would be written, the composition before and after, warnings, errors. */
export async function previewEdit(input: EditInput, ctx: ActionContext): Promise<EditPreview> {
  const { scope, plan: p } = await plan(input, ctx);
  return {
    effectiveFrom: p.effectiveFrom,
    ok: p.errors.length === 0,
    errors: p.errors,
    warnings: p.warnings,
    changes: p.changes,
    before: p.before.map(scope.view),
    after: p.after.map(scope.view),
    writes: p.writes.map(writeView),
  };
}

/** The fields that decide a version; a stored document differing in them was changed by someone else. */
const stamp = (v: XuequVersion | null) =>
  v
    ? JSON.stringify([
        v.xuequId,
        v.name,
        v.effectiveFrom,
        v.effectiveTo,
        v.alliances.map((a) => [a.stage, a.leadSchoolIds, a.memberSchoolIds]),
        v.streetCodes,
      ])
    : 'none';

/**
 * Writes an edit's versions and bumps meta/reference in one transaction, once per request id. Each document is re-read in
 * the transaction and must still be what the plan was made from (else CONFLICT, nothing written).
 */
export async function applyEdit(input: ApplyInput, ctx: ActionContext): Promise<ApplyResult> {
  const scope = await bureauScope(ctx);
  const { request, earlier } = await bureauRequest<ApplyResult>('composition-edit', scope, input.requestId, ctx.now);
  if (earlier) return earlier;
  // A 学区's name is shown to every parent of the district.
  await checkTypedText(ctx.openid, {
    'edit.name': ['学区名称', 'name' in input.edit ? input.edit.name : null],
    'source.title': ['文件标题', input.source?.title ?? null],
    'source.number': ['文号', input.source?.number ?? null],
  });
  const p = planEdit(editContext(scope, input.source), input.edit);
  if (p.errors.length) throw new AppError('INVALID_INPUT', p.errors.join('；'), 'edit');
  const known = new Map(scope.data.versions.map((v) => [v._id, v]));

  return applyOnce(request, async (tx) => {
    for (const w of p.writes) {
      const ref = tx.collection(COLLECTIONS.xuequ).doc(w.doc._id);
      const stored = (await ref.get().catch(() => ({ data: null }))).data as XuequVersion | null;
      if (stamp(stored) !== stamp(known.get(w.doc._id) ?? null))
        throw new AppError('CONFLICT', '学区组成刚被其他人调整，请刷新后重试');
      const doc = w.kind === 'close' ? w.doc : { ...w.doc, editRequestId: input.requestId };
      await ref.set({ data: fieldsOf(doc) });
    }
    const referenceVersion = await bumpReferenceVersion(tx);
    return {
      effectiveFrom: p.effectiveFrom,
      changes: p.changes,
      warnings: p.warnings,
      writes: p.writes.map(writeView),
      referenceVersion,
    };
  });
}
