import { useTestApp } from '../helpers/local-app';

// Issue 13: derived figures stay consistent when imports race, and one file is applied once.
const app = useTestApp();
const BUREAU = { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' };
const admin = async (data: Record<string, unknown>) =>
  ((await app.cloud.invoke('admin', data, BUREAU)) as { result: any }).result;
const roster = (from: number, count: number) =>
  [
    '工号,姓名,学校名称,学科,骨干教师',
    ...Array.from(
      { length: count },
      (_, i) => `R${from + i},教师${from + i},友爱道小学,语文,${(from + i) % 5 === 0 ? '是' : '否'}`,
    ),
  ].join('\n');
const version = () => (app.cloud.store.find('meta', { _id: 'reference' })[0] as { version: number }).version;

describe('concurrent imports', () => {
  it('four roster imports of 50 teachers at one school leave the school counts equal to the roster', async () => {
    const results = await Promise.all(
      [0, 1, 2, 3].map((k) =>
        admin({
          action: 'importApply',
          table: 'teachers',
          format: 'csv',
          content: roster(1000 + k * 50, 50),
          requestId: `race-roster-${k}-abcdef`,
        }),
      ),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const school = app.cloud.store.find('schools', { districtCode: '120102', name: '友爱道小学' })[0] as any;
    const rows = app.cloud.store.find('teacher_roster', { schoolId: school._id }) as any[];
    expect(rows).toHaveLength(200);
    expect(school.teacherCount).toBe(rows.length);
    expect(school.keyTeacherCount).toBe(rows.filter((t) => t.key).length);
    expect(school.keyTeacherCount).toBe(40);
  });

  it('one file imported five times at once under different request ids is written once', async () => {
    const file = roster(5000, 20);
    const before = version();
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((k) =>
        admin({
          action: 'importApply',
          table: 'teachers',
          format: 'csv',
          content: file,
          requestId: `race-same-${k}-abcdef`,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.data.written).sort()).toEqual([0, 0, 0, 0, 20]);
    expect(version()).toBe(before + 1);
  });
});
