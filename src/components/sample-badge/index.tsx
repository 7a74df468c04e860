import { Text } from '@tarojs/components';
import './index.scss';

/** Marks invented data: every sample record shown to a user carries this badge. */
export default function SampleBadge() {
  return <Text className="sample-badge">示例数据</Text>;
}
