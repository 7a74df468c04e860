/**
 * 抄送: who is told of a request without deciding it, as DingTalk's flows copy people in. For a teacher
 * exchange: the district bureau (it answers for the rotation share) and the 学区长 of the teacher's own
 * 学区 when that 学区 does not decide (the teacher leaves it); a booking copies nobody. Whoever decides
 * a step is not copied as well.
 */
import { xuequOfSchool, compositionOn, type XuequVersion } from '../xuequ';
import { canDecideStep } from './route';
import type { Actor, RequestFields, Step } from './types';

export type CcCandidate = Pick<Actor, '_id' | 'name' | 'roles' | 'schoolId' | 'xuequId' | 'districtCode'>;

export function ccOf(
  fields: RequestFields,
  steps: readonly Step[],
  versions: readonly XuequVersion[],
  routedOn: string,
  accounts: readonly CcCandidate[],
): Array<{ openid: string; name: string }> {
  if (fields.type === 'facility') return [];
  const homeXuequ = new Set(
    xuequOfSchool(compositionOn(versions, routedOn), fields.homeSchoolId).map(({ xuequ }) => xuequ.xuequId),
  );
  const copied = accounts.filter(
    (u) =>
      u.districtCode === fields.districtCode &&
      u._id !== fields.teacherOpenid &&
      ((u.roles.includes('bureau') && !u.schoolId) ||
        (u.roles.includes('xuequzhang') && u.xuequId !== null && homeXuequ.has(u.xuequId))) &&
      !steps.some((s) => canDecideStep(s, u)),
  );
  return [...new Map(copied.map((u) => [u._id, { openid: u._id, name: u.name }])).values()];
}
