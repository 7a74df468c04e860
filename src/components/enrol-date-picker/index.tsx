import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { daysInMonth, formatChineseDate } from '@/domain/enrolment/questions';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN, plainText } from '@/services/plain-wording';
import './index.scss';

export interface EnrolDatePickerProps {
  /** Years to offer, newest first. */
  years: number[];
  /** A date already chosen (YYYY-MM-DD), to start from. */
  value?: string | null;
  /** A problem with the chosen date, shown under it (e.g. 不能晚于今天). */
  error?: string | null;
  /** Called with YYYY-MM-DD when 年, 月 and 日 are all chosen and 确定 is tapped. */
  onConfirm(date: string): void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date picker made of big buttons: 年, then 月, then 日, then 确定. Easier for grandparents than a
 * scrolling wheel, and the same on weapp and H5.
 */
export default function EnrolDatePicker({ years, value, error, onConfirm }: EnrolDatePickerProps) {
  const { say } = useElderMode();
  const [y0, m0, d0] = value ? value.split('-').map(Number) : [null, null, null];
  const [year, setYear] = useState<number | null>(y0);
  const [month, setMonth] = useState<number | null>(m0);
  const [day, setDay] = useState<number | null>(d0);
  const maxDay = year && month ? daysInMonth(year, month) : 31;
  const chosenDay = day !== null && day <= maxDay ? day : null;
  const date = year && month && chosenDay ? `${year}-${pad(month)}-${pad(chosenDay)}` : null;

  const chip = (key: string, label: string, selected: boolean, onTap: () => void) => (
    <View
      key={key}
      className={`enrol-date__chip${selected ? ' enrol-date__chip--on' : ''}`}
      data-testid={key}
      onClick={onTap}
    >
      <Text>{label}</Text>
    </View>
  );

  return (
    <View className="enrol-date">
      <Text className="enrol-date__label">{say(...PLAIN.dateYear)}</Text>
      <View className="enrol-date__grid">
        {years.map((y) => chip(`date-year-${y}`, `${y}年`, y === year, () => setYear(y)))}
      </View>
      {year !== null && (
        <>
          <Text className="enrol-date__label">{say(...PLAIN.dateMonth)}</Text>
          <View className="enrol-date__grid">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) =>
              chip(`date-month-${m}`, `${m}月`, m === month, () => setMonth(m)),
            )}
          </View>
        </>
      )}
      {year !== null && month !== null && (
        <>
          <Text className="enrol-date__label">{say(...PLAIN.dateDay)}</Text>
          <View className="enrol-date__grid enrol-date__grid--days">
            {Array.from({ length: maxDay }, (_, i) => i + 1).map((d) =>
              chip(`date-day-${d}`, String(d), d === chosenDay, () => setDay(d)),
            )}
          </View>
        </>
      )}
      <View className="enrol-date__chosen" data-testid="date-chosen">
        <Text>{date ? `出生日期：${formatChineseDate(date)}` : say(...PLAIN.datePrompt)}</Text>
      </View>
      {error && (
        <View className="enrol-date__error" data-testid="date-error">
          <Text>{say(error, plainText(error))}</Text>
        </View>
      )}
      <View
        className={`enrol-date__confirm${date ? '' : ' enrol-date__confirm--off'}`}
        data-testid="date-confirm"
        onClick={() => date && onConfirm(date)}
      >
        <Text>{say(...PLAIN.dateConfirm)}</Text>
      </View>
    </View>
  );
}
