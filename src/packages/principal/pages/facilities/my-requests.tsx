import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { usePaged } from '@/hooks/use-paged';
import FilterTabs from '@/components/filter-tabs';
import PagedList from '@/components/paged-list';

type Status = 'open' | 'closed';
const TABS: Array<[Status, string]> = [
  ['open', '审批中'],
  ['closed', '未通过 / 已撤回'],
];

/**
 * 本校预约申请: the school's booking requests still waiting (for whom) and those that ended without a
 * booking, with the decider's reason: the requesting principal's one place to read why.
 */
export default function MyRequests({ reloadKey }: { reloadKey: number }) {
  const [status, setStatus] = useState<Status>('open');
  const list = usePaged('facility', 'myRequests', { status });
  // The page bumps reloadKey after filing a request or pulling to refresh.
  useEffect(() => {
    if (reloadKey > 0) void list.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);
  return (
    <View className="fac-mine" data-testid="my-requests">
      <Text className="fac-mine__title">本校预约申请</Text>
      <FilterTabs block="fac-mine" tabs={TABS} value={status} onChange={setStatus} testId={(k) => `requests-${k}`} />
      <PagedList
        list={list}
        emptyText={status === 'open' ? '没有审批中的预约申请' : '没有未通过的预约申请'}
        moreClassName="fac-mine__more"
        moreTestId="requests-more"
      >
        {(r) => (
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
        )}
      </PagedList>
    </View>
  );
}
