import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import './index.scss';

/** Whether the page was opened first (a reload, a shared link, a bookmark): nothing to go back to. */
function openedDirectly(): boolean {
  try {
    return Taro.getCurrentPages().length <= 1;
  } catch {
    return false;
  }
}

/**
 * A way out of a deep page opened directly: 返回首页 to the lookup tab. Pages reached from within the
 * app have WeChat's back arrow (or the browser's) and show nothing here.
 */
export default function HomeLink() {
  const [alone, setAlone] = useState(openedDirectly);
  useDidShow(() => setAlone(openedDirectly()));
  if (!alone) return null;
  return (
    <View className="home-link">
      <View
        className="home-link__button"
        data-testid="home-link"
        role="link"
        onClick={() => void Taro.switchTab({ url: '/pages/lookup/index' })}
      >
        <Text>‹ 返回首页</Text>
      </View>
    </View>
  );
}
