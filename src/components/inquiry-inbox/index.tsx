import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { usePaged } from '@/hooks/use-paged';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { disabledIf } from '../busy-props';
import FilterTabs from '../filter-tabs';
import StatusView from '../status-view';
import './index.scss';
import { TEXT_MAX } from '@/contracts/fields';

type Status = 'pending' | 'answered';
const TABS: Array<[Status, string]> = [
  ['pending', '待答复'],
  ['answered', '已答复'],
];

/**
 * 家长咨询: parents' 请学校确认 questions to this school (the bureau: those naming no school), answered
 * once; the pending and the answered ones each newest first, a page at a time.
 */
export default function InquiryInbox() {
  const [status, setStatus] = useState<Status>('pending');
  const inbox = usePaged('school', 'inquiryInbox', { status });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // Answered here since the list loaded: shown answered in place (a reload would drop them from 待答复).
  const [answered, setAnswered] = useState<Record<string, string | null>>({});
  const { busy, error, run } = useAction();

  const answer = (id: string) =>
    run(id, async () => {
      const view = await call('school', 'answerInquiry', { id, answer: (answers[id] ?? '').trim() });
      setAnswered((a) => ({ ...a, [id]: view.answer }));
    });
  const show = (key: Status) => {
    setAnswered({});
    setStatus(key);
  };

  return (
    <View className="inquiries" data-testid="inquiry-inbox">
      <Text className="inquiries__title">家长咨询（请学校确认）</Text>
      <FilterTabs block="inquiries" tabs={TABS} value={status} onChange={show} testId={(k) => `inquiries-tab-${k}`} />
      <StatusView
        loading={inbox.loading}
        error={inbox.error}
        onRetry={inbox.reload}
        empty={!inbox.loading && !inbox.error && inbox.items.length === 0}
        emptyText={status === 'pending' ? '没有待答复的咨询' : '没有已答复的咨询'}
      />
      {error && <Text className="inquiries__error">{error}</Text>}
      {!inbox.loading &&
        inbox.items
          .map((q) => (q.id in answered ? { ...q, status: 'answered' as const, answer: answered[q.id] } : q))
          .map((q) => (
            <View key={q.id} className="inquiries__item" data-testid={`inquiry-${q.id}`}>
              <Text className="inquiries__head">
                {q.createdAt} · {q.contactName} {q.phone}
              </Text>
              <Text className="inquiries__line">
                {q.address}
                {q.communityName ? `（${q.communityName}）` : ''}
                {q.question ? `：${q.question}` : ''}
              </Text>
              {q.status === 'answered' ? (
                <Text className="inquiries__answer">已答复：{q.answer}</Text>
              ) : (
                <View className="inquiries__form">
                  <Input
                    className="inquiries__input"
                    data-testid={`answer-${q.id}`}
                    value={answers[q.id] ?? ''}
                    placeholder="答复家长（如：该地址属本校划片）"
                    maxlength={TEXT_MAX.answer}
                    onInput={(e) => setAnswers({ ...answers, [q.id]: e.detail.value })}
                  />
                  <Button
                    size="mini"
                    type="primary"
                    data-testid={`send-answer-${q.id}`}
                    {...disabledIf(busy === q.id)}
                    onClick={() => void answer(q.id)}
                  >
                    答复
                  </Button>
                </View>
              )}
            </View>
          ))}
      {!inbox.loading && inbox.hasMore && (
        <View className="inquiries__more" data-testid="inquiries-more" onClick={() => void inbox.loadMore()}>
          <Text>{inbox.loadingMore ? '加载中…' : '加载更多'}</Text>
        </View>
      )}
    </View>
  );
}
