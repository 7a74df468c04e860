import type { z } from 'zod';
import { schoolInputs, type SchoolOutputs } from './school';
import { accountInputs, type AccountOutputs } from './account';
import { dutyInputs, type DutyOutputs } from './duty';
import { approvalInputs, type ApprovalOutputs } from './approval';
import { facilityInputs, type FacilityOutputs } from './facility';
import { adminInputs, type AdminOutputs } from './admin';

/** Every function's action inputs and outputs, so the client call is typed end to end. */
export const CONTRACTS = {
  school: schoolInputs,
  account: accountInputs,
  duty: dutyInputs,
  approval: approvalInputs,
  facility: facilityInputs,
  admin: adminInputs,
} as const;

export interface Outputs {
  school: SchoolOutputs;
  account: AccountOutputs;
  duty: DutyOutputs;
  approval: ApprovalOutputs;
  facility: FacilityOutputs;
  admin: AdminOutputs;
}

export type FunctionName = keyof typeof CONTRACTS;
export type ActionName<F extends FunctionName> = keyof (typeof CONTRACTS)[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = (typeof CONTRACTS)[F][A] extends z.ZodTypeAny
  ? z.input<(typeof CONTRACTS)[F][A]>
  : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = A extends keyof Outputs[F]
  ? Outputs[F][A]
  : never;
