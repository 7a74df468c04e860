import { useState } from 'react';

export interface ActionState {
  /** The key of the action running now (e.g. the item's id), or null. */
  busy: string | null;
  /** The last failure's message, for people. */
  error: string | null;
  /** Runs one action at a time under a key; a failure becomes `error` instead of throwing. */
  run(key: string, action: () => Promise<unknown>): Promise<boolean>;
}

/** State of a button-triggered server action: which one is busy and what went wrong. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}
