import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';

// Facility booking as the people on both sides use it (issue 14): competing requests shown to the
// approver, no second filing of one booking, the requester's own requests with the reason, honest
// checks after a rejection, bookable slots that respect the notice limit, and paged booking lists.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);

const HOME = 'o-local-hd-principal'; // 友爱道小学 (hd-s06)
const HUZHU = 'o-local-hd-lead-primary'; // 互助道小学 (hd-s05)
const LEAD = 'o-local-hd-xuequzhang'; // 第四十五中学 (hd-s01): owns the gym
const HC_PRINCIPAL = 'o-local-hc-principal';
const GYM = 'fc-hd-s01-gym';
const at = (date: string, hm: string) => Date.parse(`${date}T${hm}:00+08:00`);
const request = (requestId: string, date: string, start: string, end: string) => ({
  requestId,
  facilityId: GYM,
  start: at(date, start),
  end: at(date, end),
  purpose: '篮球社团训练',
});

describe('booking requests', () => {
  let mine = '';
  let theirs = '';
  it('the owner’s principal sees other schools’ pending requests for the same time', async () => {
    mine = (await ok('approval', 'submitFacility', request('req-fac-00001', '2026-11-25', '16:30', '17:30'), HOME)).id;
    const second = await ok(
      'approval',
      'submitFacility',
      request('req-fac-00002', '2026-11-25', '17:00', '18:00'),
      HUZHU,
    );
    theirs = second.id;
    expect(second.checks.find((c: any) => c.code === 'COMPETING_REQUESTS').message).toContain('友爱道小学 16:30–17:30');
    const seen = await ok('approval', 'detail', { id: mine }, LEAD);
    const competing = seen.checks.find((c: any) => c.code === 'COMPETING_REQUESTS');
    expect(competing).toMatchObject({ level: 'warn' });
    expect(competing.message).toContain('互助道小学 17:00–18:00');
  });

  it('one school cannot file the same booking twice (a retry of one request id is the same request)', async () => {
    const before = snapshot();
    const again = await call(
      'approval',
      'submitFacility',
      request('req-fac-00003', '2026-11-25', '16:30', '17:30'),
      HOME,
    );
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(again.message).toContain('请勿重复提交');
    expect(snapshot()).toBe(before);
    expect(
      await ok('approval', 'submitFacility', request('req-fac-00001', '2026-11-25', '16:30', '17:30'), HOME),
    ).toMatchObject({ id: mine, duplicate: true });
  });

  it('filed twice at the same moment under two request ids: one request stays', async () => {
    const [a, b] = await Promise.all([
      call('approval', 'submitFacility', request('req-fac-00004', '2026-11-26', '16:30', '17:00'), HOME),
      call('approval', 'submitFacility', request('req-fac-00005', '2026-11-26', '16:30', '17:00'), HOME),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(
      app.cloud.store.count('approvals', {
        type: 'facility',
        bookingSchoolId: 'hd-s06',
        start: at('2026-11-26', '16:30'),
      }),
    ).toBe(1);
  });

  it('after a rejection the request no longer claims the time is free; the requester reads the reason', async () => {
    const rejected = await ok(
      'approval',
      'decide',
      { id: theirs, decision: 'reject', version: 1, comment: '该时段校队训练，请改约周四' },
      LEAD,
    );
    expect(rejected.checks.map((c: any) => c.code)).not.toContain('FACILITY_FREE');
    expect(rejected.checks.map((c: any) => c.code)).toContain('NOT_RESERVED');
    expect((app.cloud.store.find('approvals', { _id: theirs })[0] as any).checks.map((c: any) => c.code)).not.toContain(
      'FACILITY_FREE',
    );
    const closed = await ok('facility', 'myRequests', { status: 'closed' }, HUZHU);
    expect(closed.items).toEqual([
      expect.objectContaining({
        id: theirs,
        status: 'rejected',
        statusLabel: '已驳回',
        reason: '该时段校队训练，请改约周四',
        date: '2026-11-25',
        startHm: '17:00',
        endHm: '18:00',
      }),
    ]);
    expect(closed.items[0].decidedBy).toContain('第四十五中学');
    const open = await ok('facility', 'myRequests', { status: 'open' }, HOME);
    expect(open.items.map((r: any) => r.id)).toContain(mine);
    expect(open.items.find((r: any) => r.id === mine).waitingFor).toContain('第四十五中学');
  });

  it('another district’s principal sees none of them', async () => {
    expect((await ok('facility', 'myRequests', { status: 'open' }, HC_PRINCIPAL)).items).toEqual([]);
    expect((await ok('facility', 'myRequests', { status: 'closed' }, HC_PRINCIPAL)).items).toEqual([]);
  });
});

describe('the week shows as bookable only what the rules allow', () => {
  afterAll(() => jest.setSystemTime(TEST_NOW));
  it('a free interval whose start is inside the notice limit is split: the part inside is not bookable', async () => {
    jest.setSystemTime(at('2026-11-23', '17:00')); // Monday 17:00: the earliest start is Tuesday 17:00 (24 h)
    const week = await ok('facility', 'week', { facilityId: GYM }, HOME);
    const tue = week.days[1];
    expect(tue.free.map((s: any) => [s.startHm, s.endHm, s.bookable])).toEqual([
      ['16:30', '17:00', false],
      ['17:00', '18:30', true],
    ]);
    expect(week.days[0].free.every((s: any) => !s.bookable)).toBe(true);
  });
});

describe('booking list paging', () => {
  it('120 bookings page through latest first without loss or duplicates', async () => {
    const base = {
      facilityId: GYM,
      schoolId: 'hd-s01',
      bookingSchoolId: 'hd-s05',
      districtCode: '120102',
      status: 'confirmed',
      purpose: '示例数据',
      approvalId: null,
      createdAt: TEST_NOW,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: null,
    };
    // Pairs share a start (ties are broken by id).
    app.cloud.store.insert(
      'bookings',
      Array.from({ length: 120 }, (_, i) => {
        const start = at('2027-03-01', '08:00') + Math.floor(i / 2) * 3600_000;
        return {
          ...base,
          _id: `bk-page-${String(i).padStart(3, '0')}`,
          date: '2027-03-01',
          start,
          end: start + 1800_000,
        };
      }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ok('facility', 'myBookings', { limit: 30, ...(cursor ? { cursor } : {}) }, HUZHU);
      seen.push(...page.items.map((b: any) => b.id));
      cursor = page.next ?? undefined;
    } while (cursor && ++pages < 20);
    const paged = seen.filter((id) => id.startsWith('bk-page-'));
    expect(paged).toHaveLength(120);
    expect(new Set(paged).size).toBe(120);
    expect(paged.slice(0, 2)).toEqual(['bk-page-119', 'bk-page-118']);
    // The owner's list pages through the same bookings.
    const owner = await ok('facility', 'myBookings', { limit: 50 }, LEAD);
    expect(owner.items).toHaveLength(50);
    expect(owner.next).toEqual(expect.any(String));
  });
});
