import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { callsOf, inquiryRequest } from '../helpers/calls';

// Issue 13 item 3: the lists that grow with use page by an opaque cursor, newest first by (time, id).
// The database's clock (serverDate, which stamps createdAt) is set per batch here, so many inquiries
// share a time and the id tie-break is exercised.
let serverNow = TEST_NOW;
const app = useTestApp({ now: () => serverNow });
const { call, ok } = callsOf(() => app);

const DAY = 86_400_000;
const PRINCIPAL = 'o-local-hd-lead-primary'; // 互助道小学 hd-s05
const ask = (n: number, over: Record<string, unknown> = {}) =>
  inquiryRequest(`pg-ask-${String(n).padStart(6, '0')}`, { schoolId: 'hd-s05', address: `互助道${n}号`, ...over });
/** Files inquiry n from parent n % 10 (each parent stays within 20 a day), stamped at `at`. */
const file = async (n: number, at: number) => {
  serverNow = at;
  return (await ok('school', 'askSchool', ask(n), `o-pg-parent-${n % 10}`)).id as string;
};

/** Every page of an action, calling `between` after each; the ids in order and the pages' sizes. */
async function pageThrough(
  action: string,
  input: Record<string, unknown>,
  as: string,
  between: (page: number) => Promise<void> = async () => {},
) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const data = await ok('school', action, { ...input, ...(cursor ? { cursor } : {}) }, as);
    ids.push(...data.items.map((x: { id: string }) => x.id));
    sizes.push(data.items.length);
    await between(page);
    if (!data.next) return { ids, sizes };
    cursor = data.next;
  }
  throw new Error('more than 100 pages');
}

describe('the principal’s inquiry inbox', () => {
  const filed: string[] = [];
  beforeAll(async () => {
    // 120 inquiries over 40 instants, 3 at each.
    for (let n = 0; n < 120; n++) filed.push(await file(n, TEST_NOW - DAY + Math.floor(n / 3) * 60_000));
  });

  it('pages through 120 in pages of at most 20, newest first, without loss or duplicates', async () => {
    const { ids, sizes } = await pageThrough('inquiryInbox', {}, PRINCIPAL);
    expect(sizes).toEqual([20, 20, 20, 20, 20, 20]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...filed].sort());
    const stamp = (id: string) => Math.floor(filed.indexOf(id) / 3);
    for (let i = 1; i < ids.length; i++) {
      const [a, b] = [ids[i - 1], ids[i]];
      expect(stamp(a) > stamp(b) || (stamp(a) === stamp(b) && a > b)).toBe(true);
    }
  });

  it('loses and repeats nothing while new questions arrive between pages (they sort before the cursor)', async () => {
    let n = 1000;
    const arrived: string[] = [];
    const { ids } = await pageThrough('inquiryInbox', { limit: 7 }, PRINCIPAL, async () => {
      // Two newer ones, one stamped like the newest already shown.
      arrived.push(await file(n++, TEST_NOW + n * 1000), await file(n++, TEST_NOW - DAY + 39 * 60_000));
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(filed.every((id) => ids.includes(id))).toBe(true);
    expect(ids.filter((id) => !filed.includes(id)).every((id) => arrived.includes(id))).toBe(true);
  });

  it('keeps to pending or answered ones when asked', async () => {
    const [first, second] = filed.slice(-2);
    await ok('school', 'answerInquiry', { id: first, answer: '属本校划片' }, PRINCIPAL);
    await ok('school', 'answerInquiry', { id: second, answer: '属本校划片' }, PRINCIPAL);
    const answered = await ok('school', 'inquiryInbox', { status: 'answered' }, PRINCIPAL);
    expect(answered.items.map((x: { id: string }) => x.id).sort()).toEqual([first, second].sort());
    expect(answered.next).toBeNull();
    const { ids } = await pageThrough('inquiryInbox', { status: 'pending', limit: 50 }, PRINCIPAL);
    expect(ids).not.toContain(first);
    expect(ids.length).toBe(app.cloud.store.count('zoning_inquiries', { schoolId: 'hd-s05', status: 'pending' }));
  });

  it('refuses a forged cursor or an oversized page naming the field, and reads nothing more per page than one query', async () => {
    const forged = Buffer.from(JSON.stringify([1, { $gt: '' }]))
      .toString('base64')
      .replace(/=+$/, '');
    expect(await call('school', 'inquiryInbox', { cursor: forged }, PRINCIPAL)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
    expect(await call('school', 'inquiryInbox', { cursor: 'not a cursor!' }, PRINCIPAL)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
    expect(await call('school', 'inquiryInbox', { limit: 51 }, PRINCIPAL)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'limit',
    });
    // The inquiries of a page are one query, whatever the inbox holds.
    const reads = async (input: Record<string, unknown>) => {
      const { result, roundTrips } = (await app.cloud.invoke(
        'school',
        { action: 'inquiryInbox', ...input },
        { OPENID: PRINCIPAL, APPID: 'wx-test' },
      )) as { result: any; roundTrips: number };
      expect(result.ok).toBe(true);
      return roundTrips;
    };
    const small = await reads({ limit: 5 });
    expect(await reads({ limit: 50 })).toBe(small);
  });
});

describe('我的咨询', () => {
  it('a parent’s 45 questions over three days page through; another parent sees none of them', async () => {
    const PARENT = 'o-pg-mine';
    const mine: string[] = [];
    for (let n = 0; n < 45; n++) {
      // 20 a day: the server clock moves a day every 15 questions.
      jest.setSystemTime(TEST_NOW + Math.floor(n / 15) * DAY);
      serverNow = TEST_NOW + Math.floor(n / 15) * DAY;
      mine.push((await ok('school', 'askSchool', ask(5000 + n), PARENT)).id);
    }
    const { ids, sizes } = await pageThrough('myInquiries', { limit: 20 }, PARENT);
    expect(sizes).toEqual([20, 20, 5]);
    expect([...ids].sort()).toEqual([...mine].sort());
    // Newest day first.
    expect(mine.slice(30).every((id) => ids.indexOf(id) < 15)).toBe(true);
    expect(await ok('school', 'myInquiries', {}, 'o-pg-nobody')).toEqual({ items: [], next: null });
  });
});
