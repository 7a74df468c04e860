import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { isFavourite, toggleFavourite } from '@/services/favourites';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCall } from '@/hooks/use-call';
import StatusView from '@/components/status-view';
import XuequCard from '@/components/xuequ-card';
import HomeLink from '@/components/home-link';
import { useElderMode } from '@/hooks/use-elder-mode';
import './index.scss';

/** One 学区 in full: every school with its role, the 街道 served, the source document. */
export default function XuequDetailPage() {
  const { params } = useRouter();
  const elder = useElderMode();
  const id = params.id ?? null;
  const xuequ = useCall('school', 'getXuequ', id ? { xuequId: id } : null);
  const [starred, setStarred] = useState(() => (id ? isFavourite('xuequ', id) : false));
  if (xuequ.data) void Taro.setNavigationBarTitle({ title: xuequ.data.name });
  useShareAppMessage(() => ({
    title: xuequ.data ? `${xuequ.data.districtName}${xuequ.data.name}` : '学区通',
    path: `/pages/xuequ-detail/index?id=${id ?? ''}`,
  }));
  return (
    <View className={`xuequ-detail ${elder.cls}`}>
      <HomeLink />
      <StatusView
        loading={xuequ.loading}
        error={xuequ.error ?? (id ? null : { message: '缺少学区编号' })}
        onRetry={xuequ.reload}
      />
      {xuequ.data && (
        <View>
          <Text
            className="xuequ-detail__star"
            data-testid="favourite"
            onClick={() =>
              setStarred(
                toggleFavourite({
                  kind: 'xuequ',
                  id: xuequ.data!.id,
                  name: `${xuequ.data!.districtName}${xuequ.data!.name}`,
                }),
              )
            }
          >
            {starred ? '★ 已收藏' : '☆ 收藏本学区'}
          </Text>
          <XuequCard
            xuequ={xuequ.data}
            onOpenSchool={(schoolId) => void Taro.navigateTo({ url: `/pages/school/index?id=${schoolId}` })}
          />
        </View>
      )}
    </View>
  );
}
