import { createMain } from '@/server/handler';
import { facilityActions } from './actions';

/** Cloud function `facility`: the 学区's shared facilities, their week, the school's bookings. */
export const main = createMain('facility', facilityActions, { referenceData: true });
