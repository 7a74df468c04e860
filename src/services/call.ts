import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../contracts';
import type { Envelope } from '../contracts/envelope';
import { afterWrite, invalidate, type KeyMatch } from '../hooks/data-cache';

/** A failed call: the function's stable code and Chinese message, or NETWORK when nothing came back. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// A field key the contracts add to their messages for developers and logs: （phone）, （family.homeAcquired）,
// （slots[0].start）, or one after a comma (…，total）). People read the Chinese label before it.
const KEY = '[a-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*|\\[\\d+\\])*';
const ALONE = new RegExp(`（${KEY}）`, 'g');
const AFTER_COMMA = new RegExp(`[，,]\\s*${KEY}）`, 'g');

/** A function's message as people should read it: the Chinese label stays, the field key goes. */
export function forPeople(message: string): string {
  return message.replace(ALONE, '').replace(AFTER_COMMA, '）');
}

async function transport(fn: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name: fn, data });
    return res.result as Envelope<unknown>;
  }
  // H5 has no Taro.cloud: the local gateway serves the same functions on this origin.
  const res = await fetch(`/fn/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ data }),
  });
  if (!res.ok) throw new CallError('NETWORK', `服务暂时不可用（${res.status}），请稍后再试`);
  return ((await res.json()) as { result: Envelope<unknown> }).result;
}

/** Calls a cloud function action and unwraps the envelope; failures throw CallError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await transport(fn, { ...(input as Record<string, unknown>), action });
  } catch (err) {
    if (err instanceof CallError) throw err;
    throw new CallError('NETWORK', '网络异常，请检查网络后重试');
  }
  if (!envelope || typeof envelope !== 'object') throw new CallError('INTERNAL', '服务返回了无法识别的结果');
  if (!envelope.ok) throw new CallError(envelope.code, forPeople(envelope.message), envelope.field);
  // Writes that change what cached reads answer mark them stale, whichever page made them.
  afterWrite(fn, action);
  return envelope.data as OutputOf<F, A>;
}

/**
 * A write from a page, then the cached reads it makes out of date (beyond the standing rules of the data
 * cache): e.g. `mutate('account', 'bind', { code }, { invalidates: [''] })`. Mounted pages showing those
 * reads fetch them again at once.
 */
export async function mutate<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  opts: { invalidates?: KeyMatch[] } = {},
): Promise<OutputOf<F, A>> {
  const data = await call(fn, action, input);
  for (const match of opts.invalidates ?? []) invalidate(match);
  return data;
}
