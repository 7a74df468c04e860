import { Text, View } from '@tarojs/components';

/**
 * The row of tabs that picks which part of a list is shown. Styled by the page: `block` is its BEM
 * block, whose `__tabs`, `__tab` and `__tab--on` rules apply (a full-width bar on a page, a smaller
 * one inside a card).
 */
export default function FilterTabs<K extends string>({
  block,
  tabs,
  value,
  onChange,
  testId,
}: {
  block: string;
  tabs: ReadonlyArray<readonly [K, string]>;
  value: K;
  onChange: (key: K) => void;
  /** data-testid of the tab of this key. */
  testId: (key: K) => string;
}) {
  return (
    <View className={`${block}__tabs`}>
      {tabs.map(([key, label]) => (
        <Text
          key={key}
          data-testid={testId(key)}
          className={`${block}__tab${key === value ? ` ${block}__tab--on` : ''}`}
          onClick={() => onChange(key)}
        >
          {label}
        </Text>
      ))}
    </View>
  );
}
