import { schoolInputs } from '@/contracts/school';
import { approvalInputs } from '@/contracts/approval';
import { dutyInputs } from '@/contracts/duty';

// Issue 13 item 5 at the contract: valid Unicode text only, real calendar dates, dates within policy.
const ask = {
  requestId: 'req-hyg-0001',
  districtCode: '120102',
  address: '互助道15号',
  contactName: '王女士',
  phone: '13800000000',
};
const fieldOf = (r: { success: boolean; error?: { issues: Array<{ path: Array<string | number> }> } }) =>
  r.success ? null : r.error!.issues[0].path.join('.');

describe('text a person wrote', () => {
  it.each([
    ['a NUL character', '互助道\u000015号'],
    ['a lone high surrogate', '互助道\uD83D15号'],
    ['a lone low surrogate', '互助道\uDE0015号'],
    ['an escape character', '互助道\u001B[31m15号'],
  ])('is refused with %s, naming the field', (_what, address) => {
    expect(fieldOf(schoolInputs.askSchool.safeParse({ ...ask, address }))).toBe('address');
  });

  it('keeps emoji (a full surrogate pair), line breaks and tabs', () => {
    expect(schoolInputs.askSchool.safeParse({ ...ask, question: '请问😀\n第二行\t好' }).success).toBe(true);
  });
});

describe('dates', () => {
  it('must exist on the calendar', () => {
    expect(fieldOf(schoolInputs.listXuequ.safeParse({ districtCode: '120102', date: '2026-02-30' }))).toBe('date');
    expect(schoolInputs.listXuequ.safeParse({ districtCode: '120102', date: '2028-02-29' }).success).toBe(true);
  });

  it.each([['1900-01-01'], ['9999-12-31']])('of a term are refused at %s', (day) => {
    const r = approvalInputs.submitExchange.safeParse({
      requestId: 'req-hyg-0002',
      kind: 'rotation',
      hostSchoolId: 'hd-s06',
      termStart: day,
      termEnd: '2027-07-10',
      slots: [],
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain('2000-01-01至2100-12-31');
  });

  it('of a 补卡 must be real', () => {
    const r = dutyInputs.requestMakeup.safeParse({
      requestId: 'req-hyg-0003',
      dutyId: 'dt-1',
      sessionDate: '2026-13-01',
      slotStart: '09:55',
      reason: '忘记签到',
    });
    expect(fieldOf(r)).toBe('sessionDate');
  });
});
