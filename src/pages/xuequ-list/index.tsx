import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCall } from '../../hooks/use-call';
import StatusView from '../../components/status-view';
import XuequCard from '../../components/xuequ-card';
import './index.scss';

/** 学区: every 学区 of a district as composed today, with lead schools and members. */
export default function XuequListPage() {
  const districts = useCall('school', 'listDistricts', {});
  const [picked, setPicked] = useState<string | null>(null);
  const districtCode = picked ?? districts.data?.[0]?.code ?? null;
  const list = useCall('school', 'listXuequ', districtCode ? { districtCode } : null);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='xuequ-list'>
      <View className='xuequ-list__tabs'>
        {districts.data?.map((d) => (
          <Text key={d.code} data-testid={`tab-${d.code}`} className={`xuequ-list__tab ${d.code === districtCode ? 'xuequ-list__tab--on' : ''}`} onClick={() => setPicked(d.code)}>
            {d.name}
          </Text>
        ))}
      </View>
      <StatusView loading={districts.loading || list.loading} error={districts.error ?? list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText='该区暂无学区数据' />
      {!list.loading && list.data?.map((x) => (
        <XuequCard key={x.id} xuequ={x} compact onOpen={(id) => Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${id}` })} />
      ))}
    </View>
  );
}
