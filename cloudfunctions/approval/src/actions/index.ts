import type { ActionTable } from '../../../../src/server/handler';
import { approvalInputs, type ApprovalOutputs } from '../../../../src/contracts/approval';
import { submitExchange } from './submit';
import { submitFacility } from './submit-facility';
import { detail, inbox, mine } from './lists';
import { batchApprove, decide, resubmit, withdraw } from './decide';

const DECIDERS = ['principal', 'xuequzhang', 'bureau'] as const;

// Roles open the door; every action then checks scope itself (the step's school, 学区 or district).
export const approvalActions: ActionTable<typeof approvalInputs, ApprovalOutputs> = {
  submitExchange: { input: approvalInputs.submitExchange, access: ['teacher'], run: submitExchange },
  submitFacility: { input: approvalInputs.submitFacility, access: ['principal'], run: submitFacility },
  inbox: { input: approvalInputs.inbox, access: DECIDERS, run: inbox },
  mine: { input: approvalInputs.mine, access: ['teacher', 'principal'], run: mine },
  detail: { input: approvalInputs.detail, access: ['teacher', ...DECIDERS], run: detail },
  decide: { input: approvalInputs.decide, access: DECIDERS, run: decide },
  batchApprove: { input: approvalInputs.batchApprove, access: DECIDERS, run: batchApprove },
  withdraw: { input: approvalInputs.withdraw, access: ['teacher', 'principal'], run: withdraw },
  resubmit: { input: approvalInputs.resubmit, access: ['teacher', 'principal'], run: resubmit },
};
