import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import StatusView from '../status-view';
import './index.scss';
import { disabledIf } from '../busy-props';

const STATUS = { pending: '待审批', approved: '已同意', rejected: '已驳回' } as const;

/** The host principal's 补卡 requests: approve or reject with a comment; decided ones stay listed. */
export default function MakeupInbox() {
  const inbox = useCall('duty', 'makeupInbox', {});
  // Back on the home page: requests may have come in (or been decided elsewhere) meanwhile.
  useDidShow(() => void inbox.reload());
  const [comments, setComments] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  /** The 补卡 whose 驳回 was tapped without a comment: the teacher must be told why. */
  const [needsComment, setNeedsComment] = useState<string | null>(null);

  const decide = (id: string, approve: boolean) => {
    if (!approve && !comments[id]?.trim()) return setNeedsComment(id);
    setNeedsComment(null);
    return run(id, async () => {
      await call('duty', 'decideMakeup', {
        id,
        approve,
        ...(comments[id]?.trim() ? { comment: comments[id].trim() } : {}),
      });
      await inbox.reload();
    });
  };

  return (
    <View className="inbox" data-testid="makeup-inbox">
      <Text className="inbox__title">补卡审批</Text>
      <StatusView
        loading={inbox.loading}
        error={inbox.error}
        onRetry={inbox.reload}
        empty={inbox.data?.length === 0}
        emptyText="没有补卡申请"
      />
      {error && <Text className="inbox__error">{error}</Text>}
      {inbox.data?.map((m) => (
        <View key={m.id} className="inbox__item" data-testid={`makeup-item-${m.id}`}>
          <Text className="inbox__head">
            {m.teacherName} · {m.kindLabel} · {m.sessionDate} {m.slot}
          </Text>
          <Text className="inbox__reason">原因：{m.reason}</Text>
          <Text className="inbox__status">
            {STATUS[m.status]}
            {m.comment ? `，意见：${m.comment}` : ''}（申请于 {m.createdAt}
            {m.decidedAt ? `，处理于 ${m.decidedAt}` : ''}）
          </Text>
          {m.status === 'pending' && (
            <View className="inbox__actions">
              <Input
                className="inbox__comment"
                data-testid={`makeup-comment-${m.id}`}
                placeholder="意见（驳回时必填，教师会看到）"
                value={comments[m.id] ?? ''}
                maxlength={200}
                onInput={(e) => setComments({ ...comments, [m.id]: e.detail.value })}
              />
              {needsComment === m.id && (
                <Text className="inbox__error" data-testid={`makeup-needs-comment-${m.id}`}>
                  驳回时请填写意见，告诉教师驳回原因
                </Text>
              )}
              <Button
                size="mini"
                type="primary"
                data-testid={`approve-${m.id}`}
                {...disabledIf(busy === m.id)}
                onClick={() => void decide(m.id, true)}
              >
                同意
              </Button>
              <Button
                size="mini"
                type="warn"
                data-testid={`reject-${m.id}`}
                {...disabledIf(busy === m.id)}
                onClick={() => void decide(m.id, false)}
              >
                驳回
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
