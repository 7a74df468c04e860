import type { z } from 'zod';
import type { InboxInquiryView, InquiryPage, InquiryView, SchoolOutputs, schoolInputs } from '@/contracts/school';
import { COLLECTIONS } from '@/contracts/collections';
import type { SignedInContext } from '@/server/handler';
import { AppError, forbidden, notFound } from '@/server/errors';
import { CHINA_ZONE, localDate } from '@/domain/time';
import { fieldsOf, runTransaction } from '@/server/cloud';
import {
  addInquiryOnce,
  encodeInquiryCursor,
  inboxWhere,
  inquiryPage,
  mineWhere,
  type InquiryDoc,
} from '@/server/repositories/inquiries';
import { decodeCursor, PAGE_SIZE } from '@/server/paging';
import { districtData } from '@/server/district-cache';
import { checkTypedText } from '@/server/content-check';

type AskInput = z.output<(typeof schoolInputs)['askSchool']>;
type PageInput = { cursor?: string; limit?: number };

/** 请学校确认: stored for the school's principal (or the bureau when no school is named). */
export async function askSchool(input: AskInput, ctx: SignedInContext): Promise<{ id: string; duplicate: boolean }> {
  await checkTypedText(ctx.openid, {
    address: ['地址', input.address],
    contactName: ['联系人', input.contactName],
    question: ['问题', input.question],
  });
  const d = await districtData(input.districtCode);
  if (!d) throw notFound('该区县');
  if (input.schoolId && !d.schools.some((s) => s._id === input.schoolId))
    throw new AppError('INVALID_INPUT', '学校（schoolId）不属于所选区县', 'schoolId');
  if (input.communityCode && !d.divisions.some((x) => x.code === input.communityCode && x.level === 'community')) {
    throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选区县', 'communityCode');
  }
  const id = `iq-${ctx.openid}-${input.requestId}`;
  const duplicate = await addInquiryOnce({
    _id: id,
    openid: ctx.openid,
    districtCode: input.districtCode,
    schoolId: input.schoolId ?? null,
    communityCode: input.communityCode ?? null,
    address: input.address.trim(),
    contactName: input.contactName.trim(),
    phone: input.phone,
    question: input.question?.trim() || null,
    status: 'pending',
    answer: null,
  });
  return { id, duplicate };
}

const createdMs = (x: InquiryDoc) => new Date(x.createdAt).getTime();

async function views(
  docs: InquiryDoc[],
): Promise<Array<InquiryView & { doc: InquiryDoc; communityName: string | null }>> {
  const names = new Map<string, string>();
  for (const code of new Set(docs.map((x) => x.districtCode))) {
    const d = await districtData(code);
    for (const s of d?.schools ?? []) names.set(s._id, s.name);
    for (const c of d?.divisions ?? []) names.set(c.code, c.name);
  }
  return docs.map((x) => ({
    doc: x,
    id: x._id,
    districtCode: x.districtCode,
    schoolName: x.schoolId ? (names.get(x.schoolId) ?? null) : null,
    communityName: x.communityCode ? (names.get(x.communityCode) ?? null) : null,
    address: x.address,
    question: x.question,
    status: x.status,
    answer: x.answer,
    createdAt: localDate(createdMs(x), CHINA_ZONE),
  }));
}

const strip = <T extends { doc: InquiryDoc; communityName: string | null }>({
  doc: _doc,
  communityName: _c,
  ...view
}: T) => view;

/**
 * One page of `where`, newest first: one more than the page is read to tell whether another follows, so
 * `next` is null exactly on the last page.
 */
async function pageOf<V>(
  where: Record<string, unknown>,
  input: PageInput,
  view: (docs: InquiryDoc[]) => Promise<V[]>,
): Promise<InquiryPage<V>> {
  const size = input.limit ?? PAGE_SIZE;
  const docs = await inquiryPage(where, decodeCursor(input.cursor), size + 1);
  const items = docs.slice(0, size);
  return { items: await view(items), next: docs.length > size ? encodeInquiryCursor(items[items.length - 1]) : null };
}

/** A parent's own questions, newest first, a page at a time. */
export async function myInquiries(input: PageInput, ctx: SignedInContext): Promise<SchoolOutputs['myInquiries']> {
  return pageOf(mineWhere(ctx.openid), input, async (docs) => (await views(docs)).map(strip));
}

/** Where an inquiry is answered: the named school's principal, else the district bureau. */
function answerer(user: { roles: readonly string[]; schoolId: string | null; districtCode: string | null }): {
  schoolId: string | null;
  districtCode: string;
} {
  if (user.roles.includes('principal') && user.schoolId && user.districtCode)
    return { schoolId: user.schoolId, districtCode: user.districtCode };
  if (user.roles.includes('bureau') && user.districtCode) return { schoolId: null, districtCode: user.districtCode };
  throw forbidden('只有学校校长或区教育局可以答复家长咨询');
}

/**
 * The questions parents sent to the caller's school (the bureau: those naming no school), newest first, a
 * page at a time; `status` keeps to the pending (待答复) or the answered ones.
 */
export async function inquiryInbox(
  input: PageInput & { status?: InquiryDoc['status'] },
  ctx: SignedInContext,
): Promise<SchoolOutputs['inquiryInbox']> {
  const scope = answerer((await ctx.user())!);
  return pageOf(
    inboxWhere(scope.districtCode, scope.schoolId, input.status),
    input,
    async (docs): Promise<InboxInquiryView[]> =>
      (await views(docs)).map((v) => ({
        ...strip(v),
        communityName: v.communityName,
        contactName: v.doc.contactName,
        phone: v.doc.phone,
      })),
  );
}

/** Answers once: concurrent answers yield exactly one; the parent sees it under 我的咨询. */
export async function answerInquiry(input: { id: string; answer: string }, ctx: SignedInContext): Promise<InquiryView> {
  const scope = answerer((await ctx.user())!);
  await checkTypedText(ctx.openid, { answer: ['答复', input.answer] });
  const answered = await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.zoningInquiries).doc(input.id);
    const current = (await ref.get().catch(() => ({ data: null }))).data as InquiryDoc | null;
    if (!current || current.districtCode !== scope.districtCode || current.schoolId !== scope.schoolId)
      throw notFound('该咨询');
    if (current.status !== 'pending') throw new AppError('ALREADY_DECIDED', '该咨询已答复');
    const next: InquiryDoc = { ...current, status: 'answered', answer: input.answer.trim() };
    await ref.set({ data: fieldsOf(next) });
    return next;
  });
  return strip((await views([answered]))[0]);
}
