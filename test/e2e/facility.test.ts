import type { LocalApp } from '../../local/app';
import { runTransaction } from '@/server/cloud';
import { bookInTransaction } from '@/server/facility-booking';
import { instantAt } from '@/domain/time';
import type { School } from '@/domain/school';
import type { XuequVersion } from '@/domain/xuequ';
import type { FacilityDoc } from '@/server/repositories/facilities';
import { sampleFacilities } from '../../tools/sample-facilities';
import { h5Session } from './h5-session';

// The 学区长 (第四十五中学) opens 共享场馆 in the browser: the week of a facility with a booking, then
// asks to book another school's facility from a free slot. Server time is this process's clock (the
// gateway runs here), fixed with jest's fake Date at Monday 2026-11-23 10:00 China.
const s = h5Session();
const { byTestId, fill, openAs, waitForText } = s;

const at = (date: string, hm: string) => instantAt(date, hm, 'Asia/Shanghai');
const facility = (id: string) => s.app.cloud.store.find('facilities', { _id: id })[0] as unknown as FacilityDoc;

beforeAll(async () => {
  if (s.app.cloud.store.count('facilities', {}) === 0) {
    const docs = sampleFacilities(
      s.app.seed.schools as unknown as School[],
      s.app.seed.xuequ as unknown as XuequVersion[],
    );
    s.app.cloud.store.insertMany(
      'facilities',
      docs as unknown as Parameters<LocalApp['cloud']['store']['insertMany']>[1],
    );
  }
  // 友爱道小学 has the 学区长 school's gym on Saturday morning (made as an approval would make it).
  await runTransaction((tx) =>
    bookInTransaction(
      tx,
      facility('fc-hd-s01-gym'),
      {
        _id: 'bk-e2e-1',
        facilityId: 'fc-hd-s01-gym',
        start: at('2026-11-28', '10:00'),
        end: at('2026-11-28', '12:00'),
        bookingSchoolId: 'hd-s06',
        purpose: '篮球联赛训练',
        approvalId: null,
      },
      Date.now(),
    ),
  );
});
const FACILITIES = '/packages/principal/pages/facilities/index';

describe('共享场馆', () => {
  it('the 学区长 sees the 学区’s facilities and a week with the booked slot and who booked it', async () => {
    await openAs('hd-xuequzhang', FACILITIES);
    await byTestId('facility-fc-hd-s01-gym').waitFor();
    expect(await byTestId('facility-list').textContent()).toContain('互助道小学操场');
    expect(await byTestId('facility-fc-hd-s01-gym').textContent()).toBe('第四十五中学（本校）体育馆');
    expect(await byTestId('xuequ-switch').textContent()).toContain('示例数据');
    expect(await byTestId('facility-hours').textContent()).toBe('开放时间：周一至周五 16:30–18:30；周六 09:00–17:00');
    await byTestId('booked-slot').waitFor();
    expect(await byTestId('day-2026-11-28').textContent()).toContain('10:00–12:00 已约 · 友爱道小学');
    expect(await byTestId('day-2026-11-28').textContent()).toContain('09:00–10:00 空闲');
    expect(await byTestId('day-2026-11-29').textContent()).toContain('不开放');
    expect(await byTestId('facility-detail').textContent()).toContain('本校场馆');
    // The booking shows under 本校预约 too, received by this school.
    expect(await byTestId('booking-bk-e2e-1').textContent()).toContain(
      '友爱道小学借用本校场馆 · 篮球联赛训练 · 已确认',
    );

    await byTestId('week-next').click();
    await s.page.waitForFunction(
      () => document.querySelector('[data-testid="week-title"]')?.textContent === '11/30 起一周',
    );
    await byTestId('day-2026-12-05').waitFor();
    expect(await s.page.locator('[data-testid="booked-slot"]').count()).toBe(0);
  });

  it('asks to book another school’s facility from a free slot; the owner’s principal is asked to approve', async () => {
    await openAs('hd-xuequzhang', FACILITIES);
    await byTestId('facility-fc-hd-s05-field').click();
    await byTestId('free-2026-11-24-1630').click(); // Tuesday: more than 24 h ahead
    const form = byTestId('book-form');
    await waitForText('book-form', '2026-11-24');
    expect(await form.textContent()).toMatch(/日期2026-11-24开始16:30结束18:30/);
    await byTestId('book-submit').click();
    expect(await byTestId('book-error').textContent()).toBe('请填写用途（至少2个字）');

    await fill('book-purpose', '田径队训练');
    await byTestId('book-submit').click();
    await byTestId('book-sent').waitFor();
    expect(await byTestId('book-sent').textContent()).toMatch(/已提交预约申请：2026-11-24 16:30–18:30，等待.*审批/);
    const [request] = s.app.cloud.store.find('approvals', { type: 'facility' }) as any[];
    expect(request).toMatchObject({
      facilityId: 'fc-hd-s05-field',
      bookingSchoolId: 'hd-s01',
      ownerSchoolId: 'hd-s05',
      start: at('2026-11-24', '16:30'),
      end: at('2026-11-24', '18:30'),
      purpose: '田径队训练',
    });
  });

  it('the owner cancels the booking with a reason: it shows as cancelled and the time is free again', async () => {
    await openAs('hd-xuequzhang', FACILITIES);
    await byTestId('cancel-bk-e2e-1').click();
    // Two buttons that say what they do; the reason goes to the other school.
    expect(await byTestId('cancel-keep').textContent()).toContain('不取消');
    expect(await byTestId('cancel-confirm').textContent()).toContain('确认取消预约');
    await fill('cancel-reason', '场馆维修');
    await byTestId('cancel-confirm').click();
    await waitForText('booking-bk-e2e-1', '已取消');
    await waitForText('day-2026-11-28', '09:00–17:00 空闲');
    expect(await s.page.locator('[data-testid="cancel-bk-e2e-1"]').count()).toBe(0);
    expect(s.app.cloud.store.find('bookings', { _id: 'bk-e2e-1' })[0]).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'o-local-hd-xuequzhang',
      cancelReason: '场馆维修',
    });
  });
});
