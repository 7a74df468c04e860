import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BookingView } from '../../../../contracts/facility';
import { call } from '../../../../services/call';
import { useAction } from '../../../../hooks/use-action';
import SampleBadge from '../../../../components/sample-badge';
import { busyIf } from '../../../../components/busy-props';

export interface MyBookingsProps {
  bookings: BookingView[];
  /** After a cancellation: reload the list and the week. */
  onChanged(): void;
}

/** 本校预约: bookings the school made and bookings of its facilities; either side may cancel. */
export default function MyBookings({ bookings, onChanged }: MyBookingsProps) {
  const { busy, error, run } = useAction();

  const cancel = async (b: BookingView) => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: `确定取消 ${b.date} ${b.startHm}–${b.endHm} ${b.facilityName} 的预约吗？` });
    if (confirm) await run(b.id, async () => {
      await call('facility', 'cancel', { bookingId: b.id });
      onChanged();
    });
  };

  return (
    <View className='fac-mine' data-testid='my-bookings'>
      <Text className='fac-mine__title'>本校预约</Text>
      {bookings.length === 0 && <Text className='fac-mine__empty'>暂无预约</Text>}
      {error && <Text className='fac-mine__error'>{error}</Text>}
      {bookings.map((b) => (
        <View key={b.id} className={`fac-mine__item${b.upcoming ? '' : ' fac-mine__item--done'}`} data-testid={`booking-${b.id}`}>
          <Text className='fac-mine__head'>
            {b.date}（{b.weekdayLabel}）{b.startHm}–{b.endHm} · {b.ownerSchoolName}{b.facilityName}
            {b.sample && <SampleBadge />}
          </Text>
          <Text className='fac-mine__body'>
            {b.role === 'borrower' ? '本校借用' : `${b.bookingSchoolName}借用本校场馆`} · {b.purpose} · {b.statusLabel}
          </Text>
          {b.canCancel && (
            <Button size='mini' className='fac-mine__cancel' data-testid={`cancel-${b.id}`} {...busyIf(busy === b.id)} onClick={() => void cancel(b)}>
              取消预约
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
