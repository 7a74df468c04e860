import { useTestApp } from '../helpers/local-app';
import { callsOf, exchangeRequest, inquiryRequest, makeupRequest, type Result } from '../helpers/calls';
import { DC_BUREAU, HC, HD as SEEDED_HD } from '../helpers/personas';

// Past the door of the access matrix, every action keeps the caller to their own school, 学区 or
// district (and a requester to their own requests). Real seeded data and real flows: the other party's
// record is made through the actions, then poked at from outside; a refused call writes nothing.
const app = useTestApp();
beforeAll(async () => {
  // A second teacher of 友爱道小学 and the 学区长 of 第二学区, bound through real invites.
  const invites: Array<[Record<string, unknown>, string, string]> = [
    [{ requestId: 'scope-inv-teacher2', role: 'teacher', schoolId: 'hd-s06' }, HD.principal, HD.teacher2],
    [
      { requestId: 'scope-inv-x2-lead', role: 'xuequzhang', xuequId: 'hd-x2', schoolId: 'hd-s11' },
      HD.bureau,
      HD.x2Lead,
    ],
  ];
  for (const [invite, inviter, invitee] of invites) {
    const { code } = await ok('admin', 'createInvite', invite, inviter);
    await ok('account', 'bind', { code }, invitee);
  }
});

const HD = {
  ...SEEDED_HD,
  teacher2: 'o-scope-hd-teacher2', // 友爱道小学 too
  x2Lead: 'o-scope-hd-x2-lead', // hd-s11, 学区长 of 第二学区 (hd-x2)
};

const { call, ok, snapshot } = callsOf(() => app);
/** The call is refused with `code` and no collection changes. */
async function refused(
  code: string,
  fn: string,
  action: string,
  input: Record<string, unknown>,
  openid: string,
): Promise<Result> {
  const before = snapshot();
  const r = await call(fn, action, input, openid);
  expect({ action, as: openid, ok: r.ok, code: r.code }).toEqual({ action, as: openid, ok: false, code });
  expect(snapshot()).toBe(before);
  return r;
}
// Lists answer an array or a page ({ items, next }).
const ids = (list: Array<{ id: string }> | { items: Array<{ id: string }> }) =>
  (Array.isArray(list) ? list : list.items).map((x) => x.id);

describe('approvals: another district, another school, another 学区, another teacher', () => {
  let id = '';
  beforeAll(async () => {
    ({ id } = await ok('approval', 'submitExchange', exchangeRequest('scope-ap-000001'), HD.teacher));
  });

  it('Haicang cannot see, list or decide a Hedong request', async () => {
    for (const who of [HC.principal, HC.lead, HC.bureau]) {
      await refused('NOT_FOUND', 'approval', 'detail', { id }, who);
      await refused('NOT_FOUND', 'approval', 'decide', { id, decision: 'approve', version: 1 }, who);
      expect(ids(await ok('approval', 'inbox', { status: 'pending' }, who))).not.toContain(id);
    }
    const batch = await ok('approval', 'batchApprove', { ids: [id] }, HC.principal);
    expect(batch).toEqual([{ id, ok: false, code: 'NOT_FOUND', message: expect.any(String) }]);
  });

  // Out of scope answers as a made-up id would (NOT_FOUND, not FORBIDDEN): a refusal must not tell
  // the caller that the request exists (issue 13, item 4; test/cloud/existence.test.ts).
  it('another teacher of the same school cannot see, withdraw or list it', async () => {
    await refused('NOT_FOUND', 'approval', 'detail', { id }, HD.teacher2);
    await refused('NOT_FOUND', 'approval', 'withdraw', { id, version: 1 }, HD.teacher2);
    expect(ids(await ok('approval', 'mine', {}, HD.teacher2))).not.toContain(id);
    await ok('approval', 'detail', { id }, HD.teacher);
  });

  it('a principal or 学区长 of a school and 学区 not on the route cannot see or decide it', async () => {
    await refused('NOT_FOUND', 'approval', 'detail', { id }, HD.x2Lead);
    await refused('NOT_FOUND', 'approval', 'decide', { id, decision: 'approve', version: 1 }, HD.x2Lead);
    expect(ids(await ok('approval', 'inbox', { status: 'pending' }, HD.x2Lead))).not.toContain(id);
  });

  it('at the 学区长 step only the host 学区 decides: 第二学区 and Haicang are refused', async () => {
    await ok('approval', 'decide', { id, decision: 'approve', version: 1 }, HD.principal);
    await ok('approval', 'decide', { id, decision: 'approve', version: 2 }, HD.huzhu);
    expect(ids(await ok('approval', 'inbox', { status: 'pending' }, HD.lead))).toContain(id);
    expect(ids(await ok('approval', 'inbox', { status: 'pending' }, HD.x2Lead))).not.toContain(id);
    await refused('NOT_FOUND', 'approval', 'decide', { id, decision: 'approve', version: 3 }, HD.x2Lead);
    await refused('NOT_FOUND', 'approval', 'decide', { id, decision: 'approve', version: 3 }, HC.lead);
  });

  const exchange = (requestId: string) =>
    exchangeRequest(requestId, { slots: [{ weekday: 5, start: '14:00', end: '15:30', periods: 2 }] });

  // Request ids are scoped to the caller: a CONFLICT here would tell the caller that someone else used
  // the id (issue 13, item 4). Another caller's request id is simply a new request of the caller's own.
  it('a request id already used by someone else is a new request of the caller, not theirs and not a conflict', async () => {
    const mine = await ok('approval', 'submitExchange', exchange('scope-ap-000001'), HD.teacher2);
    expect(mine).toMatchObject({ duplicate: false });
    expect(mine.id).not.toBe(id);
    expect(await ok('approval', 'submitExchange', exchange('scope-ap-000001'), HD.teacher2)).toMatchObject({
      id: mine.id,
      duplicate: true,
    });
    expect(await ok('approval', 'detail', { id }, HD.teacher)).toMatchObject({ id });
  });

  it('also when two teachers race on one request id: each files their own request', async () => {
    const [a, b] = await Promise.all([
      call('approval', 'submitExchange', exchange('scope-ap-race-01'), HD.teacher),
      call('approval', 'submitExchange', exchange('scope-ap-race-01'), HD.teacher2),
    ]);
    expect(a).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(b).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(a.data.id).not.toBe(b.data.id);
    const requesters = [a, b].map(
      (r) => (app.cloud.store.find('approvals', { _id: r.data.id })[0] as { requesterOpenid: string }).requesterOpenid,
    );
    expect(requesters).toEqual([HD.teacher, HD.teacher2]);
  });
});

describe('补卡: only the host school decides', () => {
  let id = '';
  beforeAll(async () => {
    // dt-hd-teacher-1: 走教 at 第四十五中学 (hd-s01) on Mondays and Thursdays 09:55.
    ({ id } = await ok('duty', 'requestMakeup', makeupRequest('scope-mk-00001'), HD.teacher));
  });

  it('the host principal sees it; the home school and Haicang neither see nor decide it', async () => {
    expect(ids(await ok('duty', 'makeupInbox', {}, HD.lead))).toContain(id);
    for (const who of [HD.principal, HC.principal]) {
      expect(ids(await ok('duty', 'makeupInbox', {}, who))).not.toContain(id);
      await refused('NOT_FOUND', 'duty', 'decideMakeup', { id, approve: true }, who);
    }
  });

  it('another teacher cannot ask on that duty, even with the same request id', async () => {
    for (const who of [HD.teacher2, HC.teacher])
      await refused('NOT_YOUR_DUTY', 'duty', 'requestMakeup', makeupRequest('scope-mk-00001'), who);
  });
});

describe('parents’ questions go to the named school, or to the bureau of the district', () => {
  const PARENT = 'o-scope-parent';
  let named = '';
  let unnamed = '';
  beforeAll(async () => {
    const ask = (requestId: string, over: Record<string, unknown> = {}) =>
      ok('school', 'askSchool', inquiryRequest(requestId, over), PARENT);
    ({ id: named } = await ask('scope-ask-0001', { schoolId: 'hd-s06', address: '友爱道1号' }));
    ({ id: unnamed } = await ask('scope-ask-0002', { address: '互助道2号' }));
  });

  it('each inbox holds only its own questions', async () => {
    expect(ids((await ok('school', 'inquiryInbox', {}, HD.principal)).items)).toEqual([named]);
    expect(ids((await ok('school', 'inquiryInbox', {}, HD.bureau)).items)).toEqual([unnamed]);
    for (const who of [HD.huzhu, HC.principal, HC.bureau])
      expect(ids((await ok('school', 'inquiryInbox', {}, who)).items)).toEqual([]);
    expect(await ok('school', 'myInquiries', {}, 'o-scope-parent-2')).toEqual({ items: [], next: null });
  });

  it('no one else answers them', async () => {
    for (const who of [HD.huzhu, HD.bureau, HC.principal])
      await refused('NOT_FOUND', 'school', 'answerInquiry', { id: named, answer: '请到校咨询' }, who);
    for (const who of [HD.principal, HC.bureau])
      await refused('NOT_FOUND', 'school', 'answerInquiry', { id: unnamed, answer: '请到校咨询' }, who);
  });
});

describe('invites: a principal for its own school, the bureau for its own district', () => {
  let huzhuInvite = '';
  beforeAll(async () => {
    ({
      invite: { id: huzhuInvite },
    } = await ok(
      'admin',
      'createInvite',
      { requestId: 'scope-inv-huzhu-t', role: 'teacher', schoolId: 'hd-s05' },
      HD.huzhu,
    ));
  });

  it('a Hedong principal cannot invite for another school, nor invite principals', async () => {
    for (const invite of [
      { requestId: 'scope-inv-other-1', role: 'teacher', schoolId: 'hd-s05' },
      { requestId: 'scope-inv-other-2', role: 'principal', schoolId: 'hd-s06' },
    ])
      await refused('FORBIDDEN', 'admin', 'createInvite', invite, HD.principal);
  });

  it('nor list or revoke another school’s invites', async () => {
    expect(ids((await ok('admin', 'listInvites', {}, HD.principal)).invites)).not.toContain(huzhuInvite);
    await refused('NOT_FOUND', 'admin', 'revokeInvite', { id: huzhuInvite }, HD.principal);
    expect(ids((await ok('admin', 'listInvites', {}, HD.bureau)).invites)).toContain(huzhuInvite);
  });

  it('another district’s bureau cannot invite for, list or revoke Hedong', async () => {
    // A Hedong school is an unknown school to Haicang's bureau, as a made-up id is (issue 13, item 4).
    for (const invite of [
      { requestId: 'scope-inv-hc-0001', role: 'principal', schoolId: 'hd-s06' },
      { requestId: 'scope-inv-hc-0002', role: 'xuequzhang', xuequId: 'hd-x1', schoolId: 'hd-s01' },
    ])
      await refused('INVALID_INPUT', 'admin', 'createInvite', invite, HC.bureau);
    const listed = (await ok('admin', 'listInvites', {}, HC.bureau)).invites as Array<{
      id: string;
      school: { id: string };
    }>;
    expect(listed.filter((i) => i.school.id.startsWith('hd-'))).toEqual([]);
    await refused('NOT_FOUND', 'admin', 'revokeInvite', { id: huzhuInvite }, HC.bureau);
  });
});

describe('学区 composition: the bureau of Dongcheng cannot touch Hedong', () => {
  const rename = { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'hd-x1', name: '东城第一学区' };
  const hedongSchool = [{ stage: 'primary', leadSchoolIds: ['hd-s05'], memberSchoolIds: [] }];

  it('reads only its own district', async () => {
    const state = await ok('admin', 'compositionState', {}, DC_BUREAU);
    expect(state.districtCode).toBe('110101');
    expect(JSON.stringify(state)).not.toMatch(/hd-/);
    // Another district's 学区 reads as a made-up one (issue 13, item 4).
    await refused('NOT_FOUND', 'admin', 'compositionHistory', { xuequId: 'hd-x1' }, DC_BUREAU);
    const preview = await ok('admin', 'previewEdit', { edit: rename }, DC_BUREAU);
    const madeUp = await ok('admin', 'previewEdit', { edit: { ...rename, xuequId: 'zz-x1' } }, DC_BUREAU);
    expect(preview).toMatchObject({ ok: false, writes: [] });
    expect(JSON.stringify(preview).split('hd-x1').join('zz-x1')).toBe(JSON.stringify(madeUp));
  });

  it('edits neither a Hedong 学区 nor a Hedong school into its own 学区', async () => {
    const edits = [
      rename,
      { kind: 'create', effectiveFrom: '2027-09-01', name: '借用学区', alliances: hedongSchool },
      { kind: 'setAlliances', effectiveFrom: '2027-09-01', xuequId: 'dc-x1', alliances: hedongSchool },
      { kind: 'addSchool', effectiveFrom: '2027-09-01', xuequId: 'dc-x1', schoolId: 'hd-s05' },
      { kind: 'moveSchool', effectiveFrom: '2027-09-01', schoolId: 'hd-s05', fromXuequId: 'dc-x1', toXuequId: 'dc-x2' },
    ];
    // Refused as unknown ids of the caller's own district (INVALID_INPUT naming them), as made-up ids are.
    for (const [n, edit] of edits.entries())
      await refused('INVALID_INPUT', 'admin', 'applyEdit', { requestId: `scope-edit-000${n}`, edit }, DC_BUREAU);
  });
});

describe('imports: the bureau of Dongcheng writes only Dongcheng', () => {
  const hedong = () => app.cloud.store.find('schools', { _id: 'hd-s05' })[0];

  it('a zoning rule naming a Hedong school or community is refused and nothing is written', async () => {
    const content = [
      '学年,学段,类型,社区代码,小区名称,学校名称,规则原文,文件名称,发文日期',
      '2026,小学,小区,,测试花园,互助道小学,测试花园→互助道小学,测试文件,2026-05-01',
      '2026,小学,社区,120102001001,,互助道小学,诚厚里社区→互助道小学,测试文件,2026-05-01',
    ].join('\n');
    const preview = await ok('admin', 'importPreview', { table: 'zoning', format: 'csv', content }, DC_BUREAU);
    expect(preview.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['error', 'error']);
    expect(preview.rows.flatMap((r: { messages: string[] }) => r.messages).join(' ')).toMatch(
      /本区没有“互助道小学”[\s\S]*不是本区的社区/,
    );
    await refused(
      'INVALID_INPUT',
      'admin',
      'importApply',
      { requestId: 'scope-imp-0001', table: 'zoning', format: 'csv', content },
      DC_BUREAU,
    );
  });

  it('a school named like a Hedong one becomes a Dongcheng school; the Hedong school is untouched', async () => {
    const before = JSON.stringify(hedong());
    const result = await ok(
      'admin',
      'importApply',
      { requestId: 'scope-imp-0002', table: 'schools', format: 'csv', content: '学校名称,学段\n互助道小学,小学\n' },
      DC_BUREAU,
    );
    expect(result.counts).toMatchObject({ new: 1, changed: 0 });
    expect(JSON.stringify(hedong())).toBe(before);
    expect(
      app.cloud.store
        .find('schools', { name: '互助道小学' })
        .map((s) => s.districtCode)
        .sort(),
    ).toEqual(['110101', '120102']);
    const exported = await ok('admin', 'exportTable', { table: 'schools' }, DC_BUREAU);
    expect(exported.rows).toBe(app.cloud.store.count('schools', { districtCode: '110101' }));
  });
});

describe('dashboard: the bureau its district, a 学区长 their 学区', () => {
  it('refuses another 学区, the whole district to a 学区长, and another district', async () => {
    await refused('FORBIDDEN', 'admin', 'dashboard', { scope: 'xuequ', xuequId: 'hd-x2' }, HD.lead);
    await refused('FORBIDDEN', 'admin', 'dashboard', { scope: 'district' }, HD.lead);
    await refused('FORBIDDEN', 'admin', 'dashboardCsv', { scope: 'xuequ', xuequId: 'hd-x1' }, HC.lead);
    await refused('FORBIDDEN', 'admin', 'dashboard', { scope: 'xuequ', xuequId: 'hd-x1' }, DC_BUREAU);
    await ok('admin', 'dashboard', { scope: 'xuequ' }, HD.lead);
  });
});

describe('facilities: bookings stay between the two schools, in one district', () => {
  let bookingId = '';
  beforeAll(async () => {
    const start = Date.parse('2026-11-28T09:00:00+08:00');
    const made = await ok(
      'approval',
      'submitFacility',
      { requestId: 'scope-fc-00001', facilityId: 'fc-hd-s01-gym', start, end: start + 3600_000, purpose: '篮球训练' },
      HD.principal,
    );
    ({
      result: { bookingId },
    } = await ok('approval', 'decide', { id: made.id, decision: 'approve', version: made.version }, HD.lead));
  });

  it('Haicang neither sees Hedong facilities nor books them', async () => {
    // Another district's facility and booking answer as made-up ids (issue 13, item 4).
    await refused('NOT_FOUND', 'facility', 'week', { facilityId: 'fc-hd-s01-gym' }, HC.principal);
    await refused('FORBIDDEN', 'facility', 'list', { xuequId: 'hd-x1' }, HC.principal);
    await refused(
      'NOT_FOUND',
      'approval',
      'submitFacility',
      {
        requestId: 'scope-fc-00002',
        facilityId: 'fc-hd-s01-gym',
        start: Date.parse('2026-11-28T11:00:00+08:00'),
        end: Date.parse('2026-11-28T12:00:00+08:00'),
        purpose: '篮球训练',
      },
      HC.principal,
    );
  });

  it('a third school, or another district, cannot cancel the booking', async () => {
    expect(bookingId).toMatch(/^bk-/);
    for (const who of [HD.huzhu, HC.principal]) {
      expect(ids(await ok('facility', 'myBookings', {}, who))).not.toContain(bookingId);
      await refused('NOT_FOUND', 'facility', 'cancel', { bookingId }, who);
    }
  });
});
