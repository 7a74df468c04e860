import { COLLECTIONS } from '@/contracts/collections';
import { db } from '../cloud';
import { encodeCursor, type Cursor } from '../paging';
import { fetchById, insertOnce } from './query';

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

/**
 * The inquiries matching `where` after the cursor, newest first (createdAt desc, ties by _id desc), at
 * most `limit`: one query whatever the list's length, and an inquiry filed meanwhile sorts before the
 * cursor, so paging on neither loses nor repeats one.
 */
export async function inquiryPage(
  where: Record<string, unknown>,
  after: Cursor | null,
  limit: number,
): Promise<InquiryDoc[]> {
  const _ = db().command;
  const at = after ? new Date(after.t) : null;
  const cond = at ? _.and([where, _.or([{ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(after!.id) }])]) : where;
  const res = await db()
    .collection(COLLECTIONS.zoningInquiries)
    .where(cond as Record<string, unknown>)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return (res as unknown as { data: InquiryDoc[] }).data;
}

/** The opaque `next` of a page: its last item's time (ms) and id, in the cursor every paged list uses. */
export const encodeInquiryCursor = (doc: InquiryDoc): string =>
  encodeCursor({ t: new Date(doc.createdAt).getTime(), id: doc._id });

/** A parent's own inquiries. */
export const mineWhere = (openid: string) => ({ openid });

/** Inquiries a school answers (schoolId), or the district bureau (schoolId null); optionally of one status. */
export const inboxWhere = (districtCode: string, schoolId: string | null, status?: InquiryDoc['status']) => ({
  districtCode,
  schoolId,
  ...(status ? { status } : {}),
});
