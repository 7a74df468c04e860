import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_LABELS, type Role } from '../../domain/roles';
import { useCall } from '../../hooks/use-call';
import { isLocalDemo } from '../../services/dev-session';
import DevPersonaSwitch from '../../components/dev-persona-switch';
import StatusView from '../../components/status-view';
import './index.scss';

/** Role pages live in subpackages; a 学区长 works from the principal's pages. */
const ROLE_PAGES: Partial<Record<Role, string>> = {
  teacher: '/packages/teacher/pages/home/index',
  principal: '/packages/principal/pages/home/index',
  bureau: '/packages/bureau/pages/home/index',
};

/** 我的: who I am and the entries to my role's pages. */
export default function MePage() {
  const me = useCall('account', 'me', {});
  const signedOut = me.error?.code === 'UNAUTHENTICATED';
  const entries = (me.data?.roles ?? []).filter((r) => ROLE_PAGES[r]);

  return (
    <View className='me'>
      <View className='me__card' data-testid='me-card'>
        {me.data ? (
          <View>
            <Text className='me__name'>{me.data.name}</Text>
            <Text className='me__roles' data-testid='me-roles'>{me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
            {me.data.school && <Text className='me__line'>{me.data.school.name}</Text>}
          </View>
        ) : signedOut ? (
          <Text className='me__line'>尚未登录{isLocalDemo() ? '：请在下方选择演示身份' : ''}</Text>
        ) : (
          <StatusView loading={me.loading} error={me.error} onRetry={me.reload} />
        )}
      </View>
      {entries.length > 0 && (
        <View className='me__entries'>
          {entries.map((r) => (
            <View key={r} className='me__entry' data-testid={`entry-${r}`} onClick={() => Taro.navigateTo({ url: ROLE_PAGES[r]! })}>
              <Text>{ROLE_LABELS[r]}工作台</Text>
              <Text className='me__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
      {isLocalDemo() && <DevPersonaSwitch onSwitched={() => void me.reload()} />}
    </View>
  );
}
