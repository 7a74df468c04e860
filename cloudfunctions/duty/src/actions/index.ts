import type { ActionTable } from '../../../../src/server/handler';
import { dutyInputs, type DutyOutputs } from '../../../../src/contracts/duty';
import { today } from './today';
import { clockIn, clockOut } from './clock';
import { exportMonth, month } from './month';
import { decideMakeup, makeupInbox, requestMakeup } from './makeup';

// Clocking is authorised by owning an active duty (created by an approval): the action reads only the
// caller's own duties, so no role lookup is needed and a clock-in stays at two round trips.
export const dutyActions: ActionTable<typeof dutyInputs, DutyOutputs> = {
  today: { input: dutyInputs.today, access: ['teacher'], run: today },
  clockIn: { input: dutyInputs.clockIn, access: 'signed-in', run: clockIn },
  clockOut: { input: dutyInputs.clockOut, access: 'signed-in', run: clockOut },
  month: { input: dutyInputs.month, access: ['teacher'], run: month },
  exportMonth: { input: dutyInputs.exportMonth, access: ['teacher'], run: exportMonth },
  requestMakeup: { input: dutyInputs.requestMakeup, access: ['teacher'], run: requestMakeup },
  makeupInbox: { input: dutyInputs.makeupInbox, access: ['principal'], run: makeupInbox },
  decideMakeup: { input: dutyInputs.decideMakeup, access: ['principal'], run: decideMakeup },
};
