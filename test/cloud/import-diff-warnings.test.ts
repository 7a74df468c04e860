import { useTestApp } from '../helpers/local-app';

// Import previews through the built `admin` bundle: a 修改 row says which columns change (old → new), and
// valid but implausible rows carry warnings naming row, column and what they conflict with, without
// blocking the import.
const app = useTestApp();

const BUREAU = { OPENID: 'o-local-hd-bureau', APPID: 'wx-test' };
const admin = async (data: Record<string, unknown>) =>
  ((await app.cloud.invoke('admin', data, BUREAU)) as { result: any }).result;
const stored = (name: string) => app.cloud.store.find('schools', { name })[0] as any;
const rowOf = (res: any, row: number) => res.data.rows.find((r: any) => r.row === row);
let seq = 0;
const requestId = () => `req-diffwarn-${String(++seq).padStart(4, '0')}`;

const SCHOOL_HEADER = '学校名称,学段,纬度,经度,教师人数';
const ZONING_HEADER =
  '学年,学段,类型,社区代码,道路,单双号,起始门牌,结束门牌,小区名称,别名,学校名称,规则原文,文件名称,文号,发文日期';
const road = (
  side: string,
  from: number,
  to: number,
  school: string,
  text = `富民路${side}${from}-${to}号 → ${school}`,
) =>
  `2027,小学,道路,,富民路,${side},${from},${to},,,${school},${text},河东区2027年划片方案,河东教〔2027〕8号,2027-05-20`;

describe('schools', () => {
  it("a 修改 row lists the changed columns with the stored and the file's values; the preview writes nothing", async () => {
    const huzhu = stored('互助道小学');
    const before = JSON.stringify(app.cloud.store.find('schools', {}));
    const file = [
      SCHOOL_HEADER,
      `互助道小学,小学,${huzhu.location.latitude},${huzhu.location.longitude},${huzhu.teacherCount + 7}`,
    ].join('\n');
    const res = await admin({ action: 'importPreview', table: 'schools', format: 'csv', content: file });
    expect(res.ok).toBe(true);
    expect(rowOf(res, 2)).toMatchObject({
      outcome: 'changed',
      label: '互助道小学',
      changes: [{ field: '教师人数', from: String(huzhu.teacherCount), to: String(huzhu.teacherCount + 7) }],
    });
    expect(rowOf(res, 2).warnings).toBeUndefined();
    expect(JSON.stringify(app.cloud.store.find('schools', {}))).toBe(before);
  });

  it('coordinates in another province are accepted with a warning naming row, columns and distance', async () => {
    // 厦门 for a 河东区 school (天津).
    const file = [SCHOOL_HEADER, '友爱道小学,小学,24.4846,118.0327,', '新建实验小学,小学,39.1402,117.2702,40'].join(
      '\n',
    );
    const res = await admin({ action: 'importPreview', table: 'schools', format: 'csv', content: file });
    expect(res.data.ok).toBe(true);
    const far = rowOf(res, 2);
    expect(far.outcome).toBe('changed');
    expect(far.warnings).toEqual([
      expect.stringMatching(/^纬度、经度：友爱道小学距河东区其他学校约1\d{3}公里，可能不在本区/),
    ]);
    expect(far.changes.map((c: any) => c.field)).toEqual(expect.arrayContaining(['纬度', '经度']));
    expect(rowOf(res, 3)).toMatchObject({ outcome: 'new' });
    expect(rowOf(res, 3).warnings).toBeUndefined();
    // A warning does not block: the bureau may import what it checked.
    const applied = await admin({
      action: 'importApply',
      table: 'schools',
      format: 'csv',
      content: file,
      requestId: requestId(),
    });
    expect(applied).toMatchObject({ ok: true, data: { written: 2 } });
    expect(stored('友爱道小学').location).toEqual({ latitude: 24.4846, longitude: 118.0327 });
  });
});

describe('zoning road ranges', () => {
  it("a range overlapping another school's on the same road is warned about: in the file and against stored rules", async () => {
    const first = [ZONING_HEADER, road('单号', 1, 99, '互助道小学')].join('\n');
    expect(
      await admin({ action: 'importApply', table: 'zoning', format: 'csv', content: first, requestId: requestId() }),
    ).toMatchObject({ ok: true, data: { written: 1 } });

    const file = [
      ZONING_HEADER,
      road('单号', 51, 151, '新建实验小学'), // overlaps the stored 1–99 of 互助道小学
      road('双号', 2, 98, '新建实验小学'), // the other side: no overlap
      road('双号', 90, 120, '互助道小学'), // overlaps row 3 of this file
    ].join('\n');
    const res = await admin({ action: 'importPreview', table: 'zoning', format: 'csv', content: file });
    expect(res.data).toMatchObject({ ok: true, counts: { new: 3, error: 0 } });
    expect(rowOf(res, 2).warnings).toEqual([
      '道路、起始门牌、结束门牌：富民路51–151号（单号）与已有规则互助道小学的富民路1–99号（单号）重叠',
    ]);
    expect(rowOf(res, 3).warnings).toEqual([
      '道路、起始门牌、结束门牌：富民路2–98号（双号）与第4行互助道小学的富民路90–120号（双号）重叠',
    ]);
    expect(rowOf(res, 4).warnings).toEqual([
      '道路、起始门牌、结束门牌：富民路90–120号（双号）与第3行新建实验小学的富民路2–98号（双号）重叠',
    ]);
  });

  it('a 修改 rule lists the school and the text that change, long text cut short', async () => {
    const long = `富民路单号1-99号：${'以门牌为准，'.repeat(30)}`;
    const file = [ZONING_HEADER, road('单号', 1, 99, '新建实验小学', long)].join('\n');
    const res = await admin({ action: 'importPreview', table: 'zoning', format: 'csv', content: file });
    const r = rowOf(res, 2);
    expect(r.outcome).toBe('changed');
    expect(r.changes.map((c: any) => [c.field, c.from])).toEqual([
      ['学校名称', '互助道小学'],
      ['规则原文', '富民路单号1-99号 → 互助道小学'],
    ]);
    expect(r.changes[0].to).toBe('新建实验小学');
    expect(Array.from(r.changes[1].to as string)).toHaveLength(40);
    expect(r.changes[1].to.endsWith('…')).toBe(true);
    // The rule it changes is the stored one: nothing else overlaps it.
    expect(r.warnings).toBeUndefined();
  });
});
