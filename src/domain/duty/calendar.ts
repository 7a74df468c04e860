import { isoWeekday } from '../time';
import type { Weekday } from './types';

/**
 * The school calendar of duties: which weekday a session date falls on (duties repeat by weekday).
 * Date and time arithmetic in China time lives in one module, src/domain/time.ts.
 */

/** ISO weekday of a session date: 2026-11-23 → 1 (Monday). */
export const weekdayOf = (date: string): Weekday => isoWeekday(date);
