import { compositionOn, schoolIdsOf, xuequOfSchool, xuequServingStreet } from '@/domain/xuequ';
import { xuequVersion } from './fixtures';

const v = (id: string, from: string, to: string | null, streets: string[], lead: string, members: string[]) =>
  xuequVersion(id, { from, to, streetCodes: streets, primary: [lead, members] });

describe('学区 composition on a date', () => {
  const history = [
    v('x1', '2020-05-21', '2027-09-01', ['s1'], 'a', ['b', 'c']),
    v('x1', '2027-09-01', null, ['s1'], 'a', ['b']),
    v('x2', '2020-05-21', null, ['s2'], 'd', ['e']),
    v('x2', '2027-09-01', null, ['s2'], 'd', ['e', 'c']),
  ];

  it('takes the version valid on the day: from inclusive, to exclusive', () => {
    expect(compositionOn(history, '2027-08-31').map((x) => x._id)).toEqual(['x1@2020-05-21', 'x2@2020-05-21']);
    expect(compositionOn(history, '2027-09-01').map((x) => x._id)).toEqual(['x1@2027-09-01', 'x2@2027-09-01']);
  });

  it('leaves out a 学区 before it exists', () => {
    expect(compositionOn(history, '2019-01-01')).toEqual([]);
  });

  it('a school moved between 学区 is found in the right one on each date', () => {
    expect(xuequOfSchool(compositionOn(history, '2026-11-23'), 'c').map((h) => [h.xuequ.xuequId, h.role])).toEqual([
      ['x1', 'member'],
    ]);
    expect(xuequOfSchool(compositionOn(history, '2027-09-01'), 'c').map((h) => [h.xuequ.xuequId, h.role])).toEqual([
      ['x2', 'member'],
    ]);
    expect(xuequOfSchool(compositionOn(history, '2027-09-01'), 'a').map((h) => h.role)).toEqual(['lead']);
  });

  it('finds the 学区 serving a 街道 and lists each school once', () => {
    const now = compositionOn(history, '2026-01-01');
    expect(xuequServingStreet(now, 's2').map((x) => x.xuequId)).toEqual(['x2']);
    expect(xuequServingStreet(now, 'none')).toEqual([]);
    expect(
      schoolIdsOf({
        ...now[0],
        alliances: [...now[0].alliances, { stage: 'middle', leadSchoolIds: ['a'], memberSchoolIds: ['z'] }],
      }),
    ).toEqual(['a', 'b', 'c', 'z']);
  });
});
