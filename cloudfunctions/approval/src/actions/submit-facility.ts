import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '../../../../src/contracts/approval';
import { AppError } from '../../../../src/server/errors';
import type { ActionContext } from '../../../../src/server/handler';

type FacilityInput = z.output<(typeof approvalInputs)['submitFacility']>;

/** A school asks to use another school's facility; its principal decides (facilities arrive next). */
export async function submitFacility(_input: FacilityInput, _ctx: ActionContext): Promise<ApprovalDetail & { duplicate: boolean }> {
  throw new AppError('NOT_FOUND', '场馆预约即将开放');
}
