import type { ActionTable } from '@/server/handler';
import { schoolInputs, type SchoolOutputs } from '@/contracts/school';
import { listDistricts } from './list-districts';
import { listDivisions } from './list-divisions';
import { getXuequ, listXuequ } from './xuequ';
import { lookup } from './lookup';
import { getSchool } from './get-school';
import { answerInquiry, askSchool, inquiryInbox, myInquiries } from './inquiry';
import { enrolmentActions } from './enrolment';
import { policyActions } from './policy';

export const schoolActions: ActionTable<typeof schoolInputs, SchoolOutputs> = {
  listDistricts: { input: schoolInputs.listDistricts, run: listDistricts },
  listDivisions: { input: schoolInputs.listDivisions, run: listDivisions },
  listXuequ: { input: schoolInputs.listXuequ, run: listXuequ },
  getXuequ: { input: schoolInputs.getXuequ, run: getXuequ },
  lookup: { input: schoolInputs.lookup, run: lookup },
  getSchool: { input: schoolInputs.getSchool, run: getSchool },
  askSchool: { input: schoolInputs.askSchool, run: askSchool },
  myInquiries: { input: schoolInputs.myInquiries, run: myInquiries },
  inquiryInbox: { input: schoolInputs.inquiryInbox, run: inquiryInbox },
  answerInquiry: { input: schoolInputs.answerInquiry, run: answerInquiry },
  ...enrolmentActions,
  ...policyActions,
};
