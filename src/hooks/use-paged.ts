import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../contracts';
import { call, CallError } from '../services/call';

/** An action answering one page of a list: `{ items, next }`, `next` passed back as `cursor`. */
type PagedOutput = { items: unknown[]; next: string | null };
type ItemOf<O> = O extends { items: Array<infer T> } ? T : never;

export interface PagedState<T> {
  items: T[];
  error: CallError | null;
  /** The first page is loading (a reload included). */
  loading: boolean;
  /** 加载更多 is loading. */
  loadingMore: boolean;
  /** Another page follows: show 加载更多. */
  hasMore: boolean;
  /** Back to the first page (after a change, or when the page shows again). */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

const asError = (err: unknown) => (err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试'));

/**
 * A list read a page at a time (null input = wait). Pages are appended in the server's order; an item
 * already shown is not shown twice. A reload or a new input starts over, and an answer to an older
 * request is dropped.
 */
export function usePaged<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: Omit<InputOf<F, A>, 'cursor'> | null,
): PagedState<OutputOf<F, A> extends PagedOutput ? ItemOf<OutputOf<F, A>> : never> {
  type T = OutputOf<F, A> extends PagedOutput ? ItemOf<OutputOf<F, A>> : never;
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  const page = useCallback(
    (cursor: string | null) =>
      call(fn, action, { ...(JSON.parse(key!) as object), ...(cursor ? { cursor } : {}) } as InputOf<
        F,
        A
      >) as Promise<PagedOutput>,
    [fn, action, key],
  );

  const reload = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const res = await page(null);
      if (mine !== seq.current) return;
      setItems(res.items as T[]);
      setNext(res.next);
    } catch (err) {
      if (mine === seq.current) setError(asError(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [key, page]);

  const loadMore = useCallback(async () => {
    if (!next || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setError(null);
    try {
      const res = await page(next);
      if (mine !== seq.current) return;
      setItems((shown) => {
        const ids = new Set(shown.map((x) => (x as { id?: unknown }).id));
        return [...shown, ...(res.items as T[]).filter((x) => !ids.has((x as { id?: unknown }).id))];
      });
      setNext(res.next);
    } catch (err) {
      if (mine === seq.current) setError(asError(err));
    } finally {
      setLoadingMore(false);
    }
  }, [next, loadingMore, page]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, error, loading, loadingMore, hasMore: next !== null, reload, loadMore };
}
