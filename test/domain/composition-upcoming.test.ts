import {
  dateLabel,
  editSource,
  planEdit,
  upcomingChanges,
  xuequUpcoming,
  type CompositionEdit,
  type EditContext,
  type SchoolInfo,
} from '@/domain/composition';
import { sourceLabel, type SourceDocument, type XuequVersion } from '@/domain/xuequ';
import { applied, xuequVersion } from './fixtures';

const SCHOOLS: SchoolInfo[] = ['p1', 'p2', 'p3', 'p4'].map((id) => ({ _id: id, name: `${id}校`, stages: ['primary'] }));
const nameOf = (id: string) => SCHOOLS.find((s) => s._id === id)?.name ?? id;
const ORIGINAL: SourceDocument = {
  title: '河东区教育局关于进一步推进义务教育学区化办学的实施方案',
  issuer: '天津市河东区教育局',
  date: '2020-05-21',
};
const version = (xuequId: string, name: string, lead: string, members: string[]) =>
  xuequVersion(xuequId, { name, primary: [lead, members], source: ORIGINAL });
const BASE = [version('hd-x1', '第一学区', 'p1', ['p2']), version('hd-x2', '第二学区', 'p3', ['p4'])];
const TODAY = '2026-11-30';
const ctx = (source: SourceDocument, versions = BASE): EditContext => ({
  districtCode: '120102',
  versions,
  schools: SCHOOLS,
  today: TODAY,
  source,
});
const apply = (versions: XuequVersion[], edit: CompositionEdit, source: SourceDocument) =>
  applied(ctx(source, versions), edit);
const move: CompositionEdit = {
  kind: 'moveSchool',
  schoolId: 'p2',
  fromXuequId: 'hd-x1',
  toXuequId: 'hd-x2',
  effectiveFrom: '2027-09-01',
};

describe('the source recorded on an edit', () => {
  it('is the document as the bureau entered it: title, 文号, date or year', () => {
    const s = editSource(
      { title: ' 关于调整学区组成的通知 ', number: '河东教发〔2027〕3号', date: '2027' },
      '河东区教育局',
      TODAY,
    );
    expect(s).toEqual({
      title: '关于调整学区组成的通知',
      issuer: '河东区教育局',
      date: '2027',
      number: '河东教发〔2027〕3号',
    });
    expect(sourceLabel(s)).toBe('河东区教育局《关于调整学区组成的通知》（河东教发〔2027〕3号）（2027）');
  });

  it('without a document is recorded as 未附文件, never with a made-up title', () => {
    const s = editSource(undefined, '河东区教育局', TODAY);
    expect(s).toEqual({ title: '', issuer: '河东区教育局', date: TODAY, number: null, undocumented: true });
    expect(sourceLabel(s)).toBe('河东区教育局调整（未附文件，2026-11-30录入）');
    expect(sourceLabel(s)).not.toContain('《');
    // A stored source that lost its title reads the same way, not as 《》.
    expect(sourceLabel({ title: ' ', issuer: '河东区教育局', date: '2026-11-30' })).toBe(
      '河东区教育局调整（未附文件，2026-11-30录入）',
    );
  });

  it('is what the new versions of the edit carry', () => {
    const s = editSource(undefined, '河东区教育局', TODAY);
    const plan = planEdit(ctx(s), move);
    const added = plan.writes.filter((w) => w.kind === 'add').map((w) => w.doc.source);
    expect(added).toEqual([s, s]);
    // Closing a version keeps the document it was made by.
    expect(plan.writes.filter((w) => w.kind === 'close').map((w) => w.doc.source)).toEqual([ORIGINAL, ORIGINAL]);
  });
});

describe('a coming composition change', () => {
  const source: SourceDocument = {
    title: '关于调整学区组成的通知',
    issuer: '河东区教育局',
    date: '2027-03-01',
    number: '河东教发〔2027〕3号',
  };
  const after = apply(BASE, move, source);

  it('reads its date as parents do', () => {
    expect(dateLabel('2027-09-01')).toBe('2027年9月1日');
    expect(dateLabel('2027-02-20')).toBe('2027年2月20日');
  });

  it('tells the school page what changes for 本校, from when and by which document', () => {
    const self = (id: string) => (id === 'p2' ? '本校' : nameOf(id));
    expect(upcomingChanges(after, TODAY, ['p2'], [], self, (c) => c)).toEqual([
      { effectiveFrom: '2027-09-01', changes: ['本校由第一学区划入第二学区'], xuequIds: ['hd-x2'], sources: [source] },
    ]);
    // A school the edit does not touch has nothing coming.
    expect(upcomingChanges(after, TODAY, ['p4'], [], self, (c) => c)).toEqual([]);
    // On the date itself the change is current, not coming.
    expect(upcomingChanges(after, '2027-09-01', ['p2'], [], self, (c) => c)).toEqual([]);
  });

  it('tells each 学区 what it gains or loses, with the source', () => {
    expect(xuequUpcoming(after, 'hd-x1', TODAY, nameOf)).toEqual([
      { effectiveFrom: '2027-09-01', changes: ['p2校划出第一学区'], sources: [source] },
    ]);
    expect(xuequUpcoming(after, 'hd-x2', TODAY, nameOf)).toEqual([
      { effectiveFrom: '2027-09-01', changes: ['p2校划入第二学区'], sources: [source] },
    ]);
    expect(xuequUpcoming(after, 'hd-x2', '2027-09-01', nameOf)).toEqual([]);
    expect(xuequUpcoming(BASE, 'hd-x1', TODAY, nameOf)).toEqual([]);
  });

  it('tells a 学区 closed without a successor that it ends, and a new 学区 that it starts', () => {
    const closed = BASE.map((v) => (v.xuequId === 'hd-x1' ? { ...v, effectiveTo: '2027-09-01' } : v));
    expect(xuequUpcoming(closed, 'hd-x1', TODAY, nameOf)).toEqual([
      { effectiveFrom: '2027-09-01', changes: ['第一学区撤销'], sources: [] },
    ]);
    const created = apply(
      BASE,
      {
        kind: 'create',
        name: '第三学区',
        alliances: [{ stage: 'primary', leadSchoolIds: [], memberSchoolIds: [] }],
        streetCodes: [],
        effectiveFrom: '2027-09-01',
      },
      source,
    );
    expect(xuequUpcoming(created, 'hd-x3', TODAY, nameOf)).toEqual([
      { effectiveFrom: '2027-09-01', changes: ['设立第三学区'], sources: [source] },
    ]);
  });
});
