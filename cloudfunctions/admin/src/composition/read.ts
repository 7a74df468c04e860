import { historyOf, MAX_SCHOOLS_PER_XUEQU, nextTermStart } from '../../../../src/domain/composition';
import { compositionOn, xuequOfSchool } from '../../../../src/domain/xuequ';
import type { CompositionHistory, CompositionState } from '../../../../src/contracts/admin-composition';
import type { ActionContext } from '../../../../src/server/handler';
import { notFound } from '../../../../src/server/errors';
import { xuequVersionsById } from '../../../../src/server/repositories/reference';
import { bureauScope } from './scope';

const STATUS_LABELS = { past: '已失效', current: '现行', future: '待生效' } as const;

/** The district's 学区 as composed on a date (default today), with every school and where it is. */
export async function compositionState(input: { date?: string }, ctx: ActionContext): Promise<CompositionState> {
  const scope = await bureauScope(ctx);
  const date = input.date ?? scope.today;
  const composition = compositionOn(scope.data.versions, date);
  return {
    districtCode: scope.districtCode,
    districtName: scope.data.district.name,
    date,
    today: scope.today,
    nextTermStart: nextTermStart(scope.today),
    xuequ: composition.map(scope.view),
    schools: [...scope.data.schools]
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((s) => ({ id: s._id, name: s.name, kind: s.kind, stages: s.stages, xuequIds: [...new Set(xuequOfSchool(composition, s._id).map((h) => h.xuequ.xuequId))] })),
    plannedDates: [...new Set(scope.data.versions.map((v) => v.effectiveFrom).filter((d) => d > scope.today))].sort(),
    maxSchoolsPerXuequ: MAX_SCHOOLS_PER_XUEQU,
  };
}

/** Every version of one 学区, newest first, with what changed from the one before. */
export async function compositionHistory(input: { xuequId: string }, ctx: ActionContext): Promise<CompositionHistory> {
  const scope = await bureauScope(ctx);
  const versions = await xuequVersionsById(input.xuequId);
  // Another district's 学区 answers exactly as a made-up id.
  if (versions.length === 0 || versions.some((v) => v.districtCode !== scope.districtCode)) throw notFound('该学区');
  const entries = historyOf(versions, scope.today, scope.nameOf);
  return {
    xuequId: input.xuequId,
    name: entries[0].version.name,
    versions: entries.map((e) => ({
      versionId: e.version._id,
      status: e.status,
      statusLabel: STATUS_LABELS[e.status],
      effectiveFrom: e.version.effectiveFrom,
      effectiveTo: e.version.effectiveTo,
      changes: e.changes,
      source: e.version.source,
      xuequ: scope.view(e.version),
    })),
  };
}
