import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Lets the page's pending promises (its mocked cloud calls) resolve and React render what they set. */
export const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

/** Renders a page, lets its first load settle, taps the element of this test id and lets that settle too. */
export async function renderAndTap(page: ReactElement, testId: string): Promise<void> {
  render(page);
  await settle();
  fireEvent.click(screen.getByTestId(testId));
  await settle();
}

/**
 * Pages branch on TARO_ENV (WeChat or the browser): each test of the describe starts in `initial` (when
 * given), and the value the suite found is put back after it.
 */
export function useTaroEnv(initial?: 'weapp' | 'h5'): void {
  const before = process.env.TARO_ENV;
  if (initial) beforeEach(() => void (process.env.TARO_ENV = initial));
  afterAll(() => void (process.env.TARO_ENV = before));
}
