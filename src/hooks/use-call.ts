import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../contracts';
import { call, CallError } from '../services/call';
import { cacheKey, fetchKey, isFresh, keepMs, peek, subscribe } from './data-cache';

export interface CallState<T> {
  data: T | null;
  error: CallError | null;
  /** No answer to show yet (reads kept in the cache: a background refresh does not count). */
  loading: boolean;
  /** Asks the server again, even if the cached answer is fresh. */
  reload(): Promise<void>;
}

const asError = (err: unknown) => (err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试'));

/**
 * Runs an action when its input changes (null input = wait); the latest input wins. Reads go through the
 * data cache: one request per key at a time across pages, and `account.me` and the reference reads are
 * kept between pages (shown at once, asked again on page show when out of date). Until the answer to a new
 * input arrives, the previous answer stays on screen, as before the cache.
 */
export function useCall<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A> | null,
): CallState<OutputOf<F, A>> {
  const key = input === null ? null : cacheKey(fn, action, input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const last = useRef<{ key: string; data: OutputOf<F, A> } | null>(null);

  const load = useCallback(
    async (force: boolean) => {
      if (key === null || inputRef.current === null) return;
      const input = inputRef.current;
      try {
        await fetchKey(key, () => call(fn, action, input), force);
      } catch {
        // Recorded in the cache entry; the page shows it from there.
      }
    },
    [fn, action, key],
  );

  useEffect(() => {
    if (key === null) return undefined;
    const off = subscribe(key, rerender, () => void load(true));
    rerender();
    if (!isFresh(key)) void load(false);
    return off;
  }, [key, load]);

  // A tab page or a page under the one closed stays mounted: bring kept reads up to date when it shows.
  useDidShow(() => {
    if (key !== null && keepMs(key) > 0 && !isFresh(key)) void load(false);
  });

  const entry = key === null ? undefined : peek<OutputOf<F, A>>(key);
  const answered = !!entry && entry.at > 0;
  if (answered && key !== null) last.current = { key, data: entry.data as OutputOf<F, A> };
  const data = answered
    ? (entry.data as OutputOf<F, A>)
    : last.current && last.current.key !== key
      ? last.current.data
      : null;
  const pending = !!entry?.pending;
  const error = pending || !entry?.error ? null : asError(entry.error);
  const loading = key === null ? false : !answered ? !error : pending && keepMs(key) === 0;

  return { data, error, loading, reload: useCallback(() => load(true), [load]) };
}
