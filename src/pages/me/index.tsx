import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { listFavourites, type Favourite } from '@/services/favourites';
import { ROLE_LABELS, type Role } from '@/domain/roles';
import { useCall } from '@/hooks/use-call';
import { usePaged } from '@/hooks/use-paged';
import { isLocalDemo } from '@/services/dev-session';
import DevPersonaSwitch from '@/components/dev-persona-switch';
import StatusView from '@/components/status-view';
import { useElderMode } from '@/hooks/use-elder-mode';
import { setElderMode } from '@/services/elder-mode';
import './index.scss';

/** Role pages live in subpackages; a 学区长 works from the principal's pages. */
const ROLE_PAGES: Partial<Record<Role, string>> = {
  teacher: '/packages/teacher/pages/home/index',
  principal: '/packages/principal/pages/home/index',
  bureau: '/packages/bureau/pages/home/index',
};

/** 我的: who I am and the entries to my role's pages. */
export default function MePage() {
  const elder = useElderMode();
  const me = useCall('account', 'me', {});
  const inquiries = usePaged('school', 'myInquiries', me.data ? {} : null);
  const [favourites, setFavourites] = useState<Favourite[]>([]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    setFavourites(listFavourites());
    // A tab page stays mounted: a question sent from the school page since shows when 我的 shows again.
    if (shownBefore.current) void inquiries.reload();
    shownBefore.current = true;
  });
  const signedOut = me.error?.code === 'UNAUTHENTICATED';
  const openFavourite = (f: Favourite) =>
    void Taro.navigateTo({
      url: f.kind === 'school' ? `/pages/school/index?id=${f.id}` : `/pages/xuequ-detail/index?id=${f.id}`,
    });
  const entries = (me.data?.roles ?? []).filter((r) => ROLE_PAGES[r]);

  return (
    <View className={`me ${elder.cls}`}>
      <View className="me__card" data-testid="me-card">
        {me.data ? (
          <View>
            <Text className="me__name">{me.data.name}</Text>
            <Text className="me__roles" data-testid="me-roles">
              {me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}
            </Text>
            {me.data.school && <Text className="me__line">{me.data.school.name}</Text>}
          </View>
        ) : signedOut ? (
          <Text className="me__line">尚未登录{isLocalDemo() ? '：请在下方选择演示身份' : ''}</Text>
        ) : (
          <StatusView loading={me.loading} error={me.error} onRetry={me.reload} />
        )}
      </View>
      <View className="me__entries">
        <View
          className="me__entry"
          data-testid="elder-switch"
          role="switch"
          aria-checked={elder.on}
          onClick={() => setElderMode(!elder.on)}
        >
          <View className="me__elder-text">
            <Text>长辈模式</Text>
            <Text className="me__elder-hint">字更大、按钮更大、说法更直白</Text>
          </View>
          <Text className={`me__elder-state${elder.on ? ' me__elder-state--on' : ''}`}>
            {elder.on ? '已开启' : '已关闭'}
          </Text>
        </View>
      </View>
      {entries.length > 0 && (
        <View className="me__entries">
          {entries.map((r) => (
            <View
              key={r}
              className="me__entry"
              data-testid={`entry-${r}`}
              onClick={() => Taro.navigateTo({ url: ROLE_PAGES[r]! })}
            >
              <Text>{ROLE_LABELS[r]}工作台</Text>
              <Text className="me__arrow">›</Text>
            </View>
          ))}
        </View>
      )}
      {me.data && !me.data.roles.includes('bureau') && (
        <View className="me__entries">
          <View
            className="me__entry"
            data-testid="open-bind"
            onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}
          >
            <Text>绑定身份（使用邀请码）</Text>
            <Text className="me__arrow">›</Text>
          </View>
        </View>
      )}
      <View className="me__entries" data-testid="favourites">
        <Text className="me__section">我的收藏（仅保存在本机）</Text>
        {favourites.length === 0 && <Text className="me__empty">还没有收藏。在学校页点“收藏”即可加入。</Text>}
        {favourites.map((f) => (
          <View key={`${f.kind}-${f.id}`} className="me__entry" onClick={() => openFavourite(f)}>
            <Text>{f.name}</Text>
            <Text className="me__arrow">›</Text>
          </View>
        ))}
      </View>
      {me.data && (
        <View className="me__entries" data-testid="inquiries">
          <Text className="me__section">我的咨询（请学校确认）</Text>
          <StatusView
            loading={inquiries.loading}
            error={inquiries.error}
            onRetry={inquiries.reload}
            empty={!inquiries.loading && !inquiries.error && inquiries.items.length === 0}
            emptyText="没有咨询记录"
          />
          {inquiries.items.map((q) => (
            <View key={q.id} className="me__inquiry">
              <Text className="me__inquiry-head">
                {q.createdAt} · {q.schoolName ?? '区教育局'} · {q.status === 'pending' ? '待答复' : '已答复'}
              </Text>
              <Text>
                {q.address}
                {q.question ? `：${q.question}` : ''}
              </Text>
              {q.answer && <Text className="me__inquiry-answer">答复：{q.answer}</Text>}
            </View>
          ))}
          {inquiries.hasMore && (
            <View className="me__entry me__more" data-testid="inquiries-more" onClick={() => void inquiries.loadMore()}>
              <Text>{inquiries.loadingMore ? '加载中…' : '加载更多'}</Text>
            </View>
          )}
        </View>
      )}
      {isLocalDemo() && <DevPersonaSwitch onSwitched={() => void me.reload()} />}
    </View>
  );
}
