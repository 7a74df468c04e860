import { z } from 'zod';
import { ACCESS } from '@/contracts/access';
import { CONTRACTS } from '@/contracts';
import { useTestApp } from '../helpers/local-app';
import { callsOf, exchangeRequest, inquiryRequest, makeupRequest, type Result } from '../helpers/calls';
import { DC_BUREAU, HC, HD } from '../helpers/personas';

// Issue 13, item 4: nothing reveals what exists. Every action that takes the id of a record is called
// by real personas of other districts (and other schools) with Hedong's real ids, made through the
// actions, and with made-up ids of the same shape: the answers must be identical (code, message, field,
// data; the id itself aside) and neither call writes anything. Request ids are the caller's: another
// caller's request id is a new request, never a conflict that says it was used.
const app = useTestApp();

const PARENT = 'o-existence-parent';

const { call, ok, snapshot } = callsOf(() => app);

/** Real Hedong records, made through the actions in beforeAll. */
const real = {
  approval: '',
  makeup: '',
  booking: '',
  invite: '',
  inquiry: '',
  upload: 'existence-upload-hd',
  record: '',
};
const start = Date.parse('2026-11-27T16:30:00+08:00');

beforeAll(async () => {
  real.approval = (await ok('approval', 'submitExchange', exchangeRequest('exist-ap-0001'), HD.teacher)).id;
  real.makeup = (await ok('duty', 'requestMakeup', makeupRequest('exist-mk-0001'), HD.teacher)).id;
  const facility = await ok(
    'approval',
    'submitFacility',
    { requestId: 'exist-fc-0001', facilityId: 'fc-hd-s01-gym', start, end: start + 3600_000, purpose: '篮球训练' },
    HD.principal,
  );
  real.booking = (
    await ok('approval', 'decide', { id: facility.id, decision: 'approve', version: facility.version }, HD.lead)
  ).result.bookingId;
  real.invite = (
    await ok('admin', 'createInvite', { requestId: 'exist-inv-0001', role: 'principal', schoolId: 'hd-s07' }, HD.bureau)
  ).invite.id;
  real.inquiry = (
    await ok(
      'school',
      'askSchool',
      inquiryRequest('exist-ask-0001', { schoolId: 'hd-s06', address: '友爱道1号' }),
      PARENT,
    )
  ).id;
  await ok(
    'admin',
    'importUpload',
    { uploadId: real.upload, index: 0, total: 1, piece: '学校名称,学段\n存在测试小学,小学\n' },
    HD.bureau,
  );
  // A clock-in without the code (TEST_NOW is in a session): only its teacher may 扫码核验 it.
  const host = (
    app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as {
      hostLocation: { latitude: number; longitude: number };
    }
  ).hostLocation;
  real.record = (await ok('duty', 'clockIn', { requestId: 'exist-in-0001', location: host }, HD.teacher)).recordId;
});

/**
 * One id-taking action: its input around an id, the real id of another district's (or school's)
 * record, a made-up id of the same shape, and the callers who must not learn that the real one exists.
 */
interface Case {
  fn: keyof typeof ACCESS;
  action: string;
  input: (id: string, n: number) => Record<string, unknown>;
  real: () => string;
  madeUp: string;
  callers: string[];
}
/** A case on the real Hedong request, against a made-up request id. */
const onApproval = (action: string, input: Case['input'], callers: string[]): Case => ({
  fn: 'approval',
  action,
  input,
  real: () => real.approval,
  madeUp: 'ap-00000000000000000000000000000000',
  callers,
});
const rid = (tag: string, n: number) => `exist-${tag}-${String(n).padStart(4, '0')}`;
const CASES: Case[] = [
  {
    fn: 'school',
    action: 'answerInquiry',
    input: (id) => ({ id, answer: '请到校咨询' }),
    real: () => real.inquiry,
    madeUp: 'iq-o-madeup-parent-exist-ask-0001',
    callers: [HC.principal, HC.bureau, DC_BUREAU, HD.huzhu, HD.bureau],
  },
  {
    fn: 'duty',
    action: 'requestMakeup',
    input: (dutyId, n) => makeupRequest(rid('mk', n), { dutyId }),
    real: () => 'dt-hd-teacher-1',
    madeUp: 'dt-zz-teacher-1',
    callers: [HC.teacher],
  },
  // 签到 naming a duty (overlapping windows) only ever looks among the caller's own duties.
  {
    fn: 'duty',
    action: 'clockIn',
    input: (dutyId, n) => ({ requestId: rid('in', n), location: { latitude: 39.1, longitude: 117.2 }, dutyId }),
    real: () => 'dt-hd-teacher-1',
    madeUp: 'dt-zz-teacher-1',
    callers: [HC.teacher, HD.principal],
  },
  {
    fn: 'duty',
    action: 'verifyPresence',
    input: (recordId) => ({ recordId, location: { latitude: 39.1, longitude: 117.2 }, presenceCode: '000000' }),
    real: () => real.record,
    madeUp: 'dt-zz-teacher-1-2026-11-23-0955',
    callers: [HC.teacher, HD.principal, HD.lead],
  },
  // The attendance view is the caller's own school only: another school's id (this district's or another's) is a made-up one.
  {
    fn: 'duty',
    action: 'attendance',
    input: (schoolId) => ({ schoolId, date: '2026-11-23' }),
    real: () => 'hd-s01',
    madeUp: 'zz-s01',
    callers: [HC.principal, HC.lead, HD.principal, HD.huzhu],
  },
  // Confirming a 外勤 is the host principal's: other principals learn nothing of the record.
  {
    fn: 'duty',
    action: 'confirmFieldWork',
    input: (recordId) => ({ recordId, comment: '已电话核实' }),
    real: () => real.record,
    madeUp: 'dt-zz-teacher-1-2026-11-23-0955',
    callers: [HC.principal, HD.principal, HD.huzhu],
  },
  {
    fn: 'duty',
    action: 'decideMakeup',
    input: (id) => ({ id, approve: true }),
    real: () => real.makeup,
    madeUp: 'mk-dt-zz-teacher-1-exist-mk-0001',
    callers: [HC.principal, HC.lead, HD.principal, HD.huzhu],
  },
  {
    fn: 'approval',
    action: 'submitExchange',
    input: (hostSchoolId, n) =>
      exchangeRequest(rid('ap', n), {
        hostSchoolId,
        slots: [{ weekday: 3, start: '14:00', end: '15:30', periods: 2 }],
      }),
    real: () => 'hd-s05',
    madeUp: 'zz-s05',
    callers: [HC.teacher],
  },
  {
    fn: 'approval',
    action: 'submitFacility',
    input: (facilityId, n) => ({
      requestId: rid('fc', n),
      facilityId,
      start,
      end: start + 3600_000,
      purpose: '篮球训练',
    }),
    real: () => 'fc-hd-s01-gym',
    madeUp: 'fc-zz-s01-gym',
    callers: [HC.principal, HC.lead],
  },
  onApproval('detail', (id) => ({ id }), [HC.teacher, HC.principal, HC.lead, HC.bureau, DC_BUREAU]),
  onApproval('decide', (id) => ({ id, decision: 'approve', version: 1 }), [HC.principal, HC.lead, HC.bureau]),
  onApproval('batchApprove', (id) => ({ ids: [id] }), [HC.principal, HC.lead, HC.bureau]),
  onApproval('withdraw', (id) => ({ id, version: 1 }), [HC.teacher, HC.principal]),
  onApproval('resubmit', (id) => ({ id, version: 1 }), [HC.teacher, HC.principal]),
  onApproval('remind', (id) => ({ id }), [HC.teacher, HC.principal]),
  onApproval('delegates', (id) => ({ id }), [HC.principal, HC.lead, HC.bureau]),
  onApproval('transfer', (id) => ({ id, version: 1, to: 'o-local-hc-lead-primary' }), [
    HC.principal,
    HC.lead,
    HC.bureau,
  ]),
  {
    fn: 'facility',
    action: 'list',
    input: (xuequId) => ({ xuequId }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.teacher, HC.principal, HC.lead, HC.bureau],
  },
  {
    fn: 'facility',
    action: 'week',
    input: (facilityId) => ({ facilityId }),
    real: () => 'fc-hd-s01-gym',
    madeUp: 'fc-zz-s01-gym',
    callers: [HC.teacher, HC.principal, HC.lead, HC.bureau],
  },
  {
    fn: 'facility',
    action: 'cancel',
    input: (bookingId) => ({ bookingId }),
    real: () => real.booking,
    madeUp: 'bk-zz-00000000',
    callers: [HC.principal, HC.lead, HD.huzhu],
  },
  {
    fn: 'admin',
    action: 'compositionHistory',
    input: (xuequId) => ({ xuequId }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'previewEdit',
    input: (xuequId) => ({ edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId, name: '借用学区' } }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'previewEdit',
    input: (schoolId) => ({ edit: { kind: 'addSchool', effectiveFrom: '2027-09-01', xuequId: 'dc-x1', schoolId } }),
    real: () => 'hd-s05',
    madeUp: 'zz-s05',
    callers: [DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'applyEdit',
    input: (xuequId, n) => ({
      requestId: rid('edit', n),
      edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId, name: '借用学区' },
    }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'applyEdit',
    input: (schoolId, n) => ({
      requestId: rid('edit', n),
      edit: { kind: 'moveSchool', effectiveFrom: '2027-09-01', schoolId, fromXuequId: 'dc-x1', toXuequId: 'dc-x2' },
    }),
    real: () => 'hd-s05',
    madeUp: 'zz-s05',
    callers: [DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'createInvite',
    input: (schoolId, n) => ({ requestId: rid('inv', n), role: 'principal', schoolId }),
    real: () => 'hd-s07',
    madeUp: 'zz-s07',
    callers: [HC.bureau, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'createInvite',
    input: (xuequId, n) => ({ requestId: rid('inv', n), role: 'xuequzhang', xuequId, schoolId: 'hd-s01' }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau],
  },
  {
    fn: 'admin',
    action: 'createInvite',
    input: (schoolId, n) => ({ requestId: rid('inv', n), role: 'teacher', schoolId }),
    real: () => 'hd-s05',
    madeUp: 'zz-s05',
    callers: [HC.principal],
  },
  {
    fn: 'admin',
    action: 'revokeInvite',
    input: (id) => ({ id }),
    real: () => real.invite,
    madeUp: 'inv-00000000000000000000000000000000',
    callers: [HC.bureau, DC_BUREAU, HC.principal, HD.principal],
  },
  {
    fn: 'admin',
    action: 'dashboard',
    input: (xuequId) => ({ scope: 'xuequ', xuequId }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau, HC.lead, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'dashboardCsv',
    input: (xuequId) => ({ scope: 'xuequ', xuequId }),
    real: () => 'hd-x1',
    madeUp: 'zz-x1',
    callers: [HC.bureau, HC.lead],
  },
  {
    fn: 'admin',
    action: 'importPreview',
    input: (uploadId) => ({ table: 'schools', format: 'csv', uploadId }),
    real: () => real.upload,
    madeUp: 'existence-upload-zz',
    callers: [HC.bureau, DC_BUREAU],
  },
  {
    fn: 'admin',
    action: 'importApply',
    input: (uploadId, n) => ({ requestId: rid('imp', n), table: 'schools', format: 'csv', uploadId }),
    real: () => real.upload,
    madeUp: 'existence-upload-zz',
    callers: [HC.bureau, DC_BUREAU],
  },
];

/** The answer with the id asked about written as `<id>`, so a real and a made-up id compare. */
const shown = (r: Result, id: string) => JSON.parse(JSON.stringify(r).split(id).join('<id>'));

describe('another district’s (or school’s) ids answer exactly as made-up ids, and write nothing', () => {
  let n = 0;
  it.each(CASES.map((c) => [`${c.fn}.${c.action}`, c] as const))('%s', async (_name, c) => {
    expect(Object.keys(ACCESS[c.fn])).toContain(c.action);
    for (const who of c.callers) {
      const before = snapshot();
      const forReal = await call(c.fn, c.action, c.input(c.real(), ++n), who);
      expect(snapshot()).toBe(before);
      const madeUp = await call(c.fn, c.action, c.input(c.madeUp, ++n), who);
      expect(snapshot()).toBe(before);
      expect({ as: who, answer: shown(forReal, c.real()) }).toEqual({ as: who, answer: shown(madeUp, c.madeUp) });
      // A FORBIDDEN is fine only where a made-up id gets the very same one (facility.list, dashboard:
      // "only your own 学区"), which the comparison above already holds it to.
    }
  });

  it('walks every action whose input names a record by id', () => {
    // Public reference data (学区, schools, policies) is published to everyone: its ids are no secret.
    // askSchool's schoolId is checked against the district the parent names (published data too).
    const PUBLIC_IDS = ['school.getXuequ', 'school.getSchool', 'school.getPolicy', 'school.askSchool'];
    // An upload id names the caller's own pieces: another caller's is a new upload (tested below).
    const CALLER_SCOPED = ['admin.importUpload'];
    const walked = new Set([...CASES.map((c) => `${c.fn}.${c.action}`), ...PUBLIC_IDS, ...CALLER_SCOPED]);
    const idTaking = (Object.keys(CONTRACTS) as Array<keyof typeof CONTRACTS>).flatMap((fn) =>
      Object.entries(CONTRACTS[fn] as Record<string, z.ZodTypeAny>)
        .filter(([, schema]) => keysOf(schema).some(isIdKey))
        .map(([action]) => `${fn}.${action}`),
    );
    expect(idTaking.length).toBeGreaterThan(20);
    expect(idTaking.filter((a) => !walked.has(a))).toEqual([]);
  });
});

/** A key naming a record (id, ids, xuequId, uploadId…); a client's own request id names nothing stored yet. */
const isIdKey = (key: string) => /(^id|Id|^ids|Ids)$/.test(key) && key !== 'requestId';
/** Every object key of a zod schema, at any depth (objects, unions, arrays, optionals, refinements). */
function keysOf(schema: z.ZodTypeAny): string[] {
  const def = schema._def as Record<string, any>;
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).flatMap(([k, v]) => [k, ...keysOf(v)]);
  const inner = [
    def.schema,
    def.innerType,
    def.type,
    def.left,
    def.right,
    ...(Array.isArray(def.options) ? def.options : def.options instanceof Map ? [...def.options.values()] : []),
  ];
  return inner.filter((x): x is z.ZodTypeAny => x instanceof z.ZodType).flatMap(keysOf);
}

describe('request ids are the caller’s', () => {
  it('another district’s request id is a new request of the caller’s own, not a conflict', async () => {
    const me = await ok('account', 'me', {}, HC.principal);
    const hcSchool: string = me.school?.id ?? me.schoolId;
    // Hedong's bureau made exist-inv-0001; Haicang's bureau files an invite under the same request id.
    const invite = await ok(
      'admin',
      'createInvite',
      { requestId: 'exist-inv-0001', role: 'principal', schoolId: hcSchool },
      HC.bureau,
    );
    expect(invite).toMatchObject({ duplicate: false, code: expect.any(String) });
    expect(invite.invite.id).not.toBe(real.invite);
    // A retry by the same caller stays idempotent.
    expect(
      await ok(
        'admin',
        'createInvite',
        { requestId: 'exist-inv-0001', role: 'principal', schoolId: hcSchool },
        HC.bureau,
      ),
    ).toMatchObject({ duplicate: true, code: null, invite: { id: invite.invite.id } });

    // Hedong's principal filed exist-fc-0001; Haicang's principal books one of its district's facilities under it.
    const hcFacility = (await ok('facility', 'list', {}, HC.principal)).facilities[0].id as string;
    const filed = await ok(
      'approval',
      'submitFacility',
      { requestId: 'exist-fc-0001', facilityId: hcFacility, start, end: start + 3600_000, purpose: '篮球训练' },
      HC.principal,
    );
    expect(filed).toMatchObject({ duplicate: false });
    expect(
      await ok(
        'approval',
        'submitFacility',
        { requestId: 'exist-fc-0001', facilityId: hcFacility, start, end: start + 3600_000, purpose: '篮球训练' },
        HC.principal,
      ),
    ).toMatchObject({ duplicate: true, id: filed.id });
  });

  it('an upload under another bureau’s upload id is a new upload of the caller, as under a made-up id', async () => {
    const piece = { index: 0, total: 2, piece: '学校名称,学段\n' };
    const other = await call('admin', 'importUpload', { uploadId: real.upload, ...piece }, HC.bureau);
    const madeUp = await call('admin', 'importUpload', { uploadId: 'existence-upload-zz', ...piece }, HC.bureau);
    expect(shown(other, real.upload)).toEqual(shown(madeUp, 'existence-upload-zz'));
    expect(other).toMatchObject({ ok: true, data: { received: 1, total: 2 } });
    // Hedong's upload is untouched: its one piece still reads as the whole file.
    expect(
      await ok('admin', 'importPreview', { table: 'schools', format: 'csv', uploadId: real.upload }, HD.bureau),
    ).toBeTruthy();
  });

  it('a composition edit under a request id another district used is applied, once', async () => {
    await ok(
      'admin',
      'applyEdit',
      {
        requestId: 'exist-shared-01',
        edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'hd-x1', name: '河东第一学区' },
      },
      HD.bureau,
    );
    const edit = { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'dc-x1', name: '东城第一学区' };
    expect(await ok('admin', 'applyEdit', { requestId: 'exist-shared-01', edit }, DC_BUREAU)).toMatchObject({
      duplicate: false,
    });
    expect(await ok('admin', 'applyEdit', { requestId: 'exist-shared-01', edit }, DC_BUREAU)).toMatchObject({
      duplicate: true,
    });
  });
});
