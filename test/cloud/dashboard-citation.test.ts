import { useTestApp } from '../helpers/local-app';

// Where the dashboard says the 交流 share target comes from, per district (built `admin` bundle): a
// district's own document or an applicable higher-level one, never another district's.
const app = useTestApp();

beforeAll(() => {
  app.cloud.store.insertMany('users', [
    {
      _id: 'o-dc-bureau-cite',
      roles: ['bureau'],
      name: '东城区教委（示例）',
      districtCode: '110101',
      schoolId: null,
      xuequId: null,
    },
  ]);
});

const notesOf = async (OPENID: string) => {
  const r = (
    (await app.cloud.invoke('admin', { action: 'dashboard', scope: 'district' }, { OPENID, APPID: 'wx-test' })) as {
      result: any;
    }
  ).result;
  expect(r.ok).toBe(true);
  return r.data.notes as string[];
};
const rotationNote = (notes: string[]) => notes.find((n) => n.startsWith('交流比例：'))!;

describe("the 交流 share target's citation", () => {
  it("河东区 does not cite 东城区's document: no document of its own sets 30%, and the national 10% is named", async () => {
    const note = rotationNote(await notesOf('o-local-hd-bureau'));
    expect(note).not.toContain('东城');
    expect(note).toContain('目标不少于30%：河东区及上级文件未规定这一比例，为本系统的默认目标');
    expect(note).toContain(
      '国家文件要求不低于10%（教育部、财政部、人力资源社会保障部《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》（教师〔2014〕4号），2014-08-13）',
    );
  });

  it('海沧区 neither', async () => {
    const note = rotationNote(await notesOf('o-local-hc-bureau'));
    expect(note).not.toContain('东城');
    expect(note).toContain('海沧区及上级文件未规定这一比例');
  });

  it('东城区 cites its own 学区制综合改革方案, which sets the 30%', async () => {
    const note = rotationNote(await notesOf('o-dc-bureau-cite'));
    expect(note).toContain(
      '目标不少于30%（本区文件：中共东城区委教育工作委员会、东城区教育委员会《关于〈东城区实施学区制综合改革方案〉的通知》，2014-01-17：“优秀干部教师轮岗交流资源共享比率不少于30%”）',
    );
  });
});
