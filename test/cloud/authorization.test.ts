import type { LocalApp } from '../../local/app';
import { startTestApp } from '../helpers/local-app';

// Every (role × function action) pair through the runtime with the seeded personas: the policy below is
// written out independently of the code's access tables, so a change to either shows up here. A denied
// call must write nothing.
type Role = 'anonymous' | 'parent' | 'teacher' | 'principal' | 'xuequzhang' | 'bureau';
const ROLES: Role[] = ['anonymous', 'parent', 'teacher', 'principal', 'xuequzhang', 'bureau'];
const OPENID: Record<Role, string | null> = {
  anonymous: null,
  parent: 'o-local-parent',
  teacher: 'o-local-hd-teacher',
  principal: 'o-local-hd-principal',
  xuequzhang: 'o-local-hd-xuequzhang',
  bureau: 'o-local-hd-bureau',
};
const ALL = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
const PRINCIPALS: Role[] = ['principal', 'xuequzhang'];
const DECIDERS: Role[] = ['principal', 'xuequzhang', 'bureau'];

const loc = { latitude: 39.12, longitude: 117.25 };
const CASES: Array<[string, string, Record<string, unknown>, Role[]]> = [
  ['school', 'listDistricts', {}, ALL],
  ['school', 'lookup', { districtCode: '120102', streetCode: '120102005' }, ALL],
  ['school', 'getSchool', { schoolId: 'hd-s05' }, ALL],
  ['school', 'listPolicies', {}, ALL],
  ['school', 'askSchool', { requestId: 'auth-ask-0001', districtCode: '120102', address: '互助道1号', contactName: '王', phone: '13800000000' }, SIGNED_IN],
  ['school', 'myInquiries', {}, SIGNED_IN],
  ['school', 'inquiryInbox', {}, [...PRINCIPALS, 'bureau']],
  ['school', 'answerInquiry', { id: 'iq-none', answer: '测试权限' }, [...PRINCIPALS, 'bureau']],
  ['account', 'me', {}, SIGNED_IN],
  ['duty', 'today', {}, ['teacher']],
  ['duty', 'clockIn', { requestId: 'auth-in-00001', location: loc }, SIGNED_IN],
  ['duty', 'clockOut', { requestId: 'auth-out-0001', location: loc }, SIGNED_IN],
  ['duty', 'month', { month: '2026-11' }, ['teacher']],
  ['duty', 'exportMonth', { month: '2026-11' }, ['teacher']],
  ['duty', 'requestMakeup', { requestId: 'auth-mk-00001', dutyId: 'dt-hd-teacher-1', sessionDate: '2026-11-19', slotStart: '09:55', reason: '测试权限' }, ['teacher']],
  ['duty', 'makeupInbox', {}, PRINCIPALS],
  ['duty', 'decideMakeup', { id: 'mk-none', approve: true }, PRINCIPALS],
  ['approval', 'submitExchange', { requestId: 'auth-ap-00001', type: 'cross-teaching', hostSchoolId: 'hd-s05', slots: [{ weekday: 6, start: '09:00', end: '10:00', periods: 1 }], termStart: '2026-12-01', termEnd: '2027-01-20' }, ['teacher']],
  ['approval', 'inbox', { status: 'pending' }, DECIDERS],
  ['approval', 'mine', {}, ['teacher', ...PRINCIPALS]],
  ['approval', 'detail', { id: 'ap-none' }, ['teacher', ...DECIDERS]],
  ['approval', 'decide', { id: 'ap-none', decision: 'approve', version: 1 }, DECIDERS],
  ['approval', 'batchApprove', { ids: ['ap-none'] }, DECIDERS],
  ['approval', 'withdraw', { id: 'ap-none', version: 1 }, ['teacher', ...PRINCIPALS]],
  ['approval', 'resubmit', { id: 'ap-none', version: 1 }, ['teacher', ...PRINCIPALS]],
  ['account', 'bind', { code: 'ABCD-EFGH-JKLM' }, SIGNED_IN],
  ['admin', 'createInvite', { requestId: 'auth-inv-0001', role: 'teacher', schoolId: 'hd-s06' }, ['principal']],
  ['admin', 'listInvites', {}, [...PRINCIPALS, 'bureau']],
  ['admin', 'revokeInvite', { id: 'inv-none' }, [...PRINCIPALS, 'bureau']],
  ['facility', 'list', {}, ['teacher', ...DECIDERS]],
  ['facility', 'week', { facilityId: 'fc-hd-s01-gym' }, ['teacher', ...DECIDERS]],
  ['facility', 'myBookings', {}, PRINCIPALS],
  ['facility', 'cancel', { bookingId: 'bk-none' }, PRINCIPALS],
  ['approval', 'submitFacility', { requestId: 'auth-fc-00001', facilityId: 'fc-hd-s01-gym', start: Date.parse('2026-11-25T16:30:00+08:00'), end: Date.parse('2026-11-25T17:30:00+08:00'), purpose: '测试权限' }, PRINCIPALS],
];

const MUTABLE = ['users', 'approvals', 'duties', 'clock_records', 'makeup_requests', 'zoning_inquiries', 'meta', 'bookings', 'facility_days', 'invites', 'invite_audit'];
let app: LocalApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());
const snapshot = () => JSON.stringify(MUTABLE.map((c) => app.cloud.store.find(c, {})));

describe.each(CASES)('%s.%s', (fn, action, input, allowed) => {
  it.each(ROLES)('as %s', async (role) => {
    const before = snapshot();
    const openid = OPENID[role];
    const { result } = (await app.cloud.invoke(fn, { action, ...input }, openid ? { OPENID: openid, APPID: 'wx-test' } : null)) as { result: { ok: boolean; code?: string } };
    const denial = result.ok ? null : result.code;
    if (allowed.includes(role)) {
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(denial);
    } else {
      expect(denial).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(snapshot()).toBe(before);
    }
  });
});
