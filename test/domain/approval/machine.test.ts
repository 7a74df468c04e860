import fc from 'fast-check';
import {
  approve,
  canDecideStep,
  dutyFromRequest,
  isFinalApproval,
  pendingStep,
  reject,
  resubmit,
  routeRequest,
  sendBack,
  stateProblems,
  submit,
  withdraw,
} from '@/domain/approval';
import type { Actor, ApprovalRequest, ExchangeFields, RequestState, Transition } from '@/domain/approval';
import { SCHOOLS, VERSIONS, bureau, cn, exchange, principal, teacher, xuequzhang } from './fixtures';

const T0 = cn('2026-11-23', '09:00');
const releasing = principal('p-youai');
const host = principal('p-liuwei');
const xqz = xuequzhang('x2', 'm54');

function submitted(fields: ExchangeFields = exchange()): ApprovalRequest<ExchangeFields> {
  const steps = routeRequest(fields, VERSIONS, '2026-11-23', SCHOOLS);
  const r = submit(fields, steps, teacher, T0, { _id: 'ap1', routedOn: '2026-11-23', comment: ' 请批准 ' });
  if (!r.ok) throw new Error(r.message);
  return r.request;
}

/** Unwraps a transition that must succeed. */
function ok<R>(t: Transition<R>): R {
  if (!t.ok) throw new Error(`${t.code}: ${t.message}`);
  return t.request;
}

describe('submit', () => {
  it('starts pending at step 0, version 1, one trail entry', () => {
    const r = submitted();
    expect(r).toMatchObject({
      _id: 'ap1',
      status: 'pending',
      current: 0,
      version: 1,
      requesterOpenid: 'u-teacher',
      requesterName: '王老师',
      createdAt: T0,
    });
    expect(r.steps.map((s) => s.status)).toEqual(['pending', 'waiting', 'waiting']);
    expect(r.trail).toEqual([
      { at: T0, by: 'u-teacher', byName: '王老师', action: 'submit', step: null, comment: '请批准' },
    ]);
    expect(stateProblems(r)).toEqual([]);
    expect(pendingStep(r)?.label).toBe('派出学校校长（友爱道小学）');
  });

  it('refuses a request nobody could decide', () => {
    expect(submit(exchange(), [], teacher, T0, { _id: 'x', routedOn: '2026-11-23' })).toMatchObject({
      ok: false,
      code: 'NO_STEPS',
    });
  });
});

describe('approve through every step', () => {
  it('moves step by step, then approves; version and trail follow', () => {
    const r0 = submitted();
    const r1 = ok(approve(r0, releasing, T0 + 1000, '同意'));
    expect(r1).toMatchObject({ status: 'pending', current: 1, version: 2 });
    expect(r1.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: 'u-p-youai',
      decidedByName: 'p-youai校长',
      decidedAt: T0 + 1000,
      comment: '同意',
    });
    expect(r1.steps[1].status).toBe('pending');
    expect(isFinalApproval(r0, r1)).toBe(false);

    const r2 = ok(approve(r1, host, T0 + 2000));
    const r3 = ok(approve(r2, xqz, T0 + 3000, ''));
    expect(r3).toMatchObject({ status: 'approved', current: 2, version: 4, updatedAt: T0 + 3000 });
    expect(r3.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'approved']);
    expect(r3.steps[2].comment).toBeNull();
    expect(isFinalApproval(r2, r3)).toBe(true);
    expect(r3.trail.map((t) => [t.action, t.by, t.step])).toEqual([
      ['submit', 'u-teacher', null],
      ['approve', 'u-p-youai', 0],
      ['approve', 'u-p-liuwei', 1],
      ['approve', 'u-xqz-x2', 2],
    ]);
    expect(stateProblems(r3)).toEqual([]);
    expect(pendingStep(r3)).toBeNull();

    expect(dutyFromRequest(r3, r3._id)).toEqual({
      _id: 'dt-ap1',
      teacherOpenid: 'u-teacher',
      teacherName: '王老师',
      homeSchoolId: 'p-youai',
      hostSchoolId: 'p-liuwei',
      districtCode: '120102',
      kind: 'rotation',
      slots: [{ weekday: 1, start: '08:00', end: '08:45', periods: 1 }],
      termStart: '2026-09-01',
      termEnd: '2027-01-20',
      approvalId: 'ap1',
      status: 'active',
      sample: false,
    });
  });

  it('师徒结对 creates a mentoring duty for the mentor', () => {
    let r = submitted(exchange({ type: 'mentoring', mentee: { name: '李老师', openid: null } }));
    r = ok(approve(r, releasing, T0));
    r = ok(approve(r, host, T0));
    expect(r.status).toBe('approved');
    expect(dutyFromRequest(r, 'ap1')).toMatchObject({
      kind: 'mentoring',
      teacherOpenid: 'u-teacher',
      hostSchoolId: 'p-liuwei',
    });
  });

  it('no duty from a request that is not approved', () => {
    expect(() => dutyFromRequest(submitted(), 'ap1')).toThrow();
  });

  it('the wrong person, or the right one out of turn, is refused', () => {
    const r0 = submitted();
    expect(approve(r0, host, T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    expect(approve(r0, xqz, T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    expect(approve(r0, teacher, T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    expect(approve(r0, bureau('120102'), T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    const refusal = approve(r0, host, T0);
    expect(!refusal.ok && refusal.message).toContain('派出学校校长（友爱道小学）');
  });

  it('a second decision on a decided step is refused', () => {
    const r1 = ok(approve(submitted(), releasing, T0));
    expect(approve(r1, releasing, T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    const done = ok(approve(ok(approve(r1, host, T0)), xqz, T0));
    expect(approve(done, xqz, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
    expect(reject(done, xqz, T0, '不行')).toMatchObject({ ok: false, code: 'NOT_PENDING' });
  });

  it('a decision on a stale version is refused', () => {
    const r0 = submitted();
    expect(approve(r0, releasing, T0, null, 2)).toMatchObject({ ok: false, code: 'STALE_VERSION' });
    expect(approve(r0, releasing, T0, null, 1).ok).toBe(true);
  });

  it('a merged step is decided once by the 学区长 of the host school', () => {
    let r = submitted(exchange({ hostSchoolId: 'm45' }));
    r = ok(approve(r, releasing, T0));
    expect(approve(r, principal('m45'), T0)).toMatchObject({ ok: false, code: 'NOT_YOUR_STEP' });
    r = ok(approve(r, xuequzhang('x1', 'm45'), T0));
    expect(r).toMatchObject({ status: 'approved', version: 3 });
  });
});

describe('reject and send back need a reason', () => {
  it.each([[null], [''], ['   ']])('reject with comment %p → COMMENT_REQUIRED', (comment) => {
    expect(reject(submitted(), releasing, T0, comment)).toMatchObject({ ok: false, code: 'COMMENT_REQUIRED' });
    expect(sendBack(submitted(), releasing, T0, comment)).toMatchObject({ ok: false, code: 'COMMENT_REQUIRED' });
  });

  it('too long a comment is refused', () => {
    expect(approve(submitted(), releasing, T0, '字'.repeat(501))).toMatchObject({
      ok: false,
      code: 'COMMENT_TOO_LONG',
    });
  });

  it('reject is final at the step that rejected', () => {
    const r1 = ok(approve(submitted(), releasing, T0));
    const r2 = ok(reject(r1, host, T0 + 5, '本学期课时已满'));
    expect(r2).toMatchObject({ status: 'rejected', current: 1, version: 3 });
    expect(r2.steps.map((s) => s.status)).toEqual(['approved', 'rejected', 'waiting']);
    expect(r2.trail[2]).toEqual({
      at: T0 + 5,
      by: 'u-p-liuwei',
      byName: 'p-liuwei校长',
      action: 'reject',
      step: 1,
      comment: '本学期课时已满',
    });
    expect(stateProblems(r2)).toEqual([]);
    expect(isFinalApproval(r1, r2)).toBe(false);
    expect(withdraw(r2, teacher, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
    expect(resubmit(r2, teacher, T0)).toMatchObject({ ok: false, code: 'NOT_RETURNED' });
  });

  it('send back, then resubmit: every step starts over, the trail keeps the first round', () => {
    const r1 = ok(approve(submitted(), releasing, T0));
    const r2 = ok(sendBack(r1, host, T0 + 1, '请补充课表'));
    expect(r2).toMatchObject({ status: 'returned', current: 1, version: 3 });
    expect(r2.steps[1]).toMatchObject({ status: 'returned', comment: '请补充课表' });
    expect(stateProblems(r2)).toEqual([]);
    expect(approve(r2, host, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
    expect(resubmit(r2, releasing, T0)).toMatchObject({ ok: false, code: 'NOT_REQUESTER' });

    const edited = { ...r2, slots: [{ weekday: 2 as const, start: '10:00', end: '10:45', periods: 1 }] };
    const r3 = ok(resubmit(edited, teacher, T0 + 2, '已补充'));
    expect(r3).toMatchObject({ status: 'pending', current: 0, version: 4 });
    expect(r3.slots[0].weekday).toBe(2);
    expect(r3.steps.map((s) => [s.status, s.decidedBy])).toEqual([
      ['pending', null],
      ['waiting', null],
      ['waiting', null],
    ]);
    expect(r3.trail.map((t) => t.action)).toEqual(['submit', 'approve', 'return', 'resubmit']);
    expect(stateProblems(r3)).toEqual([]);
  });

  it('resubmit takes re-routed steps when routing fields changed', () => {
    const r2 = ok(sendBack(submitted(), releasing, T0, '接收学校填错了'));
    const fixed = { ...r2, hostSchoolId: 'p-lone' };
    const r3 = ok(resubmit(fixed, teacher, T0, null, routeRequest(fixed, VERSIONS, '2026-11-24', SCHOOLS)));
    expect(r3.steps.map((s) => s.role)).toEqual(['releasing', 'host', 'bureau']);
    expect(resubmit(r2, teacher, T0, null, [])).toMatchObject({ ok: false, code: 'NO_STEPS' });
  });
});

describe('withdraw', () => {
  it('only the requester, while pending', () => {
    const r1 = ok(approve(submitted(), releasing, T0));
    expect(withdraw(r1, releasing, T0)).toMatchObject({ ok: false, code: 'NOT_REQUESTER' });
    const r2 = ok(withdraw(r1, teacher, T0 + 9, '不去了'));
    expect(r2).toMatchObject({ status: 'withdrawn', current: 1, version: 3 });
    expect(r2.steps.map((s) => s.status)).toEqual(['approved', 'waiting', 'waiting']);
    expect(r2.trail[2]).toMatchObject({ action: 'withdraw', by: 'u-teacher', step: null, comment: '不去了' });
    expect(stateProblems(r2)).toEqual([]);
    expect(withdraw(r2, teacher, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
    expect(approve(r2, host, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
  });

  it('also a returned request (else it could never be closed), never an approved one', () => {
    const returned = ok(sendBack(submitted(), releasing, T0, '请修改'));
    expect(ok(withdraw(returned, teacher, T0)).status).toBe('withdrawn');
    let done = ok(approve(submitted(), releasing, T0));
    done = ok(approve(ok(approve(done, host, T0)), xqz, T0));
    expect(withdraw(done, teacher, T0)).toMatchObject({ ok: false, code: 'NOT_PENDING' });
  });
});

describe('any sequence of actions (property)', () => {
  const ACTORS: Actor[] = [
    teacher,
    releasing,
    host,
    xqz,
    principal('m45'),
    xuequzhang('x1', 'm45'),
    bureau('120102'),
    principal('p-lone'),
    principal('p-moved'),
  ];
  const HOSTS = ['p-liuwei', 'm45', 'p-lone', 'p-moved'];
  type Kind = 'approve' | 'reject' | 'sendBack' | 'withdraw' | 'resubmit';
  const action = fc.record({
    kind: fc.constantFrom<Kind>('approve', 'approve', 'approve', 'reject', 'sendBack', 'withdraw', 'resubmit'),
    // null: the one who may act now (the current step's decider, or the requester), so runs get far.
    actor: fc.option(fc.constantFrom(...ACTORS), { freq: 2 }),
    comment: fc.constantFrom(null, '', '意见'),
    stale: fc.boolean(),
  });

  function apply(
    r: ApprovalRequest<ExchangeFields>,
    a: { kind: Kind; actor: Actor; comment: string | null; stale: boolean },
    at: number,
  ) {
    const expected = a.stale ? r.version - 1 : r.version;
    switch (a.kind) {
      case 'approve':
        return approve(r, a.actor, at, a.comment, expected);
      case 'reject':
        return reject(r, a.actor, at, a.comment, expected);
      case 'sendBack':
        return sendBack(r, a.actor, at, a.comment, expected);
      case 'withdraw':
        return withdraw(r, a.actor, at, a.comment, expected);
      case 'resubmit':
        return resubmit(r, a.actor, at, a.comment, undefined, expected);
    }
  }

  const FINAL = new Set<RequestState['status']>(['approved', 'rejected', 'withdrawn']);
  /** A plain check for the simple facts of the hot loop below: an expect costs more than the action it checks. */
  const ensure = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };

  it('never two final decisions; status, current, steps and version stay consistent', () => {
    const reached = new Set<RequestState['status']>();
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTS),
        fc.boolean(),
        fc.array(action, { maxLength: 40 }),
        (hostSchoolId, mentoring, actions) => {
          let r = submitted(
            exchange({
              hostSchoolId,
              type: mentoring ? 'mentoring' : 'rotation',
              mentee: mentoring ? { name: '李老师', openid: null } : null,
            }),
          );
          let finals = 0;
          actions.forEach((generated, i) => {
            const step = pendingStep(r);
            const decider =
              step && (generated.kind === 'approve' || generated.kind === 'reject' || generated.kind === 'sendBack')
                ? ACTORS.find((x) => canDecideStep(step, x))
                : undefined;
            const a = { ...generated, actor: generated.actor ?? decider ?? teacher };
            const t = apply(r, a, T0 + i + 1);
            if (!t.ok) {
              ensure(/[\u4e00-\u9fff]/.test(t.message), `action ${i} refused without a Chinese message: ${t.message}`);
              return;
            }
            ensure(!FINAL.has(r.status), `action ${i} (${a.kind}) moved a ${r.status} request`); // nothing moves once final
            ensure(!a.stale, `action ${i} (${a.kind}) went through with a stale version`);
            const next = t.request;
            ensure(next.version === r.version + 1, `action ${i}: version ${next.version} after ${r.version}`);
            expect(next.trail.slice(0, -1)).toEqual(r.trail);
            expect(next.trail[next.trail.length - 1]).toMatchObject({ at: T0 + i + 1, by: a.actor._id });
            if (FINAL.has(next.status)) finals++;
            if (isFinalApproval(r, next))
              ensure(
                next.steps.every((s) => s.status === 'approved'),
                `action ${i}: approved with a step not approved`,
              );
            expect(stateProblems(next)).toEqual([]);
            r = next;
          });
          expect(finals).toBeLessThanOrEqual(1);
          reached.add(r.status);
        },
      ),
      { numRuns: 300 }, // full depth in the inner loop too: fewer runs need not reach every status
    );
    expect([...reached].sort()).toEqual(['approved', 'pending', 'rejected', 'returned', 'withdrawn']);
  });

  it.each(HOSTS)('host %s: approving by whoever may ends approved, with exactly one final approval', (hostSchoolId) => {
    let r = submitted(exchange({ hostSchoolId }));
    let finals = 0;
    for (let guard = 0; r.status === 'pending' && guard < 10; guard++) {
      const deciders = ACTORS.filter((a) => approve(r, a, T0).ok);
      expect(deciders).toHaveLength(1);
      const next = ok(approve(r, deciders[0], T0));
      if (isFinalApproval(r, next)) finals++;
      r = next;
    }
    expect(r.status).toBe('approved');
    expect(finals).toBe(1);
    expect(r.version).toBe(r.steps.length + 1);
  });
});
