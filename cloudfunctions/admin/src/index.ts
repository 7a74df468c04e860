import { createMain } from '@/server/handler';
import { adminActions } from './actions';

/** Cloud function `admin`: the bureau's tools (学区 composition, accounts and invites, dashboard). */
export const main = createMain('admin', adminActions, { referenceData: true });
