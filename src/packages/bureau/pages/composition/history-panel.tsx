import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { HistoryVersionView } from '@/contracts/admin-composition';
import { useCall } from '@/hooks/use-call';
import { call, CallError } from '@/services/call';
import StatusView from '@/components/status-view';
import SampleBadge from '@/components/sample-badge';
import { sourceLabel } from '@/domain/xuequ';

export interface HistoryPanelProps {
  xuequId: string;
}

/** Every version of a 学区, newest first, a page at a time: dates, status, what changed, the document. */
export default function HistoryPanel({ xuequId }: HistoryPanelProps) {
  const history = useCall('admin', 'compositionHistory', { xuequId });
  // Older pages fetched by 加载更多, appended after the first page; a new first page starts over.
  const [older, setOlder] = useState<{ versions: HistoryVersionView[]; next: string | null } | null>(null);
  const [more, setMore] = useState<{ loading: boolean; error: CallError | null }>({ loading: false, error: null });
  useEffect(() => setOlder(null), [history.data]);
  const h = history.data;
  const next = older ? older.next : (h?.next ?? null);
  const versions = [...(h?.versions ?? []), ...(older?.versions ?? [])];

  const loadMore = async () => {
    if (!next || more.loading) return;
    setMore({ loading: true, error: null });
    try {
      const page = await call('admin', 'compositionHistory', { xuequId, cursor: next });
      setOlder((o) => ({ versions: [...(o?.versions ?? []), ...page.versions], next: page.next }));
      setMore({ loading: false, error: null });
    } catch (err) {
      setMore({ loading: false, error: err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试') });
    }
  };

  return (
    <View className="comp-history" data-testid="history">
      <StatusView
        loading={history.loading}
        error={history.error}
        onRetry={history.reload}
        empty={!!h && h.versions.length === 0}
        emptyText="暂无调整记录"
      />
      {versions.map((v) => (
        <View key={v.versionId} className={`comp-history__item comp-history__item--${v.status}`}>
          <Text className="comp-history__when">
            {v.effectiveFrom} 至 {v.effectiveTo ?? '今后'} · {v.statusLabel}
          </Text>
          {v.changes.map((c) => (
            <Text key={c} className="comp-history__change">
              {c}
            </Text>
          ))}
          <Text className="comp-history__source">依据：{sourceLabel(v.source)}</Text>
          {v.xuequ.sample && <SampleBadge />}
        </View>
      ))}
      {more.error && <StatusView error={more.error} onRetry={() => void loadMore()} />}
      {next && !history.loading && (
        <View className="comp-history__more" data-testid="history-more" onClick={() => void loadMore()}>
          <Text>{more.loading ? '加载中…' : '加载更多'}</Text>
        </View>
      )}
    </View>
  );
}
