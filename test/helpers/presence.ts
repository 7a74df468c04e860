import { LOCAL_PRESENCE_SECRET, presenceHmac } from '../../cloudfunctions/duty/src/presence';
import { issuePresenceCode } from '@/domain/presence';

/** The rotating code a host school shows at nowMs under the local runtime's key (what a teacher scans). */
export const presenceCodeAt = (schoolId: string, nowMs: number = Date.now()) =>
  issuePresenceCode(schoolId, nowMs, presenceHmac(LOCAL_PRESENCE_SECRET));
