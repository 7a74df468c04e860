import { z } from 'zod';
import { entityId, schoolYear } from './fields';
import { named } from './messages';
import type { AgeBucket } from '../domain/kpi';
import type { RequestType } from '../domain/approval/types';

/** `admin` actions: the policy dashboard of a district or one 学区, and its CSV export. */
const scope = z.enum(['district', 'xuequ'], {
  errorMap: (issue, ctx) => {
    if (issue.code === 'invalid_type')
      return { message: issue.received === 'undefined' ? '缺少范围（scope）' : '范围（scope）应为文本' };
    if (issue.code === 'invalid_enum_value') return { message: '范围（scope）应为 district（全区）或 xuequ（学区）' };
    return { message: ctx.defaultError };
  },
});

const dashboardInput = z
  .object({ scope, xuequId: entityId('xuequId', '学区编号').optional(), schoolYear: schoolYear.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === 'district' && v.xuequId !== undefined)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['xuequId'], message: '全区范围不需要学区编号（xuequId）' });
  });

/** One step of the one-off rebuild of the KPI rollups: the district's schools from `cursor` on. */
const rebuildInput = z
  .object({
    schoolYear: schoolYear.optional(),
    cursor: z.number(named('cursor', '进度')).int().min(0, '进度（cursor）不能为负数').optional(),
  })
  .strict();

export const dashboardInputs = {
  dashboard: dashboardInput,
  dashboardCsv: dashboardInput,
  rebuildKpiRollups: rebuildInput,
};

export type RebuildInput = z.output<typeof rebuildInput>;

/** Progress of the rebuild: call again with `next` until it is null. */
export interface RebuildView {
  schoolYear: number;
  /** Schools rebuilt so far (cursor + this call's) of `total`. */
  done: number;
  total: number;
  /** The cursor of the next call; null when every school is done. */
  next: number | null;
  /** Rollups written by this call, and clock records read. */
  written: number;
  records: number;
}

export type DashboardInput = z.output<typeof dashboardInput>;

/** Counted / base against a target; share null when the base is unknown. */
export interface ShareView {
  count: number;
  base: number | null;
  share: number | null;
  /** '12.5%', or a Chinese reason when there is no share (未登记教师人数 / 未登记骨干教师). */
  text: string;
  target: number;
  met: boolean | null;
}

export interface KpiRowView {
  id: string;
  name: string;
  level: 'district' | 'xuequ' | 'school';
  schoolCount: number;
  rotation: ShareView & { schoolsWithoutCount: number };
  /** 骨干教师 in exchange against 100%; registered false → text 未登记骨干教师. */
  key: ShareView & { registered: boolean };
  hostHours: number;
  hostSessions: number;
  homeSessions: number;
  /** Sessions at the group's schools not verified (no valid 签到码, out of range, or still running): shown apart, not counted. */
  unverifiedSessions: number;
  lentHours: number;
  borrowedHours: number;
  /** The teacher count behind the share is sample data: show 示例数据. */
  teacherCountSample: boolean;
}

export interface PendingView {
  total: number;
  buckets: Array<{ bucket: AgeBucket; label: string; count: number }>;
  byType: Array<{ type: RequestType; label: string; count: number }>;
  oldestDays: number | null;
}

export interface DashboardView {
  scope: 'district' | 'xuequ';
  districtCode: string;
  districtName: string;
  xuequ: { id: string; name: string } | null;
  /** The 学区 the caller may open (bureau: every 学区 of the composition valid today; 学区长: their own). */
  xuequOptions: Array<{ id: string; name: string }>;
  /** The caller may view the whole district. */
  canViewDistrict: boolean;
  schoolYear: number;
  schoolYearLabel: string;
  /** China dates of the school year, and the moment the figures were computed (China time). */
  period: { from: string; to: string };
  asOf: string;
  /**
   * When a clock record last changed the figures (China time; kept up to date in each record's
   * transaction, or by the rebuild); null when no record fed them yet.
   */
  figuresUpdatedAt: string | null;
  /** 0.3 (seed 001) and 1 for 骨干教师. */
  targets: { rotation: number; key: number };
  total: KpiRowView;
  xuequRows: KpiRowView[];
  schoolRows: KpiRowView[];
  pending: PendingView;
  /** Sample data behind the figures: teacher counts, and the seeded duties / bookings. */
  sample: { teacherCounts: boolean; records: boolean };
  /** Chinese: what counts and what was left out. */
  notes: string[];
}

export interface DashboardOutputs {
  dashboard: DashboardView;
  dashboardCsv: { filename: string; csv: string };
  rebuildKpiRollups: RebuildView;
}
