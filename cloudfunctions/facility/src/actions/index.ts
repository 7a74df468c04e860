import { actionTable } from '@/server/handler';
import { facilityInputs, type FacilityOutputs } from '@/contracts/facility';
import { list } from './list';
import { week } from './week';
import { cancel, myBookings, myRequests } from './bookings';

// Who may call each action: src/contracts/access.ts. Every action also keeps to the caller's district (scope.ts).

export const facilityActions = actionTable<typeof facilityInputs, FacilityOutputs>(facilityInputs, {
  list,
  week,
  myBookings,
  myRequests,
  cancel,
});
