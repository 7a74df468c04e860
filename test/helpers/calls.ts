import type { LocalApp } from '../../local/app';
import type { Store } from '../../local/runtime';

/** A function's answer as tests read it. */
export type Result = { ok: boolean; code?: string; message?: string; field?: string; data?: any };

/** Calls through the local runtime as `openid`, and the checks scope tests share (`appOf`: the suite's app, once started). */
export function callsOf(appOf: () => LocalApp) {
  async function call(fn: string, action: string, input: Record<string, unknown>, openid: string): Promise<Result> {
    return (
      (await appOf().cloud.invoke(fn, { action, ...input }, { OPENID: openid, APPID: 'wx-test' })) as { result: Result }
    ).result;
  }
  /** The call succeeds (a failure shows its code and message); its data. */
  async function ok(fn: string, action: string, input: Record<string, unknown>, openid: string): Promise<any> {
    const r = await call(fn, action, input, openid);
    expect({ action, as: openid, ok: r.ok, code: r.code, message: r.message }).toEqual({
      action,
      as: openid,
      ok: true,
      code: undefined,
      message: undefined,
    });
    return r.data;
  }
  /**
   * Every collection with every document: equal before and after means nothing was written. The per-caller
   * rate counters are left out: a call that ran counts against its caller's limit even when it changed no
   * record (test/cloud/rate-limits.test.ts checks them).
   */
  const snapshot = () => storeContent(appOf().cloud.store, ['rate_counters']);
  return { call, ok, snapshot };
}

/** Every document of every collection (but `skip`) as stored: equal before and after means nothing was written. */
export const storeContent = (store: Store, skip: readonly string[] = []): string =>
  store
    .collections()
    .filter((c) => !skip.includes(c))
    .map((c) => `${c}\n${store.storedText(c)}`)
    .join('\n\n');

/** A 跨校兼课 request of the Hedong demo teacher to 互助道小学 (hd-s05). */
export const exchangeRequest = (requestId: string, over: Record<string, unknown> = {}) => ({
  action: 'submitExchange',
  requestId,
  type: 'cross-teaching',
  hostSchoolId: 'hd-s05',
  slots: [{ weekday: 2, start: '14:00', end: '15:30', periods: 2 }],
  termStart: '2026-12-01',
  termEnd: '2027-01-20',
  reason: '互助道小学美术教师产假',
  ...over,
});

/** A 补卡 request of the Hedong demo teacher for the 2026-11-19 09:55 session of dt-hd-teacher-1 (走教 at hd-s01). */
export const makeupRequest = (requestId: string, over: Record<string, unknown> = {}) => ({
  action: 'requestMakeup',
  requestId,
  dutyId: 'dt-hd-teacher-1',
  sessionDate: '2026-11-19',
  slotStart: '09:55',
  reason: '手机没电',
  ...over,
});

/** A parent's 请学校确认 about a Hedong address: to the bureau unless `over` names a school (schoolId). */
export const inquiryRequest = (requestId: string, over: Record<string, unknown> = {}) => ({
  action: 'askSchool',
  requestId,
  districtCode: '120102',
  address: '互助道1号',
  contactName: '王女士',
  phone: '13800000000',
  ...over,
});
