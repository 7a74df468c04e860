import { Text, View } from '@tarojs/components';
import type { DayView, SlotView } from '@/contracts/facility';

export interface WeekGridProps {
  days: DayView[];
  /** A bookable free slot was tapped (to fill the booking form). */
  onPick?: (date: string, slot: SlotView) => void;
}

type Piece = { kind: 'free'; slot: DayView['free'][number] } | { kind: 'booked'; slot: DayView['booked'][number] };

/** Seven rows (one per China day): free time (tap to book) and booked time with the booking school. */
export default function WeekGrid({ days, onPick }: WeekGridProps) {
  return (
    <View className="fac-week" data-testid="week-grid">
      {days.map((d) => {
        const pieces: Piece[] = [
          ...d.free.map((slot) => ({ kind: 'free' as const, slot })),
          ...d.booked.map((slot) => ({ kind: 'booked' as const, slot })),
        ];
        pieces.sort((a, b) => a.slot.start - b.slot.start);
        return (
          <View
            key={d.date}
            className={`fac-week__day${d.today ? ' fac-week__day--today' : ''}${d.past ? ' fac-week__day--past' : ''}`}
            data-testid={`day-${d.date}`}
          >
            <View className="fac-week__date">
              <Text className="fac-week__weekday">{d.weekdayLabel}</Text>
              <Text className="fac-week__md">{d.date.slice(5).replace('-', '/')}</Text>
              {d.today && <Text className="fac-week__tag">今天</Text>}
            </View>
            <View className="fac-week__slots">
              {d.open.length === 0 && <Text className="fac-slot fac-slot--closed">不开放</Text>}
              {d.open.length > 0 && pieces.length === 0 && <Text className="fac-slot fac-slot--closed">已约满</Text>}
              {pieces.map((p) =>
                p.kind === 'booked' ? (
                  <Text
                    key={`b-${p.slot.bookingId}`}
                    className={`fac-slot fac-slot--booked${p.slot.mine ? ' fac-slot--mine' : ''}`}
                    data-testid="booked-slot"
                  >
                    {p.slot.startHm}–{p.slot.endHm} 已约 · {p.slot.schoolName}
                    {p.slot.mine ? '（本校）' : ''}
                  </Text>
                ) : (
                  <Text
                    key={`f-${p.slot.start}`}
                    className={`fac-slot fac-slot--free${p.slot.bookable ? '' : ' fac-slot--off'}`}
                    data-testid={`free-${d.date}-${p.slot.startHm.replace(':', '')}`}
                    onClick={p.slot.bookable && onPick ? () => onPick(d.date, p.slot) : undefined}
                  >
                    {p.slot.startHm}–{p.slot.endHm} 空闲{p.slot.bookable ? '' : '（不可约）'}
                  </Text>
                ),
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
