import { actionTable } from '@/server/handler';
import { approvalInputs, type ApprovalOutputs } from '@/contracts/approval';
import { submitExchange } from './submit';
import { submitFacility } from './submit-facility';
import { detail, district, inbox, mine, todo } from './lists';
import { batchApprove, decide, resubmit, withdraw } from './decide';
import { delegates, remind, transfer } from './remind';

// Roles (src/contracts/access.ts) open the door; every action then checks scope itself (the step's school, 学区 or district).
export const approvalActions = actionTable<typeof approvalInputs, ApprovalOutputs>(approvalInputs, {
  submitExchange,
  submitFacility,
  inbox,
  mine,
  district,
  todo,
  detail,
  decide,
  batchApprove,
  withdraw,
  resubmit,
  remind,
  transfer,
  delegates,
});
