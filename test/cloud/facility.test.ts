import type { LocalApp } from '../../local/app';
import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { sampleFacilities } from '../../tools/sample-facilities';
import { runTransaction } from '@/server/cloud';
import { bookInTransaction, type NewBooking } from '@/server/facility-booking';
import { AppError } from '@/server/errors';
import { instantAt } from '@/domain/time';
import { schoolIdsOf, type XuequVersion } from '@/domain/xuequ';
import type { School } from '@/domain/school';
import type { FacilityDoc } from '@/server/repositories/facilities';

// Shared facilities through the built `facility` bundle and the local runtime. Bookings are made by
// approvals, which call bookInTransaction inside their transaction: here it runs in this process with
// the same real wx-server-sdk and local store the bundles use. Function time is jest's fake Date.
const app = useTestApp();

beforeAll(async () => {
  // Until the seed includes them.
  if (app.cloud.store.count('facilities', {}) === 0) {
    const docs = sampleFacilities(app.seed.schools as unknown as School[], app.seed.xuequ as unknown as XuequVersion[]);
    app.cloud.store.insertMany(
      'facilities',
      docs as unknown as Parameters<LocalApp['cloud']['store']['insertMany']>[1],
    );
  }
  app.cloud.store.insertMany('users', [
    {
      _id: 'o-principal-hd-s10',
      roles: ['principal'],
      name: '其他学校校长',
      districtCode: '120102',
      schoolId: 'hd-s10',
      xuequId: null,
    },
    { _id: 'o-parent', roles: ['parent'], name: '家长', districtCode: null, schoolId: null, xuequId: null },
  ]);
});

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const PRINCIPAL = who('o-local-hd-principal'); // 友爱道小学 hd-s06, 第一学区
const LEAD = who('o-local-hd-xuequzhang'); // 第四十五中学 hd-s01, owns fc-hd-s01-gym
const TEACHER = who('o-local-hd-teacher');
const ELSEWHERE = who('o-principal-hd-s10');
const HAICANG = who('o-local-hc-xuequzhang');
const fn = async (data: Record<string, unknown>, as: { OPENID: string; APPID: string } | null) =>
  (await app.cloud.invoke('facility', data, as)) as { result: any; roundTrips: number };

const GYM = 'fc-hd-s01-gym';
const gym = () => app.cloud.store.find('facilities', { _id: GYM })[0] as unknown as FacilityDoc;
const at = (date: string, hm: string) => instantAt(date, hm, 'Asia/Shanghai');
let seq = 0;
const booking = (date: string, start: string, end: string, over: Partial<NewBooking> = {}): NewBooking => ({
  _id: `bk-test-${++seq}`,
  facilityId: GYM,
  start: at(date, start),
  end: at(date, end),
  bookingSchoolId: 'hd-s06',
  purpose: '篮球联赛训练',
  approvalId: `ap-test-${seq}`,
  ...over,
});
const book = (b: NewBooking, f: FacilityDoc = gym()) => runTransaction((tx) => bookInTransaction(tx, f, b, Date.now()));
const snapshot = () =>
  JSON.stringify([app.cloud.store.find('bookings', {}), app.cloud.store.find('facility_days', {})]);

describe('list', () => {
  it('shows the shareable facilities of the caller’s 学区 with hours and rules', async () => {
    const { result } = await fn({ action: 'list' }, PRINCIPAL);
    expect(result.ok).toBe(true);
    const x1 = (app.seed.xuequ as unknown as XuequVersion[]).find((x) => x.xuequId === 'hd-x1')!;
    expect(result.data.xuequ).toEqual({ id: 'hd-x1', name: x1.name });
    expect(result.data.facilities.length).toBeGreaterThan(2);
    for (const f of result.data.facilities) expect(schoolIdsOf(x1)).toContain(f.schoolId);
    expect(result.data.facilities[0]).toMatchObject({
      id: GYM,
      name: '体育馆',
      kindLabel: '体育馆',
      schoolName: '第四十五中学',
      hoursText: '周一至周五 16:30–18:30；周六 09:00–17:00',
      mine: false,
      sample: true,
    });
    expect(result.data.facilities[0].rulesText).toEqual(
      expect.arrayContaining(['单次最长 120 分钟', '须提前 24 小时预约，最多提前 14 天', '须穿运动鞋入场']),
    );
    expect(result.data).toMatchObject({ canBook: true, today: '2026-11-23' });
    expect(result.data.xuequOptions.map((x: any) => x.id)).toEqual(['hd-x1', 'hd-x2', 'hd-x3', 'hd-x4', 'hd-x5']);
  });

  it('another 学区 of the district on request; the owner sees its own as mine; a teacher only looks', async () => {
    const other = await fn({ action: 'list', xuequId: 'hd-x2' }, PRINCIPAL);
    expect(other.result.data.xuequ.id).toBe('hd-x2');
    expect(other.result.data.facilities.map((f: any) => f.id)).not.toContain(GYM);
    const own = await fn({ action: 'list' }, LEAD);
    expect(own.result.data.facilities.find((f: any) => f.id === GYM).mine).toBe(true);
    const teacher = await fn({ action: 'list' }, TEACHER);
    expect(teacher.result.data).toMatchObject({ canBook: false, xuequ: { id: 'hd-x1' } });
  });

  it('never crosses a district', async () => {
    expect((await fn({ action: 'list', xuequId: 'hc-x1' }, PRINCIPAL)).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const hc = await fn({ action: 'list' }, HAICANG);
    expect(hc.result.data.facilities.length).toBeGreaterThan(0);
    expect(hc.result.data.facilities.every((f: any) => f.id.startsWith('fc-hc-'))).toBe(true);
    // Another district's facility answers as a made-up id (issue 13, item 4).
    expect((await fn({ action: 'week', facilityId: GYM }, HAICANG)).result).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '未找到该场馆',
    });
  });

  it('needs a school role: parents are FORBIDDEN, no session is UNAUTHENTICATED, teachers have no bookings', async () => {
    expect((await fn({ action: 'list' }, who('o-parent'))).result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await fn({ action: 'list' }, null)).result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await fn({ action: 'myBookings' }, TEACHER)).result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('bad input names the field', async () => {
    expect((await fn({ action: 'week', facilityId: GYM, weekStart: '2026-11-24' }, PRINCIPAL)).result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'weekStart',
      message: '周起始日（weekStart）应为周一',
    });
    expect((await fn({ action: 'week' }, PRINCIPAL)).result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'facilityId',
    });
    expect((await fn({ action: 'week', facilityId: 'fc-none' }, PRINCIPAL)).result).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('booking (bookInTransaction, as the approval calls it)', () => {
  let winner = '';
  it('30 concurrent overlapping bookings of one facility: exactly one is made, the rest are BOOKING_CONFLICT', async () => {
    // Saturday 28 November, open 09:00–17:00: every request overlaps every other.
    const requests = Array.from({ length: 30 }, (_, i) => {
      const start = at('2026-11-28', '10:00') + i * 60_000;
      return booking('2026-11-28', '10:00', '11:00', { start, end: start + 3_600_000 });
    });
    const outcomes = await Promise.allSettled(requests.map((b) => book(b)));
    const made = outcomes
      .map((o, i) => (o.status === 'fulfilled' ? requests[i]._id : null))
      .filter((id): id is string => id !== null);
    expect(made).toHaveLength(1);
    winner = made[0];
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.every((o) => o.reason instanceof AppError && o.reason.code === 'BOOKING_CONFLICT')).toBe(true);
    expect(refused[0].reason.message).toMatch(/体育馆该时段已被预约：与已确认的预约 11月28日 10:\d\d–11:\d\d 冲突/);
    expect(app.cloud.store.count('bookings', { facilityId: GYM })).toBe(1);
    const [day] = app.cloud.store.find('facility_days', { _id: `${GYM}-2026-11-28` }) as any[];
    expect(day.bookings.map((b: any) => b.bookingId)).toEqual([winner]);
    expect(app.cloud.store.find('bookings', { _id: winner })[0]).toMatchObject({
      status: 'confirmed',
      schoolId: 'hd-s01',
      bookingSchoolId: 'hd-s06',
      date: '2026-11-28',
      districtCode: '120102',
    });
  });

  it('adjacent bookings (touching ends) both succeed, concurrently', async () => {
    const a = booking('2026-11-28', '14:00', '15:00');
    const b = booking('2026-11-28', '15:00', '16:00');
    await Promise.all([book(a), book(b)]);
    const [day] = app.cloud.store.find('facility_days', { _id: `${GYM}-2026-11-28` }) as any[];
    expect(day.bookings.map((x: any) => x.bookingId)).toEqual([winner, a._id, b._id]);
  });

  it('a refused booking writes nothing: overlap, closed hours, too long, two days', async () => {
    const before = snapshot();
    const refusal = async (b: NewBooking) =>
      book(b).then(
        () => null,
        (e: AppError) => e,
      );
    expect(await refusal(booking('2026-11-28', '14:30', '15:30'))).toMatchObject({ code: 'BOOKING_CONFLICT' });
    expect(await refusal(booking('2026-11-29', '10:00', '11:00'))).toMatchObject({
      code: 'POLICY_BLOCK',
      message: '体育馆周日不开放',
    });
    expect(await refusal(booking('2026-11-30', '16:30', '18:30', { end: at('2026-11-30', '18:31') }))).toMatchObject({
      code: 'POLICY_BLOCK',
    });
    expect(await refusal(booking('2026-11-28', '09:00', '12:00', { start: at('2026-11-27', '18:00') }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'end',
    });
    expect(await refusal(booking('2026-11-23', '09:00', '09:30'))).toMatchObject({ code: 'POLICY_BLOCK' }); // already past (and closed)
    expect(snapshot()).toBe(before);
  });

  it('a retried approval with the same booking id does not book twice', async () => {
    const [stored] = app.cloud.store.find('bookings', { _id: winner }) as any[];
    await book({
      _id: winner,
      facilityId: GYM,
      start: stored.start,
      end: stored.end,
      bookingSchoolId: 'hd-s06',
      purpose: stored.purpose,
      approvalId: stored.approvalId,
    });
    expect(app.cloud.store.count('bookings', { facilityId: GYM })).toBe(3);
  });
});

describe('week', () => {
  it('shows open time minus bookings, who booked, and what can still be booked', async () => {
    const { result, roundTrips } = await fn({ action: 'week', facilityId: GYM }, PRINCIPAL);
    expect(result.ok).toBe(true);
    expect(roundTrips).toBeLessThanOrEqual(4);
    const w = result.data;
    expect(w).toMatchObject({
      weekStart: '2026-11-23',
      prevWeek: '2026-11-16',
      nextWeek: '2026-11-30',
      today: '2026-11-23',
    });
    expect(w.days.map((d: any) => d.weekdayLabel)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    const [mon, tue, , , , sat, sun] = w.days;
    expect(mon).toMatchObject({
      today: true,
      past: false,
      free: [{ startHm: '16:30', endHm: '18:30', bookable: false }],
    }); // within 24 h
    expect(tue.free).toEqual([expect.objectContaining({ startHm: '16:30', endHm: '18:30', bookable: true })]);
    expect(sun).toMatchObject({ open: [], free: [], booked: [] });
    expect(sat.booked.map((b: any) => [b.endHm, b.schoolName, b.mine])).toEqual([
      [expect.any(String), '友爱道小学', true],
      ['15:00', '友爱道小学', true],
      ['16:00', '友爱道小学', true],
    ]);
    const first = sat.booked[0];
    expect(sat.free.map((f: any) => `${f.startHm}–${f.endHm}`)).toEqual([
      `09:00–${first.startHm}`,
      `${first.endHm}–14:00`,
      '16:00–17:00',
    ]);
    const owner = await fn({ action: 'week', facilityId: GYM, weekStart: '2026-11-23' }, LEAD);
    expect(owner.result.data.days[5].booked[0]).toMatchObject({ schoolName: '友爱道小学', mine: false });
    const teacher = await fn({ action: 'week', facilityId: GYM, weekStart: '2026-11-30' }, TEACHER);
    expect(teacher.result.data.days[5].booked).toEqual([]);
  });
});

describe('myBookings and cancel', () => {
  it('each side sees the booking: the borrower and the owner, latest start first (a page); an unrelated school sees none', async () => {
    const mine = (await fn({ action: 'myBookings' }, PRINCIPAL)).result.data.items;
    expect(mine.map((b: any) => b.role)).toEqual(['borrower', 'borrower', 'borrower']);
    expect(mine.map((b: any) => b.startHm).slice(0, 2)).toEqual(['15:00', '14:00']);
    expect(mine[2]).toMatchObject({
      facilityName: '体育馆',
      ownerSchoolName: '第四十五中学',
      bookingSchoolName: '友爱道小学',
      date: '2026-11-28',
      weekdayLabel: '周六',
      statusLabel: '已确认',
      canCancel: true,
      sample: true,
    });
    const owner = (await fn({ action: 'myBookings' }, LEAD)).result.data.items;
    expect(owner.map((b: any) => b.role)).toEqual(['owner', 'owner', 'owner']);
    expect((await fn({ action: 'myBookings' }, ELSEWHERE)).result.data).toEqual({ items: [], next: null });
  });

  it('only the two schools may cancel; cancelling frees the time, and it can be booked again', async () => {
    const [, second] = (await fn({ action: 'myBookings' }, PRINCIPAL)).result.data.items;
    // A booking of other schools answers as a made-up id (issue 13, item 4); a teacher is stopped at the door.
    expect((await fn({ action: 'cancel', bookingId: second.id }, ELSEWHERE)).result).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '未找到该预约',
    });
    expect((await fn({ action: 'cancel', bookingId: second.id }, TEACHER)).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const done = await fn({ action: 'cancel', bookingId: second.id, reason: '比赛改期' }, LEAD);
    expect(done.result.data).toMatchObject({
      id: second.id,
      status: 'cancelled',
      statusLabel: '已取消',
      canCancel: false,
    });
    expect((await fn({ action: 'cancel', bookingId: second.id }, PRINCIPAL)).result.data.status).toBe('cancelled');
    const sat = (await fn({ action: 'week', facilityId: GYM }, PRINCIPAL)).result.data.days[5];
    expect(sat.booked.map((b: any) => b.startHm)).not.toContain('14:00');
    await book(booking('2026-11-28', '14:00', '15:00', { bookingSchoolId: 'hd-s10' }));
    const again = (await fn({ action: 'week', facilityId: GYM }, PRINCIPAL)).result.data.days[5];
    expect(again.booked.find((b: any) => b.startHm === '14:00')).toMatchObject({
      schoolName: expect.any(String),
      mine: false,
    });
  });

  it('a booking that has ended cannot be cancelled', async () => {
    jest.setSystemTime(Date.parse('2026-11-29T02:00:00Z')); // Sunday
    const [, , last] = (await fn({ action: 'myBookings' }, PRINCIPAL)).result.data.items;
    expect(last).toMatchObject({ upcoming: false, statusLabel: '已结束', canCancel: false });
    expect((await fn({ action: 'cancel', bookingId: last.id }, PRINCIPAL)).result).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    jest.setSystemTime(TEST_NOW);
  });
});
