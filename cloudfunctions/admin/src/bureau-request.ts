import { earlierResult, type AppliedRequest } from '@/server/repositories/applied';

/**
 * A bureau write's request as `applied_requests` keys it (district and caller), and the result of its
 * earlier application (`duplicate: true`), if any: then nothing is done again.
 */
export async function bureauRequest<R extends { duplicate: boolean }>(
  kind: AppliedRequest['kind'],
  scope: { districtCode: string; user: { _id: string } },
  requestId: string,
  at: number,
): Promise<{ request: AppliedRequest; earlier: R | null }> {
  const request: AppliedRequest = { kind, districtCode: scope.districtCode, requestId, by: scope.user._id, at };
  const done = await earlierResult<Omit<R, 'duplicate'>>(request);
  return { request, earlier: done && ({ ...done, duplicate: true } as R) };
}
