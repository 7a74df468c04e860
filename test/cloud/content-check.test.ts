import { createHash } from 'node:crypto';
import { useTestApp } from '../helpers/local-app';
import { exchangeRequest, inquiryRequest, makeupRequest } from '../helpers/calls';
import { HD, ROLE_OPENIDS } from '../helpers/personas';
import { DEFAULT_ADMISSION } from '@/domain/admission';
import { DEFAULT_REVIEW_WORD, DEFAULT_RISKY_WORD, textChecks } from '../../local/runtime/sec-check';

// Issue 12 item 5: text a person types for another person to read goes through WeChat's text check
// (security.msgSecCheck 2.0) before it is stored. Through the built bundles and the local runtime,
// whose check refuses the configured test word: every such action refuses it with CONTENT_REJECTED
// naming the field and writes nothing, and passes ordinary text with one check per call.
const app = useTestApp();

type Who = { OPENID: string; APPID: string };
const who = (OPENID: string): Who => ({ OPENID, APPID: 'wx-test' });
const PARENT = who(ROLE_OPENIDS.parent);
const BUREAU = who(HD.bureau);
const TEACHER = who(HD.teacher);
const HOME = who(HD.principal); // the teacher's school
const LEAD = who(HD.lead); // owns the gym
const HUZHU = who(HD.huzhu); // hosts the mentoring duty

const BAD = `这里有${DEFAULT_RISKY_WORD}`;
const call = async (fn: string, data: Record<string, unknown>, as: Who) =>
  (await app.cloud.invoke(fn, data, as)).result as any;

/** Every document of every collection, hashed: "nothing written" means this does not change. */
function storeDigest(): string {
  const h = createHash('sha256');
  for (const c of app.cloud.store.collections().sort()) h.update(c).update(JSON.stringify(app.cloud.store.find(c, {})));
  return h.digest('hex');
}

/** Calls with the test word in `field`: refused with CONTENT_REJECTED naming it, checked as the caller, nothing written. */
async function refusesTestWord(fn: string, data: Record<string, unknown>, as: Who, field: string, label: string) {
  const before = storeDigest();
  const checked = textChecks().length;
  const result = await call(fn, data, as);
  expect(result).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', field });
  expect(result.message).toContain(`${label}（${field}）`);
  expect(storeDigest()).toBe(before);
  const calls = textChecks().slice(checked);
  expect(calls.length).toBeGreaterThanOrEqual(1);
  expect(calls[0]).toMatchObject({ functionName: fn, version: 2, scene: 2, openid: as.OPENID, suggest: 'risky' });
  expect(String(calls[0].content)).toContain(DEFAULT_RISKY_WORD);
}

/** Calls with ordinary text: ok, after exactly one check of all its text as the caller. */
async function passes(fn: string, data: Record<string, unknown>, as: Who, text: string[]) {
  const checked = textChecks().length;
  const result = await call(fn, data, as);
  expect(result).toMatchObject({ ok: true });
  const calls = textChecks().slice(checked);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ functionName: fn, version: 2, scene: 2, openid: as.OPENID, suggest: 'pass' });
  for (const t of text) expect(String(calls[0].content)).toContain(t);
  return result.data;
}

describe('请学校确认 and its answer', () => {
  const ask = (requestId: string, over: Record<string, unknown> = {}) =>
    inquiryRequest(requestId, { address: '互助道500号', question: '请问属于哪所学校？', ...over });
  let inquiryId = '';

  it('each typed field is checked: the field with the test word is named, nothing is stored', async () => {
    await refusesTestWord('school', ask('cc-ask-00001', { question: BAD }), PARENT, 'question', '问题');
    await refusesTestWord(
      'school',
      ask('cc-ask-00002', { address: `互助道${DEFAULT_RISKY_WORD}号` }),
      PARENT,
      'address',
      '地址',
    );
    await refusesTestWord(
      'school',
      ask('cc-ask-00003', { contactName: DEFAULT_RISKY_WORD }),
      PARENT,
      'contactName',
      '联系人',
    );
  });

  it('two fields at fault are both named', async () => {
    const result = await call('school', ask('cc-ask-00004', { address: BAD, question: BAD }), PARENT);
    expect(result).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', field: 'address' });
    expect(result.message).toContain('地址（address）、问题（question）');
    expect(app.cloud.store.count('zoning_inquiries', {})).toBe(0);
  });

  it('ordinary text is stored after one check of all three fields', async () => {
    ({ id: inquiryId } = await passes('school', ask('cc-ask-00005'), PARENT, [
      '互助道500号',
      '王女士',
      '请问属于哪所学校？',
    ]));
    expect(app.cloud.store.count('zoning_inquiries', { _id: inquiryId })).toBe(1);
  });

  it('the answer is checked as the answerer’s', async () => {
    await refusesTestWord('school', { action: 'answerInquiry', id: inquiryId, answer: BAD }, BUREAU, 'answer', '答复');
    await passes('school', { action: 'answerInquiry', id: inquiryId, answer: '该门牌由教育局统筹安排' }, BUREAU, [
      '该门牌由教育局统筹安排',
    ]);
  });
});

describe('approvals: reasons, names, purposes and comments', () => {
  const exchange = exchangeRequest;
  let id = '';

  it('submitExchange: the reason, and a mentee’s name', async () => {
    await refusesTestWord('approval', exchange('cc-ap-000001', { reason: BAD }), TEACHER, 'reason', '申请理由');
    await refusesTestWord(
      'approval',
      exchange('cc-ap-000002', { type: 'mentoring', mentee: { name: DEFAULT_RISKY_WORD } }),
      TEACHER,
      'mentee.name',
      '徒弟姓名',
    );
    expect(app.cloud.sentMessages).toEqual([]);
    ({ id } = await passes('approval', exchange('cc-ap-000003'), TEACHER, ['互助道小学美术教师产假']));
  });

  it('decide, resubmit, batchApprove and withdraw: the comment', async () => {
    await refusesTestWord(
      'approval',
      { action: 'decide', id, decision: 'return', version: 1, comment: BAD },
      HOME,
      'comment',
      '意见',
    );
    await passes(
      'approval',
      { action: 'decide', id, decision: 'return', version: 1, comment: '请补充课时安排' },
      HOME,
      ['请补充课时安排'],
    );
    await refusesTestWord('approval', { action: 'resubmit', id, version: 2, comment: BAD }, TEACHER, 'comment', '意见');
    await passes('approval', { action: 'resubmit', id, version: 2, comment: '已补充' }, TEACHER, ['已补充']);
    await refusesTestWord('approval', { action: 'batchApprove', ids: [id], comment: BAD }, HOME, 'comment', '意见');
    await passes('approval', { action: 'batchApprove', ids: [id], comment: '同意' }, HOME, ['同意']);
    await refusesTestWord('approval', { action: 'withdraw', id, version: 4, comment: BAD }, TEACHER, 'comment', '意见');
    await passes('approval', { action: 'withdraw', id, version: 4, comment: '计划有变' }, TEACHER, ['计划有变']);
  });

  it('a decision without a comment makes no check', async () => {
    const { id: other } = await passes('approval', exchange('cc-ap-000004', { hostSchoolId: 'hd-s01' }), TEACHER, [
      '互助道小学美术教师产假',
    ]);
    const checked = textChecks().length;
    expect(
      await call('approval', { action: 'decide', id: other, decision: 'approve', version: 1 }, HOME),
    ).toMatchObject({ ok: true });
    expect(textChecks().length).toBe(checked);
  });
});

describe('facility bookings: the purpose, and the reason for cancelling', () => {
  const start = Date.parse('2026-11-28T10:00:00+08:00');
  const booking = (requestId: string, purpose: string) => ({
    action: 'submitFacility',
    requestId,
    facilityId: 'fc-hd-s01-gym',
    start,
    end: start + 3600_000,
    purpose,
  });

  it('submitFacility checks the purpose; facility.cancel checks the reason', async () => {
    await refusesTestWord('approval', booking('cc-fc-000001', BAD), HOME, 'purpose', '用途');
    const made = await passes('approval', booking('cc-fc-000002', '篮球社团训练'), HOME, ['篮球社团训练']);
    const decided = await call(
      'approval',
      { action: 'decide', id: made.id, decision: 'approve', version: made.version },
      LEAD,
    );
    const { bookingId } = decided.data.result;
    await refusesTestWord('facility', { action: 'cancel', bookingId, reason: BAD }, HOME, 'reason', '取消原因');
    expect(app.cloud.store.find('bookings', { _id: bookingId })[0]).toMatchObject({ status: 'confirmed' });
    await passes('facility', { action: 'cancel', bookingId, reason: '比赛改期' }, HOME, ['比赛改期']);
  });
});

describe('补卡: the reason and the decision’s comment', () => {
  it('requestMakeup checks the reason; decideMakeup the comment', async () => {
    jest.setSystemTime(Date.parse('2026-11-26T08:00:00Z')); // Wednesday's 14:00 mentoring session was missed
    const makeup = (requestId: string, reason: string) =>
      makeupRequest(requestId, { dutyId: 'dt-hd-teacher-2', sessionDate: '2026-11-25', slotStart: '14:00', reason });
    await refusesTestWord('duty', makeup('cc-mk-00001', BAD), TEACHER, 'reason', '补卡原因');
    const { id } = await passes('duty', makeup('cc-mk-00002', '手机没电，忘记签到'), TEACHER, ['手机没电，忘记签到']);
    await refusesTestWord(
      'duty',
      { action: 'decideMakeup', id, approve: true, comment: BAD },
      HUZHU,
      'comment',
      '意见',
    );
    await passes('duty', { action: 'decideMakeup', id, approve: true, comment: '同意' }, HUZHU, ['同意']);
  });
});

describe('the bureau: invite notes, the 招生规则 document, a 学区 name', () => {
  it('createInvite checks the note', async () => {
    const invite = (requestId: string, note: string) => ({
      action: 'createInvite',
      requestId,
      role: 'principal',
      schoolId: 'hd-s07',
      note,
    });
    await refusesTestWord('admin', invite('cc-inv-0001', DEFAULT_RISKY_WORD), BUREAU, 'note', '受邀人姓名或备注');
    await passes('admin', invite('cc-inv-0002', '新任校长张老师'), BUREAU, ['新任校长张老师']);
  });

  it('setAdmissionSettings checks the document parents are shown', async () => {
    const rules = (document: string) => ({ action: 'setAdmissionSettings', ...DEFAULT_ADMISSION, document });
    await refusesTestWord('admin', rules(BAD), BUREAU, 'document', '依据文件');
    await passes('admin', rules('河东区2026年义务教育招生入学工作意见'), BUREAU, [
      '河东区2026年义务教育招生入学工作意见',
    ]);
  });

  it('applyEdit checks a 学区’s new name', async () => {
    const rename = (requestId: string, name: string) => ({
      action: 'applyEdit',
      requestId,
      edit: { kind: 'rename', effectiveFrom: '2027-09-01', xuequId: 'hd-x1', name },
    });
    await refusesTestWord('admin', rename('cc-edit-0001', DEFAULT_RISKY_WORD), BUREAU, 'edit.name', '学区名称');
    await passes('admin', rename('cc-edit-0002', '河东第一学区'), BUREAU, ['河东第一学区']);
  });
});

describe('review and an unavailable check', () => {
  it('text WeChat suggests reviewing is stored (one check)', async () => {
    const data = inquiryRequest('cc-ask-00010', { address: '互助道502号', question: DEFAULT_REVIEW_WORD });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const checked = textChecks().length;
      expect(await call('school', data, PARENT)).toMatchObject({ ok: true });
      expect(
        textChecks()
          .slice(checked)
          .map((c) => c.suggest),
      ).toEqual(['review']);
      expect(app.cloud.store.count('zoning_inquiries', { question: DEFAULT_REVIEW_WORD })).toBe(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('when the check cannot be done, nothing is stored and the user is told to try again', async () => {
    process.env.XUEQU_SECCHECK_ERRCODE = '-1';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const before = storeDigest();
      const result = await call('school', inquiryRequest('cc-ask-00011', { address: '互助道504号' }), PARENT);
      expect(result).toMatchObject({ ok: false, code: 'CONTENT_CHECK_UNAVAILABLE' });
      expect(result.message).toContain('请稍后再试');
      expect(storeDigest()).toBe(before);
    } finally {
      delete process.env.XUEQU_SECCHECK_ERRCODE;
      warn.mockRestore();
    }
  });
});
