import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCall } from '@/hooks/use-call';
import { useElderMode } from '@/hooks/use-elder-mode';
import { chosenDistrict, rememberDistrict } from '@/services/chosen-district';
import StatusView from '@/components/status-view';
import XuequCard from '@/components/xuequ-card';
import './index.scss';

/**
 * 学区: every 学区 of a district as composed today, with lead schools and members (each a row that opens
 * the school). Opens on the district the parent last chose on any page (kept on the phone).
 */
export default function XuequListPage() {
  const elder = useElderMode();
  const districts = useCall('school', 'listDistricts', {});
  const [picked, setPicked] = useState<string | null>(chosenDistrict);
  // The lookup tab may have chosen another district meanwhile.
  useDidShow(() => setPicked(chosenDistrict()));
  const known = districts.data?.some((d) => d.code === picked);
  const districtCode = (known ? picked : null) ?? districts.data?.[0]?.code ?? null;
  const list = useCall('school', 'listXuequ', districtCode ? { districtCode } : null);
  const pick = (code: string) => {
    setPicked(code);
    rememberDistrict(code);
  };

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={`xuequ-list ${elder.cls}`}>
      <View className="xuequ-list__tabs">
        {districts.data?.map((d) => (
          <Text
            key={d.code}
            data-testid={`tab-${d.code}`}
            className={`xuequ-list__tab ${d.code === districtCode ? 'xuequ-list__tab--on' : ''}`}
            onClick={() => pick(d.code)}
          >
            {d.name}
          </Text>
        ))}
      </View>
      <StatusView
        loading={districts.loading || list.loading}
        error={districts.error ?? list.error}
        onRetry={list.reload}
        empty={list.data?.length === 0}
        emptyText="该区暂无学区数据"
      />
      {!list.loading &&
        list.data?.map((x) => (
          <XuequCard
            key={x.id}
            xuequ={x}
            compact
            onOpen={(id) => void Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${id}` })}
            onOpenSchool={(id) => void Taro.navigateTo({ url: `/pages/school/index?id=${id}` })}
          />
        ))}
    </View>
  );
}
