import type { ActionTable } from '../../../../src/server/handler';
import { dashboardInputs, type DashboardOutputs } from '../../../../src/contracts/admin-dashboard';

export const dashboardActions: ActionTable<typeof dashboardInputs, DashboardOutputs> = {};
