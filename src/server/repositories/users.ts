import { COLLECTIONS } from '@/contracts/collections';
import type { UserProfile } from '@/domain/roles';
import { fetchAll, fetchById } from './query';

/** Users are bound to their OPENID: the document id is the OPENID. */
export function findUser(openid: string): Promise<UserProfile | null> {
  return fetchById<UserProfile>(COLLECTIONS.users, openid);
}

/** Users of a school holding a role (e.g. its principal), of a 学区 (its 学区长), or of a district. */
export const usersWhere = (
  where: Partial<Pick<UserProfile, 'schoolId' | 'xuequId' | 'districtCode'>> & { roles?: string },
) => fetchAll<UserProfile>(COLLECTIONS.users, where);
