import { Text, View } from '@tarojs/components';
import type { UpcomingXuequChange } from '../../contracts/school';
import XuequCard from '../xuequ-card';
import './index.scss';

export interface XuequUpcomingProps {
  /** Composition changes after today, each with the 学区 as composed from its date. */
  upcoming: UpcomingXuequChange[];
  onOpenXuequ?: (id: string) => void;
}

/** 学区调整预告: what changes later for the parent's schools, next to the current 学区 shown above. */
export default function XuequUpcoming({ upcoming, onOpenXuequ }: XuequUpcomingProps) {
  if (upcoming.length === 0) return null;
  return (
    <View className='xuequ-upcoming' data-testid='xuequ-upcoming'>
      <Text className='xuequ-upcoming__heading'>学区调整预告</Text>
      {upcoming.map((u) => (
        <View key={u.effectiveFrom} className='xuequ-upcoming__item'>
          {u.changes.map((c) => <Text key={c} className='xuequ-upcoming__change'>{c}</Text>)}
          <Text className='xuequ-upcoming__label'>自{u.effectiveFrom}起所属学区</Text>
          {u.xuequ.map((x) => <XuequCard key={x.id} xuequ={x} compact onOpen={onOpenXuequ} />)}
        </View>
      ))}
    </View>
  );
}
