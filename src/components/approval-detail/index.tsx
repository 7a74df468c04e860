import { useEffect, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ApprovalDetail } from '@/contracts/approval';
import { FIX_PART_LABELS, type FixPart } from '@/domain/approval/edit';
import { call, CallError } from '@/services/call';
import { useCall } from '@/hooks/use-call';
import StatusView from '../status-view';
import './index.scss';
import { disabledIf } from '../busy-props';
import { TEXT_MAX } from '@/contracts/fields';

export interface ApprovalDetailViewProps {
  detail: ApprovalDetail;
  /** Called with the updated request after a decision, a withdrawal or a resubmission. */
  onChanged: (next: ApprovalDetail) => void;
}

const LEVEL: Record<string, string> = { ok: '✓', warn: '!', block: '✕' };
const FIX_PARTS = Object.keys(FIX_PART_LABELS) as FixPart[];
/** The decider's three buttons, in the order shown. */
const DECISIONS = [
  { decision: 'approve', testId: 'approve', label: '同意', type: 'primary' },
  { decision: 'return', testId: 'send-back', label: '退回修改' },
  { decision: 'reject', testId: 'reject', label: '驳回', type: 'warn' },
] as const;
const AS: Record<string, string> = {
  delegate: '您是这一步的代理审批人（转交）',
  bureau: '这一步已转教育局处理，您可以代为审批',
};

/** A request as the approver and the requester see it: fields, checks, steps, trail, and what they may do. */
export default function ApprovalDetailView({ detail: d, onChanged }: ApprovalDetailViewProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [fix, setFix] = useState<FixPart | null>(null);
  const [delegates, setDelegates] = useState<Array<{ openid: string; name: string }> | null>(null);

  const act = async (run: () => Promise<ApprovalDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await run());
      setComment('');
    } catch (e) {
      setError((e as Error).message);
      // A refusal means the page is stale (催办 from another tab, decided or handed over meanwhile):
      // show the request as it now is, so the refused button does not stay on offer.
      if (e instanceof CallError && !e.field) {
        try {
          onChanged(await call('approval', 'detail', { id: d.id }));
        } catch {
          // The message above already says what went wrong; the old view stays.
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const opt = comment.trim() ? { comment: comment.trim() } : {};
  const decide = (decision: 'approve' | 'reject' | 'return') =>
    act(() =>
      call('approval', 'decide', {
        id: d.id,
        decision,
        version: d.version,
        ...opt,
        ...(decision === 'return' && fix ? { fix } : {}),
      }),
    );
  const remind = () =>
    act(async () => {
      const r = await call('approval', 'remind', { id: d.id });
      setNote(r.reminded > 0 ? '已提醒审批人' : '已记录催办（审批人尚未开启微信提醒）');
      return r;
    });
  const openDelegates = async () => {
    setError(null);
    try {
      setDelegates(await call('approval', 'delegates', { id: d.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const transferTo = (to: string) =>
    act(async () => {
      const r = await call('approval', 'transfer', { id: d.id, version: d.version, to, ...opt });
      setDelegates(null);
      return r;
    });

  return (
    <View className="approval" data-testid="approval-detail">
      <View className="approval__card">
        <Text className="approval__title">
          {d.typeLabel} · {d.statusLabel}
        </Text>
        <Text className="approval__line">{d.summary}</Text>
        <Text className="approval__meta">
          申请人 {d.requesterName} · 提交于 {d.createdAt}
          {d.waitingFor ? ` · 等待${d.waitingFor}` : ''}
        </Text>
        {d.escalation && (
          <Text className="approval__escalation" data-testid="approval-escalation">
            {d.escalation.label}：{d.escalation.kind === 'unstaffed' ? '这一步尚无审批人账号' : '这一步等待过久'}，自{' '}
            {d.escalation.since} 起区教育局也可审批
          </Text>
        )}
        {d.fields.map((f) => (
          <Text key={f.label} className="approval__field">
            {f.label}：{f.value}
          </Text>
        ))}
        {d.ccNames.length > 0 && (
          <Text className="approval__field" data-testid="approval-cc">
            抄送：{d.ccNames.join('、')}
          </Text>
        )}
        {d.result?.dutyId && (
          <Text className="approval__ok" data-testid="approval-result">
            已生成交流任务
          </Text>
        )}
      </View>

      {d.checks.length > 0 && (
        <View className="approval__card" data-testid="approval-checks">
          <Text className="approval__heading">审批前检查</Text>
          {d.checks.map((c) => (
            <Text key={`${c.code}-${c.message}`} className={`approval__check approval__check--${c.level}`}>
              {LEVEL[c.level]} {c.message}
            </Text>
          ))}
        </View>
      )}

      <View className="approval__card">
        <Text className="approval__heading">审批流程</Text>
        {d.steps.map((s, i) => (
          <Text
            key={`${s.label}-${i}`}
            className={`approval__step ${i === d.current && d.status === 'pending' ? 'approval__step--now' : ''}`}
          >
            {i + 1}. {s.label}：{s.status}
            {s.unstaffed ? '（无账号，由教育局审批）' : ''}
            {s.delegateName ? `（已转交${s.delegateName}）` : ''}
            {s.decidedByName ? `（${s.decidedByName} ${s.decidedAt}）` : ''}
            {s.comment ? ` “${s.comment}”` : ''}
          </Text>
        ))}
      </View>

      <View className="approval__card" data-testid="approval-trail">
        <Text className="approval__heading">记录</Text>
        {d.trail.map((t, i) => (
          <View key={i}>
            <Text className="approval__trail">
              {t.at} {t.byName} {t.action}
              {t.step ? `（${t.step}）` : ''}
              {t.comment ? `：${t.comment}` : ''}
            </Text>
            {t.changes.map((c) => (
              <Text key={c} className="approval__change">
                修改 {c}
              </Text>
            ))}
          </View>
        ))}
      </View>

      {(d.canDecide || d.canWithdraw || d.canResubmit || d.canRemind || d.remindAfter) && (
        <View className="approval__card">
          {d.decidingAs && AS[d.decidingAs] && <Text className="approval__escalation">{AS[d.decidingAs]}</Text>}
          {d.editable && (
            <Button
              type="primary"
              size="mini"
              data-testid="edit-request"
              onClick={() => void Taro.navigateTo({ url: `/packages/teacher/pages/request-new/index?edit=${d.id}` })}
            >
              修改后重新提交{d.editable.fix ? `（请修改${FIX_PART_LABELS[d.editable.fix]}）` : ''}
            </Button>
          )}
          <Textarea
            className="approval__comment"
            data-testid="approval-comment"
            value={comment}
            placeholder={d.canDecide ? '审批意见（驳回或退回时必填）' : '说明（可选）'}
            maxlength={TEXT_MAX.comment}
            onInput={(e) => setComment(e.detail.value)}
          />
          {error && (
            <Text className="approval__error" data-testid="approval-error">
              {error}
            </Text>
          )}
          {note && (
            <Text className="approval__ok" data-testid="approval-note">
              {note}
            </Text>
          )}
          {d.canDecide && d.type !== 'facility' && (
            <View className="approval__fix">
              <Text className="approval__meta">退回时请申请人修改：</Text>
              {FIX_PARTS.map((p) => (
                <Text
                  key={p}
                  data-testid={`fix-${p}`}
                  className={`approval__chip ${fix === p ? 'approval__chip--on' : ''}`}
                  onClick={() => setFix(fix === p ? null : p)}
                >
                  {FIX_PART_LABELS[p]}
                </Text>
              ))}
            </View>
          )}
          {d.canDecide && (
            <View className="approval__actions">
              {DECISIONS.map((b) => (
                <Button
                  key={b.decision}
                  {...('type' in b ? { type: b.type } : {})}
                  size="mini"
                  data-testid={b.testId}
                  {...disabledIf(busy)}
                  onClick={() => void decide(b.decision)}
                >
                  {b.label}
                </Button>
              ))}
            </View>
          )}
          {d.canTransfer && (
            <View className="approval__actions">
              <Button size="mini" data-testid="transfer" {...disabledIf(busy)} onClick={() => void openDelegates()}>
                转交他人代理审批
              </Button>
            </View>
          )}
          {delegates && (
            <View className="approval__fix" data-testid="delegates">
              {delegates.length === 0 && <Text className="approval__meta">本区暂无可转交的审批人</Text>}
              {delegates.map((p) => (
                <Text
                  key={p.openid}
                  className="approval__chip"
                  data-testid={`delegate-${p.openid}`}
                  onClick={() => void transferTo(p.openid)}
                >
                  {p.name}
                </Text>
              ))}
            </View>
          )}
          {d.canRemind && (
            <Button size="mini" data-testid="remind" {...disabledIf(busy)} onClick={() => void remind()}>
              催办
            </Button>
          )}
          {!d.canRemind && d.remindAfter && (
            <Text className="approval__meta" data-testid="remind-after">
              已催办，{d.remindAfter} 后可再次催办
            </Text>
          )}
          {d.canResubmit && (
            <Button
              size="mini"
              data-testid="resubmit"
              {...disabledIf(busy)}
              onClick={() => void act(() => call('approval', 'resubmit', { id: d.id, version: d.version, ...opt }))}
            >
              {d.editable ? '不修改，直接重新提交' : '重新提交'}
            </Button>
          )}
          {d.canWithdraw && (
            <Button
              size="mini"
              data-testid="withdraw"
              {...disabledIf(busy)}
              onClick={() => void act(() => call('approval', 'withdraw', { id: d.id, version: d.version, ...opt }))}
            >
              撤回申请
            </Button>
          )}
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
  if (!shown)
    return (
      <StatusView
        loading={detail.loading}
        error={detail.error ?? (id ? null : { message: '缺少申请编号' })}
        onRetry={detail.reload}
      />
    );
  return <ApprovalDetailView detail={shown} onChanged={setShown} />;
}
