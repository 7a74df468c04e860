import { randomBytes } from 'node:crypto';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  bindRefusal,
  boundProfile,
  checkInviteScope,
  formatCode,
  generateCode,
  inviteExpiry,
  inviteStatus,
  isWellFormedCode,
  normalizeCode,
  wallTime,
  type Invite,
  type InviteRequest,
} from '@/domain/invite';
import type { UserProfile } from '@/domain/roles';
import { CHINA_ZONE } from '@/domain/time';

const at = (iso: string) => Date.parse(iso);

describe('codes', () => {
  it('are 12 characters of an alphabet without 0/O/1/I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[0O1I]/);
    const codes = Array.from({ length: 500 }, () => generateCode((n) => randomBytes(n)));
    for (const c of codes) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect(isWellFormedCode(c)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every byte value without bias (byte & 31)', () => {
    expect(generateCode(() => Uint8Array.from({ length: 12 }, (_, i) => i * 32 + i))).toBe(CODE_ALPHABET.slice(0, 12));
    expect(() => generateCode(() => new Uint8Array(4))).toThrow();
  });

  it('are read back from what people type, and shown in groups of 4', () => {
    expect(normalizeCode(' abcd-efgh jkLM ')).toBe('ABCDEFGHJKLM');
    expect(formatCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(isWellFormedCode('ABCDEFGHJKL0')).toBe(false);
    expect(isWellFormedCode('ABCDEFGHJKLI')).toBe(false);
    expect(isWellFormedCode('ABCDEFGHJK')).toBe(false);
  });
});

describe('expiry in China time', () => {
  it('runs to the end of the China day 7 days after the day of creation', () => {
    const created = at('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
    const expires = inviteExpiry(created, 7, CHINA_ZONE);
    expect(wallTime(expires, CHINA_ZONE)).toBe('2026-11-30 23:59');
    expect(expires).toBe(at('2026-11-30T15:59:59.999Z'));
  });

  it('17:00 UTC is already the next day in Shanghai, so the invite lasts a day longer than in UTC', () => {
    const created = at('2026-11-23T17:00:00Z'); // 11-24 01:00 in Shanghai
    expect(wallTime(inviteExpiry(created, 7, CHINA_ZONE), CHINA_ZONE)).toBe('2026-12-01 23:59');
    expect(wallTime(inviteExpiry(created, 7, 'UTC'), 'UTC')).toBe('2026-11-30 23:59');
  });

  it('is active to the last millisecond, then expired', () => {
    const invite = { usedAt: null, revokedAt: null, expiresAt: at('2026-11-30T15:59:59.999Z') };
    expect(inviteStatus(invite, invite.expiresAt)).toBe('active');
    expect(inviteStatus(invite, invite.expiresAt + 1)).toBe('expired');
    expect(inviteStatus({ ...invite, revokedAt: 1 }, 0)).toBe('revoked');
    expect(inviteStatus({ ...invite, usedAt: 1, revokedAt: 1 }, invite.expiresAt + 1)).toBe('used');
  });
});

const user = (over: Partial<UserProfile>): UserProfile => ({
  _id: 'o-x',
  roles: [],
  name: 'x',
  districtCode: null,
  schoolId: null,
  xuequId: null,
  ...over,
});
const BUREAU = user({ roles: ['bureau'], districtCode: '120102' });
const PRINCIPAL = user({ roles: ['principal'], districtCode: '120102', schoolId: 'hd-s03' });
const req = (over: Partial<InviteRequest>): InviteRequest => ({
  role: 'principal',
  schoolId: 'hd-s03',
  xuequId: null,
  schoolDistrict: '120102',
  xuequSchoolIds: [],
  xuequDistrict: null,
  ...over,
});

describe('who may invite whom', () => {
  it('the bureau invites principals of its district, not of another', () => {
    expect(checkInviteScope(BUREAU, req({}))).toEqual({ ok: true, as: 'bureau' });
    expect(checkInviteScope(BUREAU, req({ schoolDistrict: '350205' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkInviteScope(BUREAU, req({ schoolDistrict: null }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'schoolId',
    });
  });

  it('a 学区长 needs a 学区 of the district whose schools include the school', () => {
    const ok = req({
      role: 'xuequzhang',
      xuequId: 'hd-x1',
      xuequSchoolIds: ['hd-s01', 'hd-s03'],
      xuequDistrict: '120102',
    });
    expect(checkInviteScope(BUREAU, ok)).toEqual({ ok: true, as: 'bureau' });
    expect(checkInviteScope(BUREAU, { ...ok, xuequId: null })).toMatchObject({ ok: false, field: 'xuequId' });
    expect(checkInviteScope(BUREAU, { ...ok, schoolId: 'hd-s09' })).toMatchObject({ ok: false, field: 'schoolId' });
    expect(checkInviteScope(BUREAU, { ...ok, xuequDistrict: '350205' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('a principal invites teachers of its own school only, and never a principal', () => {
    expect(checkInviteScope(PRINCIPAL, req({ role: 'teacher' }))).toEqual({ ok: true, as: 'principal' });
    expect(checkInviteScope(PRINCIPAL, req({ role: 'teacher', schoolId: 'hd-s05' }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能邀请本校教师',
    });
    expect(checkInviteScope(PRINCIPAL, req({ role: 'principal' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkInviteScope(BUREAU, req({ role: 'teacher' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

const invite = (over: Partial<Invite> = {}): Invite => ({
  _id: 'inv-1',
  codeHash: 'h',
  codeTail: 'LM',
  role: 'principal',
  roles: ['principal'],
  districtCode: '120102',
  schoolId: 'hd-s03',
  xuequId: null,
  note: null,
  createdBy: 'o-b',
  createdByRole: 'bureau',
  createdAt: 0,
  expiresAt: 100,
  usedBy: null,
  usedByName: null,
  usedAt: null,
  revokedBy: null,
  revokedAt: null,
  ...over,
});

describe('binding', () => {
  it('names each refusal', () => {
    expect(bindRefusal(null, 0)?.code).toBe('INVITE_INVALID');
    expect(bindRefusal(invite({ usedAt: 5 }), 0)?.code).toBe('INVITE_USED');
    expect(bindRefusal(invite({ revokedAt: 5 }), 0)?.code).toBe('INVITE_REVOKED');
    expect(bindRefusal(invite(), 101)?.code).toBe('INVITE_EXPIRED');
    expect(bindRefusal(invite(), 100)).toBeNull();
  });

  it('a new account gets the invite’s roles, school and name', () => {
    expect(boundProfile(null, invite({ note: '王校长' }), 'o-new', '默认')).toEqual({
      _id: 'o-new',
      roles: ['principal'],
      name: '王校长',
      districtCode: '120102',
      schoolId: 'hd-s03',
      xuequId: null,
    });
    expect(boundProfile(null, invite(), 'o-new', '友爱道小学校长')).toMatchObject({ name: '友爱道小学校长' });
  });

  it('roles are added at the same school; another school, district or a bureau account is refused', () => {
    const teacher = user({
      _id: 'o-t',
      roles: ['teacher'],
      name: '李老师',
      districtCode: '120102',
      schoolId: 'hd-s03',
    });
    expect(boundProfile(teacher, invite(), 'o-t', '默认')).toMatchObject({
      roles: ['teacher', 'principal'],
      name: '李老师',
    });
    expect(boundProfile({ ...teacher, schoolId: 'hd-s05' }, invite(), 'o-t', '默认')).toMatchObject({
      ok: false,
      code: 'INVITE_ROLE_CONFLICT',
    });
    expect(boundProfile({ ...teacher, districtCode: '350205', schoolId: null }, invite(), 'o-t', '默认')).toMatchObject(
      { ok: false },
    );
    expect(boundProfile(BUREAU, invite(), 'o-x', '默认')).toMatchObject({ ok: false, code: 'INVITE_ROLE_CONFLICT' });
  });
});
