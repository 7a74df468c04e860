import type { z } from 'zod';
import type { ActionTable, ActionContext } from '@/server/handler';
import {
  accountsInputs,
  type AccountsOutputs,
  type CreatedInvite,
  type InviteScope,
  type InviteView,
} from '@/contracts/admin-accounts';
import { COLLECTIONS } from '@/contracts/collections';
import {
  INVITE_ROLE_LABELS,
  INVITE_STATUS_LABELS,
  bindRefusal,
  checkInviteScope,
  formatCode,
  inviteExpiry,
  inviteStatus,
  maskedCode,
  normalizeCode,
  rolesOfInvite,
  rosterPickRefusal,
  wallTime,
  type Invite,
} from '@/domain/invite';
import { newTeacherId } from '@/domain/imports/teachers';
import type { RosterTeacher } from '@/domain/roster';
import type { UserProfile } from '@/domain/roles';
import type { School } from '@/domain/school';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { compositionOn, schoolIdsOf, type XuequVersion } from '@/domain/xuequ';
import { fieldsOf, runTransaction } from '@/server/cloud';
import { checkTypedText } from '@/server/content-check';
import { forbidden, notFound, refused } from '@/server/errors';
import {
  auditInTransaction,
  getInvite,
  hashCode,
  invitesOfDistrict,
  newCode,
  readOrNull,
  teacherInvitesOfSchool,
} from '@/server/repositories/invites';
import { fetchById } from '@/server/repositories/query';
import { listSchools, listXuequVersions, xuequVersionsById } from '@/server/repositories/reference';
import { rosterOfSchool } from '@/server/repositories/roster';
import { callerRequestKey } from '@/server/request-key';

type Names = { school: (id: string) => string; xuequ: (id: string) => string };

/** The caller acts as the bureau of a district, or as the principal of a school. */
function actingAs(user: UserProfile): { as: 'bureau'; districtCode: string } | { as: 'principal'; schoolId: string } {
  if (user.roles.includes('bureau') && user.districtCode) return { as: 'bureau', districtCode: user.districtCode };
  if (user.roles.includes('principal') && user.schoolId) return { as: 'principal', schoolId: user.schoolId };
  throw forbidden('当前账号未绑定区县或学校，不能管理邀请码');
}

/** The bureau manages every invite of its district; a principal the teacher invites of its school. */
function mayManage(user: UserProfile, invite: Invite): boolean {
  const who = actingAs(user);
  return who.as === 'bureau'
    ? invite.districtCode === who.districtCode
    : invite.role === 'teacher' && invite.schoolId === who.schoolId;
}

function toView(invite: Invite, names: Names, now: number): InviteView {
  const status = inviteStatus(invite, now);
  const at = (ms: number | null) => (ms === null ? null : wallTime(ms, CHINA_ZONE));
  return {
    id: invite._id,
    role: invite.role,
    roleLabel: INVITE_ROLE_LABELS[invite.role],
    school: { id: invite.schoolId, name: names.school(invite.schoolId) },
    xuequ: invite.xuequId ? { id: invite.xuequId, name: names.xuequ(invite.xuequId) } : null,
    note: invite.note,
    staffNo: invite.staffNo ?? null,
    maskedCode: maskedCode(invite.codeTail),
    status,
    statusLabel: INVITE_STATUS_LABELS[status],
    createdAt: wallTime(invite.createdAt, CHINA_ZONE),
    expiresAt: wallTime(invite.expiresAt, CHINA_ZONE),
    usedAt: at(invite.usedAt),
    usedByName: invite.usedByName,
    revokedAt: at(invite.revokedAt),
    revocable: status === 'active',
  };
}

/** Schools and 学区 (today's composition) the caller may invite for, with names for the views. */
async function scopeOf(user: UserProfile, now: number): Promise<{ scope: InviteScope; names: Names }> {
  const who = actingAs(user);
  if (who.as === 'principal') {
    const [school, roster] = await Promise.all([
      fetchById<School>(COLLECTIONS.schools, who.schoolId),
      rosterOfSchool(who.schoolId),
    ]);
    const schools = [{ id: who.schoolId, name: school?.name ?? who.schoolId }];
    const picks = roster
      .sort((a, b) => a.staffNo.localeCompare(b.staffNo, 'en', { numeric: true }))
      .map((t) => ({ staffNo: t.staffNo, name: t.name, subject: t.subject, key: t.key, invited: false }));
    return {
      scope: { as: 'principal', roles: ['teacher'], schools, xuequ: [], roster: picks },
      names: namesOf(schools, []),
    };
  }
  const [schools, versions] = await Promise.all([listSchools(who.districtCode), listXuequVersions(who.districtCode)]);
  const current = compositionOn(versions, localDate(now, CHINA_ZONE));
  const refs = schools
    .map((s) => ({ id: s._id, name: s.name }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const xuequ = current.map((x) => ({ id: x.xuequId, name: x.name, schoolIds: schoolIdsOf(x) }));
  return {
    scope: { as: 'bureau', roles: ['principal', 'xuequzhang'], schools: refs, xuequ, roster: [] },
    names: namesOf(refs, xuequ),
  };
}

function namesOf(schools: Array<{ id: string; name: string }>, xuequ: Array<{ id: string; name: string }>): Names {
  const s = new Map(schools.map((x) => [x.id, x.name]));
  const q = new Map(xuequ.map((x) => [x.id, x.name]));
  return { school: (id) => s.get(id) ?? id, xuequ: (id) => q.get(id) ?? id };
}

type CreateInput = z.output<(typeof accountsInputs)['createInvite']>;

/** Creates an invite once per requestId and returns its code this one time (a retry gets no code). */
async function createInvite(input: CreateInput, ctx: ActionContext): Promise<CreatedInvite> {
  const user = (await ctx.user())!;
  await checkTypedText(ctx.openid, { note: ['受邀人姓名或备注', input.note] });
  const xuequId = input.xuequId ?? null;
  const [anySchool, allVersions] = await Promise.all([
    fetchById<School>(COLLECTIONS.schools, input.schoolId),
    xuequId ? xuequVersionsById(xuequId) : Promise.resolve([] as XuequVersion[]),
  ]);
  // Another district's school or 学区 answers exactly as a made-up id.
  const school = anySchool && anySchool.districtCode === user.districtCode ? anySchool : null;
  const versions = allVersions.filter((v) => v.districtCode === user.districtCode);
  const [xuequ] = compositionOn(versions, localDate(ctx.now, CHINA_ZONE));
  const staffNo = input.staffNo ?? null;
  const listed =
    staffNo && school
      ? await fetchById<RosterTeacher>(COLLECTIONS.teacherRoster, newTeacherId(school.districtCode, staffNo))
      : null;
  const checked = checkInviteScope(user, {
    role: input.role,
    schoolId: input.schoolId,
    xuequId,
    schoolDistrict: school?.districtCode ?? null,
    xuequSchoolIds: xuequ ? schoolIdsOf(xuequ) : [],
    xuequDistrict: xuequ?.districtCode ?? null,
  });
  if (!checked.ok) throw refused(checked);
  const badPick = staffNo ? rosterPickRefusal(input.role, input.schoolId, staffNo, listed) : null;
  if (badPick) throw refused(badPick);
  const code = newCode();
  const invite: Invite = {
    // Keyed by the caller: another caller's request id is a new invite of this caller, never a conflict.
    _id: `inv-${callerRequestKey(user._id, input.requestId)}`,
    codeHash: hashCode(code),
    codeTail: code.slice(-2),
    role: input.role,
    roles: rolesOfInvite(input.role),
    districtCode: school!.districtCode,
    schoolId: input.schoolId,
    xuequId,
    note: input.note ? input.note : (listed?.name ?? null),
    staffNo,
    createdBy: user._id,
    createdByRole: checked.as,
    createdAt: ctx.now,
    expiresAt: inviteExpiry(ctx.now, input.validDays, CHINA_ZONE),
    usedBy: null,
    usedByName: null,
    usedAt: null,
    revokedBy: null,
    revokedAt: null,
  };
  const stored = await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.invites).doc(invite._id);
    const existing = await readOrNull<Invite>(ref);
    if (existing) return existing;
    await ref.set({ data: fieldsOf(invite) });
    await auditInTransaction(tx, invite, 'created', user._id, ctx.now);
    return invite;
  });
  const duplicate = stored.codeHash !== invite.codeHash;
  const names = namesOf(
    [{ id: school!._id, name: school!.name }],
    xuequ ? [{ id: xuequ.xuequId, name: xuequ.name }] : [],
  );
  return {
    invite: toView(stored, names, ctx.now),
    code: duplicate ? null : formatCode(normalizeCode(code)),
    duplicate,
  };
}

async function listInvites(_input: unknown, ctx: ActionContext): Promise<AccountsOutputs['listInvites']> {
  const user = (await ctx.user())!;
  const who = actingAs(user);
  const [{ scope, names }, invites] = await Promise.all([
    scopeOf(user, ctx.now),
    who.as === 'bureau' ? invitesOfDistrict(who.districtCode) : teacherInvitesOfSchool(who.schoolId),
  ]);
  const mine = invites
    .filter((i) => mayManage(user, i))
    .sort((a, b) => b.createdAt - a.createdAt || a._id.localeCompare(b._id));
  // A roster teacher is taken while an invite naming them can still be (or has been) bound.
  const taken = new Set(
    mine.filter((i) => i.staffNo && ['active', 'used'].includes(inviteStatus(i, ctx.now))).map((i) => i.staffNo),
  );
  const roster = scope.roster.map((t) => ({ ...t, invited: taken.has(t.staffNo) }));
  return { scope: { ...scope, roster }, invites: mine.map((i) => toView(i, names, ctx.now)) };
}

/** Revokes an unused invite; the check runs again inside the transaction, so it races a bind safely. */
async function revokeInvite(input: { id: string }, ctx: ActionContext): Promise<InviteView> {
  const user = (await ctx.user())!;
  const found = await getInvite(input.id);
  if (!found || !mayManage(user, found)) throw notFound('该邀请码');
  const after = await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.invites).doc(found._id);
    const current = (await readOrNull<Invite>(ref))!;
    if (current.revokedAt !== null) return current;
    const refusal = bindRefusal(current, ctx.now);
    if (refusal)
      throw refused({
        ...refusal,
        message: refusal.code === 'INVITE_USED' ? '该邀请码已被使用，不能撤销' : '该邀请码已过期，无需撤销',
      });
    const revoked: Invite = { ...current, revokedBy: user._id, revokedAt: ctx.now };
    await ref.update({ data: { revokedBy: user._id, revokedAt: ctx.now } });
    await auditInTransaction(tx, revoked, 'revoked', user._id, ctx.now);
    return revoked;
  });
  const { names } = await scopeOf(user, ctx.now);
  return toView(after, names, ctx.now);
}

export const accountsActions: ActionTable<typeof accountsInputs, AccountsOutputs> = {
  createInvite: { input: accountsInputs.createInvite, run: createInvite },
  listInvites: { input: accountsInputs.listInvites, run: listInvites },
  revokeInvite: { input: accountsInputs.revokeInvite, run: revokeInvite },
};
