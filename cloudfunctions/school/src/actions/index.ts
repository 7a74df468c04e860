import type { ActionTable } from '../../../../src/server/handler';
import { schoolInputs, type SchoolOutputs } from '../../../../src/contracts/school';
import { listDistricts } from './list-districts';
import { listDivisions } from './list-divisions';
import { getXuequ, listXuequ } from './xuequ';
import { lookup } from './lookup';

export const schoolActions: ActionTable<typeof schoolInputs, SchoolOutputs> = {
  listDistricts: { input: schoolInputs.listDistricts, access: 'public', run: listDistricts },
  listDivisions: { input: schoolInputs.listDivisions, access: 'public', run: listDivisions },
  listXuequ: { input: schoolInputs.listXuequ, access: 'public', run: listXuequ },
  getXuequ: { input: schoolInputs.getXuequ, access: 'public', run: getXuequ },
  lookup: { input: schoolInputs.lookup, access: 'public', run: lookup },
};
