import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCall } from '../../../../hooks/use-call';
import { call } from '../../../../services/call';
import StatusView from '../../../../components/status-view';
import SubscribePrompt from '../../../../components/subscribe-prompt';
import { SUBSCRIBE_TEMPLATES } from '../../../../services/subscribe';
import './index.scss';

/**
 * 审批收件箱: requests waiting for my decision (batch approve), and the ones I decided. Deciders
 * (principals, 学区长, bureau) are offered the "a request waits for you" reminder here.
 */
export default function InboxPage() {
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  const list = useCall('approval', 'inbox', { status: tab });
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  useDidShow(() => void list.reload());

  const batch = async () => {
    const results = await call('approval', 'batchApprove', { ids: picked });
    const failed = results.filter((r) => !r.ok);
    setNote(`已批准 ${results.length - failed.length} 项${failed.length ? `；${failed.length} 项未批准：${failed.map((f) => f.message).join('；')}` : ''}`);
    setPicked([]);
    await list.reload();
  };

  return (
    <View className='inbox-page'>
      <View className='inbox-page__tabs'>
        <Text className={`inbox-page__tab ${tab === 'pending' ? 'inbox-page__tab--on' : ''}`} onClick={() => setTab('pending')}>待我审批</Text>
        <Text className={`inbox-page__tab ${tab === 'decided' ? 'inbox-page__tab--on' : ''}`} onClick={() => setTab('decided')}>我已审批</Text>
      </View>
      <SubscribePrompt templateId={SUBSCRIBE_TEMPLATES.approval} label='接收审批提醒' hint='有申请等您审批时，通过微信提醒您。' />
      {note && <Text className='inbox-page__note'>{note}</Text>}
      <StatusView loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText={tab === 'pending' ? '没有待审批的申请' : '还没有审批记录'} />
      {!list.loading && list.data?.map((r) => (
        <View key={r.id} className='inbox-page__item' data-testid={`request-${r.id}`}>
          {tab === 'pending' && (
            <Text className='inbox-page__pick' onClick={() => setPicked(picked.includes(r.id) ? picked.filter((p) => p !== r.id) : [...picked, r.id])}>
              {picked.includes(r.id) ? '☑' : '☐'}
            </Text>
          )}
          <View className='inbox-page__body' onClick={() => void Taro.navigateTo({ url: `/packages/principal/pages/request/index?id=${r.id}` })}>
            <Text className='inbox-page__head'>{r.typeLabel} · {r.statusLabel}</Text>
            <Text className='inbox-page__line'>{r.summary}</Text>
            <Text className='inbox-page__meta'>{r.requesterName} · {r.updatedAt}</Text>
          </View>
        </View>
      ))}
      {tab === 'pending' && picked.length > 0 && (
        <Button className='inbox-page__batch' type='primary' data-testid='batch-approve' onClick={() => void batch()}>批量同意（{picked.length}）</Button>
      )}
    </View>
  );
}
