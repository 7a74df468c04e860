import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { SlotView } from '@/contracts/facility';
import { hmMinutes } from '@/domain/time';
import { useCall } from '@/hooks/use-call';
import SampleBadge from '@/components/sample-badge';
import StatusView from '@/components/status-view';
import WeekGrid from './week-grid';
import BookForm, { type BookDraft } from './book-form';
import MyBookings from './my-bookings';
import MyRequests from './my-requests';
import { usePaged } from '@/hooks/use-paged';
import './index.scss';

const hm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 共享场馆: the 学区's facilities, a facility's week (free / booked), 申请预约, the school's bookings. */
export default function FacilitiesPage() {
  const [xuequId, setXuequId] = useState<string | undefined>(undefined);
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [weekStart, setWeekStart] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<BookDraft>({ date: '', start: '', end: '' });

  const list = useCall('facility', 'list', xuequId ? { xuequId } : {});
  const facilities = list.data?.facilities ?? [];
  const chosen = facilities.find((f) => f.id === facilityId) ?? facilities[0] ?? null;
  const week = useCall(
    'facility',
    'week',
    chosen ? { facilityId: chosen.id, ...(weekStart ? { weekStart } : {}) } : null,
  );
  const mine = usePaged('facility', 'myBookings', list.data?.canBook ? {} : null);
  const [requestsKey, setRequestsKey] = useState(0);

  useEffect(() => setDraft({ date: '', start: '', end: '' }), [chosen?.id]);

  usePullDownRefresh(() => {
    setRequestsKey((k) => k + 1);
    void Promise.all([list.reload(), week.reload(), mine.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const pick = (date: string, slot: SlotView) => {
    const start = hmMinutes(slot.startHm);
    const end = Math.min(hmMinutes(slot.endHm), start + (chosen?.rules.maxDurationMin ?? 60));
    setDraft({ date, start: slot.startHm, end: hm(end) });
  };

  const options = list.data?.xuequOptions ?? [];
  const w = week.data;
  return (
    <View className="facilities">
      <StatusView loading={list.loading && !list.data} error={list.error} onRetry={list.reload} />
      {list.data && (
        <View>
          <Picker
            mode="selector"
            range={options.map((o) => o.name)}
            value={Math.max(
              0,
              options.findIndex((o) => o.id === list.data?.xuequ?.id),
            )}
            onChange={(e) => {
              setXuequId(options[Number(e.detail.value)]?.id);
              setFacilityId(null);
              setWeekStart(undefined);
            }}
          >
            <View className="facilities__xuequ" data-testid="xuequ-switch">
              <Text className="facilities__xuequ-name">
                {list.data.xuequ?.name ?? '未加入学区'}
                {facilities.some((f) => f.sample) && <SampleBadge />}
              </Text>
              <Text className="facilities__xuequ-more">切换学区 ›</Text>
            </View>
          </Picker>
          {facilities.length === 0 && <StatusView empty emptyText="本学区暂无可共享的场馆" />}
          <View className="facilities__list" data-testid="facility-list">
            {facilities.map((f) => (
              <View
                key={f.id}
                className={`facilities__item${chosen?.id === f.id ? ' facilities__item--on' : ''}`}
                data-testid={`facility-${f.id}`}
                onClick={() => {
                  setFacilityId(f.id);
                  setWeekStart(undefined);
                }}
              >
                <Text className="facilities__school">
                  {f.schoolName}
                  {f.mine ? '（本校）' : ''}
                </Text>
                <Text className="facilities__name">{f.name}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
      {chosen && (
        <View className="facilities__detail" data-testid="facility-detail">
          <Text className="facilities__detail-title">
            {chosen.schoolName}
            {chosen.name}
            {chosen.sample && <SampleBadge />}
          </Text>
          <Text className="facilities__hours" data-testid="facility-hours">
            开放时间：{chosen.hoursText}
          </Text>
          {chosen.rulesText.map((r) => (
            <Text key={r} className="facilities__rule">
              · {r}
            </Text>
          ))}
          <View className="facilities__bar">
            <Text className="facilities__nav" data-testid="week-prev" onClick={() => w && setWeekStart(w.prevWeek)}>
              ‹ 上一周
            </Text>
            <Text className="facilities__week" data-testid="week-title">
              {w ? `${w.weekStart.slice(5).replace('-', '/')} 起一周` : ''}
            </Text>
            <Text className="facilities__nav" data-testid="week-next" onClick={() => w && setWeekStart(w.nextWeek)}>
              下一周 ›
            </Text>
          </View>
          <StatusView loading={week.loading} error={week.error} onRetry={week.reload} />
          {w && !week.loading && (
            <WeekGrid days={w.days} onPick={list.data?.canBook && !chosen.mine ? pick : undefined} />
          )}
          {list.data?.canBook && !chosen.mine && (
            <BookForm
              facility={chosen}
              today={list.data.today}
              draft={draft}
              onDraft={setDraft}
              onSent={() => setRequestsKey((k) => k + 1)}
            />
          )}
          {list.data?.canBook && chosen.mine && (
            <Text className="facilities__note">本校场馆：其他学校的预约申请由您在审批中处理。</Text>
          )}
          {list.data && !list.data.canBook && (
            <Text className="facilities__note">可查看场馆安排；预约请由本校校长申请。</Text>
          )}
        </View>
      )}
      {list.data?.canBook && (
        <View>
          <MyRequests reloadKey={requestsKey} />
          <StatusView loading={mine.loading && mine.items.length === 0} error={mine.error} onRetry={mine.reload} />
          {!(mine.loading && mine.items.length === 0) && (
            <MyBookings
              bookings={mine.items}
              hasMore={mine.hasMore}
              loadingMore={mine.loadingMore}
              onMore={() => void mine.loadMore()}
              onChanged={() => void Promise.all([mine.reload(), week.reload()])}
            />
          )}
        </View>
      )}
    </View>
  );
}
