import type { ActionTable } from '@/server/handler';
import { approvalInputs, type ApprovalOutputs } from '@/contracts/approval';
import { submitExchange } from './submit';
import { submitFacility } from './submit-facility';
import { detail, district, inbox, mine, todo } from './lists';
import { batchApprove, decide, resubmit, withdraw } from './decide';
import { delegates, remind, transfer } from './remind';

// Roles (src/contracts/access.ts) open the door; every action then checks scope itself (the step's school, 学区 or district).
export const approvalActions: ActionTable<typeof approvalInputs, ApprovalOutputs> = {
  submitExchange: { input: approvalInputs.submitExchange, run: submitExchange },
  submitFacility: { input: approvalInputs.submitFacility, run: submitFacility },
  inbox: { input: approvalInputs.inbox, run: inbox },
  mine: { input: approvalInputs.mine, run: mine },
  district: { input: approvalInputs.district, run: district },
  todo: { input: approvalInputs.todo, run: todo },
  detail: { input: approvalInputs.detail, run: detail },
  decide: { input: approvalInputs.decide, run: decide },
  batchApprove: { input: approvalInputs.batchApprove, run: batchApprove },
  withdraw: { input: approvalInputs.withdraw, run: withdraw },
  resubmit: { input: approvalInputs.resubmit, run: resubmit },
  remind: { input: approvalInputs.remind, run: remind },
  transfer: { input: approvalInputs.transfer, run: transfer },
  delegates: { input: approvalInputs.delegates, run: delegates },
};
