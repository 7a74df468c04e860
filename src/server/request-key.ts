import { createHash } from 'node:crypto';

/**
 * The key of a client request id, scoped to its caller: the same request id sent by someone else (of
 * this district or another) is a different key, so it is simply a new request of theirs and never
 * reveals (or conflicts with) what another caller filed. A retry by the same caller keeps its key, so
 * retries stay idempotent. Short enough for an id field (hex, 32 characters).
 */
export function callerRequestKey(openid: string, requestId: string, districtCode = ''): string {
  return createHash('sha256').update(`${districtCode}\n${openid}\n${requestId}`).digest('hex').slice(0, 32);
}
