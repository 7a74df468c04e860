import { useCallback, useEffect, useRef, useState } from 'react';
import { call, CallError } from '../services/call';

/** A list action answering `{ items, next }` (cursor paging on the server). */
type PageOf<T> = { items: T[]; next: string | null };

export interface PagedState<T> {
  items: T[] | null;
  error: CallError | null;
  loading: boolean;
  /** More pages exist: show 加载更多. */
  hasMore: boolean;
  loadingMore: boolean;
  reload(): Promise<void>;
  more(): Promise<void>;
}

/**
 * Loads the first page of a paged list when its input changes (null = wait), and further pages on
 * more(): each passes back the previous page's `next` as `cursor`. The latest reload wins.
 */
export function usePagedCall<T>(fn: string, action: string, input: Record<string, unknown> | null): PagedState<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const key = input === null ? null : JSON.stringify(input);
  const fetchPage = (cursor: string | null) =>
    (call as unknown as (f: string, a: string, i: Record<string, unknown>) => Promise<PageOf<T>>)(fn, action, { ...(JSON.parse(key!) as Record<string, unknown>), ...(cursor ? { cursor } : {}) });

  const reload = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(null);
      if (mine === seq.current) {
        setItems(page.items);
        setNext(page.next);
      }
    } catch (err) {
      if (mine === seq.current) setError(err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试'));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fn, action, key]);

  const more = async () => {
    if (!next || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    try {
      const page = await fetchPage(next);
      if (mine === seq.current) {
        setItems((old) => [...(old ?? []), ...page.items]);
        setNext(page.next);
      }
    } catch (err) {
      setError(err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试'));
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, error, loading, hasMore: next !== null, loadingMore, reload, more };
}
