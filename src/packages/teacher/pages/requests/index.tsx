import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { usePaged } from '@/hooks/use-paged';
import { ApprovalDetailById } from '@/components/approval-detail';
import StatusView from '@/components/status-view';
import { busyIf } from '@/components/busy-props';
import './index.scss';

/** 我的申请: a teacher's requests and their progress, a page at a time; with ?id= one request in full (withdraw, edit and resubmit, 催办). */
export default function MyRequestsPage() {
  const { params } = useRouter();
  const list = usePaged('approval', 'mine', params.id ? null : {});
  useDidShow(() => void (params.id ? undefined : list.reload()));
  if (params.id) return <ApprovalDetailById id={params.id} />;
  return (
    <View className="my-requests">
      <Text
        className="my-requests__new"
        data-testid="new-request"
        onClick={() => void Taro.navigateTo({ url: '/packages/teacher/pages/request-new/index' })}
      >
        ＋ 发起交流申请
      </Text>
      <StatusView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.items?.length === 0}
        emptyText="还没有申请"
      />
      {list.items?.map((r) => (
        <View
          key={r.id}
          className="my-requests__item"
          data-testid={`my-request-${r.id}`}
          onClick={() => void Taro.navigateTo({ url: `/packages/teacher/pages/requests/index?id=${r.id}` })}
        >
          <Text className="my-requests__head">
            {r.typeLabel} · {r.statusLabel}
            {r.escalation ? ` · ${r.escalation.label}，已转教育局` : ''}
          </Text>
          <Text className="my-requests__line">{r.summary}</Text>
          <Text className="my-requests__meta">
            {r.status === 'returned'
              ? '审批人请您修改，点开后可修改并重新提交'
              : r.waitingFor
                ? `等待${r.waitingFor}`
                : r.updatedAt}
          </Text>
        </View>
      ))}
      {list.hasMore && (
        <Button
          className="my-requests__more"
          data-testid="load-more"
          {...busyIf(list.loadingMore)}
          onClick={() => void list.loadMore()}
        >
          加载更多
        </Button>
      )}
    </View>
  );
}
