import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { usePaged } from '@/hooks/use-paged';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import FilterTabs from '@/components/filter-tabs';
import PagedList from '@/components/paged-list';
import RequestSummary from '@/components/request-summary';
import SubscribePrompt from '@/components/subscribe-prompt';
import { SUBSCRIBE_TEMPLATES } from '@/services/subscribe';
import { busyIf } from '@/components/busy-props';
import './index.scss';

type Tab = 'pending' | 'decided' | 'cc';
const TABS: Array<[Tab, string]> = [
  ['pending', '待我审批'],
  ['decided', '我已审批'],
  ['cc', '抄送我的'],
];
const EMPTY: Record<Tab, string> = {
  pending: '没有待审批的申请',
  decided: '还没有审批记录',
  cc: '没有抄送给您的申请',
};

/**
 * 审批收件箱: requests waiting for my decision (with those handed to me and, for the bureau, escalated
 * ones: 无人审批 / 超时), and the ones I decided; a page at a time. Batch approval asks for confirmation
 * and takes one comment for all. Deciders are offered the "a request waits for you" reminder here.
 */
export default function InboxPage() {
  const [tab, setTab] = useState<Tab>('pending');
  const list = usePaged('approval', 'inbox', { status: tab });
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const action = useAction();
  const [note, setNote] = useState<string | null>(null);
  useDidShow(() => void list.reload());

  const batch = () =>
    action.run('batch', async () => {
      const results = await call('approval', 'batchApprove', {
        ids: picked,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      const failed = results.filter((r) => !r.ok);
      setNote(
        `已批准 ${results.length - failed.length} 项${failed.length ? `；${failed.length} 项未批准：${failed.map((f) => f.message).join('；')}` : ''}`,
      );
      setPicked([]);
      setConfirming(false);
      setComment('');
      await list.reload();
    });

  return (
    <View className="inbox-page">
      <FilterTabs block="inbox-page" tabs={TABS} value={tab} onChange={setTab} testId={(t) => `tab-${t}`} />
      <SubscribePrompt
        templateId={SUBSCRIBE_TEMPLATES.approval}
        label="接收审批提醒"
        hint="有申请等您审批时，通过微信提醒您。"
      />
      {(action.error ?? note) && (
        <Text className="inbox-page__note" data-testid="inbox-note">
          {action.error ?? note}
        </Text>
      )}
      <PagedList list={list} emptyText={EMPTY[tab]}>
        {(r) => (
          <View key={r.id} className="inbox-page__item" data-testid={`request-${r.id}`}>
            {tab === 'pending' && (
              <Text
                className="inbox-page__pick"
                data-testid={`pick-${r.id}`}
                onClick={() => setPicked(picked.includes(r.id) ? picked.filter((p) => p !== r.id) : [...picked, r.id])}
              >
                {picked.includes(r.id) ? '☑' : '☐'}
              </Text>
            )}
            <View
              className="inbox-page__body"
              onClick={() => void Taro.navigateTo({ url: `/packages/principal/pages/request/index?id=${r.id}` })}
            >
              <RequestSummary request={r} viewer="decider" />
            </View>
          </View>
        )}
      </PagedList>
      {tab === 'pending' && picked.length > 0 && !confirming && (
        <Button
          className="inbox-page__batch"
          type="primary"
          data-testid="batch-approve"
          onClick={() => setConfirming(true)}
        >
          批量同意（{picked.length}）
        </Button>
      )}
      {confirming && (
        <View className="inbox-page__confirm" data-testid="batch-confirm">
          <Text className="inbox-page__head">确认同意选中的 {picked.length} 项申请？</Text>
          <Textarea
            className="inbox-page__comment"
            data-testid="batch-comment"
            value={comment}
            placeholder="审批意见（可选，会写入每一项的审批记录）"
            maxlength={500}
            onInput={(e) => setComment(e.detail.value)}
          />
          <View className="inbox-page__confirm-actions">
            <Button className="inbox-page__confirm-btn" data-testid="batch-cancel" onClick={() => setConfirming(false)}>
              返回
            </Button>
            <Button
              className="inbox-page__confirm-btn"
              type="primary"
              data-testid="batch-confirm-ok"
              {...busyIf(action.busy === 'batch')}
              onClick={() => void batch()}
            >
              确认同意 {picked.length} 项
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
