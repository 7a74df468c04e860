import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { BookingView } from '@/contracts/facility';
import { call } from '@/services/call';
import { useAction } from '@/hooks/use-action';
import SampleBadge from '@/components/sample-badge';
import { busyIf } from '@/components/busy-props';
import { TEXT_MAX } from '@/contracts/fields';

export interface MyBookingsProps {
  bookings: BookingView[];
  /** After a cancellation: reload the list and the week. */
  onChanged(): void;
  /** More pages exist (加载更多). */
  hasMore?: boolean;
  loadingMore?: boolean;
  onMore?(): void;
}

/**
 * 本校预约: bookings the school made and bookings of its facilities, latest first; either side may cancel.
 * Cancelling asks for a reason (the other school reads it) in a panel whose two buttons say what they do.
 */
export default function MyBookings({ bookings, onChanged, hasMore, loadingMore, onMore }: MyBookingsProps) {
  const { busy, error, run } = useAction();
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  const [reason, setReason] = useState('');

  const confirmCancel = async () => {
    if (!cancelling) return;
    const b = cancelling;
    const done = await run(b.id, async () => {
      await call('facility', 'cancel', { bookingId: b.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onChanged();
    });
    if (done) {
      setCancelling(null);
      setReason('');
    }
  };

  return (
    <View className="fac-mine" data-testid="my-bookings">
      <Text className="fac-mine__title">本校预约</Text>
      {bookings.length === 0 && <Text className="fac-mine__empty">暂无预约</Text>}
      {error && (
        <Text className="fac-mine__error" data-testid="cancel-error">
          {error}
        </Text>
      )}
      {bookings.map((b) => (
        <View
          key={b.id}
          className={`fac-mine__item${b.upcoming ? '' : ' fac-mine__item--done'}`}
          data-testid={`booking-${b.id}`}
        >
          <Text className="fac-mine__head">
            {b.date}（{b.weekdayLabel}）{b.startHm}–{b.endHm} · {b.ownerSchoolName}
            {b.facilityName}
            {b.sample && <SampleBadge />}
          </Text>
          <Text className="fac-mine__body">
            {b.role === 'borrower' ? '本校借用' : `${b.bookingSchoolName}借用本校场馆`} · {b.purpose} · {b.statusLabel}
          </Text>
          {b.canCancel && cancelling?.id !== b.id && (
            <Button
              size="mini"
              className="fac-mine__cancel"
              data-testid={`cancel-${b.id}`}
              onClick={() => {
                setCancelling(b);
                setReason('');
              }}
            >
              取消预约
            </Button>
          )}
          {cancelling?.id === b.id && (
            <View className="fac-mine__dialog" data-testid="cancel-dialog">
              <Text className="fac-mine__body">
                取消 {b.date} {b.startHm}–{b.endHm} {b.facilityName} 的预约？对方学校会看到取消原因。
              </Text>
              <Input
                className="fac-mine__reason"
                data-testid="cancel-reason"
                value={reason}
                maxlength={TEXT_MAX.cancelReason}
                placeholder="取消原因（如：比赛改期）"
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className="fac-mine__dialog-actions">
                <Button size="mini" data-testid="cancel-keep" onClick={() => setCancelling(null)}>
                  不取消，保留预约
                </Button>
                <Button
                  size="mini"
                  type="warn"
                  data-testid="cancel-confirm"
                  {...busyIf(busy === b.id)}
                  onClick={() => void confirmCancel()}
                >
                  确认取消预约
                </Button>
              </View>
            </View>
          )}
        </View>
      ))}
      {hasMore && (
        <Button
          className="fac-mine__more"
          data-testid="bookings-more"
          {...busyIf(!!loadingMore)}
          onClick={() => onMore?.()}
        >
          加载更多
        </Button>
      )}
    </View>
  );
}
