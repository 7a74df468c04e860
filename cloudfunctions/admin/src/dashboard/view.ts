import type { DashboardInput, DashboardView, KpiRowView, ShareView } from '@/contracts/admin-dashboard';
import { REQUEST_TYPE_LABELS, formatShare, type RequestType } from '@/domain/approval';
import { dateTimeIn } from '@/domain/time';
import {
  AGE_BUCKETS,
  AGE_BUCKET_LABELS,
  EXCHANGE_KINDS,
  NO_KEY_DATA,
  dashboardKpis,
  homeOfDuties,
  hoursOf,
  pendingAges,
  rotationTargetCitation,
  schoolYearPeriod,
  type KpiRow,
  type KpiSchool,
  type ShareFigure,
} from '@/domain/kpi';
import { DUTY_KIND_LABELS } from '@/domain/duty/types';
import { recordFactsFromRollups, rollupsUpdatedAt } from '@/domain/kpi-rollup';
import type { School } from '@/domain/school';
import { CHINA_ZONE, schoolYearLabel, schoolYearOf } from '@/domain/time';
import { schoolIdsOf } from '@/domain/xuequ';
import { keyTeacherLookup } from '@/domain/roster';
import { loadDashboardData } from './data';
import type { DashboardScope } from './scope';

/**
 * Fields a school document may carry that the seeded ones do not: the 骨干教师 count (null until
 * registered) and whether the teacher count is sample data. The seeds give no staff sizes, so a count
 * is taken as sample unless an import marks it `teacherCountSample: false`.
 */
type SchoolDoc = School & { keyTeacherCount?: number | null; teacherCountSample?: boolean };

export const kpiSchool = (s: SchoolDoc): KpiSchool => ({
  id: s._id,
  name: s.name,
  teacherCount: s.teacherCount,
  keyTeacherCount: s.keyTeacherCount ?? null,
  teacherCountSample: s.teacherCountSample ?? true,
});

/** A share as text (formatShare: a tiny non-zero share is not rounded down to 0%). */
const shareText = (share: number | null, none: string) => (share === null ? none : formatShare(share));
const shareView = (f: ShareFigure, none: string): ShareView => ({ ...f, text: shareText(f.share, none) });

export const rowView = (r: KpiRow): KpiRowView => ({
  id: r.id,
  name: r.name,
  level: r.level,
  schoolCount: r.schoolIds.length,
  rotation: { ...shareView(r.rotation, '未登记教师人数'), schoolsWithoutCount: r.rotation.schoolsWithoutCount },
  key: { ...shareView(r.key, NO_KEY_DATA), registered: r.key.registered },
  hostHours: hoursOf(r.hostMinutes),
  hostSessions: r.hostSessions,
  homeSessions: r.homeSessions,
  unverifiedSessions: r.unverifiedSessions,
  lentHours: hoursOf(r.lentMinutes),
  borrowedHours: hoursOf(r.borrowedMinutes),
  teacherCountSample: r.teacherCountSample,
});

/** The dashboard of the scope for the school year asked for (default: the current one, China time). */
export async function buildDashboard(
  input: DashboardInput,
  scope: DashboardScope,
  nowMs: number,
): Promise<DashboardView> {
  const { district, composition, xuequ } = scope;
  const year = input.schoolYear ?? schoolYearOf(nowMs, CHINA_ZONE);
  const period = schoolYearPeriod(year, CHINA_ZONE);
  const schools = district.schools.map((s) => kpiSchool(s as SchoolDoc));
  const data = await loadDashboardData(
    district.district.code,
    schools.map((s) => s.id),
    period,
    nowMs,
  );
  const staffNos = new Map(data.staffNos.map((u) => [u._id, u.staffNo]));
  const isKey = keyTeacherLookup(data.roster, (openid) => staffNos.get(openid));
  const kpis = dashboardKpis({
    schools,
    duties: data.duties.map((d) => ({ ...d, teacherKey: isKey(d) })),
    recordFacts: recordFactsFromRollups(
      data.rollups,
      data.recent,
      homeOfDuties(data.duties),
      period,
      CHINA_ZONE,
      nowMs,
    ),
    bookingFacts: data.bookingFacts,
    period,
    composition,
    district: { code: district.district.code, name: district.district.name },
    scope: xuequ ? { kind: 'xuequ', xuequId: xuequ.xuequId } : { kind: 'district' },
  });
  const updatedAt = rollupsUpdatedAt(data.rollups);
  const pending = pendingAges(
    data.approvals,
    nowMs,
    xuequ ? { schoolIds: schoolIdsOf(xuequ), xuequId: xuequ.xuequId } : undefined,
  );
  const total = rowView(kpis.total);
  const teacherCounts = [kpis.total, ...kpis.schools].some((r) => r.teacherCountSample);
  const notes = [
    `交流比例：本学年有交流任务（${EXCHANGE_KINDS.map((k) => DUTY_KIND_LABELS[k]).join('、')}）的教师人数 ÷ 教师总数，按派出学校计；${rotationTargetCitation(district.district, kpis.total.rotation.target).text}`,
    '工时和节次只计已核验的签到记录：在任务学校扫现场签到码且在范围内签到，或经批准的补卡，且已签退或时段已结束；扫码签到上线前的记录按定位（范围内）计入',
    '场馆共享时长按本学年已确认的预约计（本校使用本校场馆不计）',
  ];
  if (teacherCounts) notes.push('各校教师人数为示例数据（文件未公布），交流比例仅供演示');
  if (total.rotation.schoolsWithoutCount > 0)
    notes.push(`${total.rotation.schoolsWithoutCount} 所学校未登记教师人数，未计入交流比例`);
  if (!total.key.registered)
    notes.push(`${NO_KEY_DATA}：骨干教师交流目标为100%，在“数据导入”中导入教师名册（标明骨干教师）后显示比例`);
  else notes.push('骨干教师按教师名册识别：教师账号按工号邀请的以工号为准，否则以派出学校和姓名为准');
  notes.push(...kpis.notes);
  return {
    scope: xuequ ? 'xuequ' : 'district',
    districtCode: district.district.code,
    districtName: district.district.name,
    xuequ: xuequ ? { id: xuequ.xuequId, name: xuequ.name } : null,
    xuequOptions: scope.options.map((x) => ({ id: x.xuequId, name: x.name })),
    canViewDistrict: scope.canViewDistrict,
    schoolYear: year,
    schoolYearLabel: schoolYearLabel(year),
    period: { from: period.first, to: period.last },
    asOf: dateTimeIn(nowMs, CHINA_ZONE),
    figuresUpdatedAt: updatedAt === null ? null : dateTimeIn(updatedAt, CHINA_ZONE),
    targets: { rotation: kpis.total.rotation.target, key: kpis.total.key.target },
    total,
    xuequRows: kpis.xuequ.map(rowView),
    schoolRows: kpis.schools.map(rowView),
    pending: {
      total: pending.total,
      buckets: AGE_BUCKETS.map((bucket) => ({
        bucket,
        label: AGE_BUCKET_LABELS[bucket],
        count: pending.buckets[bucket],
      })),
      byType: (Object.keys(pending.byType) as RequestType[])
        .sort()
        .map((type) => ({ type, label: REQUEST_TYPE_LABELS[type], count: pending.byType[type] ?? 0 })),
      oldestDays: pending.oldestDays,
    },
    sample: { teacherCounts, records: kpis.sampleRecords },
    notes,
  };
}
