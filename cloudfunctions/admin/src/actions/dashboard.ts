import type { ActionTable } from '@/server/handler';
import { dashboardInputs, type DashboardOutputs } from '@/contracts/admin-dashboard';
import { dashboardCsv } from '../dashboard/csv';
import { resolveScope } from '../dashboard/scope';
import { buildDashboard } from '../dashboard/view';
import { rebuildKpiRollups } from '../dashboard/rebuild';

/** The policy dashboard: the bureau sees its district and each 学区, a 学区长 their own 学区. */
export const dashboardActions: ActionTable<typeof dashboardInputs, DashboardOutputs> = {
  dashboard: {
    input: dashboardInputs.dashboard,
    run: async (input, ctx) => buildDashboard(input, await resolveScope(input, ctx), ctx.now),
  },
  dashboardCsv: {
    input: dashboardInputs.dashboardCsv,
    run: async (input, ctx) => dashboardCsv(await buildDashboard(input, await resolveScope(input, ctx), ctx.now)),
  },
  rebuildKpiRollups: {
    input: dashboardInputs.rebuildKpiRollups,
    run: rebuildKpiRollups,
  },
};
