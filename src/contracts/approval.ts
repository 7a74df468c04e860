import { z } from 'zod';
import { calendarDate, entityId, freeText, requestId } from './fields';
import type { PolicyCheck, RequestStatus, RequestType } from '../domain/approval';

/** Function `approval`: requests across schools and their decisions, with the full audit trail. */
const version = z.number({ required_error: '缺少版本号（version），请刷新后重试', invalid_type_error: '版本号（version）应为数字' }).int().min(1, '版本号（version）不正确');
const day = calendarDate;
const hm = (key: string) => z.string({ required_error: `缺少时间（${key}）` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `时间（${key}）应为HH:mm`);
const comment = freeText('comment', '意见', 500).optional();
/** A moment (ms) in 2000–2099: far-off values have no calendar date in China time and would crash the date rules. */
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
const moment = (key: string, label: string) =>
  z
    .number({ required_error: `缺少${label}（${key}）`, invalid_type_error: `${label}（${key}）应为时间戳` })
    .int(`${label}（${key}）应为整数毫秒`)
    .min(MIN_MS, `${label}（${key}）超出范围`)
    .max(MAX_MS, `${label}（${key}）超出范围`);

export const approvalInputs = {
  submitExchange: z
    .object({
      requestId,
      type: z.enum(['rotation', 'cross-teaching', 'itinerant', 'support', 'mentoring'], { errorMap: () => ({ message: '交流类型（type）应为轮岗交流、跨校兼课、走教、支教或师徒结对' }) }),
      hostSchoolId: entityId('hostSchoolId', '接收学校'),
      slots: z
        .array(
          z.object({
            weekday: z.number({ invalid_type_error: '星期（slots.weekday）应为1–7' }).int().min(1, '星期（slots.weekday）应为1–7').max(7, '星期（slots.weekday）应为1–7'),
            start: hm('slots.start'),
            end: hm('slots.end'),
            periods: z.number({ invalid_type_error: '节次（slots.periods）应为数字' }).int().min(0, '节次（slots.periods）不能为负').max(8, '节次（slots.periods）不超过8'),
          }).strict(),
          { required_error: '缺少每周安排（slots）', invalid_type_error: '每周安排（slots）格式不正确' },
        )
        .min(1, '请至少安排一个时段（slots）')
        .max(14, '每周安排（slots）不超过14个时段'),
      termStart: day('termStart', '开始日期'),
      termEnd: day('termEnd', '结束日期'),
      mentee: z.object({ name: freeText('mentee.name', '徒弟姓名', 20).min(1, '请填写徒弟姓名（mentee.name）') }).strict().optional(),
      reason: freeText('reason', '申请理由', 300).optional(),
    })
    .strict(),
  submitFacility: z
    .object({
      requestId,
      facilityId: entityId('facilityId', '场馆'),
      start: moment('start', '开始时间'),
      end: moment('end', '结束时间'),
      purpose: freeText('purpose', '用途', 100).min(2, '请填写用途（purpose）'),
    })
    .strict(),
  inbox: z.object({ status: z.enum(['pending', 'decided'], { errorMap: () => ({ message: '列表（status）应为 pending 或 decided' }) }) }).strict(),
  mine: z.object({}).strict(),
  detail: z.object({ id: entityId('id', '申请编号') }).strict(),
  decide: z
    .object({
      id: entityId('id', '申请编号'),
      decision: z.enum(['approve', 'reject', 'return'], { errorMap: () => ({ message: '决定（decision）应为 approve、reject 或 return' }) }),
      comment,
      version,
    })
    .strict(),
  batchApprove: z.object({ ids: z.array(entityId('ids', '申请编号')).min(1, '请选择要批准的申请（ids）').max(50, '一次最多批准50项（ids）'), comment }).strict(),
  withdraw: z.object({ id: entityId('id', '申请编号'), version, comment }).strict(),
  resubmit: z.object({ id: entityId('id', '申请编号'), version, comment }).strict(),
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
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ApprovalDetail extends ApprovalSummary {
  fields: Array<{ label: string; value: string }>;
  steps: Array<{ label: string; status: string; decidedByName: string | null; decidedAt: string | null; comment: string | null }>;
  current: number;
  trail: Array<{ at: string; byName: string; action: string; step: string | null; comment: string | null }>;
  /** What the approver should know before deciding (fresh when pending). */
  checks: PolicyCheck[];
  canDecide: boolean;
  canWithdraw: boolean;
  canResubmit: boolean;
  /** What the final approval created. */
  result: { dutyId: string | null; bookingId: string | null } | null;
}

export interface ApprovalOutputs {
  submitExchange: ApprovalDetail & { duplicate: boolean };
  submitFacility: ApprovalDetail & { duplicate: boolean };
  inbox: ApprovalSummary[];
  mine: ApprovalSummary[];
  detail: ApprovalDetail;
  decide: ApprovalDetail;
  batchApprove: Array<{ id: string; ok: boolean; code: string | null; message: string | null }>;
  withdraw: ApprovalDetail;
  resubmit: ApprovalDetail;
}
