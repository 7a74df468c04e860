import { historyOf, MAX_SCHOOLS_PER_XUEQU, nextTermStart } from '@/domain/composition';
import { compositionOn, xuequOfSchool } from '@/domain/xuequ';
import { DATE_RE } from '@/domain/time';
import type { CompositionHistory, CompositionState } from '@/contracts/admin-composition';
import type { ActionContext } from '@/server/handler';
import { AppError, notFound } from '@/server/errors';
import { xuequVersionsById } from '@/server/repositories/reference';
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
      .map((s) => ({
        id: s._id,
        name: s.name,
        kind: s.kind,
        stages: s.stages,
        xuequIds: [...new Set(xuequOfSchool(composition, s._id).map((h) => h.xuequ.xuequId))],
      })),
    plannedDates: [...new Set(scope.data.versions.map((v) => v.effectiveFrom).filter((d) => d > scope.today))].sort(),
    maxSchoolsPerXuequ: MAX_SCHOOLS_PER_XUEQU,
  };
}

/** Versions per page unless the caller asks for fewer (the contract caps it at 50). */
export const HISTORY_PAGE_SIZE = 20;

// The cursor: base64url (by hand: the bundles may run on Node 12) of the last shown version's date and id.
const encodeCursor = (effectiveFrom: string, id: string) =>
  Buffer.from(JSON.stringify([effectiveFrom, id]), 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function decodeCursor(text: string | undefined): [string, string] | null {
  if (text === undefined) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  } catch {
    v = null;
  }
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    typeof v[0] !== 'string' ||
    !DATE_RE.test(v[0]) ||
    typeof v[1] !== 'string' ||
    v[1].length > 120
  ) {
    throw new AppError('INVALID_INPUT', '翻页标记（cursor）无效，请从第一页重新加载', 'cursor');
  }
  return [v[0], v[1]];
}

/**
 * The versions of one 学区, newest first (effective date desc, ties by id desc), a page at a time, each
 * with what changed from the one before. The versions of one 学区 are read whole (each change needs its
 * predecessor, and a 学区 gains a version per edit, not per use); the answer is one page.
 */
export async function compositionHistory(
  input: { xuequId: string; cursor?: string; limit?: number },
  ctx: ActionContext,
): Promise<CompositionHistory> {
  const after = decodeCursor(input.cursor);
  const size = input.limit ?? HISTORY_PAGE_SIZE;
  const scope = await bureauScope(ctx);
  const versions = await xuequVersionsById(input.xuequId);
  // Another district's 学区 answers exactly as a made-up id.
  if (versions.length === 0 || versions.some((v) => v.districtCode !== scope.districtCode)) throw notFound('该学区');
  const all = historyOf(versions, scope.today, scope.nameOf);
  const newestFirst = (a: (typeof all)[number], b: (typeof all)[number]) =>
    b.version.effectiveFrom.localeCompare(a.version.effectiveFrom) ||
    (a.version._id < b.version._id ? 1 : a.version._id > b.version._id ? -1 : 0);
  const ordered = [...all].sort(newestFirst);
  const rest = after
    ? ordered.filter(
        (e) => e.version.effectiveFrom < after[0] || (e.version.effectiveFrom === after[0] && e.version._id < after[1]),
      )
    : ordered;
  const entries = rest.slice(0, size);
  const last = entries[entries.length - 1];
  return {
    xuequId: input.xuequId,
    name: ordered[0].version.name,
    next: rest.length > size && last ? encodeCursor(last.version.effectiveFrom, last.version._id) : null,
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
