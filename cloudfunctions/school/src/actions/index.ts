import { actionTable } from '@/server/handler';
import { schoolInputs, type SchoolOutputs } from '@/contracts/school';
import { listDistricts } from './list-districts';
import { listDivisions } from './list-divisions';
import { getXuequ, listXuequ } from './xuequ';
import { lookup } from './lookup';
import { getSchool } from './get-school';
import { answerInquiry, askSchool, inquiryInbox, myInquiries } from './inquiry';
import { enrolmentRuns } from './enrolment';
import { policyRuns } from './policy';

export const schoolActions = actionTable<typeof schoolInputs, SchoolOutputs>(schoolInputs, {
  listDistricts,
  listDivisions,
  listXuequ,
  getXuequ,
  lookup,
  getSchool,
  askSchool,
  myInquiries,
  inquiryInbox,
  answerInquiry,
  ...enrolmentRuns,
  ...policyRuns,
});
