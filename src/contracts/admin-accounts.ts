import { z } from 'zod';
import { TEXT_MAX, entityId, freeText, requestId } from './fields';
import { named } from './messages';
import { DEFAULT_VALID_DAYS, MAX_VALID_DAYS, type InviteRole, type InviteStatus } from '../domain/invite';
import { STAFF_NO } from '../domain/roster';

/**
 * `admin` actions: invite codes. The bureau invites principals and 学区长 of its district; a principal
 * invites teachers of its own school. The code is returned once, by createInvite; only its hash is kept.
 */

export const accountsInputs = {
  createInvite: z
    .object({
      requestId,
      role: z.enum(['principal', 'xuequzhang', 'teacher'], {
        errorMap: () => ({ message: '邀请身份（role）应为校长、学区长或教师' }),
      }),
      schoolId: entityId('schoolId', '学校'),
      xuequId: entityId('xuequId', '学区').optional(),
      note: freeText('note', '受邀人姓名或备注', TEXT_MAX.inviteNote).trim().optional(),
      /** Teacher invites: the roster teacher it is for (the account is then linked to the roster). */
      staffNo: z.string(named('staffNo', '工号')).regex(STAFF_NO, '工号（staffNo）格式不正确').optional(),
      validDays: z
        .number(named('validDays', '有效天数'))
        .int()
        .min(1, '有效天数（validDays）至少1天')
        .max(MAX_VALID_DAYS, `有效天数（validDays）不超过${MAX_VALID_DAYS}天`)
        .default(DEFAULT_VALID_DAYS),
    })
    .strict(),
  listInvites: z.object({}).strict(),
  revokeInvite: z.object({ id: entityId('id', '邀请码编号') }).strict(),
};

export interface InviteView {
  id: string;
  role: InviteRole;
  roleLabel: string;
  school: { id: string; name: string };
  xuequ: { id: string; name: string } | null;
  note: string | null;
  staffNo: string | null;
  /** "••••-••••-••XY": the code itself is never shown again. */
  maskedCode: string;
  status: InviteStatus;
  statusLabel: string;
  /** China time, "YYYY-MM-DD HH:mm". */
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByName: string | null;
  revokedAt: string | null;
  /** True while it can still be revoked. */
  revocable: boolean;
}

/** Whom the caller may invite: the bureau its district's schools and 学区, a principal its own school. */
export interface InviteScope {
  as: 'bureau' | 'principal';
  roles: InviteRole[];
  schools: Array<{ id: string; name: string }>;
  xuequ: Array<{ id: string; name: string; schoolIds: string[] }>;
  /** A principal: the roster teachers of its school to pick from (invited: an unexpired or used invite names them). */
  roster: Array<{ staffNo: string; name: string; subject: string | null; key: boolean; invited: boolean }>;
}

export interface CreatedInvite {
  invite: InviteView;
  /** The code, formatted "ABCD-EFGH-JKLM": shown once. Null for a retry of the same requestId. */
  code: string | null;
  duplicate: boolean;
}

export interface AccountsOutputs {
  createInvite: CreatedInvite;
  listInvites: { scope: InviteScope; invites: InviteView[] };
  revokeInvite: InviteView;
}
