/** `admin` actions: composition (filled in by its owner). */
export const compositionInputs = {};

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface CompositionOutputs {}
