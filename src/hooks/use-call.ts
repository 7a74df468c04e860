import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../contracts';
import { call, CallError } from '../services/call';

export interface CallState<T> {
  data: T | null;
  error: CallError | null;
  loading: boolean;
  reload(): Promise<void>;
}

/** Runs an action when its input changes (null input = wait); the latest request wins. */
export function useCall<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A> | null): CallState<OutputOf<F, A>> {
  const [data, setData] = useState<OutputOf<F, A> | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const seq = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  const run = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await call(fn, action, JSON.parse(key) as InputOf<F, A>);
      if (mine === seq.current) setData(result);
    } catch (err) {
      if (mine === seq.current) setError(err instanceof CallError ? err : new CallError('INTERNAL', '出错了，请重试'));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [fn, action, key]);

  useEffect(() => {
    void run();
  }, [run]);

  return { data, error, loading, reload: run };
}
