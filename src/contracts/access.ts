import type { Role } from '../domain/roles';
import type { RateLimit } from '../domain/rate-limit';
import type { ActionName, FunctionName } from './index';

/**
 * The authorization matrix: for every function and action, who may call it. The handler reads it
 * (nothing else grants access) and test/cloud/authorization.test.ts calls every (role × action) pair
 * from it. Roles only open the door: each action then keeps the caller to `scope` itself.
 */

/** Anyone; any signed-in caller (unbound callers are parents); or holders of one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface AccessRule {
  access: Access;
  /** What the action keeps a permitted caller to (for docs): 'self', 'own school', 'own 学区', 'own district'… */
  scope: string;
  /**
   * Per-caller limit (counted in the database, so it holds across instances), on every action that stores
   * typed text or sends a notice. The handler takes a slot before the action runs and gives it back when
   * the action fails, so only calls that did something count; over the limit → RATE_LIMITED with when.
   */
  limit?: RateLimit;
}

/** Mapped over the contracts, so an action without a rule (or a rule without an action) does not compile. */
export type AccessTable = { readonly [F in FunctionName]: { readonly [A in ActionName<F>]: AccessRule } };

const PUBLIC_DATA = 'any district: published reference data';
const DECIDERS: readonly Role[] = ['principal', 'xuequzhang', 'bureau'];
const SCHOOL_STAFF: readonly Role[] = ['teacher', 'principal'];
const FACILITY_READERS: readonly Role[] = ['principal', 'xuequzhang', 'teacher', 'bureau'];
const BOOKERS: readonly Role[] = ['principal', 'xuequzhang'];
const INVITERS: readonly Role[] = ['bureau', 'principal'];
const INVITE_SCOPE = 'own district (bureau: principal and 学区长 invites) or own school (principal: teacher invites)';
const STEP_SCOPE = 'the current step: own school (principal), own 学区 (学区长) or own district (bureau)';

// `satisfies`, not a type annotation: the literal 'public' rows stay visible to the handler's types
// (src/server/handler.ts gives every other action a signed-in context).
export const ACCESS = {
  school: {
    listDistricts: { access: 'public', scope: PUBLIC_DATA },
    listDivisions: { access: 'public', scope: PUBLIC_DATA },
    listXuequ: { access: 'public', scope: PUBLIC_DATA },
    getXuequ: { access: 'public', scope: PUBLIC_DATA },
    lookup: { access: 'public', scope: PUBLIC_DATA },
    getSchool: { access: 'public', scope: PUBLIC_DATA },
    enrolmentRules: { access: 'public', scope: PUBLIC_DATA },
    assessEnrolment: { access: 'public', scope: PUBLIC_DATA },
    listPolicies: { access: 'public', scope: PUBLIC_DATA },
    getPolicy: { access: 'public', scope: PUBLIC_DATA },
    askSchool: {
      access: 'signed-in',
      scope: 'self: stored under the caller, for a school of the named district',
      limit: { per: 'day', max: 20 },
    },
    myInquiries: { access: 'signed-in', scope: 'self' },
    inquiryInbox: {
      access: ['principal', 'bureau'],
      scope: 'own school (principal) or own district, questions naming no school (bureau)',
    },
    answerInquiry: {
      access: ['principal', 'bureau'],
      scope: 'own school (principal) or own district, questions naming no school (bureau)',
      limit: { per: 'hour', max: 300 },
    },
  },
  account: {
    me: { access: 'signed-in', scope: 'self' },
    bind: { access: 'signed-in', scope: "self: the invite's school and district" },
  },
  duty: {
    today: { access: ['teacher'], scope: 'self: own duties' },
    // Clocking is gated by owning an active duty, not by a role lookup (keeps a clock-in at two round trips).
    clockIn: { access: 'signed-in', scope: 'self: own active duty' },
    clockOut: { access: 'signed-in', scope: 'self: own active duty' },
    month: { access: ['teacher'], scope: 'self: own duties' },
    exportMonth: { access: ['teacher'], scope: 'self: own duties' },
    requestMakeup: { access: ['teacher'], scope: 'self: own duty', limit: { per: 'day', max: 20 } },
    makeupInbox: { access: ['principal'], scope: 'own school as host' },
    decideMakeup: { access: ['principal'], scope: 'own school as host', limit: { per: 'hour', max: 300 } },
    attendance: { access: ['principal'], scope: 'own school as host (another school id answers as a made-up one)' },
    presenceCode: {
      access: ['principal'],
      scope: 'own school: the rotating 签到码 teachers scan (an office tablet signs in as the principal)',
    },
    // 扫码核验: like clockIn, gated by owning the record's active duty; wrong codes share clockIn's lock.
    verifyPresence: {
      access: 'signed-in',
      scope: "self: own clock record (another teacher's answers as a made-up id)",
    },
    confirmFieldWork: {
      access: ['principal'],
      scope: "own school as host (another school's record answers as a made-up id)",
      limit: { per: 'hour', max: 300 },
    },
    setReminders: { access: ['teacher'], scope: 'self', limit: { per: 'hour', max: 60 } },
  },
  approval: {
    submitExchange: {
      access: ['teacher'],
      scope: 'own school, to a host school of own district',
      limit: { per: 'day', max: 30 },
    },
    submitFacility: {
      access: ['principal'],
      scope: 'own school, for a shared facility of own district',
      limit: { per: 'day', max: 50 },
    },
    inbox: { access: DECIDERS, scope: STEP_SCOPE },
    mine: { access: SCHOOL_STAFF, scope: 'self: own requests' },
    district: { access: ['bureau'], scope: 'own district: every request, escalations flagged' },
    todo: { access: DECIDERS, scope: STEP_SCOPE },
    detail: {
      access: ['teacher', ...DECIDERS],
      scope: 'requester, a decider of any step, or the bureau of its district',
    },
    decide: { access: DECIDERS, scope: STEP_SCOPE, limit: { per: 'hour', max: 300 } },
    batchApprove: { access: DECIDERS, scope: STEP_SCOPE, limit: { per: 'hour', max: 60 } },
    withdraw: { access: SCHOOL_STAFF, scope: 'self: the requester', limit: { per: 'hour', max: 60 } },
    resubmit: { access: SCHOOL_STAFF, scope: 'self: the requester', limit: { per: 'hour', max: 60 } },
    remind: {
      access: SCHOOL_STAFF,
      scope: 'self: the requester (one reminder per request per cooldown)',
      limit: { per: 'hour', max: 60 },
    },
    transfer: {
      access: DECIDERS,
      scope: "the current step's holder, to a decider of own district",
      limit: { per: 'hour', max: 60 },
    },
    delegates: { access: DECIDERS, scope: "the current step's holder: deciders of own district" },
  },
  facility: {
    list: { access: FACILITY_READERS, scope: 'own district' },
    week: { access: FACILITY_READERS, scope: "own district (another school's unshared facility: none)" },
    myBookings: { access: BOOKERS, scope: 'own school' },
    myRequests: { access: BOOKERS, scope: 'own school: its booking requests' },
    cancel: { access: BOOKERS, scope: 'own school: the booking or the owning school', limit: { per: 'hour', max: 60 } },
  },
  admin: {
    compositionState: { access: ['bureau'], scope: 'own district' },
    compositionHistory: { access: ['bureau'], scope: 'own district' },
    previewEdit: { access: ['bureau'], scope: 'own district' },
    applyEdit: { access: ['bureau'], scope: 'own district', limit: { per: 'hour', max: 60 } },
    createInvite: { access: INVITERS, scope: INVITE_SCOPE, limit: { per: 'hour', max: 200 } },
    listInvites: { access: INVITERS, scope: INVITE_SCOPE },
    revokeInvite: { access: INVITERS, scope: INVITE_SCOPE },
    dashboard: { access: ['bureau', 'xuequzhang'], scope: 'own district (bureau) or own 学区 (学区长)' },
    dashboardCsv: { access: ['bureau', 'xuequzhang'], scope: 'own district (bureau) or own 学区 (学区长)' },
    rebuildKpiRollups: { access: ['bureau'], scope: 'own district', limit: { per: 'hour', max: 600 } },
    importUpload: {
      access: ['bureau'],
      scope: 'own district: the upload is kept under the caller',
      limit: { per: 'hour', max: 1000 },
    },
    importPreview: { access: ['bureau'], scope: 'own district' },
    importApply: { access: ['bureau'], scope: 'own district', limit: { per: 'hour', max: 60 } },
    exportTable: { access: ['bureau'], scope: 'own district' },
    admissionSettings: { access: ['bureau'], scope: 'own district' },
    setAdmissionSettings: { access: ['bureau'], scope: 'own district', limit: { per: 'hour', max: 60 } },
  },
} satisfies AccessTable;

/** The rule of an action, or undefined for a name the function does not have (never a prototype key). */
export function accessRule(fn: FunctionName, action: string): AccessRule | undefined {
  const rules: Readonly<Record<string, AccessRule>> = ACCESS[fn];
  return Object.prototype.hasOwnProperty.call(rules, action) ? rules[action] : undefined;
}
