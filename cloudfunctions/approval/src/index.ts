import { createMain } from '@/server/handler';
import { approvalActions } from './actions';

/** Cloud function `approval`: requests across schools, routed by 学区 composition, decided atomically. */
export const main = createMain('approval', approvalActions, { referenceData: true });
