/** Who a signed-in user is. A 学区长 is the principal of the lead school, so holds both roles. */
export type Role = 'parent' | 'teacher' | 'principal' | 'xuequzhang' | 'bureau';

export const ROLE_LABELS: Record<Role, string> = {
  parent: '家长',
  teacher: '教师',
  principal: '校长',
  xuequzhang: '学区长',
  bureau: '教育局',
};

export interface UserProfile {
  _id: string;
  roles: Role[];
  name: string;
  districtCode: string | null;
  schoolId: string | null;
  /** The 学区 this user leads (学区长 only). */
  xuequId: string | null;
  /** 工号 of the bureau's teacher roster, when the invite named one: links the account to the roster. */
  staffNo?: string;
}
