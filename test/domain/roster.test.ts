import { keyTeacherLookup, rosterCounts, type RosterTeacher } from '@/domain/roster';

const t = (staffNo: string, schoolId: string, name: string, key: boolean): RosterTeacher => ({
  _id: staffNo,
  districtCode: '120102',
  schoolId,
  staffNo,
  name,
  subject: null,
  key,
});
const ROSTER = [t('A1', 's1', '李老师', true), t('A2', 's1', '王老师', false), t('B1', 's2', '李老师', false)];

describe('the teacher roster', () => {
  it('counts teachers and 骨干教师 per school', () => {
    expect(Object.fromEntries(rosterCounts(ROSTER))).toEqual({
      s1: { teacherCount: 2, keyTeacherCount: 1 },
      s2: { teacherCount: 1, keyTeacherCount: 0 },
    });
  });

  it('knows a 骨干教师 by the account’s 工号 first, else by home school and name', () => {
    const staffNo: Record<string, string> = { 'o-linked': 'A1', 'o-linked-plain': 'A2' };
    const isKey = keyTeacherLookup(ROSTER, (openid) => staffNo[openid]);
    expect(isKey({ teacherOpenid: 'o-linked', homeSchoolId: 's9', teacherName: '改了名' })).toBe(true);
    // Linked to a plain teacher: a namesake 骨干 at the same school does not count.
    expect(isKey({ teacherOpenid: 'o-linked-plain', homeSchoolId: 's1', teacherName: '李老师' })).toBe(false);
    expect(isKey({ teacherOpenid: 'o-unlinked', homeSchoolId: 's1', teacherName: '李老师' })).toBe(true);
    expect(isKey({ teacherOpenid: 'o-unlinked', homeSchoolId: 's2', teacherName: '李老师' })).toBe(false);
  });
});
