import { actionTable } from '@/server/handler';
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
export const dutyActions = actionTable<typeof dutyInputs, DutyOutputs>(dutyInputs, {
  today,
  clockIn,
  clockOut,
  month,
  exportMonth,
  requestMakeup,
  makeupInbox,
  decideMakeup,
  attendance,
  presenceCode,
  verifyPresence,
  confirmFieldWork,
  setReminders,
});
