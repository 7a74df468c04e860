import type { PropsWithChildren } from 'react';

// The smallest Taro 4 + React app: what the bench compares the real app's package size with.
export default function App({ children }: PropsWithChildren) {
  return children;
}
