import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useElderMode } from '@/hooks/use-elder-mode';
import { PLAIN } from '@/services/plain-wording';
import './index.scss';

/** Where an unknown address lands (app onPageNotFound): says so in Chinese and leads home. */
export default function NotFoundPage() {
  const elder = useElderMode();
  return (
    <View className={`not-found ${elder.cls}`} data-testid="not-found">
      <Text className="not-found__title">{elder.say(...PLAIN.notFoundTitle)}</Text>
      <Text className="not-found__hint">{elder.say(...PLAIN.notFoundHint)}</Text>
      <View
        className="not-found__home"
        data-testid="not-found-home"
        role="link"
        onClick={() => void Taro.switchTab({ url: '/pages/lookup/index' })}
      >
        <Text>{elder.say(...PLAIN.notFoundHome)}</Text>
      </View>
    </View>
  );
}
