import { COLLECTIONS } from '../../contracts/collections';
import { db } from '../cloud';
import { AppError } from '../errors';
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

/** Where a page of inquiries starts: after this one (its createdAt in ms, and its id). */
export interface InquiryCursor {
  t: number;
  id: string;
}

/**
 * The inquiries matching `where` after the cursor, newest first (createdAt desc, ties by _id desc), at
 * most `limit`: one query whatever the list's length, and an inquiry filed meanwhile sorts before the
 * cursor, so paging on neither loses nor repeats one.
 */
export async function inquiryPage(where: Record<string, unknown>, after: InquiryCursor | null, limit: number): Promise<InquiryDoc[]> {
  const _ = db().command;
  const at = after ? new Date(after.t) : null;
  const cond = at ? _.and([where, _.or([{ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(after!.id) }])]) : where;
  const res = await db().collection(COLLECTIONS.zoningInquiries).where(cond as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return (res as unknown as { data: InquiryDoc[] }).data;
}

// base64url by hand: the bundles may run on Node 12, whose Buffer has no 'base64url' encoding.
/** The opaque `next` of a page: its last item's time and id. */
export const encodeInquiryCursor = (doc: InquiryDoc): string =>
  Buffer.from(JSON.stringify([new Date(doc.createdAt).getTime(), doc._id]), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The cursor a client sent back; a forged or damaged one is refused (INVALID_INPUT), never queried. */
export function decodeInquiryCursor(text: string | undefined): InquiryCursor | null {
  if (text === undefined) return null;
  const invalid = () => new AppError('INVALID_INPUT', '翻页标记（cursor）无效，请从第一页重新加载', 'cursor');
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(v) || v.length !== 2 || !Number.isSafeInteger(v[0]) || typeof v[1] !== 'string' || !/^[\w@.-]{1,120}$/.test(v[1])) throw invalid();
  return { t: v[0], id: v[1] };
}

/** A parent's own inquiries. */
export const mineWhere = (openid: string) => ({ openid });

/** Inquiries a school answers (schoolId), or the district bureau (schoolId null); optionally of one status. */
export const inboxWhere = (districtCode: string, schoolId: string | null, status?: InquiryDoc['status']) => ({ districtCode, schoolId, ...(status ? { status } : {}) });
