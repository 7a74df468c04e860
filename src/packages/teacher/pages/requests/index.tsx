import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCall } from '../../../../hooks/use-call';
import { ApprovalDetailById } from '../../../../components/approval-detail';
import StatusView from '../../../../components/status-view';
import './index.scss';

/** 我的申请: a teacher's requests and their progress; with ?id= one request in full (withdraw, resubmit). */
export default function MyRequestsPage() {
  const { params } = useRouter();
  const list = useCall('approval', 'mine', params.id ? null : {});
  useDidShow(() => void (params.id ? undefined : list.reload()));
  if (params.id) return <ApprovalDetailById id={params.id} />;
  return (
    <View className='my-requests'>
      <Text className='my-requests__new' data-testid='new-request' onClick={() => void Taro.navigateTo({ url: '/packages/teacher/pages/request-new/index' })}>＋ 发起交流申请</Text>
      <StatusView loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText='还没有申请' />
      {list.data?.map((r) => (
        <View key={r.id} className='my-requests__item' data-testid={`my-request-${r.id}`} onClick={() => void Taro.navigateTo({ url: `/packages/teacher/pages/requests/index?id=${r.id}` })}>
          <Text className='my-requests__head'>{r.typeLabel} · {r.statusLabel}</Text>
          <Text className='my-requests__line'>{r.summary}</Text>
          <Text className='my-requests__meta'>{r.waitingFor ? `等待${r.waitingFor}` : r.updatedAt}</Text>
        </View>
      ))}
    </View>
  );
}
