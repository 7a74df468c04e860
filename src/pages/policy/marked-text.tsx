import { Text } from '@tarojs/components';
import { segments, type Mark } from '@/domain/policy-search';

export interface MarkedTextProps {
  text: string;
  /** Ranges of `text` to highlight ([start, end) in UTF-16 code units). */
  marks: readonly Mark[];
  /** BEM block of the page; the marked parts get `${block}__mark`. */
  block: string;
}

/** A text with its marked parts in <Text className='…__mark'> (never HTML). */
export default function MarkedText({ text, marks, block }: MarkedTextProps) {
  return (
    <Text>
      {segments(text, marks).map((s, i) =>
        s.mark ? (
          <Text key={i} className={`${block}__mark`}>
            {s.text}
          </Text>
        ) : (
          <Text key={i}>{s.text}</Text>
        ),
      )}
    </Text>
  );
}

/** A query parameter as typed: Taro passes URL parameters on (H5 and weapp) without decoding them. */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** 2020-05-21 → 2020年5月21日. */
export function dateLabel(date: string | null): string {
  if (!date) return '日期未注明';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
