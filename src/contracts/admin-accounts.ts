/** `admin` actions: accounts (filled in by its owner). */
export const accountsInputs = {};

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AccountsOutputs {}
