import type { PresenceCodeView } from '../../../../src/contracts/duty';
import type { ActionContext } from '../../../../src/server/handler';
import { forbidden } from '../../../../src/server/errors';
import { COLLECTIONS } from '../../../../src/contracts/collections';
import { PRESENCE_STEP_MS, issuePresenceCode } from '../../../../src/domain/presence';
import { fetchById } from '../../../../src/server/repositories/query';
import { at } from '../views';
import { presenceHmac } from '../presence';

/**
 * The principal's 签到码 screen: the current rotating code of their own school (the office tablet is
 * simply signed in as the principal). Only the code is sent, signed; the key never leaves the function.
 */
export async function presenceCode(_input: unknown, ctx: ActionContext): Promise<PresenceCodeView> {
  const user = await ctx.user();
  if (!user?.schoolId) throw forbidden('当前账号未绑定学校');
  const hmac = presenceHmac();
  const school = await fetchById<{ name: string }>(COLLECTIONS.schools, user.schoolId);
  const code = issuePresenceCode(user.schoolId, ctx.now, hmac);
  return {
    schoolName: school?.name ?? '',
    token: code.token,
    shortCode: code.shortCode,
    issuedAt: at(ctx.now)!,
    refreshInMs: code.nextAtMs - ctx.now,
    stepSeconds: PRESENCE_STEP_MS / 1000,
  };
}
