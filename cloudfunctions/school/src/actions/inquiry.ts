import type { z } from 'zod';
import type { InquiryView, schoolInputs } from '../../../../src/contracts/school';
import type { ActionContext } from '../../../../src/server/handler';
import { AppError, notFound } from '../../../../src/server/errors';
import { CHINA_ZONE, localDate } from '../../../../src/domain/time';
import { addInquiryOnce, inquiriesOf } from '../../../../src/server/repositories/inquiries';
import { districtData } from '../../../../src/server/district-cache';

type AskInput = z.output<(typeof schoolInputs)['askSchool']>;

/** 请学校确认: stored for the school's principal (the approvals inbox picks these up). */
export async function askSchool(input: AskInput, ctx: ActionContext): Promise<{ id: string; duplicate: boolean }> {
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

/** A parent's own questions, newest first. */
export async function myInquiries(_input: unknown, ctx: ActionContext): Promise<InquiryView[]> {
  const docs = await inquiriesOf(ctx.openid!);
  const names = new Map<string, string>();
  for (const code of new Set(docs.map((x) => x.districtCode))) {
    for (const s of (await districtData(code))?.schools ?? []) names.set(s._id, s.name);
  }
  return [...docs]
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .map((x) => ({
      id: x._id,
      districtCode: x.districtCode,
      schoolName: x.schoolId ? (names.get(x.schoolId) ?? null) : null,
      address: x.address,
      question: x.question,
      status: x.status,
      answer: x.answer,
      createdAt: localDate(new Date(x.createdAt).getTime(), CHINA_ZONE),
    }));
}
