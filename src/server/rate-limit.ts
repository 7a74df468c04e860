import { COLLECTIONS } from '../contracts/collections';
import { CHINA_ZONE } from '../domain/time';
import { retryAfterSeconds, windowOf, type RateLimit } from '../domain/rate-limit';
import { db } from './cloud';
import { fetchById } from './repositories/query';

/**
 * Per-caller counters in the database (one document per caller × key × window), so a limit holds across
 * function instances. Taking a slot is one conditional increment (`count < max`), which the database
 * applies atomically to one document: concurrent calls never take more than `max` slots, with no
 * transaction to conflict. The first call of a window inserts the document (a lost insert race retries
 * the increment) and removes the caller's documents of ended windows of that key, so the collection
 * holds about one document per caller and key. Documents carry `expiresAt` (the window's end).
 */
export interface RateSlot {
  /** The counter document: give it back with releaseSlot when the call turns out not to count. */
  id: string;
}

export interface RateRefusal {
  windowEnd: number;
  retryAfter: number;
}

const counters = () => db().collection(COLLECTIONS.rateCounters);

/** The counter's id: readable in the console, and a caller's counters of one key share a prefix. */
export const counterId = (key: string, openid: string, windowStart: number) => `${key}|${openid}|${windowStart}`;

const updatedOf = (res: unknown) => (res as { stats?: { updated?: number } }).stats?.updated ?? 0;
const removedOf = (res: unknown) => (res as { stats?: { removed?: number } }).stats?.removed ?? 0;

/**
 * Takes one of the caller's `limit.max` slots of the window `nowMs` falls in: the slot, or when the window
 * is used up the refusal (nothing written then).
 */
export async function takeSlot(
  key: string,
  openid: string,
  limit: RateLimit,
  nowMs: number,
): Promise<RateSlot | RateRefusal> {
  const _ = db().command;
  const win = windowOf(limit.per, nowMs, CHINA_ZONE);
  const id = counterId(key, openid, win.start);
  const increment = async () =>
    updatedOf(
      await counters()
        .where({ _id: id, count: _.lt(limit.max) })
        .update({ data: { count: _.inc(1) } }),
    ) === 1;
  if (await increment()) return { id };
  try {
    await counters().add({
      data: { _id: id, limitKey: key, openid, windowStart: win.start, count: 1, expiresAt: new Date(win.end) },
    });
    await dropEnded(key, openid, win.start);
    return { id };
  } catch (err) {
    // Someone else inserted it first (or it is full): one more conditional increment decides.
    if (await increment()) return { id };
    if (!(await fetchById(COLLECTIONS.rateCounters, id))) throw err;
  }
  return { windowEnd: win.end, retryAfter: retryAfterSeconds(win.end, nowMs) };
}

/** The caller's counters of `key` whose window ended (by the openid index): nothing reads them again. */
async function dropEnded(key: string, openid: string, windowStart: number): Promise<void> {
  const _ = db().command;
  try {
    await counters()
      .where({ openid, limitKey: key, windowStart: _.lt(windowStart) })
      .remove();
  } catch (err) {
    // Only housekeeping: the slot is taken either way.
    console.error('rate limit: ended counters not removed', err);
  }
}

export const isRefusal = (x: RateSlot | RateRefusal): x is RateRefusal => 'windowEnd' in x;

/**
 * Whether the caller's window for `key` is used up (one read, nothing written): for limits on failures,
 * checked before an attempt while only failed attempts take a slot, so retries of a good one never do.
 */
export async function usedUp(
  key: string,
  openid: string,
  limit: RateLimit,
  nowMs: number,
): Promise<RateRefusal | null> {
  const win = windowOf(limit.per, nowMs, CHINA_ZONE);
  const counter = await fetchById<{ count: number }>(COLLECTIONS.rateCounters, counterId(key, openid, win.start));
  return counter && counter.count >= limit.max
    ? { windowEnd: win.end, retryAfter: retryAfterSeconds(win.end, nowMs) }
    : null;
}

/**
 * Gives a slot back (the call failed and must leave no trace): the last slot of a window removes its
 * document, so a refused call's store is as before. Best effort: a slot not given back only makes the
 * limit stricter, never looser.
 */
export async function releaseSlot(slot: RateSlot): Promise<void> {
  const _ = db().command;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (removedOf(await counters().where({ _id: slot.id, count: 1 }).remove()) === 1) return;
      if (
        updatedOf(
          await counters()
            .where({ _id: slot.id, count: _.gt(1) })
            .update({ data: { count: _.inc(-1) } }),
        ) === 1
      )
        return;
    }
  } catch (err) {
    console.error('rate limit: slot not released', err);
  }
}
