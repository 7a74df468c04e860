import { useState } from 'react';
import { Map as TaroMap, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { distanceMetres, formatDistance } from '@/domain/geo';
import { SCHOOL_KIND_LABELS } from '@/domain/school';
import { useCall } from '@/hooks/use-call';
import { isFavourite, toggleFavourite } from '@/services/favourites';
import { PLAIN } from '@/services/plain-wording';
import SampleBadge from '@/components/sample-badge';
import SchoolCard from '@/components/school-card';
import StatusView from '@/components/status-view';
import HomeLink from '@/components/home-link';
import XuequUpcoming from '@/components/xuequ-upcoming';
import { useElderMode } from '@/hooks/use-elder-mode';
import schoolPin from '@/assets/map/school.png';
import neighbourPin from '@/assets/map/neighbour.png';
import './index.scss';

/** 学校概况: stage, 学区 and role, 对口 path, the other schools of the 学区 (map on weapp, list on H5). */
export default function SchoolPage() {
  const { params } = useRouter();
  const elder = useElderMode();
  const id = params.id ?? null;
  const profile = useCall('school', 'getSchool', id ? { schoolId: id } : null);
  const [starred, setStarred] = useState(() => (id ? isFavourite('school', id) : false));
  const p = profile.data;
  useShareAppMessage(() => ({
    title: p ? `${p.districtName}${p.school.name}` : '学区通',
    path: `/pages/school/index?id=${id ?? ''}`,
  }));

  if (!p) {
    return (
      <View className={`school ${elder.cls}`}>
        <HomeLink />
        <StatusView
          loading={profile.loading}
          error={profile.error ?? (id ? null : { message: '缺少学校编号' })}
          onRetry={profile.reload}
        />
      </View>
    );
  }
  const here = p.location;
  const neighbours = p.neighbours
    .map((n) => ({ ...n, metres: here && n.location ? distanceMetres(here, n.location) : null }))
    .sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity));
  const open = (schoolId: string) => void Taro.navigateTo({ url: `/pages/school/index?id=${schoolId}` });

  return (
    <View className={`school ${elder.cls}`}>
      <HomeLink />
      <View className="school__head">
        <Text className="school__name" data-testid="school-name">
          {p.school.name}
        </Text>
        <Text
          className="school__star"
          data-testid="favourite"
          onClick={() => setStarred(toggleFavourite({ kind: 'school', id: p.school.id, name: p.school.name }))}
        >
          {starred ? '★ 已收藏' : '☆ 收藏'}
        </Text>
        <Text className="school__meta">
          {p.districtName} · {SCHOOL_KIND_LABELS[p.school.kind]}
          {p.school.note ? `（${p.school.note}）` : ''}
        </Text>
        {/* The school records hold no address or phone: the documents behind them do not publish either. */}
        <View className="school__contact" data-testid="school-contact">
          <Text className="school__contact-row">地址：未公布</Text>
          <Text className="school__contact-row">电话：未公布</Text>
          <Text className="school__contact-note">{elder.say(...PLAIN.schoolNoContact)}</Text>
        </View>
        {p.memberships.map((m) => (
          <Text
            key={`${m.xuequId}-${m.stageLabel}`}
            className="school__line school__link"
            onClick={() => void Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${m.xuequId}` })}
          >
            {m.xuequName} · {m.stageLabel}
            {m.roleLabel} ›
          </Text>
        ))}
        {p.memberships.length === 0 && <Text className="school__line">文件未将本校列入学区</Text>}
        {p.feeder && (
          <Text className="school__line school__feeder">
            {p.feeder.kind === 'nine-year'
              ? p.feeder.text
              : `对口初中：${p.feeder.schools.map((s) => s.name).join('、')}`}
            {p.feeder.sample && <SampleBadge />}
          </Text>
        )}
      </View>
      <XuequUpcoming
        upcoming={p.upcoming ?? []}
        title={elder.say(...PLAIN.schoolUpcoming)}
        onOpenXuequ={(xid) => void Taro.navigateTo({ url: `/pages/xuequ-detail/index?id=${xid}` })}
      />
      {process.env.TARO_ENV === 'weapp' && here && (
        <TaroMap
          className="school__map"
          latitude={here.latitude}
          longitude={here.longitude}
          scale={14}
          markers={[
            {
              id: 0,
              latitude: here.latitude,
              longitude: here.longitude,
              title: p.school.name,
              width: 28,
              height: 28,
              iconPath: schoolPin,
            },
            ...neighbours
              .filter((n) => n.location)
              .map((n, i) => ({
                id: i + 1,
                latitude: n.location!.latitude,
                longitude: n.location!.longitude,
                title: n.name,
                width: 22,
                height: 22,
                iconPath: neighbourPin,
              })),
          ]}
          onError={() => void Taro.showToast({ title: '地图加载失败', icon: 'none' })}
        />
      )}
      {here?.sample && (
        <View className="school__sample">
          <Text>位置为示例坐标</Text>
          <SampleBadge />
        </View>
      )}
      <Text className="school__heading">{elder.say(...PLAIN.schoolCatchment)}</Text>
      {p.catchments.map((c) => (
        <View key={`${c.intakeYear}-${c.stageLabel}`} className="school__catchment" data-testid="school-catchment">
          <Text className="school__line">
            {c.intakeYear}年秋季入学 · {c.stageLabel} · {c.mechanismLabel}
            {c.sample && <SampleBadge />}
          </Text>
          <Text className="school__catchment-text" userSelect>
            {c.text}
          </Text>
          <Text className="school__source">依据：《{c.document.title}》</Text>
        </View>
      ))}
      {p.catchments.length === 0 && <StatusView empty emptyText="教育局尚未公布本校的登记范围" />}
      <Text className="school__heading">{elder.say(...PLAIN.schoolNeighbours)}</Text>
      {neighbours.map((n) => (
        <SchoolCard
          key={n.id}
          name={n.name}
          kindLabel={SCHOOL_KIND_LABELS[n.kind]}
          note={n.note}
          reason={n.metres === null ? undefined : `距本校约 ${formatDistance(n.metres)}`}
          onOpen={() => open(n.id)}
        />
      ))}
      {neighbours.length === 0 && <StatusView empty emptyText="没有同学区的其他学校" />}
    </View>
  );
}
