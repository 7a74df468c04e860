import { attendanceOfDay, sessionsOnDate } from '@/domain/duty';
import { confirmFieldWork, fieldWorkLabel, presenceOfFieldWork } from '@/domain/duty/field-work';
import { presenceVerified } from '@/domain/presence';
import { CN, POLICY, cn, duty, record, slot } from './fixtures';

// 外勤 with a note: unverified until the host principal confirms it; then verified, like a 补卡.
const mon = '2026-11-23';
const d = duty({ slots: [slot(1, '14:00', '15:30', 2)] });
const key = sessionsOnDate(d, mon, CN)[0].key;
const field = {
  ...record({
    _id: key,
    sessionDate: mon,
    slotStart: '14:00',
    slotEnd: '15:30',
    clockInAt: cn(mon, '13:58'),
    inPass: false,
    inDistanceM: 4200,
  }),
  ...presenceOfFieldWork('带学生参加区运动会'),
};

describe('a 外勤 record', () => {
  it('is unverified with its note, and the host principal sees 外勤待确认 first', () => {
    expect(presenceVerified(field)).toBe(false);
    expect(fieldWorkLabel(field.fieldWork)).toBe('外勤（待确认）');
    const rows = attendanceOfDay([d], [field], mon, cn(mon, '16:00'), CN, POLICY);
    expect(rows[0].exceptions).toContain('外勤待确认：带学生参加区运动会');
  });

  it('confirmed with a comment: verified, who and when kept; once only; not for an ordinary record', () => {
    const done = confirmFieldWork(field, { openid: 'p1', name: '李校长' }, '情况属实', cn(mon, '17:00'));
    if ('ok' in done) throw new Error('refused');
    expect(presenceVerified(done)).toBe(true);
    expect(done.fieldWork).toMatchObject({
      confirmedBy: 'p1',
      confirmedByName: '李校长',
      confirmedAt: cn(mon, '17:00'),
      comment: '情况属实',
      note: '带学生参加区运动会',
    });
    expect(fieldWorkLabel(done.fieldWork)).toBe('外勤（已确认）');
    expect(attendanceOfDay([d], [done], mon, cn(mon, '18:00'), CN, POLICY)[0].exceptions.join()).not.toContain(
      '外勤待确认',
    );
    expect(confirmFieldWork(done, { openid: 'p2', name: '张校长' }, '再次', cn(mon, '18:00'))).toMatchObject({
      ok: false,
      code: 'ALREADY_CONFIRMED',
    });
    expect(
      confirmFieldWork(
        record({ sessionDate: mon, slotStart: '14:00', slotEnd: '15:30' }),
        { openid: 'p1', name: '李校长' },
        '情况属实',
        0,
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FIELD_WORK' });
  });
});
