import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ClockResult } from '../../../../contracts/duty';
import { useCall } from '../../../../hooks/use-call';
import { call } from '../../../../services/call';
import { currentLocation, LocationError } from '../../../../services/location';
import { newRequestId } from '../../../../services/request-id';
import DutySession from '../../../../components/duty-session';
import EntryLinks from '../../../../components/entry-links';
import LocationHelp from '../../../../components/location-help';
import SampleBadge from '../../../../components/sample-badge';
import StatusView from '../../../../components/status-view';
import './index.scss';
import { busyIf } from '../../../../components/busy-props';

/** 今日任务: clock in and out at the host school (server time, distance checked), sessions, 补卡. */
export default function TeacherHomePage() {
  const today = useCall('duty', 'today', {});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; warnings: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The position could not be read: explained, with 去设置 when location was refused. */
  const [noLocation, setNoLocation] = useState<LocationError | null>(null);
  useDidShow(() => void today.reload());
  usePullDownRefresh(() => void today.reload().finally(() => Taro.stopPullDownRefresh()));

  const clock = async (action: 'clockIn' | 'clockOut') => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    setNoLocation(null);
    try {
      let location;
      try {
        location = await currentLocation();
      } catch (e) {
        if (e instanceof LocationError) return setNoLocation(e);
        throw e;
      }
      // One id per tap: a retried request after a lost answer is recorded once.
      const r: ClockResult = await call('duty', action, { requestId: newRequestId(), location });
      const verb = action === 'clockIn' ? '签到' : '签退';
      setOutcome({ text: `${verb}成功：${r.at}，距${r.hostSchoolName} ${r.distanceM} 米${r.pass ? '（在范围内）' : '（超出范围）'}`, warnings: r.warnings });
      await today.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const t = today.data;
  if (!t) return <StatusView loading={today.loading} error={today.error} onRetry={today.reload} />;
  return (
    <View className='teacher'>
      <View className='teacher__clock' data-testid='clock-panel'>
        <Text className='teacher__time'>服务器时间 {t.serverTime}</Text>
        {t.toClockOut ? (
          <View>
            <Text className='teacher__hint'>待签退：{t.toClockOut.kindLabel} · {t.toClockOut.hostSchoolName} {t.toClockOut.slotStart}–{t.toClockOut.slotEnd}</Text>
            <Button className='teacher__button' type='warn' data-testid='clock-out' {...busyIf(busy)} onClick={() => void clock('clockOut')}>签退</Button>
          </View>
        ) : t.openSession ? (
          <View>
            <Text className='teacher__hint'>可签到：{t.openSession.kindLabel} · {t.openSession.hostSchoolName} {t.openSession.slotStart}–{t.openSession.slotEnd}</Text>
            <Button className='teacher__button' type='primary' data-testid='clock-in' {...busyIf(busy)} onClick={() => void clock('clockIn')}>签到</Button>
          </View>
        ) : (
          <Text className='teacher__hint'>现在没有可签到的任务（每节开始前30分钟起可签到）</Text>
        )}
        {outcome && (
          <View className='teacher__outcome' data-testid='clock-outcome'>
            <Text>{outcome.text}</Text>
            {outcome.warnings.map((w) => <Text key={w} className='teacher__warning'>{w}</Text>)}
          </View>
        )}
        {error && <Text className='teacher__error' data-testid='clock-error'>{error}</Text>}
        {noLocation && (
          <LocationHelp
            problem={noLocation.problem}
            message={noLocation.message}
            onAllowed={() => {
              setNoLocation(null);
              setOutcome({ text: '已允许使用位置，请再点一次签到或签退。', warnings: [] });
            }}
          />
        )}
      </View>

      <EntryLinks
        links={[
          { label: '我的交流申请', url: '/packages/teacher/pages/requests/index', testId: 'open-requests' },
          { label: '本月工时与补助', url: `/packages/teacher/pages/month/index?month=${t.serverTime.slice(0, 7)}`, testId: 'open-month' },
        ]}
      />

      <Text className='teacher__heading'>今天和未来一周</Text>
      {t.sessions.length === 0 && <StatusView empty emptyText='未来一周没有安排' />}
      {t.sessions.map((s) => <DutySession key={s.key} session={s} />)}

      {t.missed.length > 0 && <Text className='teacher__heading'>可申请补卡</Text>}
      {t.missed.map((s) => (
        <DutySession key={s.key} session={s}>
          <Text className='teacher__link' data-testid={`makeup-${s.key}`} onClick={() => void Taro.navigateTo({ url: `/packages/teacher/pages/makeup/index?dutyId=${s.dutyId}&date=${s.sessionDate}&start=${s.slotStart}&label=${encodeURIComponent(`${s.kindLabel} ${s.hostSchoolName} ${s.sessionDate} ${s.slotStart}–${s.slotEnd}`)}` })}>
            申请补卡 ›
          </Text>
        </DutySession>
      ))}

      <Text className='teacher__heading'>我的交流任务</Text>
      {t.duties.length === 0 && <StatusView empty emptyText='暂无已批准的交流任务' />}
      {t.duties.map((d) => (
        <View key={d.id} className='teacher__duty'>
          <Text className='teacher__duty-title'>{d.kindLabel}：{d.homeSchoolName} → {d.hostSchoolName}{d.sample && <SampleBadge />}</Text>
          <Text className='teacher__duty-line'>{d.termStart} 至 {d.termEnd}</Text>
          {d.schedule.map((line) => <Text key={line} className='teacher__duty-line'>{line}</Text>)}
        </View>
      ))}
    </View>
  );
}
