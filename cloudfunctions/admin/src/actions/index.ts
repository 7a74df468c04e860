import type { ActionTable } from '@/server/handler';
import { type adminInputs, type AdminOutputs } from '@/contracts/admin';
import { compositionActions } from './composition';
import { accountsActions } from './accounts';
import { dashboardActions } from './dashboard';
import { importsActions } from './imports';
import { admissionActions } from './admission';

export const adminActions: ActionTable<typeof adminInputs, AdminOutputs> = {
  ...compositionActions,
  ...accountsActions,
  ...dashboardActions,
  ...importsActions,
  ...admissionActions,
};
