import type { ActionTable } from '../../../../src/server/handler';
import { importsInputs, type ImportsOutputs } from '../../../../src/contracts/admin-imports';
import { exportTable, importApply, importPreview } from '../imports/run';

/** The bureau's CSV/XLSX imports and CSV exports of its district's schools and zoning rules. */
export const importsActions: ActionTable<typeof importsInputs, ImportsOutputs> = {
  importPreview: { input: importsInputs.importPreview, access: ['bureau'], run: importPreview },
  importApply: { input: importsInputs.importApply, access: ['bureau'], run: importApply },
  exportTable: { input: importsInputs.exportTable, access: ['bureau'], run: exportTable },
};
