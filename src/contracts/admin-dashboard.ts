/** `admin` actions: dashboard (filled in by its owner). */
export const dashboardInputs = {};

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DashboardOutputs {}
