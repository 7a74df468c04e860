/**
 * Per-invocation identity. In the cloud every function instance serves one request at a time and
 * wx-server-sdk's getWXContext() reads WX_CONTEXT_KEYS / WX_OPENID / WX_APPID / WX_UNIONID / TCB_ENV
 * from process.env. Locally one process serves concurrent invocations, so setting process.env would mix
 * users. Instead process.env becomes a Proxy that answers those few keys from AsyncLocalStorage while an
 * invocation runs, and the SDK's own, unmodified getWXContext() reads the right identity.
 */
import { AsyncLocalStorage } from 'async_hooks';

export interface Identity {
  OPENID: string;
  APPID: string;
  UNIONID?: string;
}

export interface Invocation {
  identity: Identity | null;
  functionName: string | null;
  /** DB requests (transport send() calls) made by this invocation. */
  roundTrips: number;
  /** Of those, how many had to wait for an earlier one (requests in flight together count once): latency in round trips. */
  sequentialTrips: number;
  inFlight: number;
}

export const invocations = new AsyncLocalStorage<Invocation>();

export const currentInvocation = (): Invocation | undefined => invocations.getStore();

const OVERLAID = new Set(['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'TCB_ENV']);

function overlay(inv: Invocation, key: string, envName: string): string | undefined {
  const id = inv.identity;
  switch (key) {
    case 'WX_CONTEXT_KEYS':
      // Always non-empty (as in the cloud) so getWXContext() returns at least { ENV }.
      return id?.UNIONID ? 'WX_OPENID,WX_APPID,WX_UNIONID' : 'WX_OPENID,WX_APPID';
    case 'WX_OPENID':
      return id?.OPENID;
    case 'WX_APPID':
      return id?.APPID;
    case 'WX_UNIONID':
      return id?.UNIONID;
    default:
      return envName; // TCB_ENV → getWXContext().ENV
  }
}

let restore: (() => void) | null = null;

/** Installs the process.env overlay; returns the function that puts the original object back. */
export function installEnvOverlay(envName: string): () => void {
  if (restore) restore();
  const original = process.env;
  const proxy = new Proxy(original, {
    get(target, key, receiver) {
      const inv = typeof key === 'string' && OVERLAID.has(key) ? invocations.getStore() : undefined;
      return inv ? overlay(inv, key as string, envName) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      const inv = typeof key === 'string' && OVERLAID.has(key) ? invocations.getStore() : undefined;
      return inv ? overlay(inv, key as string, envName) !== undefined : Reflect.has(target, key);
    },
  });
  process.env = proxy;
  const undo = (): void => {
    if (process.env === proxy) process.env = original;
    if (restore === undo) restore = null;
  };
  restore = undo;
  return undo;
}
