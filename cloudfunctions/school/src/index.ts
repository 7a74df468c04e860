import { createMain } from '@/server/handler';
import { schoolActions } from './actions';

/** Cloud function `school`: public 学区 and zoning lookups. */
export const main = createMain('school', schoolActions);
