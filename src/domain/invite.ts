/**
 * Invite codes: how accounts get their roles. The bureau invites the principals (and 学区长) of its
 * district; a principal invites the teachers of its own school. A code binds once, expires, and can be
 * revoked. Only a SHA-256 of the code is stored (with its last 2 characters for display), so someone
 * who can read the database cannot bind with it. Pure rules: randomness and time are passed in.
 */
import { ROLE_LABELS, type Role, type UserProfile } from './roles';
import { addDays, dateIn, dateTimeIn, instantAt } from './time';

/** 32 characters without the look-alikes 0/O and 1/I: a byte & 31 picks one without bias. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 12 characters = 60 bits: too many to guess online, and to brute-force a stolen hash within its validity. */
export const CODE_LENGTH = 12;
export const DEFAULT_VALID_DAYS = 7;
export const MAX_VALID_DAYS = 30;

/** What an invite makes its holder: a 学区长 is the principal of the 学区's lead school. */
export type InviteRole = 'principal' | 'xuequzhang' | 'teacher';
export const INVITE_ROLE_LABELS: Record<InviteRole, string> = {
  principal: '校长',
  xuequzhang: '学区长（兼校长）',
  teacher: '教师',
};

export function rolesOfInvite(role: InviteRole): Role[] {
  return role === 'xuequzhang' ? ['principal', 'xuequzhang'] : [role];
}

export type InviteStatus = 'active' | 'used' | 'expired' | 'revoked';
export const INVITE_STATUS_LABELS: Record<InviteStatus, string> = {
  active: '未使用',
  used: '已使用',
  expired: '已过期',
  revoked: '已撤销',
};

export interface Invite {
  _id: string;
  /** SHA-256 (hex) of the normalized code. */
  codeHash: string;
  /** The code's last 2 characters, so people can tell their invites apart. */
  codeTail: string;
  role: InviteRole;
  roles: Role[];
  districtCode: string;
  schoolId: string;
  xuequId: string | null;
  /** Who it is for (becomes the account's name); null → a default name. */
  note: string | null;
  /** 工号 of the roster teacher it is for (teacher invites; older invites lack it). */
  staffNo?: string | null;
  createdBy: string;
  createdByRole: 'bureau' | 'principal';
  createdAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedByName: string | null;
  usedAt: number | null;
  revokedBy: string | null;
  revokedAt: number | null;
}

/** A fresh code from random bytes (the caller passes crypto.randomBytes). */
export function generateCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(CODE_LENGTH);
  if (bytes.length < CODE_LENGTH) throw new Error('not enough random bytes');
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i] & 31];
  return code;
}

/** What people type: any case, with spaces or dashes between groups. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** "ABCD-EFGH-JKLM": groups of 4 are easier to read out and type. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** "••••-••••-••LM" */
export function maskedCode(tail: string): string {
  return `••••-••••-••${tail}`;
}

/**
 * An invite is valid to the end of the China day `days` days after the day it was created: made on
 * 11-23 (China) with 7 days, it works until 11-30 23:59:59 Shanghai time, whatever zone the server runs in.
 */
export function inviteExpiry(createdAt: number, days: number, zone: string): number {
  return instantAt(addDays(dateIn(createdAt, zone), days + 1), '00:00', zone) - 1;
}

/** "2026-11-30 23:59" in the zone. */
export function wallTime(ms: number, zone: string): string {
  return dateTimeIn(ms, zone);
}

export function inviteStatus(invite: Pick<Invite, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: number): InviteStatus {
  if (invite.usedAt !== null) return 'used';
  if (invite.revokedAt !== null) return 'revoked';
  return now > invite.expiresAt ? 'expired' : 'active';
}

export type InviteRefusalCode =
  'INVITE_INVALID' | 'INVITE_USED' | 'INVITE_EXPIRED' | 'INVITE_REVOKED' | 'INVITE_ROLE_CONFLICT';

export type Refusal = {
  ok: false;
  code: 'FORBIDDEN' | 'INVALID_INPUT' | InviteRefusalCode;
  message: string;
  field?: string;
};

/** What the creator asks for, with the facts of the district the server looked up. */
export interface InviteRequest {
  role: InviteRole;
  schoolId: string;
  xuequId: string | null;
  /** The district of the school (null: no such school). */
  schoolDistrict: string | null;
  /** Schools of the 学区 today (empty: no such 学区 in the school's district). */
  xuequSchoolIds: readonly string[];
  xuequDistrict: string | null;
}

/**
 * Who may invite whom: the bureau — principals of its district's schools, and a 学区长 for a school of
 * that 学区; a principal — teachers of its own school. Returns the creator's role for the audit.
 */
export function checkInviteScope(
  creator: UserProfile,
  req: InviteRequest,
): { ok: true; as: 'bureau' | 'principal' } | Refusal {
  const bureau = creator.roles.includes('bureau') && creator.districtCode !== null;
  const principal = creator.roles.includes('principal') && creator.schoolId !== null;
  if (req.schoolDistrict === null)
    return { ok: false, code: 'INVALID_INPUT', message: '未找到该学校（schoolId）', field: 'schoolId' };
  if (req.role === 'teacher') {
    if (!principal) return { ok: false, code: 'FORBIDDEN', message: '教师邀请码由本校校长创建' };
    if (creator.schoolId !== req.schoolId) return { ok: false, code: 'FORBIDDEN', message: '只能邀请本校教师' };
    if (req.xuequId !== null)
      return { ok: false, code: 'INVALID_INPUT', message: '教师邀请码不指定学区（xuequId）', field: 'xuequId' };
    return { ok: true, as: 'principal' };
  }
  if (!bureau) return { ok: false, code: 'FORBIDDEN', message: '校长和学区长的邀请码由区教育局创建' };
  if (req.schoolDistrict !== creator.districtCode)
    return { ok: false, code: 'FORBIDDEN', message: '只能邀请本区学校的校长' };
  if (req.role === 'principal') {
    if (req.xuequId !== null)
      return {
        ok: false,
        code: 'INVALID_INPUT',
        message: '校长邀请码不指定学区（xuequId）；学区长请选择“学区长”',
        field: 'xuequId',
      };
    return { ok: true, as: 'bureau' };
  }
  if (req.xuequId === null)
    return { ok: false, code: 'INVALID_INPUT', message: '学区长邀请码须指定学区（xuequId）', field: 'xuequId' };
  if (req.xuequDistrict !== creator.districtCode)
    return { ok: false, code: 'FORBIDDEN', message: '只能邀请本区学区的学区长' };
  if (!req.xuequSchoolIds.includes(req.schoolId))
    return { ok: false, code: 'INVALID_INPUT', message: '学区长须是该学区内学校的校长', field: 'schoolId' };
  return { ok: true, as: 'bureau' };
}

/** A teacher invite may name a roster teacher: one of the bureau's roster at the invite's school. */
export function rosterPickRefusal(
  role: InviteRole,
  schoolId: string,
  staffNo: string,
  listed: { schoolId: string } | null,
): Refusal | null {
  if (role !== 'teacher')
    return { ok: false, code: 'INVALID_INPUT', message: '只有教师邀请码可以指定工号（staffNo）', field: 'staffNo' };
  if (!listed || listed.schoolId !== schoolId)
    return {
      ok: false,
      code: 'INVALID_INPUT',
      message: `本校教师名册中没有工号${staffNo}（staffNo）`,
      field: 'staffNo',
    };
  return null;
}

/** Why a stored invite cannot be used now, or null when it can. */
export function bindRefusal(invite: Invite | null, now: number): Refusal | null {
  if (!invite) return { ok: false, code: 'INVITE_INVALID', message: '邀请码无效，请核对后重新输入' };
  switch (inviteStatus(invite, now)) {
    case 'used':
      return { ok: false, code: 'INVITE_USED', message: '该邀请码已被使用，每个邀请码只能绑定一次' };
    case 'revoked':
      return { ok: false, code: 'INVITE_REVOKED', message: '该邀请码已被撤销，请联系发放人重新获取' };
    case 'expired':
      return { ok: false, code: 'INVITE_EXPIRED', message: '该邀请码已过期，请联系发放人重新获取' };
    default:
      return null;
  }
}

/**
 * The account after binding. Roles are added to what the caller holds (a teacher who becomes principal
 * of the same school keeps 教师); but one account belongs to one school and district: an invite for
 * another school or district is refused, and a bureau account takes no school roles.
 */
export function boundProfile(
  existing: UserProfile | null,
  invite: Invite,
  openid: string,
  defaultName: string,
): UserProfile | Refusal {
  const conflict: Refusal = {
    ok: false,
    code: 'INVITE_ROLE_CONFLICT',
    message: '您的账号已绑定其他学校或区县的身份，不能再绑定此邀请码；请联系区教育局处理',
  };
  if (existing) {
    if (existing.roles.includes('bureau')) return conflict;
    if (existing.districtCode !== null && existing.districtCode !== invite.districtCode) return conflict;
    if (existing.schoolId !== null && existing.schoolId !== invite.schoolId) return conflict;
    if (existing.xuequId !== null && invite.xuequId !== null && existing.xuequId !== invite.xuequId) return conflict;
  }
  const roles = [...new Set([...(existing?.roles ?? []), ...invite.roles])];
  const staffNo = invite.staffNo ?? existing?.staffNo;
  return {
    _id: openid,
    roles,
    name: invite.note ?? existing?.name ?? defaultName,
    districtCode: invite.districtCode,
    schoolId: invite.schoolId,
    xuequId: invite.xuequId ?? existing?.xuequId ?? null,
    ...(staffNo ? { staffNo } : {}),
  };
}

/** "友爱道小学校长" when the invite names no one. */
export function defaultAccountName(schoolName: string, role: InviteRole): string {
  return `${schoolName}${role === 'teacher' ? ROLE_LABELS.teacher : ROLE_LABELS.principal}`;
}

export const isRefusal = <T>(r: T | Refusal): r is Refusal =>
  typeof r === 'object' && r !== null && (r as Refusal).ok === false;
