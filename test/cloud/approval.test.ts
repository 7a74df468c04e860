import { useTestApp } from '../helpers/local-app';
import { exchangeRequest } from '../helpers/calls';

// Approvals across schools through the built `approval` bundle and the local runtime.
const app = useTestApp();

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const TEACHER = who('o-local-hd-teacher');
const HOME = who('o-local-hd-principal'); // 友爱道小学
const LEAD = who('o-local-hd-xuequzhang'); // 第四十五中学, 第一学区学区长
const HUZHU = who('o-local-hd-lead-primary'); // 互助道小学
const OTHER_DISTRICT = who('o-local-hc-principal');
const call = async (data: Record<string, unknown>, as: { OPENID: string; APPID: string }) =>
  (await app.cloud.invoke('approval', data, as)) as { result: any; roundTrips: number };

const exchange = exchangeRequest;

describe('a teacher asks for 跨校兼课', () => {
  let id = '';
  it('is routed releasing principal → host principal → 学区长, and the first decider is notified', async () => {
    const { result } = await call(exchange('req-ap-000001'), TEACHER);
    expect(result.ok).toBe(true);
    id = result.data.id;
    expect(result.data.steps.map((s: any) => s.label)).toEqual([
      '派出学校校长（友爱道小学）',
      '接收学校校长（互助道小学）',
      expect.stringContaining('学区长'),
    ]);
    expect(result.data.checks.map((c: any) => c.code)).toEqual(
      expect.arrayContaining(['NO_CONFLICT', 'ROTATION_SCHOOL', 'ROTATION_DISTRICT']),
    );
    expect(app.cloud.sentMessages.some((m) => m.touser === HOME.OPENID)).toBe(true);
  });

  it('a retry with the same request id returns the same request', async () => {
    const { result } = await call(exchange('req-ap-000001'), TEACHER);
    expect(result.data).toMatchObject({ id, duplicate: true });
    expect(app.cloud.store.count('approvals', {})).toBe(1);
  });

  it('shows in the releasing principal’s inbox only, and another district cannot see it', async () => {
    expect((await call({ action: 'inbox', status: 'pending' }, HOME)).result.data.items.map((r: any) => r.id)).toEqual([
      id,
    ]);
    expect((await call({ action: 'inbox', status: 'pending' }, HUZHU)).result.data).toEqual({ items: [], next: null });
    expect((await call({ action: 'inbox', status: 'pending' }, OTHER_DISTRICT)).result.data).toEqual({
      items: [],
      next: null,
    });
    expect((await call({ action: 'detail', id }, OTHER_DISTRICT)).result).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('a principal whose step it is not cannot decide, and nothing changes', async () => {
    const { result } = await call({ action: 'decide', id, decision: 'approve', version: 1 }, HUZHU);
    expect(result).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    expect((app.cloud.store.find('approvals', { _id: id })[0] as any).version).toBe(1);
  });

  it('100 concurrent approvals of one step yield exactly one; the rest get a conflict code', async () => {
    const calls = await Promise.all(
      Array.from({ length: 100 }, () =>
        call({ action: 'decide', id, decision: 'approve', version: 1, comment: '同意' }, HOME),
      ),
    );
    expect(calls.filter((c) => c.result.ok)).toHaveLength(1);
    expect(new Set(calls.filter((c) => !c.result.ok).map((c) => c.result.code))).toEqual(new Set(['STALE_VERSION']));
    const stored = app.cloud.store.find('approvals', { _id: id })[0] as any;
    expect(stored.version).toBe(2);
    expect(stored.trail.filter((t: any) => t.action === 'approve')).toHaveLength(1);
  });

  it('rejecting needs a reason', async () => {
    const { result } = await call({ action: 'decide', id, decision: 'reject', version: 2 }, HUZHU);
    expect(result).toMatchObject({ ok: false, code: 'COMMENT_REQUIRED' });
  });

  it('the host approves, then the 学区长; the duty exists once, with the approval that created it', async () => {
    expect((await call({ action: 'decide', id, decision: 'approve', version: 2 }, HUZHU)).result.ok).toBe(true);
    const final = await call({ action: 'decide', id, decision: 'approve', version: 3, comment: '请做好交接' }, LEAD);
    expect(final.result.data).toMatchObject({ status: 'approved', result: { dutyId: `dt-${id}` } });
    const duty = app.cloud.store.find('duties', { _id: `dt-${id}` })[0] as any;
    expect(duty).toMatchObject({
      approvalId: id,
      kind: 'cross-teaching',
      hostSchoolName: '互助道小学',
      homeSchoolName: '友爱道小学',
      status: 'active',
    });
    expect(final.result.data.trail.map((t: any) => t.action)).toEqual(['提交', '同意', '同意', '同意']);
    expect(app.cloud.sentMessages.some((m) => m.touser === TEACHER.OPENID)).toBe(true);
    const today = await app.cloud.invoke('duty', { action: 'today' }, TEACHER);
    expect((today.result as any).data.duties.map((d: any) => d.id)).toContain(`dt-${id}`);
  });

  it('a decided request cannot be decided again', async () => {
    const { result } = await call({ action: 'decide', id, decision: 'approve', version: 4 }, LEAD);
    expect(result).toMatchObject({ ok: false, code: 'NOT_PENDING' });
  });
});

describe('checks, send-back, withdraw and batch', () => {
  it('a request overlapping the teacher’s duties is refused with the reason, writing nothing', async () => {
    const before = app.cloud.store.count('approvals', {});
    const { result } = await call(
      exchange('req-ap-000002', { slots: [{ weekday: 1, start: '10:00', end: '11:00', periods: 1 }] }),
      TEACHER,
    );
    expect(result).toMatchObject({ ok: false, code: 'POLICY_BLOCK' });
    expect(result.message).toContain('时间冲突');
    expect(app.cloud.store.count('approvals', {})).toBe(before);
  });

  it('sent back with a comment, resubmitted, then withdrawn by the requester only', async () => {
    const { result: filed } = await call(
      exchange('req-ap-000003', { slots: [{ weekday: 5, start: '14:00', end: '15:00', periods: 1 }] }),
      TEACHER,
    );
    const id = filed.data.id;
    expect((await call({ action: 'decide', id, decision: 'return', version: 1 }, HOME)).result.code).toBe(
      'COMMENT_REQUIRED',
    );
    expect(
      (await call({ action: 'decide', id, decision: 'return', version: 1, comment: '请补充课表' }, HOME)).result.data
        .status,
    ).toBe('returned');
    expect((await call({ action: 'resubmit', id, version: 2 }, TEACHER)).result.data.status).toBe('pending');
    expect((await call({ action: 'withdraw', id, version: 3 }, HOME)).result).toMatchObject({
      ok: false,
      code: 'NOT_REQUESTER',
    });
    const withdrawn = await call({ action: 'withdraw', id, version: 3 }, TEACHER);
    expect(withdrawn.result.data.status).toBe('withdrawn');
    expect(withdrawn.result.data.trail.map((t: any) => t.action)).toEqual(['提交', '退回修改', '重新提交', '撤回']);
  });

  it('batch approval approves each request the caller may decide and reports the others', async () => {
    const a = (
      await call(
        exchange('req-ap-000004', { slots: [{ weekday: 3, start: '08:00', end: '09:00', periods: 1 }] }),
        TEACHER,
      )
    ).result.data.id;
    const b = (
      await call(
        exchange('req-ap-000005', { slots: [{ weekday: 3, start: '09:00', end: '09:40', periods: 1 }] }),
        TEACHER,
      )
    ).result.data.id;
    const { result } = await call({ action: 'batchApprove', ids: [a, b, 'ap-nope'] }, HOME);
    expect(result.data.map((r: any) => [r.ok, r.code])).toEqual([
      [true, null],
      [true, null],
      [false, 'NOT_FOUND'],
    ]);
  });

  it('roles are enforced: a teacher cannot decide, a parent cannot ask', async () => {
    expect((await call({ action: 'inbox', status: 'pending' }, TEACHER)).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await call(exchange('req-ap-000006'), who('o-some-parent'))).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('facility booking across schools', () => {
  // Wednesday 25 November, China time.
  const at = (hm: string) => Date.parse(`2026-11-25T${hm}:00+08:00`);
  const booking = (requestId: string, start: string, end: string) => ({
    action: 'submitFacility',
    requestId,
    facilityId: 'fc-hd-s01-gym',
    start: at(start),
    end: at(end),
    purpose: '篮球社团训练',
  });

  it('goes to the owning school’s principal, who approves; the booking exists once', async () => {
    const { result } = await call(booking('req-fc-000001', '16:30', '17:30'), HOME);
    expect(result.data.steps.map((s: any) => s.label)).toEqual([expect.stringContaining('第四十五中学')]);
    expect(result.data.checks.map((c: any) => c.code)).toContain('FACILITY_FREE');
    const approved = await call({ action: 'decide', id: result.data.id, decision: 'approve', version: 1 }, LEAD);
    expect(approved.result.data.result).toEqual({ dutyId: null, bookingId: `bk-${result.data.id}` });
    expect(app.cloud.store.count('bookings', { facilityId: 'fc-hd-s01-gym', status: 'confirmed' })).toBe(1);
  });

  it('an overlapping request is refused at submission with the reason', async () => {
    const { result } = await call(booking('req-fc-000002', '17:00', '18:00'), HOME);
    expect(result).toMatchObject({ ok: false, code: 'POLICY_BLOCK' });
  });

  it('two overlapping requests filed before either was approved: approving both yields one booking', async () => {
    const a = (await call(booking('req-fc-000003', '17:45', '18:30'), HOME)).result.data.id;
    const b = (await call(booking('req-fc-000004', '18:00', '18:30'), HUZHU)).result.data.id;
    const [ra, rb] = await Promise.all([
      call({ action: 'decide', id: a, decision: 'approve', version: 1 }, LEAD),
      call({ action: 'decide', id: b, decision: 'approve', version: 1 }, LEAD),
    ]);
    expect([ra.result.ok, rb.result.ok].filter(Boolean)).toHaveLength(1);
    expect([ra, rb].find((r) => !r.result.ok)!.result.code).toBe('BOOKING_CONFLICT');
    expect(app.cloud.store.count('bookings', { facilityId: 'fc-hd-s01-gym', status: 'confirmed' })).toBe(2);
    const loser = [
      [a, ra],
      [b, rb],
    ].find(([, r]: any) => !r.result.ok)![0] as string;
    expect((app.cloud.store.find('approvals', { _id: loser })[0] as any).status).toBe('pending');
  });
});

describe('approval.inbox cost', () => {
  // The steps keyed to the caller and the steps handed to them (转交) are two queries read side by side.
  it('reads the user and the reference version together: 4 database requests in 2 sequential waits (warm)', async () => {
    const principal = who('o-local-hd-principal');
    await call({ action: 'inbox', status: 'pending' }, principal);
    const warm = (await app.cloud.invoke('approval', { action: 'inbox', status: 'pending' }, principal)) as {
      roundTrips: number;
      sequentialTrips: number;
    };
    expect(warm).toMatchObject({ roundTrips: 4, sequentialTrips: 2 });
  });
});
