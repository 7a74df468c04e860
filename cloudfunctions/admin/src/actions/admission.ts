import type { ActionTable } from '@/server/handler';
import { admissionInputs, type AdmissionOutputs, type AdmissionView } from '@/contracts/admin-admission';
import { admissionOf, type AdmissionSettings } from '@/domain/admission';
import { CHINA_ZONE } from '@/domain/time';
import { dateTimeIn } from '@/domain/time';
import { runTransaction } from '@/server/cloud';
import { COLLECTIONS } from '@/contracts/collections';
import { bumpReferenceVersion } from '@/server/repositories/meta';
import type { DistrictDoc } from '@/server/repositories/reference';
import { AppError } from '@/server/errors';
import { checkTypedText } from '@/server/content-check';
import { importScope } from '../imports/scope';

type Stored = DistrictDoc & { admissionUpdated?: { by: string; at: string } };

const viewOf = (d: Stored): AdmissionView => ({
  districtCode: d.code,
  districtName: d.name,
  settings: admissionOf(d.admission),
  updated: d.admissionUpdated ?? null,
});

/**
 * The bureau's 招生规则 for its own district. Setting them replaces all of them in one transaction with
 * the reference version bump, so every warm lookup answers by the new rules at once.
 */
export const admissionActions: ActionTable<typeof admissionInputs, AdmissionOutputs> = {
  admissionSettings: {
    input: admissionInputs.admissionSettings,
    async run(_input, ctx) {
      const scope = await importScope(ctx);
      return viewOf(scope.data.district);
    },
  },
  setAdmissionSettings: {
    input: admissionInputs.setAdmissionSettings,
    async run(input, ctx) {
      const scope = await importScope(ctx);
      // Shown to every parent of the district with the answer.
      await checkTypedText(ctx.openid, { document: ['依据文件', input.document] });
      const settings: AdmissionSettings = { ...input, document: input.document || null };
      const updated = { by: scope.user.name, at: dateTimeIn(ctx.now, CHINA_ZONE) };
      const saved = await runTransaction(async (tx) => {
        const ref = tx.collection(COLLECTIONS.districts).doc(scope.districtCode);
        const current = (await ref.get()).data as Stored | null;
        if (!current) throw new AppError('NOT_FOUND', '本区数据不存在');
        await ref.update({ data: { admission: settings, admissionUpdated: updated } });
        await bumpReferenceVersion(tx);
        return { ...current, admission: settings, admissionUpdated: updated };
      });
      return viewOf(saved);
    },
  },
};
