import { useState } from 'react';

export interface ActionState {
  /** The key of the action running now (e.g. the item's id), or null. */
  busy: string | null;
  /** The last failure's message, for people. */
  error: string | null;
  /**
   * Runs an action under a key; a failure becomes `error` (its message, or `failure` when it has none)
   * instead of throwing. Resolves to whether it succeeded.
   */
  run(key: string, action: () => Promise<unknown>, failure?: string): Promise<boolean>;
}

/**
 * State of a button-triggered server action: which one is busy and what went wrong. The one busy/error
 * pattern of the pages: reads go through useCall, writes through `run`.
 */
export function useAction(): ActionState {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<unknown>, failure = '操作失败，请重试') => {
    setBusy(key);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError((e as Error)?.message || failure);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}
