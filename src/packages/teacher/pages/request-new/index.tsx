import { useMemo, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { WEEKDAY_LABELS, type Weekday } from '../../../../domain/duty';
import { REQUEST_TYPE_LABELS, type ExchangeType } from '../../../../domain/approval';
import { useCall } from '../../../../hooks/use-call';
import { call } from '../../../../services/call';
import { newRequestId } from '../../../../services/request-id';
import { canSubscribe, requestSubscription, SUBSCRIBE_TEMPLATES } from '../../../../services/subscribe';
import StatusView from '../../../../components/status-view';
import './index.scss';
import { busyIf } from '../../../../components/busy-props';

const TYPES: ExchangeType[] = ['cross-teaching', 'rotation', 'itinerant', 'support', 'mentoring'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as Weekday[];
interface Slot { weekday: Weekday; start: string; end: string; periods: string }

/** 发起交流申请: where, when and why; the server routes it to the principals and the 学区长. */
export default function NewRequestPage() {
  const me = useCall('account', 'me', {});
  const xuequ = useCall('school', 'listXuequ', me.data?.districtCode ? { districtCode: me.data.districtCode } : null);
  const requestId = useMemo(newRequestId, []);
  const [type, setType] = useState<ExchangeType>('cross-teaching');
  const [host, setHost] = useState<string | null>(null);
  const [slots, setSlots] = useState<Slot[]>([{ weekday: 2, start: '14:00', end: '15:30', periods: '2' }]);
  const [termStart, setTermStart] = useState('');
  const [termEnd, setTermEnd] = useState('');
  const [mentee, setMentee] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Schools of the district grouped by 学区, the teacher's own school left out.
  const groups = (xuequ.data ?? []).map((x) => ({
    name: x.name,
    schools: [...new Map(x.alliances.flatMap((a) => [...a.leads, ...a.members]).map((s) => [s.id, s])).values()].filter((s) => s.id !== me.data?.school?.id),
  }));
  const patch = (i: number, p: Partial<Slot>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...p } : s)));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      // Asked first, inside the tap: "your request was decided" (one message per acceptance).
      if (canSubscribe(SUBSCRIBE_TEMPLATES.result)) await requestSubscription(SUBSCRIBE_TEMPLATES.result);
      const made = await call('approval', 'submitExchange', {
        requestId,
        type,
        hostSchoolId: host ?? '',
        slots: slots.map((s) => ({ weekday: s.weekday, start: s.start.trim(), end: s.end.trim(), periods: Number(s.periods) || 0 })),
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

  if (!me.data || xuequ.loading) return <StatusView loading={me.loading || xuequ.loading} error={me.error ?? xuequ.error} onRetry={me.reload} />;
  return (
    <View className='new-request'>
      <Text className='new-request__label'>交流形式</Text>
      <View className='new-request__chips'>
        {TYPES.map((t) => <Text key={t} data-testid={`type-${t}`} className={`new-request__chip ${t === type ? 'new-request__chip--on' : ''}`} onClick={() => setType(t)}>{REQUEST_TYPE_LABELS[t]}</Text>)}
      </View>

      <Text className='new-request__label'>接收学校</Text>
      {groups.map((g) => (
        <View key={g.name} className='new-request__group'>
          <Text className='new-request__group-name'>{g.name}</Text>
          <View className='new-request__chips'>
            {g.schools.map((s) => <Text key={s.id} data-testid={`host-${s.id}`} className={`new-request__chip ${s.id === host ? 'new-request__chip--on' : ''}`} onClick={() => setHost(s.id)}>{s.name}</Text>)}
          </View>
        </View>
      ))}

      <Text className='new-request__label'>每周安排</Text>
      {slots.map((s, i) => (
        <View key={i} className='new-request__slot'>
          <View className='new-request__chips'>
            {WEEKDAYS.map((w) => <Text key={w} className={`new-request__day ${w === s.weekday ? 'new-request__chip--on' : ''}`} onClick={() => patch(i, { weekday: w })}>{WEEKDAY_LABELS[w]}</Text>)}
          </View>
          <View className='new-request__row'>
            <Input className='new-request__input' data-testid={`slot-${i}-start`} value={s.start} placeholder='开始 HH:mm' maxlength={5} onInput={(e) => patch(i, { start: e.detail.value })} />
            <Input className='new-request__input' data-testid={`slot-${i}-end`} value={s.end} placeholder='结束 HH:mm' maxlength={5} onInput={(e) => patch(i, { end: e.detail.value })} />
            <Input className='new-request__input' type='number' value={s.periods} placeholder='节次' maxlength={1} onInput={(e) => patch(i, { periods: e.detail.value })} />
          </View>
          {slots.length > 1 && <Text className='new-request__remove' onClick={() => setSlots(slots.filter((_, j) => j !== i))}>删除此时段</Text>}
        </View>
      ))}
      <Text className='new-request__add' onClick={() => setSlots([...slots, { weekday: 4, start: '14:00', end: '15:30', periods: '2' }])}>＋ 添加时段</Text>

      <Text className='new-request__label'>任期</Text>
      <View className='new-request__row'>
        <Input className='new-request__input' data-testid='term-start' value={termStart} placeholder='开始 YYYY-MM-DD' maxlength={10} onInput={(e) => setTermStart(e.detail.value)} />
        <Input className='new-request__input' data-testid='term-end' value={termEnd} placeholder='结束 YYYY-MM-DD' maxlength={10} onInput={(e) => setTermEnd(e.detail.value)} />
      </View>
      {type === 'mentoring' && <Input className='new-request__input new-request__wide' value={mentee} placeholder='徒弟姓名' maxlength={20} onInput={(e) => setMentee(e.detail.value)} />}
      <Input className='new-request__input new-request__wide' data-testid='reason' value={reason} placeholder='申请理由（可选）' maxlength={300} onInput={(e) => setReason(e.detail.value)} />

      {error && <Text className='new-request__error' data-testid='request-error'>{error}</Text>}
      <Button className='new-request__submit' type='primary' data-testid='submit-request' {...busyIf(busy)} onClick={() => void submit()}>提交申请</Button>
    </View>
  );
}
