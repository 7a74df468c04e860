import type { RequestType } from '../approval/types';
import type { KpiApproval } from './facts';

// How long approvals have waited, and minutes as hours.

export const AGE_BUCKETS = ['under1d', 'd1to3', 'over3d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const AGE_BUCKET_LABELS: Readonly<Record<AgeBucket, string>> = {
  under1d: '不足1天',
  d1to3: '1–3天',
  over3d: '超过3天',
};

export interface PendingAges {
  total: number;
  buckets: Record<AgeBucket, number>;
  byType: Partial<Record<RequestType, number>>;
  /** Age of the oldest pending request in whole days (floored); null when none. */
  oldestDays: number | null;
}

const DAY_MS = 86_400_000;

/** < 1 day, 1–3 days (both ends included), > 3 days, by time since submission. */
export function ageBucket(createdAt: number, nowMs: number): AgeBucket {
  const age = nowMs - createdAt;
  return age < DAY_MS ? 'under1d' : age <= 3 * DAY_MS ? 'd1to3' : 'over3d';
}

/**
 * Pending requests by age. With `schoolIds` / `xuequId`, only those whose pending step waits at one of
 * those schools or at that 学区 (what the 学区 itself holds up).
 */
export function pendingAges(
  approvals: readonly KpiApproval[],
  nowMs: number,
  within?: { schoolIds: readonly string[]; xuequId: string },
): PendingAges {
  const out: PendingAges = { total: 0, buckets: { under1d: 0, d1to3: 0, over3d: 0 }, byType: {}, oldestDays: null };
  for (const a of approvals) {
    if (a.status !== 'pending') continue;
    if (within) {
      const step = a.steps[a.current];
      if (!step || !((step.schoolId && within.schoolIds.includes(step.schoolId)) || step.xuequId === within.xuequId))
        continue;
    }
    out.total += 1;
    out.buckets[ageBucket(a.createdAt, nowMs)] += 1;
    out.byType[a.type] = (out.byType[a.type] ?? 0) + 1;
    const days = Math.max(0, Math.floor((nowMs - a.createdAt) / DAY_MS));
    out.oldestDays = out.oldestDays === null ? days : Math.max(out.oldestDays, days);
  }
  return out;
}

/** Minutes as hours with one decimal. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
