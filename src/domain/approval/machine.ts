/**
 * The request state machine. Every transition is pure: it takes the request as read, the actor and the
 * server time, and returns the next request (version + 1, one more trail entry) or a refusal. The caller
 * writes the result only if the stored version is still the one it read.
 */
import { refuse } from '../duty/types';
import type { Refusal } from '../duty/types';
import { canDecideStep } from './route';
import { decidesAs } from './escalation';
import { MAX_COMMENT_LENGTH, REQUEST_STATUS_LABELS } from './types';
import type {
  Actor,
  ApprovalRefusalCode,
  ApprovalRequest,
  ApprovalStep,
  RequestFields,
  RequestState,
  Step,
  TrailAction,
  TrailEntry,
} from './types';

export type Transition<R> = { ok: true; request: R } | Refusal<ApprovalRefusalCode>;

type Who = Pick<Actor, '_id' | 'name'>;

/** Trimmed; blank is no comment. */
function normalizeComment(
  comment: string | null | undefined,
): { ok: true; comment: string | null } | Refusal<'COMMENT_TOO_LONG'> {
  const c = (comment ?? '').trim();
  if (c.length > MAX_COMMENT_LENGTH) return refuse('COMMENT_TOO_LONG', `意见最多 ${MAX_COMMENT_LENGTH} 字`);
  return { ok: true, comment: c === '' ? null : c };
}

const fresh = (s: Step, status: ApprovalStep['status']): ApprovalStep => ({
  role: s.role,
  roles: [...s.roles],
  schoolId: s.schoolId,
  xuequId: s.xuequId,
  districtCode: s.districtCode,
  label: s.label,
  unstaffed: s.unstaffed ?? false,
  delegate: null,
  status,
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  comment: null,
});

/** All steps waiting but the first, which is pending. */
const restart = (steps: readonly Step[]): ApprovalStep[] =>
  steps.map((s, i) => fresh(s, i === 0 ? 'pending' : 'waiting'));

function advance<R extends RequestState>(
  r: R,
  who: Who,
  nowMs: number,
  action: TrailAction,
  step: number | null,
  comment: string | null,
  patch: Partial<R>,
  extra: Pick<TrailEntry, 'changes'> = {},
): R {
  return {
    ...r,
    ...patch,
    version: r.version + 1,
    updatedAt: nowMs,
    trail: [...r.trail, { at: nowMs, by: who._id, byName: who.name, action, step, comment, ...extra }],
  };
}

/** A new request, pending at its first step, version 1. */
export function submit<F extends RequestFields>(
  fields: F,
  steps: readonly Step[],
  requester: Who,
  nowMs: number,
  opts: { _id: string; routedOn: string; comment?: string | null },
): Transition<ApprovalRequest<F>> {
  if (steps.length === 0) return refuse('NO_STEPS', '无法确定审批人，请联系教育局');
  const c = normalizeComment(opts.comment);
  if (!c.ok) return c;
  const state: RequestState = {
    _id: opts._id,
    status: 'pending',
    steps: restart(steps),
    current: 0,
    version: 1,
    trail: [{ at: nowMs, by: requester._id, byName: requester.name, action: 'submit', step: null, comment: c.comment }],
    requesterOpenid: requester._id,
    requesterName: requester.name,
    routedOn: opts.routedOn,
    stepSince: nowMs,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  return { ok: true, request: { ...fields, ...state } };
}

const notPending = (r: RequestState) =>
  refuse(
    'NOT_PENDING',
    r.status === 'returned'
      ? '该申请已退回申请人修改，重新提交后才能审批'
      : `该申请${REQUEST_STATUS_LABELS[r.status]}，不能再处理`,
  );

/**
 * Shared guard of the three decisions: fresh version, pending, the actor's step (its holder, the acting
 * approver it was handed to, or the bureau once it escalated), a valid comment.
 */
function guardDecision(
  r: RequestState,
  actor: Actor,
  nowMs: number,
  comment: string | null | undefined,
  needComment: boolean,
  expectedVersion: number | undefined,
): { ok: true; comment: string | null; as: 'holder' | 'delegate' | 'bureau' } | Refusal<ApprovalRefusalCode> {
  if (expectedVersion !== undefined && expectedVersion !== r.version)
    return refuse('STALE_VERSION', '该申请已有新的变化，请刷新后再处理');
  if (r.status !== 'pending') return notPending(r);
  const step = r.steps[r.current];
  const as = decidesAs(r, actor, nowMs);
  if (!as) return refuse('NOT_YOUR_STEP', `当前应由${step.label}审批，您无权处理这一步`);
  const c = normalizeComment(comment);
  if (!c.ok) return c;
  if (needComment && c.comment === null) return refuse('COMMENT_REQUIRED', '请填写理由，申请人会看到');
  return { ...c, as };
}

const ACTING: Record<'holder' | 'delegate' | 'bureau', string> = {
  holder: '',
  delegate: '（代理审批）',
  bureau: '（区教育局代为审批）',
};

function decideStep<R extends RequestState>(
  r: R,
  actor: Actor,
  nowMs: number,
  status: ApprovalStep['status'],
  comment: string | null,
  as: 'holder' | 'delegate' | 'bureau',
): ApprovalStep[] {
  return r.steps.map((s, i) =>
    i === r.current
      ? { ...s, status, decidedBy: actor._id, decidedByName: `${actor.name}${ACTING[as]}`, decidedAt: nowMs, comment }
      : s,
  );
}

/** Approves the current step: the next one becomes pending, or the request is approved after the last. */
export function approve<R extends RequestState>(
  request: R,
  actor: Actor,
  nowMs: number,
  comment?: string | null,
  expectedVersion?: number,
): Transition<R> {
  const g = guardDecision(request, actor, nowMs, comment, false, expectedVersion);
  if (!g.ok) return g;
  const steps = decideStep(request, actor, nowMs, 'approved', g.comment, g.as);
  const last = request.current === steps.length - 1;
  if (!last) steps[request.current + 1] = { ...steps[request.current + 1], status: 'pending' };
  const patch: Partial<R> = last
    ? ({ steps, status: 'approved' } as Partial<R>)
    : ({ steps, current: request.current + 1, stepSince: nowMs } as Partial<R>);
  return { ok: true, request: advance(request, actor, nowMs, 'approve', request.current, g.comment, patch) };
}

/**
 * A decision that ends the request's run of steps (reject, send back): the comment is required because
 * the requester reads it.
 */
const closingDecision =
  (outcome: 'rejected' | 'returned') =>
  <R extends RequestState>(
    request: R,
    actor: Actor,
    nowMs: number,
    comment: string | null | undefined,
    expectedVersion?: number,
  ): Transition<R> => {
    const g = guardDecision(request, actor, nowMs, comment, true, expectedVersion);
    if (!g.ok) return g;
    const steps = decideStep(request, actor, nowMs, outcome, g.comment, g.as);
    const event = outcome === 'rejected' ? 'reject' : 'return';
    return {
      ok: true,
      request: advance(request, actor, nowMs, event, request.current, g.comment, {
        steps,
        status: outcome,
      } as Partial<R>),
    };
  };

/** Final no. */
export const reject = closingDecision('rejected');

/** Back to the requester for changes; they may resubmit or withdraw. */
export const sendBack = closingDecision('returned');

/**
 * The requester calls it off while it is still open: pending, or returned to them (else a returned
 * request could never be closed). Decisions already made stay on their steps; the pending one waits.
 */
export function withdraw<R extends RequestState>(
  request: R,
  actor: Who,
  nowMs: number,
  comment?: string | null,
  expectedVersion?: number,
): Transition<R> {
  if (expectedVersion !== undefined && expectedVersion !== request.version)
    return refuse('STALE_VERSION', '该申请已有新的变化，请刷新后再处理');
  if (actor._id !== request.requesterOpenid) return refuse('NOT_REQUESTER', '只有申请人可以撤回申请');
  if (request.status !== 'pending' && request.status !== 'returned')
    return refuse('NOT_PENDING', `该申请${REQUEST_STATUS_LABELS[request.status]}，不能撤回`);
  const c = normalizeComment(comment);
  if (!c.ok) return c;
  const steps = request.steps.map((s) => (s.status === 'pending' ? { ...s, status: 'waiting' as const } : s));
  return {
    ok: true,
    request: advance(request, actor, nowMs, 'withdraw', null, c.comment, { steps, status: 'withdrawn' } as Partial<R>),
  };
}

/**
 * The requester sends a returned request again; every step starts over (earlier decisions stay in the
 * trail). With `edit`, the requester changed the request: its fields are replaced, the steps re-routed
 * on them, and the trail entry lists what changed (labels in Chinese), so the audit trail continues.
 */
export function resubmit<R extends RequestState>(
  request: R,
  actor: Who,
  nowMs: number,
  comment?: string | null,
  steps?: readonly Step[],
  expectedVersion?: number,
  edit?: { fields: Partial<R>; changes: string[] },
): Transition<R> {
  if (expectedVersion !== undefined && expectedVersion !== request.version)
    return refuse('STALE_VERSION', '该申请已有新的变化，请刷新后再处理');
  if (actor._id !== request.requesterOpenid) return refuse('NOT_REQUESTER', '只有申请人可以重新提交');
  if (request.status !== 'returned') return refuse('NOT_RETURNED', '只有被退回的申请才能重新提交');
  const route = steps ?? request.steps;
  if (route.length === 0) return refuse('NO_STEPS', '无法确定审批人，请联系教育局');
  const c = normalizeComment(comment);
  if (!c.ok) return c;
  const patch = {
    ...(edit?.fields ?? {}),
    steps: restart(route),
    current: 0,
    status: 'pending',
    stepSince: nowMs,
  } as Partial<R>;
  return {
    ok: true,
    request: advance(
      request,
      actor,
      nowMs,
      'resubmit',
      null,
      c.comment,
      patch,
      edit && edit.changes.length > 0 ? { changes: edit.changes } : {},
    ),
  };
}

/**
 * 转交: the holder of the pending step hands it to an acting approver (a deputy while the principal is
 * away). The holder keeps the right to decide; the trail records who handed it to whom. Handing it on
 * again replaces the acting approver; handing it to oneself is refused.
 */
export function transfer<R extends RequestState>(
  request: R,
  actor: Actor,
  nowMs: number,
  delegate: { openid: string; name: string },
  comment?: string | null,
  expectedVersion?: number,
): Transition<R> {
  if (expectedVersion !== undefined && expectedVersion !== request.version)
    return refuse('STALE_VERSION', '该申请已有新的变化，请刷新后再处理');
  if (request.status !== 'pending') return notPending(request);
  const step = request.steps[request.current];
  if (!canDecideStep(step, actor)) return refuse('NOT_YOUR_STEP', `只有${step.label}本人可以转交这一步`);
  if (delegate.openid === actor._id) return refuse('NOT_TRANSFERABLE', '不能转交给自己');
  const c = normalizeComment(comment);
  if (!c.ok) return c;
  const steps = request.steps.map((s, i) => (i === request.current ? { ...s, delegate: { ...delegate } } : s));
  const note = `转交给${delegate.name}代理审批${c.comment ? `：${c.comment}` : ''}`;
  return {
    ok: true,
    request: advance(request, actor, nowMs, 'transfer', request.current, note, { steps } as Partial<R>),
  };
}

/** The transition just approved the request: the caller creates the duty / booking now, exactly once. */
export const isFinalApproval = (before: RequestState, after: RequestState): boolean =>
  before._id === after._id && before.status === 'pending' && after.status === 'approved';

/** Pending requests only: the step waiting for a decision. */
export const pendingStep = (r: RequestState): ApprovalStep | null =>
  r.status === 'pending' ? r.steps[r.current] : null;

/**
 * What is inconsistent in a stored request (empty when sound): steps before `current` approved, the
 * current one matching the status, later ones waiting, decisions recorded exactly on decided steps,
 * version equal to the trail length.
 */
export function stateProblems(r: RequestState): string[] {
  const out: string[] = [];
  const n = r.steps.length;
  if (n === 0) return ['no steps'];
  if (!Number.isInteger(r.current) || r.current < 0 || r.current >= n) return [`current ${r.current} out of range`];
  const expectCurrent: Record<RequestState['status'], readonly ApprovalStep['status'][]> = {
    pending: ['pending'],
    approved: ['approved'],
    rejected: ['rejected'],
    returned: ['returned'],
    withdrawn: ['waiting', 'returned'],
  };
  r.steps.forEach((s, i) => {
    const ok =
      i < r.current
        ? s.status === 'approved'
        : i > r.current
          ? s.status === 'waiting'
          : expectCurrent[r.status].includes(s.status);
    if (!ok) out.push(`step ${i} is ${s.status} with request ${r.status} at ${r.current}`);
    const decided = s.status === 'approved' || s.status === 'rejected' || s.status === 'returned';
    if (decided !== (s.decidedBy !== null && s.decidedAt !== null))
      out.push(`step ${i} decision record does not match ${s.status}`);
  });
  if (r.status === 'approved' && r.current !== n - 1) out.push('approved but current is not the last step');
  if (r.version !== r.trail.length) out.push(`version ${r.version} ≠ trail length ${r.trail.length}`);
  return out;
}
