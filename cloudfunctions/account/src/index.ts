import { createMain } from '@/server/handler';
import { accountActions } from './actions';

/** Cloud function `account`: the signed-in caller's identity and roles, and binding an invite code. */
export const main = createMain('account', accountActions);
