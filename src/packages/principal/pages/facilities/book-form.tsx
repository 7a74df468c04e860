import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import type { FacilityView } from '@/contracts/facility';
import { addDays, instantAt } from '@/domain/time';
import { CHINA_ZONE } from '@/domain/time';
import { call } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import { busyIf } from '@/components/busy-props';
import { TEXT_MAX } from '@/contracts/fields';

export interface BookDraft {
  date: string;
  start: string;
  end: string;
}

export interface BookFormProps {
  facility: FacilityView;
  /** Server date (China): the earliest date offered. */
  today: string;
  /** Filled from a tapped free slot; the user may change it. */
  draft: BookDraft;
  onDraft(d: BookDraft): void;
  /** After a request was filed (the page refreshes the school's requests). */
  onSent?(): void;
}

/**
 * 申请预约: date, start, end, purpose → an approval request (场馆预约) that the owning school's principal
 * decides; the booking is made only on approval, and never overlaps another.
 */
export default function BookForm({ facility, today, draft, onDraft, onSent }: BookFormProps) {
  const [purpose, setPurpose] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    if (!draft.date || !draft.start || !draft.end) return setError('请选择日期和起止时间');
    if (draft.end <= draft.start) return setError('结束时间须晚于开始时间');
    if (purpose.trim().length < 2) return setError('请填写用途（至少2个字）');
    setState('sending');
    try {
      const detail = await call('approval', 'submitFacility', {
        requestId,
        facilityId: facility.id,
        start: instantAt(draft.date, draft.start, CHINA_ZONE),
        end: instantAt(draft.date, draft.end, CHINA_ZONE),
        purpose: purpose.trim(),
      });
      setSent(
        `已提交预约申请：${draft.date} ${draft.start}–${draft.end}，${detail.waitingFor ? `等待${detail.waitingFor}审批` : detail.statusLabel}`,
      );
      setState('sent');
      setRequestId(newRequestId());
      setPurpose('');
      onSent?.();
    } catch (e) {
      setState('idle');
      setError((e as Error).message || '提交失败，请重试');
    }
  };

  const field = (label: string, value: string, placeholder: string) => (
    <View className="fac-form__row">
      <Text className="fac-form__label">{label}</Text>
      <Text className={`fac-form__value${value ? '' : ' fac-form__value--empty'}`}>{value || placeholder}</Text>
    </View>
  );

  /** A time picker opening on `initial` until a time is chosen. */
  const timeField = (key: 'start' | 'end', label: string, initial: string) => (
    <Picker
      mode="time"
      value={draft[key] || initial}
      onChange={(e) => onDraft({ ...draft, [key]: String(e.detail.value) })}
    >
      {field(label, draft[key], '请选择')}
    </Picker>
  );

  return (
    <View className="fac-form" data-testid="book-form">
      <Text className="fac-form__title">
        申请预约 · {facility.schoolName}
        {facility.name}
      </Text>
      <Text className="fac-form__hint">点选上方“空闲”时段可自动填入；提交后由{facility.schoolName}校长审批。</Text>
      <Picker
        mode="date"
        value={draft.date || today}
        start={today}
        end={addDays(today, facility.rules.maxDaysAhead)}
        onChange={(e) => onDraft({ ...draft, date: String(e.detail.value) })}
      >
        {field('日期', draft.date, '请选择')}
      </Picker>
      {timeField('start', '开始', '16:30')}
      {timeField('end', '结束', '18:00')}
      <View className="fac-form__row">
        <Text className="fac-form__label">用途</Text>
        <Input
          className="fac-form__input"
          data-testid="book-purpose"
          value={purpose}
          maxlength={TEXT_MAX.purpose}
          placeholder="如：篮球队训练（必填）"
          onInput={(e) => setPurpose(e.detail.value)}
        />
      </View>
      {error && (
        <Text className="fac-form__error" data-testid="book-error">
          {error}
        </Text>
      )}
      {state === 'sent' && sent && (
        <Text className="fac-form__sent" data-testid="book-sent">
          {sent}
        </Text>
      )}
      <Button
        className="fac-form__submit"
        type="primary"
        data-testid="book-submit"
        {...busyIf(state === 'sending')}
        onClick={() => void submit()}
      >
        提交预约申请
      </Button>
    </View>
  );
}
