import { z } from 'zod';
import type { Role } from '../domain/roles';

/** Function `account`: who am I. Binding by invite comes with the bureau issue. */
export const accountInputs = {
  me: z.object({}).strict(),
};

export type AccountAction = keyof typeof accountInputs;

export interface MeView {
  signedIn: true;
  roles: Role[];
  name: string;
  districtCode: string | null;
  school: { id: string; name: string } | null;
  /** The 学区 this user leads (学区长). */
  xuequ: { id: string; name: string } | null;
  /** The 学区 the user's school belongs to today. */
  schoolXuequ: Array<{ id: string; name: string }>;
}

export interface AccountOutputs {
  me: MeView;
}
