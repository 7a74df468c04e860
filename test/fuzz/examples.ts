/**
 * Valid calls of every action, mutated by the fuzzer one position at a time. The ids below are
 * replaced by beforeAll with documents it creates, so decisions, answers and revocations get past their
 * lookups. An action may list several examples (e.g. each kind of a composition edit).
 */
import { DEFAULT_ADMISSION } from '@/domain/admission';

export const ids = { inquiry: 'iq-none', approval: 'ap-none', invite: 'inv-none', makeup: 'mk-none' };

export type Example = Record<string, unknown>;

const loc = { latitude: 39.12, longitude: 117.25 };
const SCHOOLS_CSV = [
  '学校名称,学段,纬度,经度,教师人数',
  '互助道小学,小学,39.1301,117.2601,88',
  '新建实验小学,小学,39.1402,117.2702,40',
].join('\n');
const ZONING_CSV = [
  '学年,学段,类型,社区代码,道路,单双号,起始门牌,结束门牌,小区名称,别名,学校名称,规则原文,文件名称,文号,发文日期',
  '2026,小学,道路,,富民路,单号,1,99,,,互助道小学,富民路 单号 1–99号 → 互助道小学,河东区2026年划片方案,河东教〔2026〕8号,2026-05-20',
].join('\n');
const TEACHERS_CSV = [
  '工号,姓名,学校名称,学科,骨干教师',
  'T0001,张三,互助道小学,语文,是',
  'T0002,李四,友爱道小学,数学,否',
].join('\n');
const CATCHMENTS_CSV = [
  '学校名称,学段,学年,划片方式,登记范围,依据文件',
  '互助道小学,小学,2026,单校划片,"大王庄街道：\n六纬路1-99号（单号）",河东区2026年义务教育招生工作实施方案',
].join('\n');
/** Not an xlsx file: a zip header and nothing else. */
const NOT_XLSX = 'UEsDBBQAAAAIAA==';
const alliances = [{ stage: 'primary', leadSchoolIds: ['hd-s05'], memberSchoolIds: ['hd-s06'] }];
const edit = (e: Example) => ({ effectiveFrom: '2027-02-20', ...e });

export const examples = (): Record<string, Record<string, Example[]>> => ({
  school: {
    listDistricts: [{}],
    listDivisions: [{ districtCode: '120102' }],
    listXuequ: [{ districtCode: '120102', date: '2026-11-23' }],
    getXuequ: [{ xuequId: 'hd-x1' }],
    lookup: [
      {
        districtCode: '120102',
        streetCode: '120102005',
        address: '友爱道15号',
        schoolName: '互助道小学',
        schoolYear: 2026,
      },
      { districtCode: '120102', communityCode: '120102005001', address: '富民路15号' },
      {
        districtCode: '120102',
        address: '互助道15号',
        family: { homeAcquired: '2021-03-01', placeUsedRecently: false, hukouAtAddress: true },
      },
    ],
    getSchool: [{ schoolId: 'hd-s05' }],
    askSchool: [
      {
        requestId: 'fuzz-ask-0002',
        districtCode: '120102',
        schoolId: 'hd-s06',
        address: '互助道1号',
        contactName: '王',
        phone: '13800000000',
        question: '请确认划片',
      },
    ],
    myInquiries: [{}],
    inquiryInbox: [{}],
    answerInquiry: [{ id: ids.inquiry, answer: '已确认' }],
    enrolmentRules: [{ districtCode: '120102', schoolYear: 2026 }],
    assessEnrolment: [
      {
        districtCode: '120102',
        schoolYear: 2026,
        answers: {
          stage: 'primary',
          hukouInDistrict: true,
          housing: 'own',
          hukouAtHome: true,
          birthDate: '2020-05-01',
        },
      },
      {
        districtCode: '120102',
        answers: {
          stage: 'middle',
          hukouInDistrict: false,
          residencePermit: true,
          housing: 'rent',
          primarySchool: 'outside',
        },
      },
    ],
    listPolicies: [{ q: '轮岗 30%' }],
    getPolicy: [{ policyId: 'p001' }],
  },
  account: {
    me: [{}],
    bind: [{ code: 'ABCD-EFGH-JKLM' }],
  },
  duty: {
    today: [{}],
    clockIn: [
      { requestId: 'fuzz-in-00001', location: loc },
      { requestId: 'fuzz-in-00002', location: loc, presenceCode: '123456' },
    ],
    clockOut: [{ requestId: 'fuzz-out-0001', location: loc }],
    month: [{ month: '2026-11' }],
    exportMonth: [{ month: '2026-11' }],
    requestMakeup: [
      {
        requestId: 'fuzz-mk-00002',
        dutyId: 'dt-hd-teacher-2',
        sessionDate: '2026-11-18',
        slotStart: '14:00',
        reason: '手机没电',
      },
    ],
    makeupInbox: [{}],
    decideMakeup: [{ id: ids.makeup, approve: true, comment: '同意' }],
    attendance: [{}, { date: '2026-11-23' }, { schoolId: 'hd-s01', date: '2026-11-26' }],
    presenceCode: [{}],
    verifyPresence: [{ recordId: 'dt-hd-teacher-1-2026-11-23-0955', location: loc, presenceCode: '123456' }],
    confirmFieldWork: [{ recordId: 'dt-hd-teacher-1-2026-11-23-0955', comment: '已电话核实在外勤' }],
    setReminders: [{ on: true }, { on: false }],
  },
  approval: {
    submitExchange: [
      {
        requestId: 'fuzz-ap-00002',
        type: 'cross-teaching',
        hostSchoolId: 'hd-s05',
        slots: [{ weekday: 6, start: '09:00', end: '10:00', periods: 1 }],
        termStart: '2026-12-01',
        termEnd: '2027-01-20',
        reason: '支援',
      },
      {
        requestId: 'fuzz-ap-00003',
        type: 'mentoring',
        hostSchoolId: 'hd-s05',
        slots: [{ weekday: 3, start: '14:00', end: '15:30', periods: 2 }],
        termStart: '2027-02-20',
        termEnd: '2027-07-10',
        mentee: { name: '李老师' },
      },
    ],
    submitFacility: [
      {
        requestId: 'fuzz-fc-00001',
        facilityId: 'fc-hd-s01-gym',
        start: Date.parse('2026-11-25T16:30:00+08:00'),
        end: Date.parse('2026-11-25T17:30:00+08:00'),
        purpose: '篮球训练',
      },
    ],
    inbox: [{ status: 'pending' }, { status: 'decided' }, { status: 'pending', limit: 10 }, { status: 'cc' }],
    mine: [{}],
    detail: [{ id: ids.approval }],
    decide: [{ id: ids.approval, decision: 'approve', comment: '同意', version: 1 }],
    batchApprove: [{ ids: [ids.approval], comment: '同意' }],
    withdraw: [{ id: ids.approval, version: 1, comment: '撤回' }],
    resubmit: [
      { id: ids.approval, version: 1 },
      {
        id: ids.approval,
        version: 1,
        edit: { slots: [{ weekday: 3, start: '14:00', end: '15:00', periods: 1 }], termEnd: '2027-01-15' },
      },
    ],
    district: [{ status: 'pending' }, { status: 'closed', limit: 5 }],
    todo: [{}],
    remind: [{ id: ids.approval }],
    transfer: [{ id: ids.approval, version: 1, to: 'o-local-hd-lead-primary', comment: '外出学习，请代为审批' }],
    delegates: [{ id: ids.approval }],
  },
  facility: {
    list: [{ xuequId: 'hd-x1' }],
    week: [{ facilityId: 'fc-hd-s01-gym', weekStart: '2026-11-23' }],
    myBookings: [{}, { limit: 5 }],
    myRequests: [{ status: 'open' }, { status: 'closed' }],
    cancel: [{ bookingId: 'bk-none', reason: '改期' }],
  },
  admin: {
    compositionState: [{ date: '2026-11-23' }],
    compositionHistory: [{ xuequId: 'hd-x1' }],
    previewEdit: [
      { edit: edit({ kind: 'moveSchool', schoolId: 'hd-s06', fromXuequId: 'hd-x1', toXuequId: 'hd-x2' }) },
      { edit: edit({ kind: 'create', name: '第六学区', alliances, streetCodes: ['120102005'] }) },
      { edit: edit({ kind: 'setAlliances', xuequId: 'hd-x1', alliances }) },
      { edit: edit({ kind: 'setLead', xuequId: 'hd-x1', schoolId: 'hd-s06', stage: 'primary' }) },
      { edit: edit({ kind: 'removeSchool', xuequId: 'hd-x1', schoolId: 'hd-s06' }) },
      { edit: edit({ kind: 'addSchool', xuequId: 'hd-x2', schoolId: 'hd-s06' }) },
    ],
    applyEdit: [
      { requestId: 'fuzz-edit-0001', edit: edit({ kind: 'rename', xuequId: 'hd-x1', name: '第一学区' }) },
      { requestId: 'fuzz-edit-0002', edit: edit({ kind: 'create', name: '第六学区', alliances, streetCodes: [] }) },
    ],
    createInvite: [
      { requestId: 'fuzz-inv-0002', role: 'teacher', schoolId: 'hd-s06', note: '张老师', validDays: 7 },
      { requestId: 'fuzz-inv-0003', role: 'xuequzhang', schoolId: 'hd-s05', xuequId: 'hd-x1', note: '学区长' },
    ],
    listInvites: [{}],
    revokeInvite: [{ id: ids.invite }],
    dashboard: [{ scope: 'xuequ', xuequId: 'hd-x1', schoolYear: 2026 }, { scope: 'district' }],
    dashboardCsv: [{ scope: 'district' }],
    rebuildKpiRollups: [{ schoolYear: 2026, cursor: 0 }, {}],
    importUpload: [
      { uploadId: 'fuzz-upl-0001', index: 0, total: 2, piece: SCHOOLS_CSV },
      { uploadId: 'fuzz-upl-0002', index: 0, total: 1, piece: NOT_XLSX },
    ],
    importPreview: [
      { table: 'schools', format: 'csv', content: SCHOOLS_CSV },
      { table: 'zoning', format: 'csv', content: ZONING_CSV },
      { table: 'teachers', format: 'csv', content: TEACHERS_CSV },
      { table: 'catchments', format: 'csv', content: CATCHMENTS_CSV },
      { table: 'schools', format: 'xlsx', content: NOT_XLSX },
      { table: 'schools', format: 'csv', uploadId: 'fuzz-upl-0001' },
    ],
    importApply: [
      { requestId: 'fuzz-imp-0001', table: 'schools', format: 'csv', content: SCHOOLS_CSV },
      { requestId: 'fuzz-imp-0002', table: 'zoning', format: 'csv', content: ZONING_CSV },
      { requestId: 'fuzz-imp-0003', table: 'teachers', format: 'csv', content: TEACHERS_CSV },
      { requestId: 'fuzz-imp-0004', table: 'catchments', format: 'csv', content: CATCHMENTS_CSV },
    ],
    exportTable: [
      { table: 'zoning', format: 'csv' },
      { table: 'schools' },
      { table: 'teachers' },
      { table: 'catchments' },
    ],
    admissionSettings: [{}],
    setAdmissionSettings: [
      {
        withoutZone: 'xuequ-multi',
        middleRule: 'zone',
        acquiredCutoff: '2020-07-31',
        placeEveryYears: 6,
        basis: 'hukou',
        document: '东城区义务教育入学工作意见',
      },
      { ...DEFAULT_ADMISSION },
    ],
  },
});
