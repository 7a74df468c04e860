import { shareTitle } from '@/pages/lookup/share-title';
import type { LookupResult } from '@/contracts/school';

// The share card of a lookup carries the answer, so the chat shows it before anyone opens the link.
const base: LookupResult = {
  district: { code: '120102', name: '河东区' },
  street: { code: '120102005', name: '二号桥街道' },
  community: null,
  schoolYear: 2026,
  xuequ: [{ id: 'hd-x1', name: '第一学区' } as LookupResult['xuequ'][number]],
  zoned: [],
  years: [],
  history: [],
  canAskSchool: false,
  schools: [],
  notes: [],
  upcoming: [],
  questions: [],
};
const zoned = (name: string) =>
  ({ school: { id: name, name, kind: 'primary', note: null } }) as unknown as LookupResult['zoned'][number];

describe('the lookup share title', () => {
  it('names the typed place and the zoned schools once each', () => {
    expect(
      shareTitle({ ...base, zoned: [zoned('互助道小学'), zoned('互助道小学'), zoned('第四十五中学')] }, '互助道15号'),
    ).toBe('互助道15号：划片学校 互助道小学、第四十五中学');
  });
  it('without zoned schools, the picked place and its 学区', () => {
    expect(shareTitle(base, '')).toBe('河东区二号桥街道：属于第一学区');
    expect(shareTitle({ ...base, xuequ: [] }, '')).toBe('河东区二号桥街道的学区和划片学校');
  });
});
