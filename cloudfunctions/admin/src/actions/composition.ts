import type { ActionTable } from '../../../../src/server/handler';
import { compositionInputs, type CompositionOutputs } from '../../../../src/contracts/admin-composition';

export const compositionActions: ActionTable<typeof compositionInputs, CompositionOutputs> = {};
