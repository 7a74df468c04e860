import type { ActionTable } from '@/server/handler';
import { facilityInputs, type FacilityOutputs } from '@/contracts/facility';
import { list } from './list';
import { week } from './week';
import { cancel, myBookings, myRequests } from './bookings';

// Who may call each action: src/contracts/access.ts. Every action also keeps to the caller's district (scope.ts).

export const facilityActions: ActionTable<typeof facilityInputs, FacilityOutputs> = {
  list: { input: facilityInputs.list, run: list },
  week: { input: facilityInputs.week, run: week },
  myBookings: { input: facilityInputs.myBookings, run: myBookings },
  myRequests: { input: facilityInputs.myRequests, run: myRequests },
  cancel: { input: facilityInputs.cancel, run: cancel },
};
