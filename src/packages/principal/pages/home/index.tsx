import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import RoleHome from '../../../../components/role-home';
import MakeupInbox from '../../../../components/makeup-inbox';
import InquiryInbox from '../../../../components/inquiry-inbox';
import './index.scss';

/** 校长的首页（分包：只有校长会加载）：审批入口，本校与学区，补卡审批，家长咨询。 */
export default function PrincipalHomePage() {
  return (
    <View>
      <View className='principal__links'>
        <Text className='principal__link' data-testid='open-inbox' onClick={() => void Taro.navigateTo({ url: '/packages/principal/pages/inbox/index' })}>审批收件箱 ›</Text>
        <Text className='principal__link' data-testid='open-facilities' onClick={() => void Taro.navigateTo({ url: '/packages/principal/pages/facilities/index' })}>学区场馆共享 ›</Text>
      </View>
      <RoleHome role='principal' />
      <MakeupInbox />
      <InquiryInbox />
    </View>
  );
}
