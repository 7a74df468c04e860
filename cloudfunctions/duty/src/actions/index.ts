import type { ActionTable } from '@/server/handler';
import { dutyInputs, type DutyOutputs } from '@/contracts/duty';
import { today } from './today';
import { clockIn, clockOut } from './clock';
import { exportMonth, month } from './month';
import { decideMakeup, makeupInbox, requestMakeup } from './makeup';
import { attendance } from './attendance';
import { presenceCode, verifyPresence } from './presence';
import { confirmFieldWork } from './field-work';
import { setReminders } from './reminders';

// Clocking is authorised by owning an active duty (created by an approval): the action reads only the
// caller's own duties, so its rule in src/contracts/access.ts needs no role lookup (two round trips).
export const dutyActions: ActionTable<typeof dutyInputs, DutyOutputs> = {
  today: { input: dutyInputs.today, run: today },
  clockIn: { input: dutyInputs.clockIn, run: clockIn },
  clockOut: { input: dutyInputs.clockOut, run: clockOut },
  month: { input: dutyInputs.month, run: month },
  exportMonth: { input: dutyInputs.exportMonth, run: exportMonth },
  requestMakeup: { input: dutyInputs.requestMakeup, run: requestMakeup },
  makeupInbox: { input: dutyInputs.makeupInbox, run: makeupInbox },
  decideMakeup: { input: dutyInputs.decideMakeup, run: decideMakeup },
  attendance: { input: dutyInputs.attendance, run: attendance },
  presenceCode: { input: dutyInputs.presenceCode, run: presenceCode },
  verifyPresence: { input: dutyInputs.verifyPresence, run: verifyPresence },
  confirmFieldWork: { input: dutyInputs.confirmFieldWork, run: confirmFieldWork },
  setReminders: { input: dutyInputs.setReminders, run: setReminders },
};
