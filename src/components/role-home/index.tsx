import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@/domain/roles';
import { useCall } from '@/hooks/use-call';
import StatusView from '../status-view';
import XuequCard from '../xuequ-card';
import './index.scss';

export interface RoleHomeProps {
  /** The role this page is for; other callers are told the page is not theirs. */
  role: Role;
}

/** A role's home: who I am, my school and its 学区 (bureau: every 学区 of my district). */
export default function RoleHome({ role }: RoleHomeProps) {
  const me = useCall('account', 'me', {});
  const allowed = me.data?.roles.includes(role) ?? false;
  const xuequId = me.data?.xuequ?.id ?? me.data?.schoolXuequ[0]?.id ?? null;
  const mine = useCall('school', 'getXuequ', allowed && role !== 'bureau' && xuequId ? { xuequId } : null);
  const district = useCall(
    'school',
    'listXuequ',
    allowed && role === 'bureau' && me.data?.districtCode ? { districtCode: me.data.districtCode } : null,
  );

  if (me.loading || me.error) return <StatusView loading={me.loading} error={me.error} onRetry={me.reload} />;
  if (!me.data || !allowed)
    return <StatusView empty emptyText={`此页面供${ROLE_LABELS[role]}使用。请在“我的”中确认身份。`} />;
  return (
    <View className="role-home">
      <View className="role-home__who" data-testid="role-home-who">
        <Text className="role-home__name">{me.data.name}</Text>
        <Text className="role-home__roles">{me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
        {me.data.school && <Text className="role-home__line">所在学校：{me.data.school.name}</Text>}
        {me.data.schoolXuequ.length > 0 && (
          <Text className="role-home__line">所属学区：{me.data.schoolXuequ.map((x) => x.name).join('、')}</Text>
        )}
        {me.data.xuequ && <Text className="role-home__line">担任学区长：{me.data.xuequ.name}</Text>}
      </View>
      <StatusView loading={mine.loading || district.loading} error={mine.error ?? district.error} />
      {mine.data && <XuequCard xuequ={mine.data} />}
      {district.data?.map((x) => (
        <XuequCard key={x.id} xuequ={x} compact />
      ))}
    </View>
  );
}
