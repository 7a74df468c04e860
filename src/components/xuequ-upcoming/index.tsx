import { Text, View } from '@tarojs/components';
import type { UpcomingXuequChange, XuequUpcomingView } from '@/contracts/school';
import XuequCard from '../xuequ-card';
import './index.scss';

export interface XuequUpcomingProps {
  /** Composition changes after today: for the parent's schools (with the 学区 then), or of one 学区. */
  upcoming: Array<UpcomingXuequChange | XuequUpcomingView>;
  /** Heading of the block (default 学区调整预告). */
  title?: string;
  onOpenXuequ?: (id: string) => void;
}

/**
 * 学区调整预告: what will change and from when (China date), with the document behind it (or that none was
 * attached), next to the current 学区 shown above.
 */
export default function XuequUpcoming({ upcoming, title = '学区调整预告', onOpenXuequ }: XuequUpcomingProps) {
  if (upcoming.length === 0) return null;
  return (
    <View className="xuequ-upcoming" data-testid="xuequ-upcoming">
      <Text className="xuequ-upcoming__heading">{title}</Text>
      {upcoming.map((u) => (
        <View key={u.effectiveFrom} className="xuequ-upcoming__item" data-testid="xuequ-upcoming-item">
          <Text className="xuequ-upcoming__when">{u.dateLabel}起</Text>
          {u.changes.map((c) => (
            <Text key={c} className="xuequ-upcoming__change">
              {c}
            </Text>
          ))}
          <Text className="xuequ-upcoming__source">
            来源：{u.sources.length ? u.sources.join('；') : '未记录调整文件'}
          </Text>
          {'xuequ' in u && u.xuequ.length > 0 && (
            <View>
              <Text className="xuequ-upcoming__label">{u.dateLabel}起所属学区</Text>
              {u.xuequ.map((x) => (
                <XuequCard key={x.id} xuequ={x} compact onOpen={onOpenXuequ} />
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
