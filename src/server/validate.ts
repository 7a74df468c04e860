import type { z } from 'zod';
import type { Fail } from '../contracts/envelope';
import { ACTION_KEY, PLATFORM_EVENT_KEYS } from '../contracts/event';
import { MAX_MESSAGE, unnamedMessage } from '../contracts/messages';

/** Keys the platform or the router add to every event: not part of an action's input. */
const EVENT_KEYS = new Set<string>([ACTION_KEY, ...PLATFORM_EVENT_KEYS]);

/**
 * The event without those keys. Keys are copied as own properties: `input[key] = …` with a JSON key
 * `__proto__` would set the input's prototype, and the schema would then read the fields it offers.
 */
export function inputOf(event: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (!EVENT_KEYS.has(key))
      Object.defineProperty(input, key, { value: event[key], enumerable: true, writable: true, configurable: true });
  }
  return input;
}

/** Caller text quoted in an answer, shortened: a message never grows with the input. */
export function quoted(text: string, max = 24): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2)); // code points: never half a surrogate pair
  return chars.length > max || text.length > max * 2 ? `${chars.slice(0, max).join('')}…` : text;
}

/** Unknown keys named in an answer: the first few, each shortened. */
const SHOWN_KEYS = 3;
const someKeys = (keys: readonly string[], separator: string): string =>
  keys
    .slice(0, SHOWN_KEYS)
    .map((k) => quoted(k))
    .join(separator);

/** Parses with the action's schema; the first problem becomes a Chinese message naming the field (one error map). */
export function validate<T>(schema: z.ZodType<T>, input: unknown): { ok: true; value: T } | Fail {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field =
    issue.path.map((p) => quoted(String(p))).join('.') ||
    (issue.code === 'unrecognized_keys' ? someKeys(issue.keys, ',') : '');
  const message =
    issue.code === 'unrecognized_keys'
      ? `不支持的字段：${someKeys(issue.keys, '、')}${issue.keys.length > SHOWN_KEYS ? `等${issue.keys.length}个` : ''}`
      : issue.message.includes('（')
        ? issue.message // named by its schema (src/contracts/messages.ts) or by the check's own message
        : unnamedMessage(issue);
  return { ok: false, code: 'INVALID_INPUT', message: quoted(message, MAX_MESSAGE), field };
}
