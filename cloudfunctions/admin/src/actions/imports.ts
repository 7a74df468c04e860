import type { ActionTable } from '@/server/handler';
import { importsInputs, type ImportsOutputs } from '@/contracts/admin-imports';
import { importApply, importPreview } from '../imports/apply';
import { exportTable } from '../imports/export';
import { importUpload } from '../imports/upload';

/** The bureau's CSV/XLSX imports and CSV exports of its district's schools, zoning rules and teacher roster. */
export const importsActions: ActionTable<typeof importsInputs, ImportsOutputs> = {
  importUpload: { input: importsInputs.importUpload, run: importUpload },
  importPreview: { input: importsInputs.importPreview, run: importPreview },
  importApply: { input: importsInputs.importApply, run: importApply },
  exportTable: { input: importsInputs.exportTable, run: exportTable },
};
