import { Text, View } from '@tarojs/components';
import { useCall } from '../../../../hooks/use-call';
import StatusView from '../../../../components/status-view';
import SampleBadge from '../../../../components/sample-badge';

export interface HistoryPanelProps {
  xuequId: string;
}

/** Every version of a 学区, newest first: dates, status, what changed, the document. */
export default function HistoryPanel({ xuequId }: HistoryPanelProps) {
  const history = useCall('admin', 'compositionHistory', { xuequId });
  const h = history.data;
  return (
    <View className='comp-history' data-testid='history'>
      <StatusView loading={history.loading} error={history.error} onRetry={history.reload} empty={!!h && h.versions.length === 0} emptyText='暂无调整记录' />
      {h?.versions.map((v) => (
        <View key={v.versionId} className={`comp-history__item comp-history__item--${v.status}`}>
          <Text className='comp-history__when'>
            {v.effectiveFrom} 至 {v.effectiveTo ?? '今后'} · {v.statusLabel}
          </Text>
          {v.changes.map((c) => <Text key={c} className='comp-history__change'>{c}</Text>)}
          <Text className='comp-history__source'>
            依据：{v.source.issuer}《{v.source.title}》（{v.source.date}）
          </Text>
          {v.xuequ.sample && <SampleBadge />}
        </View>
      ))}
    </View>
  );
}
