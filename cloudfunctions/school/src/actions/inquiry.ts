import type { z } from 'zod';
import type { InquiryView, SchoolOutputs, schoolInputs } from '../../../../src/contracts/school';
import { COLLECTIONS } from '../../../../src/contracts/collections';
import type { ActionContext } from '../../../../src/server/handler';
import { AppError, forbidden, notFound } from '../../../../src/server/errors';
import { CHINA_ZONE, localDate } from '../../../../src/domain/time';
import { fieldsOf, runTransaction } from '../../../../src/server/cloud';
import { addInquiryOnce, inquiriesOf, inquiriesFor, type InquiryDoc } from '../../../../src/server/repositories/inquiries';
import { districtData } from '../../../../src/server/district-cache';
import { checkTypedText } from '../../../../src/server/content-check';

type AskInput = z.output<(typeof schoolInputs)['askSchool']>;

/** 请学校确认: stored for the school's principal (or the bureau when no school is named). */
export async function askSchool(input: AskInput, ctx: ActionContext): Promise<{ id: string; duplicate: boolean }> {
  await checkTypedText(ctx.openid, { address: ['地址', input.address], contactName: ['联系人', input.contactName], question: ['问题', input.question] });
  const d = await districtData(input.districtCode);
  if (!d) throw notFound('该区县');
  if (input.schoolId && !d.schools.some((s) => s._id === input.schoolId)) throw new AppError('INVALID_INPUT', '学校（schoolId）不属于所选区县', 'schoolId');
  if (input.communityCode && !d.divisions.some((x) => x.code === input.communityCode && x.level === 'community')) {
    throw new AppError('INVALID_INPUT', '社区（communityCode）不属于所选区县', 'communityCode');
  }
  const id = `iq-${ctx.openid}-${input.requestId}`;
  const duplicate = await addInquiryOnce({
    _id: id,
    openid: ctx.openid!,
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

async function views(docs: InquiryDoc[]): Promise<Array<InquiryView & { doc: InquiryDoc; communityName: string | null }>> {
  const names = new Map<string, string>();
  for (const code of new Set(docs.map((x) => x.districtCode))) {
    const d = await districtData(code);
    for (const s of d?.schools ?? []) names.set(s._id, s.name);
    for (const c of d?.divisions ?? []) names.set(c.code, c.name);
  }
  return [...docs]
    .sort((a, b) => createdMs(b) - createdMs(a))
    .map((x) => ({
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

const strip = <T extends { doc: InquiryDoc; communityName: string | null }>({ doc: _doc, communityName: _c, ...view }: T) => view;

/** A parent's own questions, newest first. */
export async function myInquiries(_input: unknown, ctx: ActionContext): Promise<InquiryView[]> {
  return (await views(await inquiriesOf(ctx.openid!))).map(strip);
}

/** Where an inquiry is answered: the named school's principal, else the district bureau. */
function answerer(user: { roles: readonly string[]; schoolId: string | null; districtCode: string | null }): { schoolId: string | null; districtCode: string } {
  if (user.roles.includes('principal') && user.schoolId && user.districtCode) return { schoolId: user.schoolId, districtCode: user.districtCode };
  if (user.roles.includes('bureau') && user.districtCode) return { schoolId: null, districtCode: user.districtCode };
  throw forbidden('只有学校校长或区教育局可以答复家长咨询');
}

/** The questions parents sent to the caller's school (the bureau: those naming no school), pending first. */
export async function inquiryInbox(_input: unknown, ctx: ActionContext): Promise<SchoolOutputs['inquiryInbox']> {
  const scope = answerer((await ctx.user())!);
  const list = await views(await inquiriesFor(scope.districtCode, scope.schoolId));
  return list
    .sort((a, b) => Number(a.status !== 'pending') - Number(b.status !== 'pending'))
    .map((v) => ({ ...strip(v), communityName: v.communityName, contactName: v.doc.contactName, phone: v.doc.phone }));
}

/** Answers once: concurrent answers yield exactly one; the parent sees it under 我的咨询. */
export async function answerInquiry(input: { id: string; answer: string }, ctx: ActionContext): Promise<InquiryView> {
  const scope = answerer((await ctx.user())!);
  await checkTypedText(ctx.openid, { answer: ['答复', input.answer] });
  const answered = await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.zoningInquiries).doc(input.id);
    const current = (await ref.get().catch(() => ({ data: null }))).data as InquiryDoc | null;
    if (!current || current.districtCode !== scope.districtCode || current.schoolId !== scope.schoolId) throw notFound('该咨询');
    if (current.status !== 'pending') throw new AppError('ALREADY_DECIDED', '该咨询已答复');
    const next: InquiryDoc = { ...current, status: 'answered', answer: input.answer.trim() };
    await ref.set({ data: fieldsOf(next) as unknown as Record<string, unknown> });
    return next;
  });
  return strip((await views([answered]))[0]);
}
