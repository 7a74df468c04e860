import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

export interface EntryLink {
  label: string;
  url: string;
  testId: string;
}

/** A role home's list of entries (tap targets ≥ 48 px). */
export default function EntryLinks({ links }: { links: EntryLink[] }) {
  return (
    <View className="entry-links">
      {links.map((l) => (
        <Text
          key={l.url}
          className="entry-links__item"
          data-testid={l.testId}
          onClick={() => void Taro.navigateTo({ url: l.url })}
        >
          {l.label} ›
        </Text>
      ))}
    </View>
  );
}
