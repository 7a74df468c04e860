import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { usePaged } from '@/hooks/use-paged';
import StatusView from '@/components/status-view';
import { busyIf } from '@/components/busy-props';

/**
 * 本校预约申请: the school's booking requests still waiting (for whom) and those that ended without a
 * booking, with the decider's reason: the requesting principal's one place to read why.
 */
export default function MyRequests({ reloadKey }: { reloadKey: number }) {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = usePaged('facility', 'myRequests', { status });
  // The page bumps reloadKey after filing a request or pulling to refresh.
  useEffect(() => {
    if (reloadKey > 0) void list.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);
  return (
    <View className="fac-mine" data-testid="my-requests">
      <Text className="fac-mine__title">本校预约申请</Text>
      <View className="fac-mine__tabs">
        <Text
          className={`fac-mine__tab${status === 'open' ? ' fac-mine__tab--on' : ''}`}
          data-testid="requests-open"
          onClick={() => setStatus('open')}
        >
          审批中
        </Text>
        <Text
          className={`fac-mine__tab${status === 'closed' ? ' fac-mine__tab--on' : ''}`}
          data-testid="requests-closed"
          onClick={() => setStatus('closed')}
        >
          未通过 / 已撤回
        </Text>
      </View>
      <StatusView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items?.length === 0}
        emptyText={status === 'open' ? '没有审批中的预约申请' : '没有未通过的预约申请'}
      />
      {!list.loading &&
        list.items?.map((r) => (
          <View key={r.id} className="fac-mine__item" data-testid={`booking-request-${r.id}`}>
            <Text className="fac-mine__head">
              {r.date}（{r.weekdayLabel}）{r.startHm}–{r.endHm} · {r.ownerSchoolName}
              {r.facilityName}
            </Text>
            <Text className="fac-mine__body">
              {r.purpose} · {r.statusLabel}
              {r.waitingFor ? ` · 等待${r.waitingFor}` : ''}
            </Text>
            {r.reason && (
              <Text className="fac-mine__reason-text">
                {r.decidedBy ? `${r.decidedBy}：` : '原因：'}
                {r.reason}
              </Text>
            )}
          </View>
        ))}
      {list.hasMore && (
        <Button
          className="fac-mine__more"
          data-testid="requests-more"
          {...busyIf(list.loadingMore)}
          onClick={() => void list.loadMore()}
        >
          加载更多
        </Button>
      )}
    </View>
  );
}
