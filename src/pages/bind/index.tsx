import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BindResult } from '@/contracts/account';
import { ROLE_LABELS, type Role } from '@/domain/roles';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { mutate } from '@/services/call';
import { ME_KEY, prime } from '@/hooks/data-cache';
import { busyIf, disabledIf } from '@/components/busy-props';
import StatusView from '@/components/status-view';
import { useElderMode } from '@/hooks/use-elder-mode';
import HomeLink from '@/components/home-link';
import './index.scss';

/** Where each role works; a 学区长 works from the principal's pages. */
const ROLE_PAGES: Partial<Record<Role, string>> = {
  teacher: '/packages/teacher/pages/home/index',
  principal: '/packages/principal/pages/home/index',
  xuequzhang: '/packages/principal/pages/home/index',
};

/** 绑定身份: a principal or teacher enters the invite code they were given; the account is their WeChat. */
export default function BindPage() {
  const elder = useElderMode();
  const me = useCall('account', 'me', {});
  const action = useAction();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<BindResult | null>(null);

  // A new role changes what every page shows (我的, role entries, 待办 counts): the answer carries the new
  // account, which replaces the cached one at once, and every other cached read is asked again.
  const bind = () =>
    action.run('bind', async () => {
      const result = await mutate('account', 'bind', { code }, { invalidates: [(key) => key !== ME_KEY] });
      prime(ME_KEY, result.me);
      setDone(result);
    });
  if (me.error?.code === 'UNAUTHENTICATED') return <StatusView empty emptyText="请先登录后再绑定身份" />;

  if (done) {
    const page = done.added.map((r) => ROLE_PAGES[r]).find(Boolean);
    return (
      <View className={`bind ${elder.cls}`} data-testid="bind-done">
        <HomeLink />
        <View className="bind__card">
          <Text className="bind__title">绑定成功</Text>
          <Text className="bind__line">{done.me.name}</Text>
          <Text className="bind__line" data-testid="bind-roles">
            当前身份：{done.me.roles.map((r) => ROLE_LABELS[r]).join('、')}
          </Text>
          {done.me.school && <Text className="bind__line">学校：{done.me.school.name}</Text>}
          {done.me.xuequ && <Text className="bind__line">学区长：{done.me.xuequ.name}</Text>}
        </View>
        {page && (
          <Button
            className="bind__submit"
            type="primary"
            data-testid="open-role-page"
            onClick={() => void Taro.redirectTo({ url: page })}
          >
            进入{ROLE_LABELS[done.added[0]]}工作台
          </Button>
        )}
        <Button
          className="bind__submit"
          data-testid="back-to-me"
          onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
        >
          返回“我的”
        </Button>
      </View>
    );
  }

  return (
    <View className={`bind ${elder.cls}`}>
      <HomeLink />
      <View className="bind__card">
        <Text className="bind__title">使用邀请码绑定身份</Text>
        <Text className="bind__hint">
          校长、学区长的邀请码由区教育局发放，教师的邀请码由本校校长发放。每个邀请码只能绑定一次，过期后请联系发放人重新获取。
        </Text>
        <Input
          className="bind__input"
          data-testid="bind-code"
          value={code}
          maxlength={20}
          placeholder="例如 ABCD-EFGH-JKLM"
          onInput={(e) => setCode(e.detail.value)}
        />
        {me.data && me.data.roles.some((r) => r !== 'parent') && (
          <Text className="bind__hint">
            您已是{me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}
            ：同一学校的新身份会加到现有身份上；其他学校的邀请码无法绑定。
          </Text>
        )}
        {action.error && (
          <Text className="bind__error" data-testid="bind-error">
            {action.error}
          </Text>
        )}
        <Button
          className="bind__submit"
          type="primary"
          data-testid="bind-submit"
          {...busyIf(action.busy === 'bind')}
          {...disabledIf(code.trim().length === 0)}
          onClick={() => void bind()}
        >
          绑定
        </Button>
      </View>
    </View>
  );
}
