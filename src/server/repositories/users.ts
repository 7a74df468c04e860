import { COLLECTIONS } from '../../contracts/collections';
import type { UserProfile } from '../../domain/roles';
import { fetchById } from './query';

/** Users are bound to their OPENID: the document id is the OPENID. */
export function findUser(openid: string): Promise<UserProfile | null> {
  return fetchById<UserProfile>(COLLECTIONS.users, openid);
}
