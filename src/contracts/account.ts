import { z } from 'zod';
import type { Role } from '../domain/roles';

/** Function `account`: who am I, and binding an invite code to my account (my OPENID). */
export const accountInputs = {
  me: z.object({}).strict(),
  bind: z
    .object({
      code: z
        .string({ required_error: '请输入邀请码（code）', invalid_type_error: '邀请码（code）应为文本' })
        .min(1, '请输入邀请码（code）')
        .max(40, '邀请码（code）过长'),
    })
    .strict(),
};

export type AccountAction = keyof typeof accountInputs;

export interface MeView {
  signedIn: true;
  /** The caller's own OPENID (what the first bureau account is set up with; see tools/setup-first-bureau.ts). */
  openid: string;
  roles: Role[];
  name: string;
  districtCode: string | null;
  school: { id: string; name: string } | null;
  /** The 学区 this user leads (学区长). */
  xuequ: { id: string; name: string } | null;
  /** The 学区 the user's school belongs to today. */
  schoolXuequ: Array<{ id: string; name: string }>;
}

export interface BindResult {
  /** The roles this invite added, and the account as it is now. */
  added: Role[];
  me: MeView;
}

export interface AccountOutputs {
  me: MeView;
  bind: BindResult;
}
