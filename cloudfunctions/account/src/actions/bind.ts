import type { BindResult } from '@/contracts/account';
import { COLLECTIONS } from '@/contracts/collections';
import {
  bindRefusal,
  boundProfile,
  defaultAccountName,
  isRefusal,
  isWellFormedCode,
  normalizeCode,
  type Invite,
} from '@/domain/invite';
import type { UserProfile } from '@/domain/roles';
import type { School } from '@/domain/school';
import { fieldsOf, runTransaction } from '@/server/cloud';
import { AppError, refused } from '@/server/errors';
import { isRefusal as isLimited, releaseSlot, takeSlot } from '@/server/rate-limit';
import { BIND_FAILURES, bindLockedMessage } from '@/domain/rate-limit';
import { CHINA_ZONE } from '@/domain/time';
import type { SignedInContext } from '@/server/handler';
import { auditInTransaction, findInviteByHash, hashCode, readOrNull } from '@/server/repositories/invites';
import { fetchById } from '@/server/repositories/query';
import { viewOf } from './me';

// Invite refusal codes are not (yet) part of ErrorCode in contracts/envelope.ts: widen them here only.
/**
 * Binds an invite to the caller's OPENID: in one transaction the invite is marked used (with an audit
 * entry) and users/<OPENID> gets the invite's roles and school. Of concurrent binds of one code exactly
 * one commits; the others retry, find it used and get INVITE_USED. A refusal writes nothing but the
 * caller's failure count: after BIND_FAILURES.max refused codes in a window, binding is locked for the
 * caller until the window ends (INVITE_LOCKED), so codes cannot be guessed.
 */
export async function bind(input: { code: string }, ctx: SignedInContext): Promise<BindResult> {
  const openid = ctx.openid;
  const code = normalizeCode(input.code);
  const invalid = bindRefusal(null, ctx.now)!;
  if (!isWellFormedCode(code)) throw refused({ ...invalid, field: 'code' });
  // Each attempt takes a failure slot before the code is looked up (concurrent guesses cannot pass the
  // limit) and gives it back when it binds: only refused codes count.
  const slot = await takeSlot('account.bind.failures', openid, BIND_FAILURES, ctx.now);
  if (isLimited(slot))
    throw new AppError(
      'INVITE_LOCKED',
      bindLockedMessage(slot.windowEnd, ctx.now, CHINA_ZONE),
      undefined,
      slot.retryAfter,
    );
  try {
    const result = await bindCode(code, openid, ctx);
    await releaseSlot(slot);
    return result;
  } catch (err) {
    // Only the invite's refusals count; a busy database (CONFLICT) or a crash is not the caller's guess.
    if (!(err instanceof AppError && err.code.startsWith('INVITE_'))) await releaseSlot(slot);
    throw err;
  }
}

async function bindCode(code: string, openid: string, ctx: SignedInContext): Promise<BindResult> {
  const invalid = bindRefusal(null, ctx.now)!;
  const found = await findInviteByHash(hashCode(code));
  if (!found) throw refused({ ...invalid, field: 'code' });
  const early = bindRefusal(found, ctx.now);
  if (early) throw refused(early);
  const school = await fetchById<School>(COLLECTIONS.schools, found.schoolId);
  const defaultName = defaultAccountName(school?.name ?? '', found.role);

  const profile = await runTransaction(async (tx) => {
    const inviteRef = tx.collection(COLLECTIONS.invites).doc(found._id);
    const userRef = tx.collection(COLLECTIONS.users).doc(openid);
    const invite = await readOrNull<Invite>(inviteRef);
    const refusal = bindRefusal(invite, ctx.now);
    if (refusal) throw refused(refusal);
    const next = boundProfile(await readOrNull<UserProfile>(userRef), invite!, openid, defaultName);
    if (isRefusal(next)) throw refused(next);
    await userRef.set({ data: fieldsOf(next) });
    await inviteRef.update({ data: { usedBy: openid, usedByName: next.name, usedAt: ctx.now } });
    await auditInTransaction(tx, invite!, 'bound', openid, ctx.now);
    return next;
  });
  return { added: found.roles, me: await viewOf(profile, openid, ctx.now) };
}
