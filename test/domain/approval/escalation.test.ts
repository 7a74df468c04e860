import {
  applyEdit,
  approve,
  ccOf,
  checksAtClose,
  decidesAs,
  escalateAtOf,
  escalationOf,
  exchangeChanges,
  exchangeChecks,
  markUnstaffed,
  remindRefusal,
  REMIND_COOLDOWN_MS,
  resubmit,
  routeDateOf,
  routeRequest,
  sendBack,
  submit,
  transfer,
  type ApprovalRequest,
  type ExchangeFields,
} from '@/domain/approval';
import { slotProblems } from '@/domain/slots';
import { CN, SCHOOLS, VERSIONS, bureau, cn, exchange, principal, teacher, xuequzhang } from './fixtures';

const NOW = cn('2026-11-23', '10:00'); // Monday
const filed = (
  fields: ExchangeFields = exchange(),
  staffed = ['school:p-youai', 'school:p-liuwei', 'xuequ:x2', 'bureau:120102'],
) => {
  const routed = markUnstaffed(
    routeRequest(fields, VERSIONS, '2026-11-23', SCHOOLS, { x2: ['m54'] }),
    new Set(staffed),
  );
  const made = submit(fields, routed.steps, teacher, NOW, { _id: 'ap-1', routedOn: '2026-11-23' });
  if (!made.ok) throw new Error(made.message);
  const r: ApprovalRequest<ExchangeFields> = made.request;
  return { r: { ...r, escalateAt: escalateAtOf(r, CN) }, warnings: routed.checks };
};

describe('escalation to the bureau', () => {
  it('a step nobody holds is the bureau’s at once, with a warning at filing', () => {
    const { r, warnings } = filed(exchange(), ['school:p-liuwei', 'xuequ:x2', 'bureau:120102']);
    expect(warnings.map((w) => w.message)).toEqual(['派出学校校长（友爱道小学）尚未开通账号，这一步将由区教育局审批']);
    expect(r.escalateAt).toBe(NOW);
    expect(escalationOf(r, NOW)).toMatchObject({ kind: 'unstaffed', label: '无人审批' });
    expect(decidesAs(r, bureau('120102'), NOW)).toBe('bureau');
    expect(decidesAs(r, bureau('350205'), NOW)).toBeNull();
    const done = approve(r, bureau('120102'), NOW);
    expect(done.ok && done.request.steps[0].decidedByName).toBe('120102教育局（区教育局代为审批）');
  });

  it('a held step is 超时 from 00:00 (China) of the third day after it arrived', () => {
    const { r } = filed();
    expect(r.escalateAt).toBe(cn('2026-11-26', '00:00'));
    expect(escalationOf(r, cn('2026-11-25', '23:59'))).toBeNull();
    expect(decidesAs(r, bureau('120102'), cn('2026-11-25', '23:59'))).toBeNull();
    expect(escalationOf(r, cn('2026-11-26', '00:00'))).toMatchObject({ kind: 'overdue', label: '超时' });
    expect(decidesAs(r, principal('p-youai'), cn('2026-11-26', '00:00'))).toBe('holder');
  });

  it('the next step counts from when it became pending', () => {
    const { r } = filed();
    const later = cn('2026-11-25', '15:00');
    const moved = approve(r, principal('p-youai'), later);
    if (!moved.ok) throw new Error(moved.message);
    expect(escalateAtOf(moved.request, CN)).toBe(cn('2026-11-28', '00:00'));
  });
});

describe('转交 and 催办', () => {
  it('the holder hands the step on; the acting approver decides; nobody else may hand it on', () => {
    const { r } = filed();
    expect(transfer(r, principal('p-liuwei'), NOW, { openid: 'u-x', name: 'X' })).toMatchObject({
      ok: false,
      code: 'NOT_YOUR_STEP',
    });
    expect(transfer(r, principal('p-youai'), NOW, { openid: 'u-p-youai', name: '自己' })).toMatchObject({
      ok: false,
      code: 'NOT_TRANSFERABLE',
    });
    const t = transfer(r, principal('p-youai'), NOW, { openid: 'u-deputy', name: '副校长' }, '外出');
    if (!t.ok) throw new Error(t.message);
    expect(t.request.trail[1]).toMatchObject({ action: 'transfer', comment: '转交给副校长代理审批：外出' });
    const deputy = { ...teacher, _id: 'u-deputy', name: '副校长' };
    expect(decidesAs(t.request, deputy, NOW)).toBe('delegate');
  });

  it('催办 once per cooldown, by the requester only, while pending', () => {
    const { r } = filed();
    expect(remindRefusal(r, 'u-teacher', NOW)).toBeNull();
    expect(remindRefusal(r, 'u-other', NOW)).toMatchObject({ code: 'NOT_REQUESTER' });
    expect(remindRefusal({ ...r, remindedAt: NOW }, 'u-teacher', NOW + 1000)).toMatchObject({
      code: 'REMIND_TOO_SOON',
    });
    expect(remindRefusal({ ...r, remindedAt: NOW }, 'u-teacher', NOW + REMIND_COOLDOWN_MS)).toBeNull();
  });
});

describe('退回修改 with an edit', () => {
  it('replaces the fields, restarts the steps, and records what changed', () => {
    const { r } = filed();
    const back = sendBack(r, principal('p-youai'), NOW, '请改到周二');
    if (!back.ok) throw new Error(back.message);
    const after = applyEdit(back.request, { slots: [{ weekday: 2, start: '09:00', end: '09:45', periods: 1 }] });
    const changes = exchangeChanges(back.request, after, (id) => SCHOOLS[id]?.name ?? id);
    expect(changes).toEqual(['每周安排：周一 08:00–08:45（1节） → 周二 09:00–09:45（1节）']);
    const again = resubmit(back.request, teacher, NOW + 1, '已改', undefined, back.request.version, {
      fields: { slots: after.slots },
      changes,
    });
    if (!again.ok) throw new Error(again.message);
    expect(again.request).toMatchObject({ status: 'pending', current: 0, slots: after.slots, stepSince: NOW + 1 });
    expect(again.request.trail.map((t) => t.action)).toEqual(['submit', 'return', 'resubmit']);
    expect(again.request.trail[2].changes).toEqual(changes);
  });
});

describe('routing by the term, 抄送, and checks once closed', () => {
  it('a term starting after a move is routed on the term start', () => {
    const moved = exchange({ hostSchoolId: 'p-moved', termStart: '2027-09-01', termEnd: '2028-01-20' });
    expect(routeDateOf(moved, '2026-11-23')).toBe('2027-09-01');
    expect(routeDateOf(exchange(), '2026-11-23')).toBe('2026-11-23');
    const steps = routeRequest(moved, VERSIONS, routeDateOf(moved, '2026-11-23'), SCHOOLS);
    expect(steps.map((s) => s.xuequId).filter(Boolean)).toEqual(['x2']);
  });

  it('copies the bureau and the teacher’s own 学区长 when they do not decide', () => {
    const fields = exchange();
    const steps = routeRequest(fields, VERSIONS, '2026-11-23', SCHOOLS);
    const cc = ccOf(fields, steps, VERSIONS, '2026-11-23', [
      bureau('120102'),
      bureau('350205'),
      xuequzhang('x1', 'm45'),
      xuequzhang('x2', 'm54'),
    ]);
    expect(cc.map((c) => c.openid)).toEqual(['u-bureau-120102', 'u-xqz-x1']);
  });

  it('a rejected request no longer says its time is free', () => {
    const closed = checksAtClose(
      [{ code: 'FACILITY_FREE', level: 'ok', message: '该时段场馆开放' }],
      'rejected',
      'facility',
    );
    expect(closed.map((c) => c.code)).toEqual(['NOT_RESERVED']);
    expect(
      checksAtClose([{ code: 'FACILITY_FREE', level: 'ok', message: 'x' }], 'approved', 'facility').map((c) => c.code),
    ).toEqual(['FACILITY_FREE']);
  });
});

describe('slot rules', () => {
  it('name the field and never let an invalid slot read as 不冲突', () => {
    expect(slotProblems([{ weekday: 2, start: '15:30', end: '14:00', periods: 1 }])).toEqual([
      { field: 'slots[0].end', message: '第1个时段结束时间（slots[0].end）须晚于开始时间（15:30–14:00）' },
    ]);
    expect(slotProblems([{ weekday: 2, start: '00:00', end: '23:59', periods: 8 }]).map((p) => p.field)).toEqual([
      'slots[0].end',
      'slots[0].start',
    ]);
    expect(slotProblems([{ weekday: 6, start: '09:00', end: '10:00', periods: 1 }])).toEqual([]);
    const checks = exchangeChecks(
      exchange({ slots: [{ weekday: 2, start: '15:30', end: '14:00', periods: 1 }] }),
      'ap-x',
      [],
      NOW,
      CN,
    );
    expect(checks.map((c) => c.code)).not.toContain('NO_CONFLICT');
    expect(checks.some((c) => c.level === 'block' && c.message.includes('slots[0].end'))).toBe(true);
  });
});
