import { z } from 'zod';
import { TEXT_MAX, calendarDate, clockTime, entityId, freeText, requestId } from './fields';
import { named } from './messages';
import type { PolicyCheck, RequestStatus, RequestType } from '../domain/approval';
import { slotProblems } from '../domain/slots';

/** Function `approval`: requests across schools and their decisions, with the full audit trail. */
const version = z
  .number({ required_error: '缺少版本号（version），请刷新后重试', invalid_type_error: '版本号（version）应为数字' })
  .int()
  .min(1, '版本号（version）不正确');
const day = calendarDate;
const hm = (key: string) => clockTime(key, '时间');
const comment = freeText('comment', '意见', TEXT_MAX.comment).optional();
/** A moment (ms) in 2000–2099: far-off values have no calendar date in China time and would crash the date rules. */
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
const moment = (key: string, label: string) =>
  z
    .number({ required_error: `缺少${label}（${key}）`, invalid_type_error: `${label}（${key}）应为时间戳` })
    .int(`${label}（${key}）应为整数毫秒`)
    .min(MIN_MS, `${label}（${key}）超出范围`)
    .max(MAX_MS, `${label}（${key}）超出范围`);

/** Cursor paging (src/server/paging.ts): the opaque `next` of the previous page, and an optional smaller page. */
export const paging = {
  cursor: z
    .string(named('cursor', '翻页标记'))
    .max(200, '翻页标记（cursor）无效')
    .regex(/^[A-Za-z0-9_-]+$/, '翻页标记（cursor）无效')
    .optional(),
  limit: z
    .number(named('limit', '每页条数'))
    .int()
    .min(1, '每页条数（limit）至少为1')
    .max(50, '每页条数（limit）不超过50')
    .optional(),
};

/** A teacher's weekly sessions; the slot rules (src/domain/slots.ts) refine the shape. */
const slots = z
  .array(
    z
      .object({
        weekday: z
          .number({ invalid_type_error: '星期（slots.weekday）应为1–7' })
          .int()
          .min(1, '星期（slots.weekday）应为1–7')
          .max(7, '星期（slots.weekday）应为1–7'),
        start: hm('slots.start'),
        end: hm('slots.end'),
        periods: z
          .number(named('slots.periods', '节次'))
          .int()
          .min(0, '节次（slots.periods）不能为负')
          .max(8, '节次（slots.periods）不超过8'),
      })
      .strict(),
    { required_error: '缺少每周安排（slots）', invalid_type_error: '每周安排（slots）格式不正确' },
  )
  .min(1, '请至少安排一个时段（slots）')
  .max(14, '每周安排（slots）不超过14个时段')
  // The slot rules live once in the domain; each problem is reported on the field it names.
  .superRefine((list, ctx) => {
    // Paths are relative to the array: 'slots[0].end' → [0, 'end'].
    for (const p of slotProblems(list))
      ctx.addIssue({
        code: 'custom',
        message: p.message,
        path: p.field
          .replace(/\]/g, '')
          .split(/[[.]/)
          .slice(1)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      });
  });

const fixPart = z.enum(['host', 'slots', 'term', 'reason'], {
  errorMap: () => ({ message: '需修改的部分（fix）应为 host、slots、term 或 reason' }),
});

export const approvalInputs = {
  submitExchange: z
    .object({
      requestId,
      type: z.enum(['rotation', 'cross-teaching', 'itinerant', 'support', 'mentoring'], {
        errorMap: () => ({ message: '交流类型（type）应为轮岗交流、跨校兼课、走教、支教或师徒结对' }),
      }),
      hostSchoolId: entityId('hostSchoolId', '接收学校'),
      slots,
      termStart: day('termStart', '开始日期'),
      termEnd: day('termEnd', '结束日期'),
      mentee: z
        .object({
          name: freeText('mentee.name', '徒弟姓名', TEXT_MAX.menteeName).min(1, '请填写徒弟姓名（mentee.name）'),
        })
        .strict()
        .optional(),
      reason: freeText('reason', '申请理由', TEXT_MAX.reason).optional(),
    })
    .strict(),
  submitFacility: z
    .object({
      requestId,
      facilityId: entityId('facilityId', '场馆'),
      start: moment('start', '开始时间'),
      end: moment('end', '结束时间'),
      purpose: freeText('purpose', '用途', TEXT_MAX.purpose).min(2, '请填写用途（purpose）'),
    })
    .strict(),
  /** pending: waiting for me; decided: I decided; cc: 抄送我的. */
  inbox: z
    .object({
      status: z.enum(['pending', 'decided', 'cc'], {
        errorMap: () => ({ message: '列表（status）应为 pending、decided 或 cc' }),
      }),
      ...paging,
    })
    .strict(),
  mine: z.object({ ...paging }).strict(),
  /** 待办: the count of requests waiting for the caller. */
  todo: z.object({}).strict(),
  /** The bureau's view of its district's requests. */
  district: z
    .object({
      status: z.enum(['pending', 'closed'], { errorMap: () => ({ message: '列表（status）应为 pending 或 closed' }) }),
      ...paging,
    })
    .strict(),
  detail: z.object({ id: entityId('id', '申请编号') }).strict(),
  decide: z
    .object({
      id: entityId('id', '申请编号'),
      decision: z.enum(['approve', 'reject', 'return'], {
        errorMap: () => ({ message: '决定（decision）应为 approve、reject 或 return' }),
      }),
      comment,
      version,
      /** 退回修改 only: the part the requester should fix; their form opens there. */
      fix: fixPart.optional(),
    })
    .strict(),
  batchApprove: z
    .object({
      ids: z.array(entityId('ids', '申请编号')).min(1, '请选择要批准的申请（ids）').max(50, '一次最多批准50项（ids）'),
      comment,
    })
    .strict(),
  withdraw: z.object({ id: entityId('id', '申请编号'), version, comment }).strict(),
  resubmit: z
    .object({
      id: entityId('id', '申请编号'),
      version,
      comment,
      /** 退回修改: the changed parts of a teacher exchange (omitted: resubmitted unchanged). */
      edit: z
        .object({
          hostSchoolId: entityId('edit.hostSchoolId', '接收学校').optional(),
          slots: slots.optional(),
          termStart: day('edit.termStart', '开始日期').optional(),
          termEnd: day('edit.termEnd', '结束日期').optional(),
          reason: freeText('edit.reason', '申请理由', TEXT_MAX.reason).optional(),
          mentee: z
            .object({
              name: freeText('edit.mentee.name', '徒弟姓名', TEXT_MAX.menteeName).min(
                1,
                '请填写徒弟姓名（edit.mentee.name）',
              ),
            })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  /** 催办: reminds whoever decides the pending step (the requester; once per cooldown). */
  remind: z.object({ id: entityId('id', '申请编号') }).strict(),
  /** 转交: the holder of the pending step hands it to an acting approver of the same school / 学区 / district. */
  transfer: z.object({ id: entityId('id', '申请编号'), version, to: entityId('to', '代理审批人'), comment }).strict(),
  /** Who the caller may hand their pending step to (转交). */
  delegates: z.object({ id: entityId('id', '申请编号') }).strict(),
};

export type ApprovalAction = keyof typeof approvalInputs;

export interface ApprovalSummary {
  id: string;
  type: RequestType;
  typeLabel: string;
  status: RequestStatus;
  statusLabel: string;
  requesterName: string;
  /** One line in Chinese: who, where, when. */
  summary: string;
  /** The step waiting for a decision (label), if any. */
  waitingFor: string | null;
  /** 无人审批 / 超时: the bureau may decide the pending step (since: China time). */
  escalation: { kind: 'unstaffed' | 'overdue'; label: string; since: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A page of a list; `next` goes back as `cursor` for the following page (null: no more). */
export interface ApprovalPage {
  items: ApprovalSummary[];
  next: string | null;
}

export interface ApprovalDetail extends ApprovalSummary {
  fields: Array<{ label: string; value: string }>;
  steps: Array<{
    label: string;
    status: string;
    decidedByName: string | null;
    decidedAt: string | null;
    comment: string | null;
    unstaffed: boolean;
    delegateName: string | null;
  }>;
  current: number;
  trail: Array<{
    at: string;
    byName: string;
    action: string;
    step: string | null;
    comment: string | null;
    changes: string[];
  }>;
  /** What the approver should know before deciding (fresh when pending). */
  checks: PolicyCheck[];
  canDecide: boolean;
  /** How the caller would decide: the step's holder, its acting approver (转交), or the bureau after escalation. */
  decidingAs: 'holder' | 'delegate' | 'bureau' | null;
  canWithdraw: boolean;
  canResubmit: boolean;
  /** What the final approval created. */
  result: { dutyId: string | null; bookingId: string | null } | null;
  /** The requester of a returned exchange: its fields to edit, and the part the decider asked to fix. */
  editable: {
    type: Exclude<RequestType, 'facility'>;
    hostSchoolId: string;
    slots: Array<{ weekday: number; start: string; end: string; periods: number }>;
    termStart: string;
    termEnd: string;
    reason: string | null;
    mentee: { name: string } | null;
    fix: 'host' | 'slots' | 'term' | 'reason' | null;
  } | null;
  /** The requester may 催办 the pending step now (false while the cooldown runs; remindAfter says until when). */
  canRemind: boolean;
  remindAfter: string | null;
  /** The holder of the pending step may hand it to an acting approver. */
  canTransfer: boolean;
  /** 抄送: who is told without deciding. */
  ccNames: string[];
}

export interface ApprovalOutputs {
  submitExchange: ApprovalDetail & { duplicate: boolean };
  submitFacility: ApprovalDetail & { duplicate: boolean };
  inbox: ApprovalPage;
  mine: ApprovalPage;
  district: ApprovalPage;
  todo: { pending: number };
  detail: ApprovalDetail;
  decide: ApprovalDetail;
  batchApprove: Array<{ id: string; ok: boolean; code: string | null; message: string | null }>;
  withdraw: ApprovalDetail;
  resubmit: ApprovalDetail;
  remind: ApprovalDetail & { reminded: number };
  transfer: ApprovalDetail;
  delegates: Array<{ openid: string; name: string }>;
}
