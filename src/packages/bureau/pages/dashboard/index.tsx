import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardInput } from '@/contracts/admin-dashboard';
import { useCall } from '@/hooks/use-call';
import { call } from '@/services/call';
import SampleBadge from '@/components/sample-badge';
import StatusView from '@/components/status-view';
import { useFileExport } from '@/hooks/use-file-export';
import ExportCsv from '@/components/export-csv';
import { Charts, Pending, Summary, chartRows } from './sections';
import './index.scss';

type Scope = DashboardInput['scope'];

/**
 * 数据看板: the bureau's district (全区) or one 学区 (各学区); a 学区长 sees their own 学区. Rotation
 * share against 30%, verified hours at host schools, cross-school sessions, facility sharing, pending
 * approvals by age; CSV export.
 */
export default function DashboardPage() {
  const me = useCall('account', 'me', {});
  const bureau = me.data?.roles.includes('bureau') ?? false;
  const lead = me.data?.roles.includes('xuequzhang') ?? false;
  const [scope, setScope] = useState<Scope | null>(null);
  const [xuequId, setXuequId] = useState<string | null>(null);
  const [schoolYear, setSchoolYear] = useState<number | null>(null);
  const exp = useFileExport();

  const current: Scope = scope ?? (bureau ? 'district' : 'xuequ');
  const input: DashboardInput | null =
    !me.data || !(bureau || lead)
      ? null
      : {
          scope: current,
          ...(current === 'xuequ' && xuequId ? { xuequId } : {}),
          ...(schoolYear ? { schoolYear } : {}),
        };
  const view = useCall('admin', 'dashboard', input);
  const v = view.data;

  const openXuequ = (id: string) => {
    setXuequId(id);
    setScope('xuequ');
  };
  const exportCsv = () => input && exp.prepare('dashboard', () => call('admin', 'dashboardCsv', input));

  if (me.loading || me.error) return <StatusView loading={me.loading} error={me.error} onRetry={me.reload} />;
  if (!me.data || !(bureau || lead))
    return <StatusView empty emptyText="数据看板供教育局和学区长使用。请在“我的”中确认身份。" />;
  return (
    <View className="dash">
      <View className="dash__bar">
        {bureau && (
          <View className="dash__tabs">
            <Text
              className={`dash__tab${current === 'district' ? ' dash__tab--on' : ''}`}
              data-testid="scope-district"
              onClick={() => setScope('district')}
            >
              全区
            </Text>
            <Text
              className={`dash__tab${current === 'xuequ' ? ' dash__tab--on' : ''}`}
              data-testid="scope-xuequ"
              onClick={() => openXuequ(xuequId ?? v?.xuequOptions[0]?.id ?? '')}
            >
              各学区
            </Text>
          </View>
        )}
        {v && (
          <View className="dash__years">
            <Text className="dash__nav" data-testid="year-prev" onClick={() => setSchoolYear(v.schoolYear - 1)}>
              ‹
            </Text>
            <Text>{v.schoolYearLabel}</Text>
            <Text className="dash__nav" data-testid="year-next" onClick={() => setSchoolYear(v.schoolYear + 1)}>
              ›
            </Text>
          </View>
        )}
      </View>
      {current === 'xuequ' && v && v.xuequOptions.length > 1 && (
        <View className="dash__chips">
          {v.xuequOptions.map((x) => (
            <Text
              key={x.id}
              className={`dash__chip${v.xuequ?.id === x.id ? ' dash__chip--on' : ''}`}
              data-testid={`xuequ-option-${x.id}`}
              onClick={() => openXuequ(x.id)}
            >
              {x.name}
            </Text>
          ))}
        </View>
      )}
      <StatusView loading={view.loading} error={view.error} onRetry={view.reload} />
      {v && !view.loading && !view.error && (
        <View data-testid="dashboard">
          <Summary view={v} />
          {(v.sample.teacherCounts || v.sample.records) && (
            <View className="dash__sample">
              <SampleBadge />
              <Text>
                {[v.sample.teacherCounts && '各校教师人数', v.sample.records && '部分交流任务和场馆预约']
                  .filter(Boolean)
                  .join('、')}
                为示例数据，仅供演示
              </Text>
            </View>
          )}
          {chartRows(v).length === 0 ? (
            <StatusView empty emptyText="当前范围内没有学校" />
          ) : (
            <Charts view={v} onOpenXuequ={openXuequ} />
          )}
          <Pending view={v} />
          <View className="dash__notes">
            {v.notes.map((n) => (
              <Text key={n} className="dash__note">
                {n}
              </Text>
            ))}
          </View>
          <ExportCsv exp={exp} label="导出 CSV" onExport={() => void exportCsv()} />
        </View>
      )}
    </View>
  );
}
