import { useEffect, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { ApprovalDetail } from '../../contracts/approval';
import { call } from '../../services/call';
import { useCall } from '../../hooks/use-call';
import StatusView from '../status-view';
import './index.scss';
import { disabledIf } from '../busy-props';

export interface ApprovalDetailViewProps {
  detail: ApprovalDetail;
  /** Called with the updated request after a decision, a withdrawal or a resubmission. */
  onChanged: (next: ApprovalDetail) => void;
}

const LEVEL: Record<string, string> = { ok: '✓', warn: '!', block: '✕' };

/** A request as the approver and the requester see it: fields, checks, steps, trail, and what they may do. */
export default function ApprovalDetailView({ detail: d, onChanged }: ApprovalDetailViewProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (run: () => Promise<ApprovalDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await run());
      setComment('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const opt = comment.trim() ? { comment: comment.trim() } : {};
  const decide = (decision: 'approve' | 'reject' | 'return') => act(() => call('approval', 'decide', { id: d.id, decision, version: d.version, ...opt }));

  return (
    <View className='approval' data-testid='approval-detail'>
      <View className='approval__card'>
        <Text className='approval__title'>{d.typeLabel} · {d.statusLabel}</Text>
        <Text className='approval__line'>{d.summary}</Text>
        <Text className='approval__meta'>申请人 {d.requesterName} · 提交于 {d.createdAt}{d.waitingFor ? ` · 等待${d.waitingFor}` : ''}</Text>
        {d.fields.map((f) => <Text key={f.label} className='approval__field'>{f.label}：{f.value}</Text>)}
        {d.result?.dutyId && <Text className='approval__ok' data-testid='approval-result'>已生成交流任务</Text>}
      </View>

      {d.checks.length > 0 && (
        <View className='approval__card' data-testid='approval-checks'>
          <Text className='approval__heading'>审批前检查</Text>
          {d.checks.map((c) => <Text key={`${c.code}-${c.message}`} className={`approval__check approval__check--${c.level}`}>{LEVEL[c.level]} {c.message}</Text>)}
        </View>
      )}

      <View className='approval__card'>
        <Text className='approval__heading'>审批流程</Text>
        {d.steps.map((s, i) => (
          <Text key={`${s.label}-${i}`} className={`approval__step ${i === d.current && d.status === 'pending' ? 'approval__step--now' : ''}`}>
            {i + 1}. {s.label}：{s.status}{s.decidedByName ? `（${s.decidedByName} ${s.decidedAt}）` : ''}{s.comment ? ` “${s.comment}”` : ''}
          </Text>
        ))}
      </View>

      <View className='approval__card' data-testid='approval-trail'>
        <Text className='approval__heading'>记录</Text>
        {d.trail.map((t, i) => (
          <Text key={i} className='approval__trail'>{t.at} {t.byName} {t.action}{t.step ? `（${t.step}）` : ''}{t.comment ? `：${t.comment}` : ''}</Text>
        ))}
      </View>

      {(d.canDecide || d.canWithdraw || d.canResubmit) && (
        <View className='approval__card'>
          <Textarea className='approval__comment' data-testid='approval-comment' value={comment} placeholder={d.canDecide ? '审批意见（驳回或退回时必填）' : '说明（可选）'} maxlength={500} onInput={(e) => setComment(e.detail.value)} />
          {error && <Text className='approval__error' data-testid='approval-error'>{error}</Text>}
          {d.canDecide && (
            <View className='approval__actions'>
              <Button type='primary' size='mini' data-testid='approve' {...disabledIf(busy)} onClick={() => void decide('approve')}>同意</Button>
              <Button size='mini' data-testid='send-back' {...disabledIf(busy)} onClick={() => void decide('return')}>退回修改</Button>
              <Button type='warn' size='mini' data-testid='reject' {...disabledIf(busy)} onClick={() => void decide('reject')}>驳回</Button>
            </View>
          )}
          {d.canResubmit && <Button size='mini' data-testid='resubmit' {...disabledIf(busy)} onClick={() => void act(() => call('approval', 'resubmit', { id: d.id, version: d.version, ...opt }))}>重新提交</Button>}
          {d.canWithdraw && <Button size='mini' data-testid='withdraw' {...disabledIf(busy)} onClick={() => void act(() => call('approval', 'withdraw', { id: d.id, version: d.version, ...opt }))}>撤回申请</Button>}
        </View>
      )}
    </View>
  );
}

/** Loads a request by id and shows it; decisions update it in place. */
export function ApprovalDetailById({ id }: { id: string | null }) {
  const detail = useCall('approval', 'detail', id ? { id } : null);
  const [shown, setShown] = useState<ApprovalDetail | null>(null);
  useEffect(() => setShown(detail.data), [detail.data]);
  if (!shown) return <StatusView loading={detail.loading} error={detail.error ?? (id ? null : { message: '缺少申请编号' })} onRetry={detail.reload} />;
  return <ApprovalDetailView detail={shown} onChanged={setShown} />;
}
