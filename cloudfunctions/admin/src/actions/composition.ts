import type { ActionTable } from '@/server/handler';
import { compositionInputs, type CompositionOutputs } from '@/contracts/admin-composition';
import { applyEdit, previewEdit } from '../composition/edit';
import { compositionHistory, compositionState } from '../composition/read';

/** The bureau's 学区 composition editor; each action also checks the 学区 is in the caller's district. */
export const compositionActions: ActionTable<typeof compositionInputs, CompositionOutputs> = {
  compositionState: { input: compositionInputs.compositionState, run: compositionState },
  compositionHistory: { input: compositionInputs.compositionHistory, run: compositionHistory },
  previewEdit: { input: compositionInputs.previewEdit, run: previewEdit },
  applyEdit: { input: compositionInputs.applyEdit, run: applyEdit },
};
