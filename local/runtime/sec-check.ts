/**
 * `security.msgSecCheck` (文本内容安全识别) answered as WeChat answers it, for the local runtime.
 *
 * Version 2 (`{ version: 2, openid, scene: 1–4, content ≤ 2500 chars }`) answers errcode 0 with
 * `result: { suggest: 'pass' | 'review' | 'risky', label }`, `detail[]` and `trace_id`; without
 * `version: 2` the call is version 1, which answers errcode 87014 for risky text and 0 otherwise.
 *
 * The verdict comes from configured test words, never from a real model:
 * - XUEQU_SECCHECK_RISKY (comma-separated; default 违规测试词): text containing one is 'risky';
 * - XUEQU_SECCHECK_REVIEW (comma-separated; default 待审测试词): text containing one is 'review'.
 * - XUEQU_SECCHECK_ERRCODE (e.g. -1, WeChat busy): every call fails with that errcode, to test what a
 *   function does when the check cannot be done.
 * All three are read on every call, so a test may change them.
 *
 * Every call is recorded (textChecks()) so tests can assert what was checked, by whom and how it was
 * answered.
 */
import { currentInvocation } from './identity';

export type Suggest = 'pass' | 'review' | 'risky';

export interface TextCheckRecord {
  /** The cloud function that called (null outside an invocation). */
  functionName: string | null;
  version: number | null;
  openid: unknown;
  scene: unknown;
  content: unknown;
  /** What was answered: a verdict, or the errcode of a refused call. */
  suggest: Suggest | null;
  errcode: number;
}

export const DEFAULT_RISKY_WORD = '违规测试词';
export const DEFAULT_REVIEW_WORD = '待审测试词';
const MAX_CONTENT = 2500;
/** Labels of the 2.0 answer: 100 normal, 21000 other (the test words' category). */
const LABEL_NORMAL = 100;
const LABEL_OTHER = 21000;

const words = (name: string, fallback: string): string[] =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

let records: TextCheckRecord[] = [];

/** The calls served since the current runtime was opened, oldest first. */
export const textChecks = (): readonly TextCheckRecord[] => records;

/** A runtime opens or closes (seam.ts bindOpenApi): its record starts empty. */
export function resetTextChecks(): void {
  records = [];
}

function verdict(content: string): { suggest: Suggest; keyword: string | null } {
  const risky = words('XUEQU_SECCHECK_RISKY', DEFAULT_RISKY_WORD).find((w) => content.includes(w));
  if (risky) return { suggest: 'risky', keyword: risky };
  const review = words('XUEQU_SECCHECK_REVIEW', DEFAULT_REVIEW_WORD).find((w) => content.includes(w));
  if (review) return { suggest: 'review', keyword: review };
  return { suggest: 'pass', keyword: null };
}

let traceSeq = 0;

/** Answers one call; `data` holds the request's keys as sent (snake_case) with JSON values. */
export function msgSecCheck(data: Record<string, unknown>): Record<string, unknown> {
  const invocation = currentInvocation();
  const version = data.version === 2 ? 2 : null;
  const record: TextCheckRecord = {
    functionName: invocation?.functionName ?? null,
    version,
    openid: data.openid,
    scene: data.scene,
    content: data.content,
    suggest: null,
    errcode: 0,
  };
  records.push(record);
  const fail = (errcode: number, errmsg: string) => {
    record.errcode = errcode;
    return { errcode, errmsg };
  };

  const forced = Number(process.env.XUEQU_SECCHECK_ERRCODE);
  if (process.env.XUEQU_SECCHECK_ERRCODE && forced) return fail(forced, 'system error (XUEQU_SECCHECK_ERRCODE)');
  const content = data.content;
  if (typeof content !== 'string' || content.length === 0) return fail(47001, 'data format error: content');
  if ([...content].length > MAX_CONTENT)
    return fail(47001, `data format error: content exceeds ${MAX_CONTENT} characters`);
  if (version === 2) {
    if (typeof data.openid !== 'string' || !data.openid) return fail(40003, 'invalid openid');
    // The user must have used the mini-program in the last two hours: locally, only the caller has.
    const caller = invocation?.identity?.OPENID;
    if (caller && data.openid !== caller)
      return fail(61010, 'user visit record expired (openid has not used the mini-program recently)');
    if (![1, 2, 3, 4].includes(data.scene as number)) return fail(40129, 'invalid scene');
  }

  const { suggest, keyword } = verdict(content);
  record.suggest = suggest;
  if (version !== 2) return suggest === 'risky' ? fail(87014, 'risky content') : { errcode: 0, errmsg: 'ok' };
  const label = suggest === 'pass' ? LABEL_NORMAL : LABEL_OTHER;
  const detail: Array<Record<string, unknown>> = [
    { strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 10 : 90 },
  ];
  if (keyword) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, level: 90, keyword });
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail,
    trace_id: `local-${Date.now().toString(36)}-${++traceSeq}`,
  };
}
