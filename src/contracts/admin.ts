import { compositionInputs, type CompositionOutputs } from './admin-composition';
import { accountsInputs, type AccountsOutputs } from './admin-accounts';
import { dashboardInputs, type DashboardOutputs } from './admin-dashboard';
import { importsInputs, type ImportsOutputs } from './admin-imports';
import { admissionInputs, type AdmissionOutputs } from './admin-admission';

/** Function `admin`: the bureau's 学区 composition, accounts and invites, and the policy dashboard. */
export const adminInputs = {
  ...compositionInputs,
  ...accountsInputs,
  ...dashboardInputs,
  ...importsInputs,
  ...admissionInputs,
};

export interface AdminOutputs
  extends CompositionOutputs, AccountsOutputs, DashboardOutputs, ImportsOutputs, AdmissionOutputs {}
