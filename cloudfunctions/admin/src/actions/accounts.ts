import type { ActionTable } from '../../../../src/server/handler';
import { accountsInputs, type AccountsOutputs } from '../../../../src/contracts/admin-accounts';

export const accountsActions: ActionTable<typeof accountsInputs, AccountsOutputs> = {};
