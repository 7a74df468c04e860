import { createMain } from '../../../src/server/handler';
import { accountActions } from './actions';

/** Cloud function `account`: the signed-in caller's identity and roles. */
export const main = createMain(accountActions);
