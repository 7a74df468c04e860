/**
 * The event a function receives: `callFunction({ name, data })` delivers `data` (the action and its
 * input) plus keys the platform adds. Those platform keys are never part of an action's input and
 * never identity (identity is `cloud.getWXContext().OPENID` only):
 * - `userInfo`: `{ appId, openId }`, set by WeChat (a client-sent value is overwritten); deprecated.
 * - `tcbContext`: CloudBase's call metadata (seen as `{}` on mini-program calls).
 */
export const PLATFORM_EVENT_KEYS = ['userInfo', 'tcbContext'] as const;

/** The router's key: which action of the function to run. */
export const ACTION_KEY = 'action';

/**
 * What one event's input may hold, checked before validation so that no input costs more than this
 * to refuse. The largest legitimate input is an import piece (90 KB of text, 90,000 characters at
 * most) or a composition edit (a few hundred values, 5 levels deep).
 */
export const EVENT_LIMITS = {
  /** Levels of objects and arrays inside the input. */
  depth: 12,
  /** Keys and array items, counted over the whole input. */
  nodes: 2_000,
  /** Characters of all keys and strings. */
  chars: 300_000,
} as const;
