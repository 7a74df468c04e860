/**
 * 审批: requests across schools (teacher exchange, 师徒结对, facility bookings) and the steps that decide
 * them. Pure data shapes; the rules live in the sibling files. 补卡 and 请学校确认 have one decider each
 * and their own inboxes (duty.makeupInbox, school.inquiryInbox), not approval documents.
 */
import type { DutyKind, DutySlot } from '../duty/types';
import type { Role } from '../roles';

/** Teacher exchanges that become a Duty of the same kind when finally approved. */
export type ExchangeType = Exclude<DutyKind, 'joint-research'>;
export type RequestType = ExchangeType | 'facility';

export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  rotation: '轮岗交流',
  'cross-teaching': '跨校兼课',
  itinerant: '走教',
  support: '支教',
  mentoring: '师徒结对',
  facility: '场馆预约',
};

export const EXCHANGE_TYPES: readonly ExchangeType[] = [
  'rotation',
  'cross-teaching',
  'itinerant',
  'support',
  'mentoring',
];

interface FieldsBase {
  /** The district the request is filed in (the requester's); steps carry their own district. */
  districtCode: string;
}

/** A teacher of homeSchoolId works at hostSchoolId (师徒结对: the mentor's school → the mentee's school). */
export interface ExchangeFields extends FieldsBase {
  type: ExchangeType;
  teacherOpenid: string;
  teacherName: string;
  homeSchoolId: string;
  hostSchoolId: string;
  slots: DutySlot[];
  /** 'YYYY-MM-DD', China date, inclusive. */
  termStart: string;
  termEnd: string;
  /** 师徒结对 only: the mentee (the openid when the mentee has an account). */
  mentee: { name: string; openid: string | null } | null;
  reason: string | null;
}

/** A school books another school's facility for [start, end). */
export interface FacilityFields extends FieldsBase {
  type: 'facility';
  facilityId: string;
  facilityName: string;
  ownerSchoolId: string;
  bookingSchoolId: string;
  /** ms */
  start: number;
  end: number;
  purpose: string;
}

export type RequestFields = ExchangeFields | FacilityFields;

export const isExchange = (f: RequestFields): f is ExchangeFields =>
  (EXCHANGE_TYPES as readonly string[]).includes(f.type);

/**
 * Who may decide a step. `roles` lists every role the step stands for: two consecutive steps held by
 * one person (the host principal who is also the 学区长) are merged into one step, and its decider must
 * hold all of them. `role` is roles[0].
 */
export type StepRole = 'releasing' | 'host' | 'xuequzhang' | 'owner' | 'bureau';

export interface Step {
  role: StepRole;
  roles: StepRole[];
  schoolId: string | null;
  xuequId: string | null;
  districtCode: string;
  /** Chinese, e.g. 派出学校校长（友爱道小学）. */
  label: string;
  /**
   * Nobody holds this step's role (a school without a principal account, a 学区 without a 学区长) as
   * of filing: the district bureau decides it as soon as it is pending instead of it waiting forever.
   */
  unstaffed?: boolean;
  /** 转交: the acting approver the holder handed this step to (a principal away); they may decide it too. */
  delegate?: { openid: string; name: string } | null;
}

export type StepStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'returned';

export interface ApprovalStep extends Step {
  status: StepStatus;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
  comment: string | null;
}

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, string>> = {
  pending: '审批中',
  approved: '已通过',
  rejected: '已驳回',
  returned: '已退回修改',
  withdrawn: '已撤回',
};

export type TrailAction = 'submit' | 'approve' | 'reject' | 'return' | 'withdraw' | 'resubmit' | 'transfer';

export interface TrailEntry {
  at: number;
  by: string;
  byName: string;
  action: TrailAction;
  /** The step decided (approve / reject / return); null for the requester's own actions. */
  step: number | null;
  comment: string | null;
  /** resubmit after an edit: what the requester changed, e.g. 每周安排：周二 14:00–15:30 → 周三 14:00–15:30. */
  changes?: string[];
}

/** The workflow state every request carries, whatever its type. */
export interface RequestState {
  _id: string;
  status: RequestStatus;
  steps: ApprovalStep[];
  /**
   * The step in play: the pending one; once decided, the step that ended it (the last for 'approved');
   * for 'withdrawn', the step that was pending (or returned) when the requester withdrew.
   */
  current: number;
  /** 1 on submit, +1 per transition: always equals trail.length. Used for optimistic concurrency. */
  version: number;
  trail: TrailEntry[];
  requesterOpenid: string;
  requesterName: string;
  /** China date whose 学区 composition the steps were routed on. */
  routedOn: string;
  /** When the current step became pending (escalation counts from here); absent on old documents. */
  stepSince?: number;
  /**
   * From this instant the district bureau may decide the pending step too (无人审批 at once, 超时 after
   * the wait limit); null when not pending or the step is the bureau's own. Set by escalateAtOf on
   * every write, so the bureau's inbox can query it.
   */
  escalateAt?: number | null;
  createdAt: number;
  updatedAt: number;
}

export type ApprovalRequest<F extends RequestFields = RequestFields> = RequestState & F;

/** The signed-in user acting on a request (UserProfile fits: its _id is the openid). */
export interface Actor {
  _id: string;
  name: string;
  roles: readonly Role[];
  schoolId: string | null;
  xuequId: string | null;
  districtCode: string | null;
}

/** One line of what the approver sees before deciding. */
export interface PolicyCheck {
  code: string;
  level: 'ok' | 'warn' | 'block';
  message: string;
}

export const hasBlock = (checks: readonly PolicyCheck[]): boolean => checks.some((c) => c.level === 'block');

export type ApprovalRefusalCode =
  | 'NO_STEPS'
  | 'STALE_VERSION'
  | 'NOT_PENDING'
  | 'NOT_YOUR_STEP'
  | 'COMMENT_REQUIRED'
  | 'COMMENT_TOO_LONG'
  | 'NOT_REQUESTER'
  | 'NOT_RETURNED'
  | 'NOT_TRANSFERABLE'
  | 'REMIND_TOO_SOON';

export const MAX_COMMENT_LENGTH = 500;
