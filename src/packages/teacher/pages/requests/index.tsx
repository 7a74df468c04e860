import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { usePaged } from '@/hooks/use-paged';
import { ApprovalDetailById } from '@/components/approval-detail';
import StatusView from '@/components/status-view';
import { LoadMore } from '@/components/paged-list';
import RequestSummary from '@/components/request-summary';
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
          <RequestSummary request={r} viewer="requester" />
        </View>
      ))}
      <LoadMore list={list} />
    </View>
  );
}
