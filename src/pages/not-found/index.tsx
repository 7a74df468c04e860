import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useElderMode } from '../../hooks/use-elder-mode';
import './index.scss';

/** Where an unknown address lands (app onPageNotFound): says so in Chinese and leads home. */
export default function NotFoundPage() {
  const elder = useElderMode();
  return (
    <View className={`not-found ${elder.cls}`} data-testid='not-found'>
      <Text className='not-found__title'>页面不存在</Text>
      <Text className='not-found__hint'>链接可能有误，或者这个页面已经不在了。</Text>
      <View className='not-found__home' data-testid='not-found-home' role='link' onClick={() => void Taro.switchTab({ url: '/pages/lookup/index' })}>
        <Text>回到首页（查学区）</Text>
      </View>
    </View>
  );
}
