import {
  describeChange,
  historyOf,
  nextTermStart,
  planEdit,
  upcomingChanges,
  type CompositionEdit,
  type EditContext,
  type SchoolInfo,
} from '@/domain/composition';
import { compositionOn, schoolIdsOf, xuequOfSchool, type XuequVersion } from '@/domain/xuequ';
import { applied as appliedIn, xuequVersion, type AllianceOf } from './fixtures';

const school = (id: string, stage: 'primary' | 'middle' | 'nine' = 'primary'): SchoolInfo => ({
  _id: id,
  name: `${id}校`,
  stages: stage === 'nine' ? ['primary', 'middle'] : [stage],
});
const SCHOOLS = [
  ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'].map((id) => school(id)),
  school('m1', 'middle'),
  school('m2', 'middle'),
  school('n1', 'nine'),
];
const version = (
  xuequId: string,
  name: string,
  from: string,
  to: string | null,
  primary: AllianceOf,
  middle?: AllianceOf,
): XuequVersion =>
  xuequVersion(xuequId, {
    name,
    from,
    to,
    primary,
    middle,
    streetCodes: [`${xuequId}-street`],
    leadTitle: { primary: '学区长学校', middle: '学区长学校' },
    source: { title: '原文件', issuer: '区教育局', date: '2020-05-21' },
  });
const X1 = version(
  'hd-x1',
  '第一学区',
  '2020-05-21',
  null,
  ['p1', ['p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']],
  ['m1', ['n1']],
);
const X2 = version('hd-x2', '第二学区', '2020-05-21', null, ['p9', ['p10']], ['m2', []]);
const ctx = (versions: XuequVersion[] = [X1, X2], today = '2026-11-23'): EditContext => ({
  districtCode: '120102',
  versions,
  schools: SCHOOLS,
  today,
  source: {
    title: '关于调整河东区学区组成的通知',
    issuer: '河东区教育局',
    date: '2026-11-20',
    number: '河东教发〔2026〕12号',
  },
});
const move = (schoolId: string, from = 'hd-x1', to = 'hd-x2', effectiveFrom = '2027-02-20'): CompositionEdit => ({
  kind: 'moveSchool',
  schoolId,
  fromXuequId: from,
  toXuequId: to,
  effectiveFrom,
});
const applied = (versions: XuequVersion[], edit: CompositionEdit, today?: string) =>
  appliedIn(ctx(versions, today), edit);
const where = (versions: XuequVersion[], date: string, id: string) =>
  xuequOfSchool(compositionOn(versions, date), id).map((h) => `${h.xuequ.xuequId}:${h.role}:${h.stage}`);

describe('moving a school with an effective date', () => {
  it('closes the current versions and adds new ones from the date; before the date nothing changed', () => {
    const plan = planEdit(ctx(), move('p8'));
    expect(plan.writes.map((w) => [w.kind, w.doc._id, w.doc.effectiveFrom, w.doc.effectiveTo])).toEqual([
      ['close', 'hd-x1@2020-05-21', '2020-05-21', '2027-02-20'],
      ['add', 'hd-x1@2027-02-20', '2027-02-20', null],
      ['close', 'hd-x2@2020-05-21', '2020-05-21', '2027-02-20'],
      ['add', 'hd-x2@2027-02-20', '2027-02-20', null],
    ]);
    const after = applied([X1, X2], move('p8'));
    expect(where(after, '2027-02-19', 'p8')).toEqual(['hd-x1:member:primary']);
    expect(where(after, '2027-02-20', 'p8')).toEqual(['hd-x2:member:primary']);
    // History is kept: the old version's content is unchanged, only closed.
    const old = after.find((v) => v._id === 'hd-x1@2020-05-21')!;
    expect(old.alliances).toEqual(X1.alliances);
    expect(plan.changes).toEqual(['p8校划出第一学区', 'p8校划入第二学区']);
    expect(plan.after.find((x) => x.xuequId === 'hd-x2')!.source.title).toBe('关于调整河东区学区组成的通知');
  });

  it('a nine-year school joins both stage alliances of the new 学区', () => {
    const after = applied([X1, X2], move('n1'));
    expect(where(after, '2027-02-20', 'n1')).toEqual(['hd-x2:member:middle', 'hd-x2:member:primary']);
  });

  it('a second edit on the same future date replaces only that future version', () => {
    const once = applied([X1, X2], move('p8'));
    const plan = planEdit(ctx(once), move('p7'));
    expect(plan.writes.map((w) => [w.kind, w.doc._id])).toEqual([
      ['replace', 'hd-x1@2027-02-20'],
      ['replace', 'hd-x2@2027-02-20'],
    ]);
    const twice = applied(once, move('p7'));
    expect(twice).toHaveLength(4);
    expect(where(twice, '2027-02-20', 'p7')).toEqual(['hd-x2:member:primary']);
    expect(where(twice, '2027-02-20', 'p8')).toEqual(['hd-x2:member:primary']);
    expect(where(twice, '2026-12-01', 'p7')).toEqual(['hd-x1:member:primary']);
  });

  it('an earlier edit also applies to a version already planned later', () => {
    const planned = applied([X1, X2], {
      kind: 'rename',
      xuequId: 'hd-x2',
      name: '第二学区（新）',
      effectiveFrom: '2027-09-01',
    });
    const plan = planEdit(ctx(planned), move('p8'));
    expect(plan.warnings).toContain('第二学区已排定的2027-09-01起组成也一并调整');
    const after = applied(planned, move('p8'));
    expect(where(after, '2027-09-01', 'p8')).toEqual(['hd-x2:member:primary']);
    expect(compositionOn(after, '2027-09-01').find((x) => x.xuequId === 'hd-x2')!.name).toBe('第二学区（新）');
    expect(compositionOn(after, '2027-03-01').find((x) => x.xuequId === 'hd-x2')!.effectiveTo).toBe('2027-09-01');
  });

  it('an edit starting today takes effect today', () => {
    const after = applied([X1, X2], move('p8', 'hd-x1', 'hd-x2', '2026-11-23'));
    expect(where(after, '2026-11-23', 'p8')).toEqual(['hd-x2:member:primary']);
    expect(where(after, '2026-11-22', 'p8')).toEqual(['hd-x1:member:primary']);
  });
});

describe('validation', () => {
  const errors = (edit: CompositionEdit, versions?: XuequVersion[]) => planEdit(ctx(versions), edit).errors;

  it('refuses a date in the past (China time) and an impossible date', () => {
    expect(errors(move('p8', 'hd-x1', 'hd-x2', '2026-11-22'))).toEqual([
      '生效日期（effectiveFrom）不能早于今天（2026-11-23）',
    ]);
    expect(errors(move('p8', 'hd-x1', 'hd-x2', '2027-02-30'))).toEqual(['生效日期（effectiveFrom）不是有效日期']);
  });

  it('refuses unknown schools, duplicates in an alliance, a lead also listed as member', () => {
    expect(errors(move('zz'))).toEqual(['未知学校：zz（不是本区学校）']);
    expect(
      errors({
        kind: 'setAlliances',
        xuequId: 'hd-x2',
        effectiveFrom: '2027-02-20',
        alliances: [{ stage: 'primary', leadSchoolIds: ['p9'], memberSchoolIds: ['p10', 'p10', 'zz'] }],
      }),
    ).toEqual(['未知学校：zz（不是本区学校）', 'p10校在第二学区的小学联盟中重复出现']);
    expect(
      errors({
        kind: 'setAlliances',
        xuequId: 'hd-x2',
        effectiveFrom: '2027-02-20',
        alliances: [{ stage: 'primary', leadSchoolIds: ['p9'], memberSchoolIds: ['p9', 'p10'] }],
      }),
    ).toEqual(['p9校已是第二学区的小学联盟的牵头学校，不能同时列为成员校']);
  });

  it('refuses an empty name and a name another 学区 of the district has', () => {
    expect(errors({ kind: 'rename', xuequId: 'hd-x2', name: '  ', effectiveFrom: '2027-02-20' })).toEqual([
      '学区名称不能为空',
    ]);
    expect(errors({ kind: 'rename', xuequId: 'hd-x2', name: '第一学区', effectiveFrom: '2027-02-20' })).toEqual([
      '本区已有名为“第一学区”的学区',
    ]);
    expect(
      errors({ kind: 'create', name: '第一学区', alliances: [], streetCodes: [], effectiveFrom: '2027-02-20' }),
    ).toEqual(['本区已有名为“第一学区”的学区']);
  });

  it('refuses a new 学区 with a street of another district', () => {
    expect(
      errors({
        kind: 'create',
        name: '第九学区',
        alliances: [],
        streetCodes: ['120102005', '110101001'],
        effectiveFrom: '2027-02-20',
      }),
    ).toEqual(['街道（110101001）不是本区的街道']);
  });

  it('refuses moving a school that is not in the 学区 or already in the target', () => {
    expect(errors(move('p10'))).toEqual(['p10校在2027-02-20不属于第一学区']);
    expect(errors(move('p10', 'hd-x2', 'hd-x2'))).toEqual(['原学区和新学区相同']);
    expect(errors(move('p8', 'hd-x1', 'hd-x9'))).toEqual(['学区（hd-x9）在2027-02-20不存在']);
  });

  it('an edit with errors writes nothing', () => {
    expect(planEdit(ctx(), move('p10')).writes).toEqual([]);
  });
});

describe('warnings', () => {
  it('warns above 10 schools in a 学区 (seed 003), but the edit may go ahead', () => {
    // 第二学区 has 4 schools; 第一学区 has 10: moving one in makes 11.
    const plan = planEdit(ctx(), move('p10', 'hd-x2', 'hd-x1'));
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual(['第一学区将有11所学校，超过10所（每个学区学校数原则上不超过10所）']);
    expect(plan.writes).toHaveLength(4);
  });

  it('warns when a school is left in no 学区, and when an alliance loses its lead', () => {
    const plan = planEdit(ctx(), {
      kind: 'removeSchool',
      xuequId: 'hd-x1',
      schoolId: 'p1',
      effectiveFrom: '2027-02-20',
    });
    expect(plan.warnings).toEqual(['第一学区的小学联盟没有小学学区长学校', 'p1校将不属于任何学区']);
  });
});

describe('leads and new 学区', () => {
  it('sets a member as lead; the previous lead stays as a member', () => {
    const after = applied([X1, X2], {
      kind: 'setLead',
      xuequId: 'hd-x1',
      schoolId: 'p2',
      stage: 'primary',
      effectiveFrom: '2027-09-01',
    });
    expect(where(after, '2027-09-01', 'p2')).toEqual(['hd-x1:lead:primary']);
    expect(where(after, '2027-09-01', 'p1')).toEqual(['hd-x1:member:primary']);
    expect(where(after, '2027-08-31', 'p2')).toEqual(['hd-x1:member:primary']);
  });

  it('creates a 学区 with the next id of the district', () => {
    const plan = planEdit(ctx(), {
      kind: 'create',
      name: '第六学区',
      alliances: [{ stage: 'primary', leadSchoolIds: ['p11'], memberSchoolIds: [] }],
      streetCodes: [],
      effectiveFrom: '2027-09-01',
    });
    expect(plan.errors).toEqual([]);
    expect(plan.writes.map((w) => [w.kind, w.doc._id])).toEqual([['add', 'hd-x3@2027-09-01']]);
    expect(plan.changes).toEqual(['设立第六学区：p11校']);
  });
});

describe('reading changes', () => {
  const after = applied([X1, X2], move('p8'));
  const nameOf = (id: string) => SCHOOLS.find((s) => s._id === id)?.name ?? id;

  it('tells a parent what changes later for a school, with the 学区 then', () => {
    expect(upcomingChanges(after, '2026-11-23', ['p8'], [], nameOf, (c) => c)).toEqual([
      {
        effectiveFrom: '2027-02-20',
        changes: ['p8校由第一学区划入第二学区'],
        xuequIds: ['hd-x2'],
        // Both 学区 change by the one document: named once.
        sources: [
          {
            title: '关于调整河东区学区组成的通知',
            issuer: '河东区教育局',
            date: '2026-11-20',
            number: '河东教发〔2026〕12号',
          },
        ],
      },
    ]);
    expect(upcomingChanges(after, '2026-11-23', ['p2'], [], nameOf, (c) => c)).toEqual([]);
    // Once the date has come, it is no longer upcoming.
    expect(upcomingChanges(after, '2027-02-20', ['p8'], [], nameOf, (c) => c)).toEqual([]);
  });

  it('keeps every version in the history, newest first, with what changed', () => {
    const h = historyOf(
      after.filter((v) => v.xuequId === 'hd-x2'),
      '2026-11-23',
      nameOf,
    );
    expect(h.map((e) => [e.version._id, e.status, e.changes])).toEqual([
      ['hd-x2@2027-02-20', 'future', ['p8校划入第二学区']],
      ['hd-x2@2020-05-21', 'current', ['设立第二学区：m2校、p9校、p10校']],
    ]);
  });

  it('names lead changes and renames', () => {
    const next = {
      ...X1,
      name: '第一学区（新）',
      alliances: [{ stage: 'primary' as const, leadSchoolIds: ['p2'], memberSchoolIds: ['p1'] }],
    };
    expect(describeChange(X1, next, nameOf)).toEqual(
      expect.arrayContaining([
        '名称由“第一学区”改为“第一学区（新）”',
        'p2校成为小学学区长学校',
        'p1校不再担任小学学区长学校',
      ]),
    );
    expect(schoolIdsOf(next)).toEqual(['p2', 'p1']);
  });

  it('defaults to the next term start in China', () => {
    expect(nextTermStart('2026-11-23')).toBe('2027-02-20');
    expect(nextTermStart('2027-02-20')).toBe('2027-09-01');
    expect(nextTermStart('2027-01-05')).toBe('2027-02-20');
  });
});

describe('adding a school that is in no 学区', () => {
  it('adds it as a member of its stage; a school already in a 学区 must be moved instead', () => {
    const removed = applied([X1, X2], {
      kind: 'removeSchool',
      xuequId: 'hd-x1',
      schoolId: 'p8',
      effectiveFrom: '2027-02-20',
    });
    const after = applied(removed, {
      kind: 'addSchool',
      xuequId: 'hd-x2',
      schoolId: 'p8',
      effectiveFrom: '2027-09-01',
    });
    expect(where(after, '2027-02-20', 'p8')).toEqual([]);
    expect(where(after, '2027-09-01', 'p8')).toEqual(['hd-x2:member:primary']);
    expect(
      planEdit(ctx(), { kind: 'addSchool', xuequId: 'hd-x2', schoolId: 'p7', effectiveFrom: '2027-02-20' }).errors,
    ).toEqual(['p7校属于第一学区，请用“移至其他学区”']);
  });
});
