import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { WEEKDAY_LABELS, type Weekday } from '@/domain/duty';
import { REQUEST_TYPE_LABELS, type ExchangeType, type FixPart } from '@/domain/approval';
import { slotProblems } from '@/domain/slots';
import { useCall } from '@/hooks/use-call';
import { call } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import { canSubscribe, requestSubscription, SUBSCRIBE_TEMPLATES } from '@/services/subscribe';
import StatusView from '@/components/status-view';
import './index.scss';
import { busyIf } from '@/components/busy-props';
import { TEXT_MAX } from '@/contracts/fields';

const TYPES: ExchangeType[] = ['cross-teaching', 'rotation', 'itinerant', 'support', 'mentoring'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as Weekday[];
const STEPS = ['交流形式与接收学校', '每周安排', '任期与理由', '确认提交'] as const;
/** The wizard step of each part a decider can ask to fix (退回修改). */
const STEP_OF_FIX: Record<FixPart, number> = { host: 0, slots: 1, term: 2, reason: 2 };
interface Slot {
  weekday: Weekday;
  start: string;
  end: string;
  periods: string;
}

/** The typed fields of a weekly slot, in the order shown. */
const SLOT_FIELDS = [
  { key: 'start', placeholder: '开始 HH:mm', maxlength: 5 },
  { key: 'end', placeholder: '结束 HH:mm', maxlength: 5 },
  { key: 'periods', placeholder: '节次', maxlength: 1, number: true },
] as const;

const asInput = (slots: Slot[]) =>
  slots.map((s) => ({ weekday: s.weekday, start: s.start.trim(), end: s.end.trim(), periods: Number(s.periods) || 0 }));

/**
 * 发起交流申请 in four steps (where, when each week, term and reason, confirm); the server routes it to
 * the principals and the 学区长. With ?edit=<id> it edits a request sent back (退回修改): the fields come
 * filled in and the form opens on the step the decider asked to fix, then resubmits it.
 */
export default function NewRequestPage() {
  const editId = useRouter().params.edit ?? null;
  const me = useCall('account', 'me', {});
  const xuequ = useCall('school', 'listXuequ', me.data?.districtCode ? { districtCode: me.data.districtCode } : null);
  const editing = useCall('approval', 'detail', editId ? { id: editId } : null);
  const requestId = useMemo(newRequestId, []);
  const [step, setStep] = useState(0);
  const [type, setType] = useState<ExchangeType>('cross-teaching');
  const [host, setHost] = useState<string | null>(null);
  const [slots, setSlots] = useState<Slot[]>([{ weekday: 2, start: '14:00', end: '15:30', periods: '2' }]);
  const [termStart, setTermStart] = useState('');
  const [termEnd, setTermEnd] = useState('');
  const [mentee, setMentee] = useState('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Editing: the request as it was sent back, opened on the part to fix (else on the summary).
  const editable = editing.data?.editable ?? null;
  useEffect(() => {
    if (!editable) return;
    setType(editable.type);
    setHost(editable.hostSchoolId);
    setSlots(
      editable.slots.map((s) => ({
        weekday: s.weekday as Weekday,
        start: s.start,
        end: s.end,
        periods: String(s.periods),
      })),
    );
    setTermStart(editable.termStart);
    setTermEnd(editable.termEnd);
    setMentee(editable.mentee?.name ?? '');
    setReason(editable.reason ?? '');
    setStep(editable.fix ? STEP_OF_FIX[editable.fix] : STEPS.length - 1);
  }, [editable]);

  // Schools of the district grouped by 学区, the teacher's own school left out.
  const groups = (xuequ.data ?? []).map((x) => ({
    name: x.name,
    schools: [...new Map(x.alliances.flatMap((a) => [...a.leads, ...a.members]).map((s) => [s.id, s])).values()].filter(
      (s) => s.id !== me.data?.school?.id,
    ),
  }));
  const schoolName = (id: string | null) => groups.flatMap((g) => g.schools).find((s) => s.id === id)?.name ?? '未选择';
  const patch = (i: number, p: Partial<Slot>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...p } : s)));
  // The same slot rules the server applies, shown before the teacher can go on.
  const problems = slotProblems(asInput(slots));
  const problemsOf = (i: number) => problems.filter((p) => p.field.startsWith(`slots[${i}]`));
  const stepError =
    step === 0 && !host
      ? '请选择接收学校'
      : step === 1 && problems.length > 0
        ? '请先改正每周安排中的问题'
        : step === 2 && (!termStart.trim() || !termEnd.trim())
          ? '请填写任期的开始和结束日期'
          : null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (editId && editing.data) {
        const done = await call('approval', 'resubmit', {
          id: editId,
          version: editing.data.version,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          edit: {
            hostSchoolId: host ?? '',
            slots: asInput(slots),
            termStart: termStart.trim(),
            termEnd: termEnd.trim(),
            reason: reason.trim(),
            ...(type === 'mentoring' && mentee.trim() ? { mentee: { name: mentee.trim() } } : {}),
          },
        });
        void Taro.redirectTo({ url: `/packages/teacher/pages/requests/index?id=${done.id}` });
        return;
      }
      // Asked first, inside the tap: "your request was decided" (one message per acceptance).
      if (canSubscribe(SUBSCRIBE_TEMPLATES.result)) await requestSubscription(SUBSCRIBE_TEMPLATES.result);
      const made = await call('approval', 'submitExchange', {
        requestId,
        type,
        hostSchoolId: host ?? '',
        slots: asInput(slots),
        termStart: termStart.trim(),
        termEnd: termEnd.trim(),
        ...(type === 'mentoring' ? { mentee: { name: mentee.trim() } } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      void Taro.redirectTo({ url: `/packages/teacher/pages/requests/index?id=${made.id}` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!me.data || xuequ.loading || (editId && !editing.data))
    return (
      <StatusView
        loading={me.loading || xuequ.loading || editing.loading}
        error={me.error ?? xuequ.error ?? editing.error}
        onRetry={editId ? editing.reload : me.reload}
      />
    );
  if (editId && !editable)
    return <StatusView empty emptyText="该申请当前不能修改（只有被退回的申请可以修改后重新提交）" />;
  const fixNote = editable?.fix ? `审批人请您修改：${STEPS[STEP_OF_FIX[editable.fix]]}` : null;
  const summaryRow = (label: string, value: string, to: number) => (
    <View className="new-request__sum" key={label}>
      <Text className="new-request__sum-text">
        {label}：{value}
      </Text>
      <Text className="new-request__sum-edit" data-testid={`edit-step-${to}`} onClick={() => setStep(to)}>
        修改
      </Text>
    </View>
  );

  return (
    <View className="new-request" data-testid="request-form">
      <View className="new-request__steps">
        {STEPS.map((label, i) => (
          <Text
            key={label}
            className={`new-request__stepname ${i === step ? 'new-request__stepname--on' : ''}`}
            data-testid={`step-${i}`}
            onClick={() => setStep(i)}
          >
            {i + 1}. {label}
          </Text>
        ))}
      </View>
      {editId && (
        <Text className="new-request__note" data-testid="edit-note">
          修改后重新提交{fixNote ? `。${fixNote}` : ''}
        </Text>
      )}

      {step === 0 && (
        <View data-testid="step-host">
          <Text className="new-request__label">交流形式</Text>
          <View className="new-request__chips">
            {TYPES.map((t) => (
              <Text
                key={t}
                data-testid={`type-${t}`}
                className={`new-request__chip ${t === type ? 'new-request__chip--on' : ''}`}
                onClick={() => !editId && setType(t)}
              >
                {REQUEST_TYPE_LABELS[t]}
              </Text>
            ))}
          </View>
          <Text className="new-request__label">接收学校</Text>
          {groups.map((g) => (
            <View key={g.name} className="new-request__group">
              <Text className="new-request__group-name">{g.name}</Text>
              <View className="new-request__chips">
                {g.schools.map((s) => (
                  <Text
                    key={s.id}
                    data-testid={`host-${s.id}`}
                    className={`new-request__chip ${s.id === host ? 'new-request__chip--on' : ''}`}
                    onClick={() => setHost(s.id)}
                  >
                    {s.name}
                  </Text>
                ))}
              </View>
            </View>
          ))}
        </View>
      )}

      {step === 1 && (
        <View data-testid="step-slots">
          <Text className="new-request__label">每周安排（在校时间 07:00–18:30，一次最长4小时）</Text>
          {slots.map((s, i) => (
            <View key={i} className="new-request__slot">
              <View className="new-request__chips">
                {WEEKDAYS.map((w) => (
                  <Text
                    key={w}
                    className={`new-request__day ${w === s.weekday ? 'new-request__chip--on' : ''}`}
                    onClick={() => patch(i, { weekday: w })}
                  >
                    {WEEKDAY_LABELS[w]}
                  </Text>
                ))}
              </View>
              <View className="new-request__row">
                {SLOT_FIELDS.map((f) => (
                  <Input
                    key={f.key}
                    className="new-request__input"
                    data-testid={`slot-${i}-${f.key}`}
                    {...('number' in f ? { type: 'number' as const } : {})}
                    value={s[f.key]}
                    placeholder={f.placeholder}
                    maxlength={f.maxlength}
                    onInput={(e) => patch(i, { [f.key]: e.detail.value })}
                  />
                ))}
              </View>
              {problemsOf(i).map((p) => (
                <Text key={p.message} className="new-request__error" data-testid={`slot-${i}-problem`}>
                  {p.message}
                </Text>
              ))}
              {slots.length > 1 && (
                <Text className="new-request__remove" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  删除此时段
                </Text>
              )}
            </View>
          ))}
          <Text
            className="new-request__add"
            onClick={() => setSlots([...slots, { weekday: 4, start: '14:00', end: '15:30', periods: '2' }])}
          >
            ＋ 添加时段
          </Text>
        </View>
      )}

      {step === 2 && (
        <View data-testid="step-term">
          <Text className="new-request__label">任期</Text>
          <View className="new-request__row">
            <Input
              className="new-request__input"
              data-testid="term-start"
              value={termStart}
              placeholder="开始 YYYY-MM-DD"
              maxlength={10}
              onInput={(e) => setTermStart(e.detail.value)}
            />
            <Input
              className="new-request__input"
              data-testid="term-end"
              value={termEnd}
              placeholder="结束 YYYY-MM-DD"
              maxlength={10}
              onInput={(e) => setTermEnd(e.detail.value)}
            />
          </View>
          {type === 'mentoring' && (
            <Input
              className="new-request__input new-request__wide"
              value={mentee}
              placeholder="徒弟姓名"
              maxlength={TEXT_MAX.menteeName}
              onInput={(e) => setMentee(e.detail.value)}
            />
          )}
          <Input
            className="new-request__input new-request__wide"
            data-testid="reason"
            value={reason}
            placeholder="申请理由（可选）"
            maxlength={TEXT_MAX.reason}
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
      )}

      {step === 3 && (
        <View data-testid="step-confirm">
          <Text className="new-request__label">请确认</Text>
          {summaryRow('交流形式', REQUEST_TYPE_LABELS[type], 0)}
          {summaryRow('接收学校', schoolName(host), 0)}
          {summaryRow(
            '每周安排',
            asInput(slots)
              .map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}（${s.periods}节）`)
              .join('、'),
            1,
          )}
          {summaryRow('任期', `${termStart || '未填'} 至 ${termEnd || '未填'}`, 2)}
          {summaryRow('申请理由', reason.trim() || '（无）', 2)}
          {editId && (
            <Input
              className="new-request__input new-request__wide"
              data-testid="resubmit-comment"
              value={comment}
              placeholder="给审批人的说明（可选）"
              maxlength={TEXT_MAX.comment}
              onInput={(e) => setComment(e.detail.value)}
            />
          )}
          {problems.length > 0 && <Text className="new-request__error">每周安排有问题，请先修改</Text>}
        </View>
      )}

      {(error || (stepError && step < 3)) && (
        <Text className="new-request__error" data-testid="request-error">
          {error ?? stepError}
        </Text>
      )}
      <View className="new-request__nav">
        {step > 0 && (
          <Button className="new-request__back" data-testid="prev-step" onClick={() => setStep(step - 1)}>
            上一步
          </Button>
        )}
        {step < 3 ? (
          <Button
            className="new-request__next"
            type="primary"
            data-testid="next-step"
            onClick={() => (stepError ? setError(null) : setStep(step + 1))}
            {...(stepError ? { disabled: true } : {})}
          >
            下一步
          </Button>
        ) : (
          <Button
            className="new-request__submit"
            type="primary"
            data-testid="submit-request"
            {...busyIf(busy)}
            onClick={() => void submit()}
          >
            {editId ? '重新提交' : '提交申请'}
          </Button>
        )}
      </View>
    </View>
  );
}
