import { createMain } from '../../../src/server/handler';
import { dutyActions } from './actions';

/** Cloud function `duty`: teachers' cross-school duties, clocking and hours; 补卡 decisions. */
export const main = createMain('duty', dutyActions);
