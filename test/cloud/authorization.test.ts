import { ACCESS, type Access } from '@/contracts/access';
import { CONTRACTS, type ActionName, type FunctionName, type InputOf } from '@/contracts';
import type { Role, UserProfile } from '@/domain/roles';
import { DEFAULT_ADMISSION } from '@/domain/admission';
import { useTestApp } from '../helpers/local-app';
import { ROLE_OPENIDS } from '../helpers/personas';
import { storeContent } from '../helpers/calls';

// Every (persona × function × action) of the one matrix in src/contracts/access.ts, through the built
// bundles and the runtime with the seeded Hedong personas. The door's answer follows from the roles the
// persona really holds in the store; a denied call must leave every collection as it was.
type Persona = keyof typeof OPENID;
const OPENID: Record<keyof typeof ROLE_OPENIDS, string | null> = ROLE_OPENIDS;
const PERSONAS = Object.keys(OPENID) as Persona[];
const DOOR_FORBIDDEN = '当前身份无权进行此操作';

/** A valid input for each action (validation runs before the door), per caller where scope needs it. */
type Caller = { persona: Persona; user: UserProfile | null };
type Payload<F extends FunctionName, A extends ActionName<F>> = InputOf<F, A> | ((c: Caller) => InputOf<F, A>);
type Payloads = { [F in FunctionName]: { [A in ActionName<F>]?: Payload<F, A> } };

const loc = { latitude: 39.12, longitude: 117.25 };
const rid = (prefix: string) => (c: Caller) => `${prefix}-${c.persona}-0001`;
const csv = '学校名称,学段\n权限测试小学,小学\n';

const PAYLOADS: Payloads = {
  school: {
    listDistricts: {},
    listDivisions: { districtCode: '120102' },
    listXuequ: { districtCode: '120102' },
    getXuequ: { xuequId: 'hd-x1' },
    lookup: { districtCode: '120102', streetCode: '120102005' },
    getSchool: { schoolId: 'hd-s05' },
    enrolmentRules: { districtCode: '120102' },
    assessEnrolment: { districtCode: '120102', answers: { stage: 'middle', primarySchool: 'not-yet' } },
    listPolicies: {},
    getPolicy: { policyId: 'p000' },
    askSchool: (c) => ({
      requestId: rid('auth-ask')(c),
      districtCode: '120102',
      address: '互助道1号',
      contactName: '王',
      phone: '13800000000',
    }),
    myInquiries: {},
    inquiryInbox: {},
    answerInquiry: { id: 'iq-none', answer: '测试权限' },
  },
  account: {
    me: {},
    bind: { code: 'ABCD-EFGH-JKLM' },
  },
  duty: {
    today: {},
    clockIn: (c) => ({ requestId: rid('auth-in')(c), location: loc }),
    clockOut: (c) => ({ requestId: rid('auth-out')(c), location: loc }),
    month: { month: '2026-11' },
    exportMonth: { month: '2026-11' },
    requestMakeup: {
      requestId: 'auth-mk-00001',
      dutyId: 'dt-hd-teacher-1',
      sessionDate: '2026-11-19',
      slotStart: '09:55',
      reason: '测试权限',
    },
    makeupInbox: {},
    decideMakeup: { id: 'mk-none', approve: true },
    attendance: {},
    presenceCode: {},
    confirmFieldWork: { recordId: 'dt-hd-teacher-1-2026-11-23-0955', comment: '测试权限' },
    setReminders: { on: true },
    verifyPresence: { recordId: 'dt-hd-teacher-1-2026-11-23-0955', location: loc, presenceCode: '000000' },
  },
  approval: {
    submitExchange: {
      requestId: 'auth-ap-00001',
      type: 'cross-teaching',
      hostSchoolId: 'hd-s05',
      slots: [{ weekday: 6, start: '09:00', end: '10:00', periods: 1 }],
      termStart: '2026-12-01',
      termEnd: '2027-01-20',
    },
    submitFacility: (c) => ({
      requestId: rid('auth-fc')(c),
      facilityId: 'fc-hd-s05-field',
      start: Date.parse('2026-11-25T16:30:00+08:00'),
      end: Date.parse('2026-11-25T17:30:00+08:00'),
      purpose: '测试权限',
    }),
    inbox: { status: 'pending' },
    mine: {},
    detail: { id: 'ap-none' },
    decide: { id: 'ap-none', decision: 'approve', version: 1 },
    batchApprove: { ids: ['ap-none'] },
    withdraw: { id: 'ap-none', version: 1 },
    resubmit: { id: 'ap-none', version: 1 },
    district: { status: 'pending' },
    todo: {},
    remind: { id: 'ap-none' },
    transfer: { id: 'ap-none', version: 1, to: 'o-none' },
    delegates: { id: 'ap-none' },
  },
  facility: {
    list: {},
    week: { facilityId: 'fc-hd-s01-gym' },
    myBookings: {},
    myRequests: { status: 'closed' },
    cancel: { bookingId: 'bk-none' },
  },
  admin: {
    compositionState: {},
    compositionHistory: { xuequId: 'hd-x1' },
    previewEdit: { edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'hd-x1', name: '第一学区（新）' } },
    applyEdit: {
      requestId: 'auth-edit-0001',
      edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'hd-x1', name: '第一学区（新）' },
    },
    // The bureau invites principals; a principal (the 学区长 is one) invites teachers of its own school.
    createInvite: ({ persona, user }) =>
      persona === 'bureau'
        ? { requestId: 'auth-inv-bureau', role: 'principal', schoolId: 'hd-s06' }
        : { requestId: `auth-inv-${persona}`, role: 'teacher', schoolId: user?.schoolId ?? 'hd-s06' },
    listInvites: {},
    revokeInvite: { id: 'inv-none' },
    // A 学区长 sees their own 学区 (hd-x1), the bureau any of its district.
    dashboard: { scope: 'xuequ', xuequId: 'hd-x1' },
    dashboardCsv: { scope: 'xuequ', xuequId: 'hd-x1' },
    rebuildKpiRollups: { schoolYear: 2026, cursor: 0 },
    importUpload: { uploadId: 'auth-upload-1', index: 0, total: 2, piece: csv },
    importPreview: { table: 'schools', format: 'csv', content: csv },
    importApply: { requestId: 'auth-imp-0001', table: 'schools', format: 'csv', content: csv },
    exportTable: { table: 'schools' },
    admissionSettings: {},
    setAdmissionSettings: DEFAULT_ADMISSION,
  },
};

const FUNCTIONS = Object.keys(ACCESS) as FunctionName[];
const PAIRS: Array<[FunctionName, string]> = FUNCTIONS.flatMap((fn) =>
  Object.keys(ACCESS[fn]).map((a): [FunctionName, string] => [fn, a]),
);
const ruleOf = (fn: FunctionName, action: string) => (ACCESS[fn] as Record<string, { access: Access }>)[action];

/** The door's answer for a caller holding `roles` (null: not signed in; unbound: a parent). */
function expected(access: Access, roles: readonly Role[] | null): 'pass' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'pass';
  if (roles === null) return 'UNAUTHENTICATED';
  if (access === 'signed-in') return 'pass';
  return roles.some((r) => access.includes(r)) ? 'pass' : 'FORBIDDEN';
}

describe('the access matrix', () => {
  it('covers exactly the functions and actions of CONTRACTS', () => {
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(CONTRACTS).sort());
    for (const fn of FUNCTIONS)
      expect([fn, Object.keys(ACCESS[fn]).sort()]).toEqual([fn, Object.keys(CONTRACTS[fn]).sort()]);
  });

  it('gives every action a payload, a scope and roles that exist', () => {
    const roles: Role[] = ['parent', 'teacher', 'principal', 'xuequzhang', 'bureau'];
    for (const [fn, action] of PAIRS) {
      expect([fn, action, action in PAYLOADS[fn]]).toEqual([fn, action, true]);
      const rule = (ACCESS[fn] as Record<string, { access: Access; scope: string }>)[action];
      expect(rule.scope.trim()).not.toBe('');
      if (typeof rule.access !== 'string') expect(rule.access.filter((r) => !roles.includes(r))).toEqual([]);
    }
  });
});

describe('every persona × action through the runtime', () => {
  const app = useTestApp();

  const userOf = (openid: string | null) =>
    openid ? ((app.cloud.store.find('users', { _id: openid })[0] as unknown as UserProfile | undefined) ?? null) : null;
  // Every collection, so a write anywhere (a new collection too) shows up.
  const snapshot = () => storeContent(app.cloud.store);

  it('an action that is not in the matrix is unknown', async () => {
    const { result } = (await app.cloud.invoke('school', { action: 'toString' }, null)) as {
      result: { code?: string };
    };
    expect(result.code).toBe('UNKNOWN_ACTION');
  });

  describe.each(PAIRS)('%s.%s', (fn, action) => {
    it.each(PERSONAS)('as %s', async (persona) => {
      const payload = (PAYLOADS[fn] as Record<string, Payload<FunctionName, never> | undefined>)[action];
      if (payload === undefined) throw new Error(`no payload for ${fn}.${action}: add one to PAYLOADS`);
      const openid = OPENID[persona];
      const user = userOf(openid);
      const input = typeof payload === 'function' ? payload({ persona, user }) : payload;
      const door = expected(ruleOf(fn, action).access, openid ? (user?.roles ?? ['parent']) : null);
      const before = door === 'pass' ? '' : snapshot();
      const { result } = (await app.cloud.invoke(
        fn,
        { action, ...(input as object) },
        openid ? { OPENID: openid, APPID: 'wx-test' } : null,
      )) as {
        result: { ok: boolean; code?: string; message?: string };
      };
      if (door === 'pass') {
        // Past the door; a refusal here may only be the action's own business answer (not found, stale…).
        expect(result.ok ? 'ok' : `${result.code}: ${result.message}`).not.toMatch(
          /^(UNAUTHENTICATED|FORBIDDEN|INVALID_INPUT|UNKNOWN_ACTION|INTERNAL)\b/,
        );
        return;
      }
      expect({ code: result.ok ? 'ok' : result.code, message: result.message }).toEqual({
        code: door,
        message: door === 'FORBIDDEN' ? DOOR_FORBIDDEN : '请先登录',
      });
      expect(snapshot()).toBe(before);
    });
  });
});
