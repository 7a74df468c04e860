import type { ActionTable } from '../../../../src/server/handler';
import { schoolInputs, type SchoolOutputs } from '../../../../src/contracts/school';
import { listDistricts } from './list-districts';
import { listDivisions } from './list-divisions';
import { getXuequ, listXuequ } from './xuequ';
import { lookup } from './lookup';
import { getSchool } from './get-school';
import { answerInquiry, askSchool, inquiryInbox, myInquiries } from './inquiry';
import { enrolmentActions } from './enrolment';
import { policyActions } from './policy';

export const schoolActions: ActionTable<typeof schoolInputs, SchoolOutputs> = {
  listDistricts: { input: schoolInputs.listDistricts, access: 'public', run: listDistricts },
  listDivisions: { input: schoolInputs.listDivisions, access: 'public', run: listDivisions },
  listXuequ: { input: schoolInputs.listXuequ, access: 'public', run: listXuequ },
  getXuequ: { input: schoolInputs.getXuequ, access: 'public', run: getXuequ },
  lookup: { input: schoolInputs.lookup, access: 'public', run: lookup },
  getSchool: { input: schoolInputs.getSchool, access: 'public', run: getSchool },
  askSchool: { input: schoolInputs.askSchool, access: 'signed-in', run: askSchool },
  myInquiries: { input: schoolInputs.myInquiries, access: 'signed-in', run: myInquiries },
  inquiryInbox: { input: schoolInputs.inquiryInbox, access: ['principal', 'bureau'], run: inquiryInbox },
  answerInquiry: { input: schoolInputs.answerInquiry, access: ['principal', 'bureau'], run: answerInquiry },
  ...enrolmentActions,
  ...policyActions,
};
