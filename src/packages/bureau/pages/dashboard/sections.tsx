import { Text, View } from '@tarojs/components';
import type { DashboardView, KpiRowView } from '@/contracts/admin-dashboard';
import { formatShare } from '@/domain/approval/checks';
import BarChart, { type BarDatum } from '@/components/bar-chart';
import SampleBadge from '@/components/sample-badge';

const hours = (h: number) => `${h} 小时`;

/** The big number: the share of the district or 学区 against 30%, and 骨干教师 against 100%. */
export function Summary({ view }: { view: DashboardView }) {
  const t = view.total;
  const met = t.rotation.met === null ? '' : t.rotation.met ? '已达标' : '未达标';
  return (
    <View className="dash__summary" data-testid="dashboard-summary">
      <Text className="dash__summary-name">
        {t.name} · {view.schoolYearLabel}
      </Text>
      <View className="dash__summary-main">
        <Text className="dash__summary-num">{t.rotation.text}</Text>
        <Text className={`dash__summary-met dash__summary-met--${t.rotation.met ? 'good' : 'short'}`}>{met}</Text>
        {t.teacherCountSample && <SampleBadge />}
      </View>
      <Text className="dash__summary-line">
        轮岗交流比例（目标不少于 {formatShare(view.targets.rotation)}）：交流教师 {t.rotation.count} 人 / 教师{' '}
        {t.rotation.base ?? '未登记'} 人
      </Text>
      <Text className="dash__summary-line" data-testid="key-share">
        骨干教师交流（目标 {formatShare(view.targets.key)}）：
        {t.key.registered ? `${t.key.count}/${t.key.base} 人（${t.key.text}）` : t.key.text}
      </Text>
      <Text className="dash__summary-asof">
        统计至 {view.asOf}（{view.period.from} 至 {view.period.to}）
      </Text>
      <Text className="dash__summary-asof" data-testid="figures-updated">
        {view.figuresUpdatedAt
          ? `数据更新于 ${view.figuresUpdatedAt}（签到、签退或补卡时即时更新）`
          : '本学年尚无签到数据'}
      </Text>
    </View>
  );
}

/** The rows charted: 学区 in the district view, schools in a 学区. */
export const chartRows = (view: DashboardView): KpiRowView[] =>
  view.scope === 'district' ? view.xuequRows : view.schoolRows;

/** Bars of each figure; tapping a 学区 opens it (district view). */
export function Charts({ view, onOpenXuequ }: { view: DashboardView; onOpenXuequ?: (id: string) => void }) {
  const rows = chartRows(view);
  const per = view.scope === 'district' ? '各学区' : '各校';
  const bars = (value: (r: KpiRowView) => number, text?: (r: KpiRowView) => string): BarDatum[] =>
    rows.map((r) => ({ id: r.id, label: r.name, value: value(r), valueText: text?.(r) }));
  const select = view.scope === 'district' ? onOpenXuequ : undefined;
  return (
    <View>
      <BarChart
        testId="rotation-chart"
        title={`${per}轮岗交流比例`}
        data={rows.map((r) => ({
          id: r.id,
          label: r.name,
          value: r.rotation.share,
          valueText: r.rotation.text,
          sample: r.teacherCountSample,
        }))}
        sample={rows.length > 0 && rows.every((r) => r.teacherCountSample)}
        target={view.targets.rotation}
        targetLabel={`目标 ${formatShare(view.targets.rotation)}`}
        format={formatShare}
        missingText="未登记教师人数"
        onSelect={select}
      />
      <BarChart
        testId="hours-chart"
        title={`${per}任务学校工时（已核验）`}
        data={bars(
          (r) => r.hostHours,
          (r) => hours(r.hostHours),
        )}
        format={hours}
        emptyText="没有学校"
        onSelect={select}
      />
      <BarChart
        testId="sessions-chart"
        title={`${per}跨校交流节次`}
        data={bars(
          (r) => r.hostSessions + r.homeSessions,
          (r) =>
            `接收 ${r.hostSessions} · 派出 ${r.homeSessions}${r.unverifiedSessions > 0 ? ` · 未核验 ${r.unverifiedSessions}（不计）` : ''}`,
        )}
        onSelect={select}
      />
      <BarChart
        testId="lent-chart"
        title={`${per}场馆借出`}
        data={bars(
          (r) => r.lentHours,
          (r) => hours(r.lentHours),
        )}
        onSelect={select}
      />
      <BarChart
        testId="borrowed-chart"
        title={`${per}场馆借入`}
        data={bars(
          (r) => r.borrowedHours,
          (r) => hours(r.borrowedHours),
        )}
        onSelect={select}
      />
    </View>
  );
}

/** Pending approvals by age; the oldest one's age. */
export function Pending({ view }: { view: DashboardView }) {
  const p = view.pending;
  const title = p.total === 0 ? '待审批：无' : `待审批 ${p.total} 件，最久 ${p.oldestDays} 天`;
  return (
    <View data-testid="pending">
      <BarChart
        testId="pending-chart"
        title={title}
        data={p.buckets.map((b) => ({ id: b.bucket, label: b.label, value: b.count, valueText: `${b.count} 件` }))}
      />
      {p.byType.length > 0 && (
        <Text className="dash__note">按类型：{p.byType.map((t) => `${t.label} ${t.count}`).join('、')}</Text>
      )}
    </View>
  );
}
