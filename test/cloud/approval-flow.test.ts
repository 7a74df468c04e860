import { TEST_NOW, useTestApp } from '../helpers/local-app';
import { callsOf, exchangeRequest } from '../helpers/calls';

// Approvals that must not get stuck or go wrong (issue 14): escalation to the bureau, slot rules,
// 退回修改 with edits, routing by the term's 学区, 催办 / 转交, and paging of the inbox.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);

const TEACHER = 'o-local-hd-teacher'; // 友爱道小学 (hd-s06), 第一学区
const HOME = 'o-local-hd-principal'; // 友爱道小学
const LEAD = 'o-local-hd-xuequzhang'; // 第四十五中学 (hd-s01), 第一学区学区长
const HUZHU = 'o-local-hd-lead-primary'; // 互助道小学 (hd-s05)
const BUREAU = 'o-local-hd-bureau';
const HC_BUREAU = 'o-local-hc-bureau';
const HC_TEACHER = 'o-local-hc-teacher';
const setNow = (ms: number) => jest.setSystemTime(ms);
const slot = (weekday: number, start: string, end: string, periods = 1) => ({ weekday, start, end, periods });

/** The teacher's 跨校兼课 request, filed: what submitExchange answers (`over` as exchangeRequest takes it). */
const fileExchange = (requestId: string, over: Record<string, unknown> = {}) =>
  ok('approval', 'submitExchange', exchangeRequest(requestId, over), TEACHER);

/** A school of 第二学区 (no 学区长 account, no principal account in the demo data). */
function secondXuequSchool(): string {
  const x2 = app.cloud.store.find('xuequ', { xuequId: 'hd-x2' })[0] as any;
  return x2.alliances.find((a: any) => a.stage === 'primary').leadSchoolIds[0];
}

describe('a step nobody holds goes to the bureau (无人审批)', () => {
  let id = '';
  it('warns at filing for each step without an account', async () => {
    const filed = await fileExchange('req-esc-000001', {
      hostSchoolId: secondXuequSchool(),
      slots: [slot(4, '14:00', '15:00')],
    });
    id = filed.id;
    const warnings = filed.checks.filter((c: any) => c.code === 'NO_DECIDER');
    expect(warnings).toHaveLength(2);
    expect(warnings.map((c: any) => c.message).join()).toContain('将由区教育局审批');
    expect(filed.steps.map((s: any) => s.unstaffed)).toEqual([false, true, true]);
    // The releasing principal exists: the bureau may not decide the first step.
    expect((await ok('approval', 'inbox', { status: 'pending' }, BUREAU)).items.map((r: any) => r.id)).not.toContain(
      id,
    );
    expect(await call('approval', 'decide', { id, decision: 'approve', version: 1 }, BUREAU)).toMatchObject({
      ok: false,
      code: 'NOT_YOUR_STEP',
    });
  });

  it('once the unheld step is pending, the bureau sees it flagged and decides it, then the next', async () => {
    await ok('approval', 'decide', { id, decision: 'approve', version: 1 }, HOME);
    const inbox = await ok('approval', 'inbox', { status: 'pending' }, BUREAU);
    expect(inbox.items.find((r: any) => r.id === id)).toMatchObject({
      escalation: { kind: 'unstaffed', label: '无人审批' },
    });
    const sent = app.cloud.sentMessages.length;
    const d = await ok(
      'approval',
      'decide',
      { id, decision: 'approve', version: 2, comment: '该校暂无校长账号，教育局代批' },
      BUREAU,
    );
    expect(d.steps[1].decidedByName).toContain('区教育局代为审批');
    expect(d.canDecide).toBe(true); // the 学区长 step of 第二学区 is unheld too
    expect(app.cloud.sentMessages.slice(sent).some((m: any) => m.touser === BUREAU)).toBe(true);
    const done = await ok('approval', 'decide', { id, decision: 'approve', version: 3 }, BUREAU);
    expect(done).toMatchObject({ status: 'approved', result: { dutyId: `dt-${id}` } });
  });

  it('the bureau’s district view lists its own district’s requests only; another bureau answers as for a made-up id', async () => {
    const closed = await ok('approval', 'district', { status: 'closed' }, BUREAU);
    expect(closed.items.map((r: any) => r.id)).toContain(id);
    expect(
      (await ok('approval', 'district', { status: 'closed' }, HC_BUREAU)).items.map((r: any) => r.id),
    ).not.toContain(id);
    const before = snapshot();
    const theirs = await call('approval', 'detail', { id }, HC_BUREAU);
    const madeUp = await call('approval', 'detail', { id: 'ap-00000000000000000000000000000000' }, HC_BUREAU);
    expect(theirs).toEqual(madeUp);
    expect(await call('approval', 'district', { status: 'pending' }, HOME)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(snapshot()).toBe(before);
  });
});

describe('a step left waiting escalates (超时), computed from the clock in China time', () => {
  afterAll(() => setNow(TEST_NOW));
  it('is not the bureau’s before the limit, is 超时 after it, and the bureau may then decide', async () => {
    const filed = await fileExchange('req-esc-000002', { slots: [slot(4, '15:10', '15:50')] });
    expect(filed.checks.map((c: any) => c.code)).not.toContain('NO_DECIDER');
    // Filed Monday 10:00 (China): 超时 from Thursday 00:00.
    setNow(Date.parse('2026-11-25T23:59:00+08:00'));
    expect(await call('approval', 'decide', { id: filed.id, decision: 'approve', version: 1 }, BUREAU)).toMatchObject({
      code: 'NOT_YOUR_STEP',
    });
    expect((await ok('approval', 'detail', { id: filed.id }, HOME)).escalation).toBeNull();
    setNow(Date.parse('2026-11-26T00:00:00+08:00'));
    const seen = (await ok('approval', 'inbox', { status: 'pending' }, BUREAU)).items.find(
      (r: any) => r.id === filed.id,
    );
    expect(seen).toMatchObject({ escalation: { kind: 'overdue', label: '超时', since: '2026-11-26 00:00' } });
    // The holder still may decide; the bureau may too, and the requester sees who decided.
    const d = await ok(
      'approval',
      'decide',
      { id: filed.id, decision: 'return', version: 1, comment: '请补充课表', fix: 'slots' },
      BUREAU,
    );
    expect(d.status).toBe('returned');
  });
});

describe('slot rules, once in the domain', () => {
  it.each([
    ['end before start', slot(2, '15:30', '14:00'), 'slots.0.end', '结束时间（slots[0].end）须晚于开始时间'],
    ['a whole day', slot(2, '00:00', '23:59', 8), 'slots.0.end', '一次最长 4 小时'],
    ['before school hours', slot(2, '06:00', '07:30'), 'slots.0.start', '在校时间 07:00–18:30'],
    ['more periods than fit', slot(2, '14:00', '14:40', 3), 'slots.0.periods', '40 分钟最多 1 节'],
  ])('refuses %s with a message naming the field, writing nothing', async (_name, s, field, text) => {
    const before = snapshot();
    const r = await call('approval', 'submitExchange', exchangeRequest('req-slot-00001', { slots: [s] }), TEACHER);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(r.message).toContain(text);
    expect(r.field ?? field).toBe(field);
    expect(snapshot()).toBe(before);
  });

  it('refuses two slots of one request that overlap', async () => {
    const r = await call(
      'approval',
      'submitExchange',
      exchangeRequest('req-slot-00002', { slots: [slot(5, '09:00', '10:00'), slot(5, '09:30', '10:30')] }),
      TEACHER,
    );
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(r.message).toContain('与第1个时段');
  });
});

describe('退回修改: the requester edits and resubmits; the trail goes on', () => {
  let id = '';
  it('the decider names the part to fix; the requester gets the fields to edit', async () => {
    id = (await fileExchange('req-edit-00001', { slots: [slot(5, '14:00', '15:00')] })).id;
    await ok(
      'approval',
      'decide',
      { id, decision: 'return', version: 1, comment: '周五下午有教研，请改到周三', fix: 'slots' },
      HOME,
    );
    const d = await ok('approval', 'detail', { id }, TEACHER);
    expect(d.editable).toMatchObject({
      fix: 'slots',
      hostSchoolId: 'hd-s05',
      slots: [slot(5, '14:00', '15:00')],
      termStart: '2026-12-01',
    });
    expect((await ok('approval', 'detail', { id }, HOME)).editable).toBeNull();
  });

  it('an invalid or clashing edit is refused and nothing is written', async () => {
    const before = snapshot();
    expect(
      await call('approval', 'resubmit', { id, version: 2, edit: { slots: [slot(3, '16:00', '15:00')] } }, TEACHER),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    // The demo teacher's 师徒结对 is on Wednesday 14:00–15:30.
    expect(
      await call('approval', 'resubmit', { id, version: 2, edit: { slots: [slot(3, '14:30', '15:10')] } }, TEACHER),
    ).toMatchObject({ ok: false, code: 'POLICY_BLOCK' });
    expect(
      await call('approval', 'resubmit', { id, version: 2, edit: { slots: [slot(3, '16:00', '17:00')] } }, HOME),
    ).toMatchObject({ ok: false, code: 'NOT_REQUESTER' });
    expect(snapshot()).toBe(before);
  });

  it('the edited request is re-routed and pending again; the trail lists what changed', async () => {
    const d = await ok(
      'approval',
      'resubmit',
      {
        id,
        version: 2,
        comment: '已改到周三',
        edit: { slots: [slot(3, '16:00', '17:00')], hostSchoolId: 'hd-s01', termEnd: '2027-01-15' },
      },
      TEACHER,
    );
    expect(d).toMatchObject({ status: 'pending', version: 3, editable: null });
    expect(d.steps.map((s: any) => s.label)).toEqual([
      '派出学校校长（友爱道小学）',
      expect.stringContaining('第四十五中学'),
    ]);
    const last = d.trail[d.trail.length - 1];
    expect(last).toMatchObject({ action: '重新提交', comment: '已改到周三' });
    expect(last.changes).toEqual([
      '接收学校：互助道小学 → 第四十五中学',
      '每周安排：周五 14:00–15:00（1节） → 周三 16:00–17:00（1节）',
      '任期：2026-12-01 至 2027-01-20 → 2026-12-01 至 2027-01-15',
    ]);
    expect(d.trail.map((t: any) => t.action)).toEqual(['提交', '退回修改', '重新提交']);
    expect(d.fields.find((f: any) => f.label === '每周安排').value).toContain('周三 16:00–17:00');
  });
});

describe('routing by the 学区 in force when the term starts', () => {
  it('a term starting after a move of the host school goes to the new 学区’s 学区长; an earlier one to the old', async () => {
    const x2 = 'hd-x2';
    await ok(
      'admin',
      'applyEdit',
      {
        requestId: 'req-move-huzhu-01',
        edit: {
          kind: 'moveSchool',
          effectiveFrom: '2027-02-20',
          schoolId: 'hd-s05',
          fromXuequId: 'hd-x1',
          toXuequId: x2,
        },
      },
      BUREAU,
    );
    const before = await fileExchange('req-term-00001', {
      slots: [slot(1, '15:00', '16:00')],
      termStart: '2026-12-01',
      termEnd: '2027-01-20',
    });
    const after = await fileExchange('req-term-00002', {
      slots: [slot(1, '16:10', '17:00')],
      termStart: '2027-03-01',
      termEnd: '2027-07-10',
    });
    const stored = (id: string) => app.cloud.store.find('approvals', { _id: id })[0] as any;
    expect(
      stored(before.id)
        .steps.map((s: any) => s.xuequId)
        .filter(Boolean),
    ).toEqual(['hd-x1']);
    expect(
      stored(after.id)
        .steps.map((s: any) => s.xuequId)
        .filter(Boolean),
    ).toEqual([x2]);
    expect(stored(after.id).routedOn).toBe('2027-03-01');
  });
});

describe('催办 and 转交', () => {
  afterAll(() => setNow(TEST_NOW));
  let id = '';
  it('the requester reminds the current approver once per cooldown; others cannot', async () => {
    setNow(TEST_NOW);
    id = (await fileExchange('req-remind-0001', { slots: [slot(2, '16:00', '17:00')] })).id;
    const sent = app.cloud.sentMessages.length;
    const r = await ok('approval', 'remind', { id }, TEACHER);
    expect(r.reminded).toBe(1);
    expect(app.cloud.sentMessages.slice(sent).map((m: any) => m.touser)).toEqual([HOME]);
    expect(r).toMatchObject({ canRemind: false, version: 1 });
    const again = await call('approval', 'remind', { id }, TEACHER);
    expect(again).toMatchObject({ ok: false, code: 'REMIND_TOO_SOON' });
    expect(again.message).toContain('60 分钟后');
    // Another district's teacher: as for a made-up id.
    expect(await call('approval', 'remind', { id }, HC_TEACHER)).toEqual(
      await call('approval', 'remind', { id: 'ap-00000000000000000000000000000000' }, HC_TEACHER),
    );
    setNow(TEST_NOW + 61 * 60_000);
    expect((await ok('approval', 'remind', { id }, TEACHER)).reminded).toBe(1);
  });

  it('the holder hands the step to an acting approver, who sees it and decides; the trail says so', async () => {
    const candidates = await ok('approval', 'delegates', { id }, HOME);
    expect(candidates.map((c: any) => c.openid)).toEqual(expect.arrayContaining([HUZHU, LEAD]));
    expect(candidates.map((c: any) => c.openid)).not.toContain(HOME);
    expect(await call('approval', 'transfer', { id, version: 1, to: 'o-local-hc-principal' }, HOME)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await call('approval', 'transfer', { id, version: 1, to: HUZHU }, LEAD)).toMatchObject({
      ok: false,
      code: 'NOT_YOUR_STEP',
    });
    const sent = app.cloud.sentMessages.length;
    const t = await ok('approval', 'transfer', { id, version: 1, to: HUZHU, comment: '外出学习' }, HOME);
    expect(t.steps[0].delegateName).toContain('互助道小学');
    expect(app.cloud.sentMessages.slice(sent).map((m: any) => m.touser)).toEqual([HUZHU]);
    expect((await ok('approval', 'inbox', { status: 'pending' }, HUZHU)).items.map((r: any) => r.id)).toContain(id);
    const d = await ok('approval', 'decide', { id, decision: 'approve', version: 2 }, HUZHU);
    expect(d.steps[0].decidedByName).toContain('代理审批');
    expect(d.trail.map((x: any) => x.action)).toEqual(['提交', '转交', '同意']);
  });

  it('batch approve carries its comment onto each decision', async () => {
    const a = (await fileExchange('req-batch-0001', { slots: [slot(2, '08:00', '08:40')] })).id;
    const res = await ok('approval', 'batchApprove', { ids: [a], comment: '同意，注意交接' }, HOME);
    expect(res).toEqual([{ id: a, ok: true, code: null, message: null }]);
    expect((await ok('approval', 'detail', { id: a }, HOME)).steps[0].comment).toBe('同意，注意交接');
  });
});

describe('inbox paging', () => {
  it('120 pending requests page through in (time desc, id) order without loss or duplicates', async () => {
    const base = app.cloud.store.find('approvals', { requesterOpenid: TEACHER, status: 'pending' })[0] as any;
    // Direct inserts: 120 requests waiting for 互助道小学, in pairs sharing one instant (ties on time).
    const docs = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      _id: `ap-page-${String(i).padStart(3, '0')}`,
      updatedAt: TEST_NOW - Math.floor(i / 2) * 60_000,
      inboxKey: 'school:hd-s05',
      steps: base.steps.map((s: any, j: number) =>
        j === 0 ? { ...s, roles: ['host'], role: 'host', schoolId: 'hd-s05' } : s,
      ),
      current: 0,
      delegateOpenid: null,
      escalateAt: null,
    }));
    app.cloud.store.insert('approvals', docs);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ok(
        'approval',
        'inbox',
        { status: 'pending', limit: 25, ...(cursor ? { cursor } : {}) },
        HUZHU,
      );
      expect(page.items.length).toBeLessThanOrEqual(25);
      seen.push(...page.items.map((r: any) => r.id));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    const paged = seen.filter((x) => x.startsWith('ap-page-'));
    expect(new Set(paged).size).toBe(120);
    expect(paged).toHaveLength(120);
    // Newest first; within one instant, the larger id first.
    expect(paged.slice(0, 4)).toEqual(['ap-page-001', 'ap-page-000', 'ap-page-003', 'ap-page-002']);
    expect(pages).toBe(Math.ceil(seen.length / 25));
  });

  it('a forged cursor is refused, never queried', async () => {
    const r = await call('approval', 'inbox', { status: 'pending', cursor: 'bm90LWEtY3Vyc29y' }, HUZHU);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(r.message).toContain('cursor');
  });
});

describe('抄送', () => {
  it('an exchange copies the bureau (not a decider), which sees it under 抄送 and hears the outcome', async () => {
    const filed = await fileExchange('req-cc-000001', { slots: [slot(1, '08:00', '08:40')] });
    expect(filed.ccNames).toEqual([expect.stringContaining('教育局')]);
    expect((await ok('approval', 'inbox', { status: 'cc' }, BUREAU)).items.map((r: any) => r.id)).toContain(filed.id);
    expect((await ok('approval', 'inbox', { status: 'cc' }, HOME)).items.map((r: any) => r.id)).not.toContain(filed.id);
    expect((await ok('approval', 'inbox', { status: 'cc' }, HC_BUREAU)).items).toEqual([]);
    await ok('approval', 'decide', { id: filed.id, decision: 'approve', version: 1 }, HOME);
    await ok('approval', 'decide', { id: filed.id, decision: 'approve', version: 2 }, HUZHU);
    const sent = app.cloud.sentMessages.length;
    await ok('approval', 'decide', { id: filed.id, decision: 'approve', version: 3 }, LEAD);
    expect(app.cloud.sentMessages.slice(sent).map((m: any) => m.touser)).toEqual(
      expect.arrayContaining([TEACHER, BUREAU]),
    );
  });
});
