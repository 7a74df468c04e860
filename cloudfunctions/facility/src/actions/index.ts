import type { ActionTable } from '../../../../src/server/handler';
import { facilityInputs, type FacilityOutputs } from '../../../../src/contracts/facility';
import { list } from './list';
import { week } from './week';
import { cancel, myBookings } from './bookings';

// Anyone of a school may look at the 学区's facilities; only principals hold and cancel bookings.
// Every action also keeps to the caller's district (scope.ts).
const readers = ['principal', 'xuequzhang', 'teacher', 'bureau'] as const;
const principals = ['principal', 'xuequzhang'] as const;

export const facilityActions: ActionTable<typeof facilityInputs, FacilityOutputs> = {
  list: { input: facilityInputs.list, access: readers, run: list },
  week: { input: facilityInputs.week, access: readers, run: week },
  myBookings: { input: facilityInputs.myBookings, access: principals, run: myBookings },
  cancel: { input: facilityInputs.cancel, access: principals, run: cancel },
};
