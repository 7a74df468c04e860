import type { ApprovalDetail } from '@/contracts/approval';
import { COLLECTIONS } from '@/contracts/collections';
import { canDecideStep, remindRefusal, transfer as transferStep, type Step } from '@/domain/approval';
import type { UserProfile } from '@/domain/roles';
import { runTransaction } from '@/server/cloud';
import { checkTypedText } from '@/server/content-check';
import { AppError, notFound, refused } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { fetchAll } from '@/server/repositories/query';
import { getApproval, type ApprovalDoc } from '@/server/repositories/approvals';
import { actorOf, namesOf } from '../context';
import { noticesForStep, sendAll } from '../notices';
import { toDetail } from '../views';
import { canSee, currentChecks } from './lists';
import { transition } from './decide';

/**
 * 催办: the requester reminds whoever may decide the pending step now (its holder, an acting approver,
 * the bureau once escalated). The cooldown is checked and the instant stored in one transaction, so two
 * taps send one reminder. Not a transition: the version and the trail stay as they are.
 */
export async function remind(
  input: { id: string },
  ctx: ActionContext,
): Promise<ApprovalDetail & { reminded: number }> {
  const { actor, district } = await actorOf(ctx);
  const before = await getApproval(input.id);
  if (!before || before.districtCode !== district.district.code || !canSee(before, actor)) throw notFound('该申请');
  const after = await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.approvals).doc(input.id);
    const current = (await ref.get()).data as ApprovalDoc;
    const no = remindRefusal(current, actor._id, ctx.now);
    if (no) throw refused(no);
    await ref.update({ data: { remindedAt: ctx.now } });
    return { ...current, remindedAt: ctx.now };
  });
  const names = namesOf(district);
  const reminded = await sendAll(await noticesForStep(after, names, ctx.now));
  return { ...toDetail(after, actor, names, await currentChecks(after, ctx.now), ctx.now), reminded };
}

/** Who may act for the holder of a step: the district's other principals (school and 学区长 steps), or its other bureau accounts. */
async function candidatesFor(step: Step, districtCode: string, self: string): Promise<UserProfile[]> {
  const role = step.roles.includes('bureau') ? 'bureau' : 'principal';
  const users = await fetchAll<UserProfile>(COLLECTIONS.users, { districtCode, roles: role });
  return users
    .filter((u) => u._id !== self)
    .sort(
      (a, b) =>
        (a.schoolId === step.schoolId ? -1 : 0) - (b.schoolId === step.schoolId ? -1 : 0) ||
        a.name.localeCompare(b.name, 'zh'),
    );
}

async function holderRequest(id: string, ctx: ActionContext) {
  const { actor, district } = await actorOf(ctx);
  const r = await getApproval(id);
  if (!r || r.districtCode !== district.district.code || !canSee(r, actor)) throw notFound('该申请');
  if (r.status !== 'pending' || !canDecideStep(r.steps[r.current], actor))
    throw new AppError('NOT_YOUR_STEP', '只有当前环节的审批人可以转交');
  return { actor, district, r };
}

/** The accounts the holder of the pending step may hand it to (转交). */
export async function delegates(
  input: { id: string },
  ctx: ActionContext,
): Promise<Array<{ openid: string; name: string }>> {
  const { actor, district, r } = await holderRequest(input.id, ctx);
  return (await candidatesFor(r.steps[r.current], district.district.code, actor._id)).map((u) => ({
    openid: u._id,
    name: u.name,
  }));
}

/** 转交: hands the pending step to an acting approver, who is told at once; the holder may still decide. */
export async function transfer(
  input: { id: string; version: number; to: string; comment?: string },
  ctx: ActionContext,
): Promise<ApprovalDetail> {
  await checkTypedText(ctx.openid, { comment: ['意见', input.comment] });
  const { actor, district, r } = await holderRequest(input.id, ctx);
  const to = (await candidatesFor(r.steps[r.current], district.district.code, actor._id)).find(
    (u) => u._id === input.to,
  );
  if (!to) throw new AppError('NOT_FOUND', '未找到该代理审批人（to）', 'to');
  return transition(
    input.id,
    ctx,
    (cur, a, now) => transferStep(cur, a, now, { openid: to._id, name: to.name }, input.comment, input.version),
    'delegate',
  );
}
