import { COLLECTIONS } from '@/contracts/collections';
import type { RosterTeacher } from '@/domain/roster';
import { fetchAll } from './query';

/** A district's teacher roster: up to 100 pages of 1000. */
export const listRoster = (districtCode: string) =>
  fetchAll<RosterTeacher>(COLLECTIONS.teacherRoster, { districtCode }, 100);
export const rosterOfSchool = (schoolId: string) => fetchAll<RosterTeacher>(COLLECTIONS.teacherRoster, { schoolId });
