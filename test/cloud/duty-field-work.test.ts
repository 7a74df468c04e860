import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';
import { presenceCodeAt } from '../helpers/presence';

// Issue 14, 外勤 with a note: a teacher outside the geofence (or without a code) clocks in as 外勤 with
// a required note; the record keeps it, the teacher and the host principal see 外勤 with the note
// (exceptions first), and it is unverified until the host principal confirms it with a comment —
// then it counts like an approved 补卡 (the dashboard's rollups move in the same transaction).
// Through the built `duty` bundle and the local runtime, the server clock moved by jest's fake Date.
const app = useTestApp();
const { call, ok, snapshot } = callsOf(() => app);
const at = (iso: string) => jest.setSystemTime(Date.parse(iso));

const TEACHER = 'o-local-hd-teacher';
const HOST_45 = 'o-local-hd-xuequzhang'; // principal of 第四十五中学 (hd-s01), host of dt-hd-teacher-1
const HOST_HUZHU = 'o-local-hd-lead-primary'; // principal of 互助道小学 (hd-s05): another host school
const duty1 = () => app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
const here = () => duty1().hostLocation as { latitude: number; longitude: number };
const farAway = () => ({ latitude: here().latitude + 0.05, longitude: here().longitude });
const RECORD = 'dt-hd-teacher-1-2026-11-26-0955'; // Thursday 09:55–11:30 at 第四十五中学
const NOTE = '带学生在区青少年宫参加科技节，不在学校';

/** The host school's figures for November 2026, summed over the rollup shards. */
function rollup() {
  const docs = app.cloud.store.find('kpi_rollups', { hostSchoolId: 'hd-s01', month: '2026-11' }) as any[];
  return docs.reduce(
    (s, d) => ({
      sessions: s.sessions + d.hostSessions,
      unverified: s.unverified + d.unverified,
      noCode: s.noCode + (d.noCode ?? 0),
    }),
    { sessions: 0, unverified: 0, noCode: 0 },
  );
}

describe('a 外勤 clock-in', () => {
  beforeAll(() => at('2026-11-26T01:50:00Z')); // Thursday 09:50 in China: the window is open

  it('needs a note: empty, too long or sent with a 签到码 is refused in Chinese naming the field, nothing written', async () => {
    const before = snapshot();
    const empty = await call(
      'duty',
      'clockIn',
      { requestId: 'fw-in-0000', location: farAway(), fieldNote: '  ' },
      TEACHER,
    );
    expect(empty).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'fieldNote' });
    expect(empty.message).toContain('请填写外勤说明（fieldNote）');
    const long = await call(
      'duty',
      'clockIn',
      { requestId: 'fw-in-0000', location: farAway(), fieldNote: '远'.repeat(101) },
      TEACHER,
    );
    expect(long).toMatchObject({ ok: false, field: 'fieldNote' });
    expect(long.message).toContain('不超过100字');
    const both = await call(
      'duty',
      'clockIn',
      {
        requestId: 'fw-in-0000',
        location: farAway(),
        fieldNote: NOTE,
        presenceCode: presenceCodeAt('hd-s01').shortCode,
      },
      TEACHER,
    );
    expect(both).toMatchObject({ ok: false, field: 'fieldNote' });
    expect(snapshot()).toBe(before);
  });

  it('is recorded with its note, unverified, and the host principal is told', async () => {
    const before = rollup();
    const sent = app.cloud.sentMessages.length;
    const r = await ok('duty', 'clockIn', { requestId: 'fw-in-0001', location: farAway(), fieldNote: NOTE }, TEACHER);
    expect(r).toMatchObject({
      recordId: RECORD,
      pass: false,
      verified: false,
      presenceLabel: '外勤（待确认）',
      duplicate: false,
    });
    expect(r.presenceReason).toContain(NOTE);
    expect(r.warnings.join()).toContain('已按外勤签到');
    const stored = app.cloud.store.find('clock_records', { _id: RECORD })[0] as any;
    expect(stored).toMatchObject({ presence: 'unverified', fieldWork: { note: NOTE, confirmedAt: null } });
    // Unverified: not a counted session, counted apart as no code.
    expect(rollup()).toEqual({
      sessions: before.sessions,
      unverified: before.unverified + 1,
      noCode: before.noCode + 1,
    });
    const told = app.cloud.sentMessages.slice(sent).filter((m: any) => m.touser === HOST_45);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0].data)).toContain('外勤待确认');
    // A replay answers with the first result and writes nothing.
    const snap = snapshot();
    expect(
      await ok('duty', 'clockIn', { requestId: 'fw-in-0001', location: farAway(), fieldNote: NOTE }, TEACHER),
    ).toMatchObject({ duplicate: true, warnings: r.warnings });
    expect(snapshot()).toBe(snap);
  });

  it('shows as 外勤 with the note on the teacher’s sessions', async () => {
    const today = await ok('duty', 'today', {}, TEACHER);
    const s = today.sessions.find((x: any) => x.key === RECORD);
    expect(s.record).toMatchObject({
      presenceLabel: '外勤（待确认）',
      verified: false,
      fieldWork: { note: NOTE, confirmed: false, comment: null },
    });
  });

  it('comes first in the host principal’s 交流教师考勤, as 外勤待确认 with the note', async () => {
    const view = await ok('duty', 'attendance', { date: '2026-11-26' }, HOST_45);
    expect(view.rows[0]).toMatchObject({
      key: RECORD,
      recordId: RECORD,
      verified: false,
      presenceLabel: '外勤（待确认）',
      fieldWork: { note: NOTE, confirmed: false },
    });
    expect(view.rows[0].exceptions).toContain(`外勤待确认：${NOTE}`);
  });
});

describe('the host principal confirms it', () => {
  beforeAll(() => at('2026-11-26T04:00:00Z'));

  it('only the host school, with a comment; the teacher cannot; nothing is written when refused', async () => {
    const before = snapshot();
    expect(await call('duty', 'confirmFieldWork', { recordId: RECORD, comment: '情况属实' }, HOST_HUZHU)).toMatchObject(
      { ok: false, code: 'NOT_FOUND' },
    );
    expect(
      await call(
        'duty',
        'confirmFieldWork',
        { recordId: 'dt-hd-teacher-1-2026-11-26-0000', comment: '情况属实' },
        HOST_45,
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('duty', 'confirmFieldWork', { recordId: RECORD, comment: '情况属实' }, TEACHER)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const noComment = await call('duty', 'confirmFieldWork', { recordId: RECORD, comment: '' }, HOST_45);
    expect(noComment).toMatchObject({ ok: false, field: 'comment' });
    expect(noComment.message).toContain('请填写确认意见（comment）');
    expect(snapshot()).toBe(before);
  });

  it('confirmed: verified from now on, counted like a 补卡, with who, when and the comment kept', async () => {
    const before = rollup();
    const row = await ok('duty', 'confirmFieldWork', { recordId: RECORD, comment: '科技节带队，情况属实' }, HOST_45);
    expect(row).toMatchObject({
      key: RECORD,
      verified: true,
      presenceLabel: '外勤（已确认）',
      fieldWork: { note: NOTE, confirmed: true, comment: '科技节带队，情况属实', confirmedAt: '2026-11-26 12:00' },
    });
    expect(row.exceptions.join()).not.toContain('外勤待确认');
    const stored = app.cloud.store.find('clock_records', { _id: RECORD })[0] as any;
    expect(stored).toMatchObject({
      presence: 'makeup',
      presenceReason: null,
      fieldWork: { confirmedBy: HOST_45, comment: '科技节带队，情况属实' },
    });
    expect(rollup()).toEqual({
      sessions: before.sessions + 1,
      unverified: before.unverified - 1,
      noCode: before.noCode - 1,
    });
    const again = await call('duty', 'confirmFieldWork', { recordId: RECORD, comment: '再次确认' }, HOST_45);
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_CONFIRMED' });
    const mine = (await ok('duty', 'today', {}, TEACHER)).sessions.find((x: any) => x.key === RECORD);
    expect(mine.record).toMatchObject({
      verified: true,
      presenceLabel: '外勤（已确认）',
      fieldWork: { confirmed: true, comment: '科技节带队，情况属实' },
    });
  });

  it('a clock-in that is not 外勤 has nothing to confirm', async () => {
    at('2026-11-30T01:56:00Z'); // Monday 09:56, at the school with the code
    const r = await ok(
      'duty',
      'clockIn',
      { requestId: 'fw-in-0002', location: here(), presenceCode: presenceCodeAt('hd-s01').shortCode },
      TEACHER,
    );
    expect(r).toMatchObject({ verified: true, presenceLabel: '已核验' });
    const before = snapshot();
    expect(
      await call('duty', 'confirmFieldWork', { recordId: r.recordId, comment: '情况属实' }, HOST_45),
    ).toMatchObject({ ok: false, code: 'NOT_FIELD_WORK' });
    expect(snapshot()).toBe(before);
  });
});
