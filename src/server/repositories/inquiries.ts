import { COLLECTIONS } from '../../contracts/collections';
import { db } from '../cloud';
import { fetchAll, fetchById, insertOnce } from './query';

/** A parent's 请学校确认 question: the only record that holds a parent's address, by their own choice. */
export interface InquiryDoc {
  _id: string;
  openid: string;
  districtCode: string;
  schoolId: string | null;
  communityCode: string | null;
  address: string;
  contactName: string;
  phone: string;
  question: string | null;
  status: 'pending' | 'answered';
  answer: string | null;
  createdAt: Date | string;
}

/**
 * Stores the inquiry once per id: a retried submission (same client request id) finds the first one.
 * Returns whether it already existed.
 */
export async function addInquiryOnce(doc: Omit<InquiryDoc, 'createdAt'>): Promise<boolean> {
  if (await fetchById<InquiryDoc>(COLLECTIONS.zoningInquiries, doc._id)) return true;
  const stored: { _id: string } = { ...doc, createdAt: db().serverDate() } as { _id: string };
  return !(await insertOnce(COLLECTIONS.zoningInquiries, stored));
}

export const inquiriesOf = (openid: string) => fetchAll<InquiryDoc>(COLLECTIONS.zoningInquiries, { openid });

/** Inquiries a school answers (schoolId), or the district bureau (schoolId null). */
export const inquiriesFor = (districtCode: string, schoolId: string | null) =>
  fetchAll<InquiryDoc>(COLLECTIONS.zoningInquiries, { districtCode, schoolId });
