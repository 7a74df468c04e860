import { View } from '@tarojs/components';

// Being built: see the issue for this page.
export default function Page() {
  return <View>建设中</View>;
}
