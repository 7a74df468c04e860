import type { z } from 'zod';
import type { Fail } from '../contracts/envelope';

/** Keys the platform or the router add to every event: not part of an action's input. */
const EVENT_KEYS = new Set(['action', 'userInfo']);

/**
 * The event without those keys. Keys are copied as own properties: `input[key] = …` with a JSON key
 * `__proto__` would set the input's prototype, and the schema would then read the fields it offers.
 */
export function inputOf(event: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (!EVENT_KEYS.has(key)) Object.defineProperty(input, key, { value: event[key], enumerable: true, writable: true, configurable: true });
  }
  return input;
}

/** Parses with the action's schema; the first problem becomes a Chinese message naming the field. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | Fail {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '');
  const message =
    issue.code === 'unrecognized_keys'
      ? `不支持的字段：${issue.keys.join('、')}`
      : issue.code === 'invalid_type' && issue.received === 'undefined'
        ? issue.message.startsWith('缺少') ? issue.message : `缺少字段（${field}）`
        : issue.message.includes('（') ? issue.message : `字段（${field}）不正确：${issue.message}`;
  return { ok: false, code: 'INVALID_INPUT', message, field };
}
