import { createHash } from 'node:crypto';
import { useTestApp } from '../helpers/local-app';

// Invites through the built `admin` and `account` bundles and the local runtime. Function time is the
// process clock: jest's fake Date moves it (timers stay real).
const app = useTestApp();
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));
beforeEach(() => at('2026-11-23T02:00:00Z'));

const who = (OPENID: string) => ({ OPENID, APPID: 'wx-test' });
const BUREAU = who('o-local-hd-bureau');
const OTHER_BUREAU = who('o-local-hc-bureau');
const PRINCIPAL = who('o-local-hd-principal'); // 友爱道小学 hd-s06
const TEACHER = who('o-local-hd-teacher');
type Who = ReturnType<typeof who>;
const admin = async (data: Record<string, unknown>, as: Who) =>
  ((await app.cloud.invoke('admin', data, as)) as { result: any }).result;
const account = async (data: Record<string, unknown>, as: Who) =>
  ((await app.cloud.invoke('account', data, as)) as { result: any }).result;
const counts = () => ['invites', 'invite_audit', 'users'].map((c) => app.cloud.store.count(c, {}));

let seq = 0;
const create = (as: Who, over: Record<string, unknown> = {}) =>
  admin(
    {
      action: 'createInvite',
      requestId: `req-inv-${String(++seq).padStart(4, '0')}`,
      role: 'principal',
      schoolId: 'hd-s07',
      ...over,
    },
    as,
  );

describe('the bureau invites a principal, who binds', () => {
  let code = '';
  let id = '';
  it('creates the invite and returns the code once; only its hash is stored', async () => {
    const r = await create(BUREAU, { note: '张校长', requestId: 'req-inv-first' });
    expect(r.ok).toBe(true);
    code = r.data.code;
    id = r.data.invite.id;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(r.data.invite).toMatchObject({
      role: 'principal',
      school: { name: '中心东道小学' },
      status: 'active',
      statusLabel: '未使用',
      expiresAt: '2026-11-30 23:59',
      maskedCode: `••••-••••-••${code.slice(-2)}`,
    });
    const stored = app.cloud.store.find('invites', { _id: id })[0] as any;
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    expect(stored.codeHash).toBe(createHash('sha256').update(code.replace(/-/g, '')).digest('hex'));
    expect(app.cloud.store.find('invite_audit', { inviteId: id })).toMatchObject([
      { event: 'created', by: BUREAU.OPENID },
    ]);
  });

  it('a retry with the same request id returns the invite without the code', async () => {
    const r = await create(BUREAU, { note: '张校长', requestId: 'req-inv-first' });
    expect(r.data).toMatchObject({ duplicate: true, code: null, invite: { id } });
    expect(app.cloud.store.count('invites', {})).toBe(1);
  });

  it('a parent binds it, becomes principal of that school, and account.me shows it with the openid', async () => {
    const parent = who('o-new-principal');
    expect((await account({ action: 'me' }, parent)).data).toMatchObject({
      roles: ['parent'],
      openid: 'o-new-principal',
    });
    const r = await account({ action: 'bind', code: code.toLowerCase() }, parent);
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({
      added: ['principal'],
      me: { roles: ['principal'], name: '张校长', school: { id: 'hd-s07', name: '中心东道小学' } },
    });
    expect((await account({ action: 'me' }, parent)).data).toMatchObject({
      roles: ['principal'],
      openid: 'o-new-principal',
      schoolXuequ: [{ name: '第一学区' }],
    });
    expect(app.cloud.store.find('invite_audit', { inviteId: id }).map((e: any) => [e.event, e.by])).toEqual(
      expect.arrayContaining([['bound', 'o-new-principal']]),
    );
    const listed = (await admin({ action: 'listInvites' }, BUREAU)).data.invites.find((i: any) => i.id === id);
    expect(listed).toMatchObject({
      status: 'used',
      usedByName: '张校长',
      usedAt: '2026-11-23 10:00',
      revocable: false,
    });
  });

  it('the code cannot be used again, and a refusal writes nothing', async () => {
    const before = counts();
    expect(await account({ action: 'bind', code }, who('o-someone-else'))).toMatchObject({
      ok: false,
      code: 'INVITE_USED',
    });
    expect(await account({ action: 'bind', code: 'ABCD-EFGH-JKLM' }, who('o-someone-else'))).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });
    expect(await account({ action: 'bind', code: '0000' }, who('o-someone-else'))).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
      message: expect.stringContaining('邀请码无效'),
    });
    expect(await admin({ action: 'revokeInvite', id }, BUREAU)).toMatchObject({ ok: false, code: 'INVITE_USED' });
    expect(counts()).toEqual(before);
  });
});

describe('expiry and revocation', () => {
  it('an invite is refused after the end of its last China day', async () => {
    const { data } = await create(BUREAU, { validDays: 1 });
    expect(data.invite.expiresAt).toBe('2026-11-24 23:59');
    at('2026-11-24T15:59:00Z'); // 23:59 in Shanghai: still valid — checked by listing
    expect(
      (await admin({ action: 'listInvites' }, BUREAU)).data.invites.find((i: any) => i.id === data.invite.id).status,
    ).toBe('active');
    at('2026-11-24T16:00:00Z'); // 00:00 on the 25th in Shanghai
    const before = counts();
    expect(await account({ action: 'bind', code: data.code }, who('o-late'))).toMatchObject({
      ok: false,
      code: 'INVITE_EXPIRED',
    });
    expect(counts()).toEqual(before);
    expect(
      (await admin({ action: 'listInvites' }, BUREAU)).data.invites.find((i: any) => i.id === data.invite.id)
        .statusLabel,
    ).toBe('已过期');
  });

  it('a revoked invite cannot bind; revoking is audited', async () => {
    const { data } = await create(BUREAU);
    const r = await admin({ action: 'revokeInvite', id: data.invite.id }, BUREAU);
    expect(r.data).toMatchObject({ status: 'revoked', revocable: false });
    expect(await account({ action: 'bind', code: data.code }, who('o-too-late'))).toMatchObject({
      ok: false,
      code: 'INVITE_REVOKED',
    });
    expect(
      app.cloud.store
        .find('invite_audit', { inviteId: data.invite.id })
        .map((e: any) => e.event)
        .sort(),
    ).toEqual(['created', 'revoked']);
  });

  it('another district’s bureau cannot see or revoke it', async () => {
    const { data } = await create(BUREAU);
    expect((await admin({ action: 'listInvites' }, OTHER_BUREAU)).data.invites.map((i: any) => i.id)).not.toContain(
      data.invite.id,
    );
    expect(await admin({ action: 'revokeInvite', id: data.invite.id }, OTHER_BUREAU)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('scope', () => {
  it('the bureau invites a 学区长 for a school of that 学区 only', async () => {
    const r = await create(BUREAU, { role: 'xuequzhang', schoolId: 'hd-s11', xuequId: 'hd-x2' });
    expect(r.data.invite).toMatchObject({ role: 'xuequzhang', xuequ: { name: '第二学区' } });
    const bound = await account({ action: 'bind', code: r.data.code }, who('o-new-xqz'));
    expect(bound.data.me).toMatchObject({ roles: ['principal', 'xuequzhang'], xuequ: { id: 'hd-x2' } });
    const before = counts();
    expect(await create(BUREAU, { role: 'xuequzhang', schoolId: 'hd-s01', xuequId: 'hd-x2' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'schoolId',
    });
    // Another district's school is an unknown school to this bureau, as a made-up id is (issue 13, item 4).
    expect(await create(OTHER_BUREAU, { schoolId: 'hd-s07' })).toEqual(
      await create(OTHER_BUREAU, { schoolId: 'zz-s07' }),
    );
    expect(await create(OTHER_BUREAU, { schoolId: 'hd-s07' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'schoolId',
    });
    expect(counts()).toEqual(before);
  });

  it('a principal invites teachers of its school; not a principal, not another school’s teacher', async () => {
    const before = counts();
    const refused: Array<[Who, Record<string, unknown>, { message?: string }]> = [
      [PRINCIPAL, { role: 'principal', schoolId: 'hd-s06' }, {}],
      [PRINCIPAL, { role: 'teacher', schoolId: 'hd-s05' }, { message: '只能邀请本校教师' }],
      [BUREAU, { role: 'teacher', schoolId: 'hd-s06' }, {}],
      [TEACHER, { role: 'teacher', schoolId: 'hd-s06' }, {}],
    ];
    for (const [as, invite, message] of refused)
      expect({ as: as.OPENID, invite, ...(await create(as, invite)) }).toMatchObject({
        as: as.OPENID,
        invite,
        ok: false,
        code: 'FORBIDDEN',
        ...message,
      });
    expect(await account({ action: 'bind', code: '' }, TEACHER)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'code',
    });
    expect(counts()).toEqual(before);

    const ok = await create(PRINCIPAL, { role: 'teacher', schoolId: 'hd-s06', note: '赵老师' });
    expect(ok.data.invite).toMatchObject({ role: 'teacher', school: { name: '友爱道小学' } });
    const listed = await admin({ action: 'listInvites' }, PRINCIPAL);
    expect(listed.data.scope).toMatchObject({
      as: 'principal',
      roles: ['teacher'],
      schools: [{ id: 'hd-s06', name: '友爱道小学' }],
    });
    expect(listed.data.invites.map((i: any) => i.role)).toEqual(['teacher']);
    expect((await account({ action: 'bind', code: ok.data.code }, who('o-new-teacher'))).data.me).toMatchObject({
      roles: ['teacher'],
      name: '赵老师',
    });
  });

  it('an account of another school cannot bind, and the invite stays usable', async () => {
    const { data } = await create(BUREAU);
    const before = counts();
    expect(await account({ action: 'bind', code: data.code }, TEACHER)).toMatchObject({
      ok: false,
      code: 'INVITE_ROLE_CONFLICT',
    });
    expect(counts()).toEqual(before);
    expect((app.cloud.store.find('users', { _id: TEACHER.OPENID })[0] as any).roles).toEqual(['teacher']);
    expect(await account({ action: 'bind', code: data.code }, who('o-fresh'))).toMatchObject({ ok: true });
  });
});

describe('concurrency', () => {
  it('20 concurrent binds of one code: exactly one succeeds, the rest get INVITE_USED', async () => {
    const { data } = await create(BUREAU, { schoolId: 'hd-s08' });
    const users = app.cloud.store.count('users', {});
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => account({ action: 'bind', code: data.code }, who(`o-race-${i}`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => r.code))).toEqual(new Set(['INVITE_USED']));
    expect(app.cloud.store.count('users', {})).toBe(users + 1);
    expect(app.cloud.store.find('invite_audit', { inviteId: data.invite.id, event: 'bound' })).toHaveLength(1);
  });
});

describe('a principal invites a teacher of the bureau’s roster', () => {
  const ROSTER = [
    '工号,姓名,学校名称,学科,骨干教师',
    'YA-001,钱老师,友爱道小学,数学,是',
    'YA-002,冯老师,友爱道小学,语文,否',
    'HZ-001,陈老师,互助道小学,英语,是',
  ].join('\n');

  it('lists the school’s roster to pick from, refuses a 工号 of another school or on a principal invite', async () => {
    const imported = await admin(
      { action: 'importApply', table: 'teachers', format: 'csv', content: ROSTER, requestId: 'req-roster-0001' },
      BUREAU,
    );
    expect(imported.data.written).toBe(3);
    const listed = await admin({ action: 'listInvites' }, PRINCIPAL);
    expect(listed.data.scope.roster.map((t: any) => [t.staffNo, t.name, t.key, t.invited])).toEqual([
      ['YA-001', '钱老师', true, false],
      ['YA-002', '冯老师', false, false],
    ]);
    const before = counts();
    expect(await create(PRINCIPAL, { role: 'teacher', schoolId: 'hd-s06', staffNo: 'HZ-001' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'staffNo',
      message: '本校教师名册中没有工号HZ-001（staffNo）',
    });
    expect(await create(BUREAU, { role: 'principal', schoolId: 'hd-s06', staffNo: 'YA-001' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'staffNo',
    });
    expect(counts()).toEqual(before);
  });

  it('binds the account to the 工号: the dashboard then counts the teacher’s duties as a 骨干教师’s by 工号, not by name', async () => {
    const dashboard = async () => (await admin({ action: 'dashboard', scope: 'district' }, BUREAU)).data.total.key;
    expect(await dashboard()).toMatchObject({ registered: true, count: 0 });
    const made = await create(PRINCIPAL, { role: 'teacher', schoolId: 'hd-s06', staffNo: 'YA-001' });
    expect(made.data.invite).toMatchObject({ staffNo: 'YA-001', note: '钱老师' });
    expect((await admin({ action: 'listInvites' }, PRINCIPAL)).data.scope.roster[0]).toMatchObject({
      staffNo: 'YA-001',
      invited: true,
    });
    // The seeded demo teacher of 友爱道小学 (with 走教 duties) binds it.
    expect((await account({ action: 'bind', code: made.data.code }, TEACHER)).ok).toBe(true);
    expect(app.cloud.store.find('users', { _id: TEACHER.OPENID })[0]).toMatchObject({
      staffNo: 'YA-001',
      name: '钱老师',
    });
    expect(await dashboard()).toMatchObject({ registered: true, count: 1 });
  });
});
