import cloud from 'wx-server-sdk';
import { AppError } from './errors';

/**
 * WeChat's text check (内容安全, `security.msgSecCheck` 2.0) for text a person typed that another
 * person will read. Every action that stores such text calls checkTypedText once, before it writes
 * anything and outside any transaction; the function's config.json declares
 * `permissions.openapi: ["security.msgSecCheck"]`.
 *
 * - All fields of the action go in one call (joined by line breaks, at most 2500 characters a call):
 *   one network round trip per action; none when every field is empty.
 * - 'risky' (or errcode 87014, version 1's answer) refuses: CONTENT_REJECTED naming the field, nothing
 *   stored. When joined fields are risky, each is checked alone (this refusal path only) to name the
 *   one at fault; if none is risky alone, all of them are named.
 * - 'review' (WeChat is unsure) is stored: the text is not judged illegal, and refusing it would block
 *   ordinary parents and teachers. It is logged with the trace id for the operator to look at.
 * - Any other failure (WeChat busy, openid not seen in the last two hours, unknown answer) refuses
 *   with CONTENT_CHECK_UNAVAILABLE: text that was not checked is not stored (fail closed).
 */

/** Scene 2 (评论): the text is a message to another person; the scene WeChat's own keyword rules apply to. */
const SCENE = 2;
const MAX_CONTENT = 2500;
/** errcode of version 1 for risky content. */
const ERR_RISKY_V1 = 87014;

/** Field key (as in the contract) → [Chinese label, the text as it will be stored]. */
export type TypedText = Record<string, readonly [label: string, text: string | null | undefined]>;

type Suggest = 'pass' | 'review' | 'risky';

interface Field {
  key: string;
  label: string;
  text: string;
}

async function ask(
  openid: string,
  content: string,
): Promise<{ suggest: Suggest; label: number | null; traceId: string | null }> {
  let answer: { result?: { suggest?: unknown; label?: unknown }; traceId?: unknown };
  try {
    answer = await cloud.openapi.security.msgSecCheck({ openid, scene: SCENE, version: 2, content });
  } catch (err) {
    if ((err as { errCode?: unknown } | null)?.errCode === ERR_RISKY_V1)
      return { suggest: 'risky', label: null, traceId: null };
    console.warn('content check failed', (err as Error)?.message ?? err);
    throw new AppError('CONTENT_CHECK_UNAVAILABLE', '内容安全检查暂时不可用，未保存，请稍后再试');
  }
  const suggest = answer?.result?.suggest;
  if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') {
    console.warn('content check: unknown answer', JSON.stringify(answer));
    throw new AppError('CONTENT_CHECK_UNAVAILABLE', '内容安全检查暂时不可用，未保存，请稍后再试');
  }
  const label = typeof answer.result?.label === 'number' ? answer.result.label : null;
  return { suggest, label, traceId: typeof answer.traceId === 'string' ? answer.traceId : null };
}

/** Fields in calls of at most MAX_CONTENT characters (joined by a line break). */
function batches(fields: Field[]): Field[][] {
  const out: Field[][] = [];
  let size = 0;
  for (const f of fields) {
    const n = [...f.text].length;
    const last = out[out.length - 1];
    if (last && size + 1 + n <= MAX_CONTENT) {
      last.push(f);
      size += 1 + n;
    } else {
      out.push([f]);
      size = n;
    }
  }
  return out;
}

const joined = (fields: Field[]) => fields.map((f) => f.text).join('\n');

/** The fields of a risky batch that are at fault. */
async function culprits(openid: string, batch: Field[]): Promise<Field[]> {
  if (batch.length === 1) return batch;
  const alone = await Promise.all(batch.map((f) => ask(openid, f.text)));
  const found = batch.filter((_, i) => alone[i].suggest === 'risky');
  return found.length ? found : batch;
}

/**
 * Checks the typed text of one action as its writer's (`openid`): resolves when it may be stored,
 * throws CONTENT_REJECTED / CONTENT_CHECK_UNAVAILABLE when it may not.
 */
export async function checkTypedText(openid: string | null, typed: TypedText): Promise<'pass' | 'review'> {
  const fields: Field[] = Object.entries(typed)
    .map(([key, [label, text]]) => ({ key, label, text: (text ?? '').trim() }))
    .filter((f) => f.text.length > 0);
  if (!fields.length) return 'pass';
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  const groups = batches(fields);
  const answers = await Promise.all(groups.map((g) => ask(openid, joined(g))));
  const risky = groups.filter((_, i) => answers[i].suggest === 'risky');
  if (risky.length) {
    const at = (await Promise.all(risky.map((g) => culprits(openid, g)))).flat();
    const names = at.map((f) => `${f.label}（${f.key}）`).join('、');
    throw new AppError('CONTENT_REJECTED', `${names}未通过微信内容安全检查，未保存，请修改后再提交`, at[0].key);
  }
  const review = answers.filter((a) => a.suggest === 'review');
  if (!review.length) return 'pass';
  console.warn(
    'content check: stored text WeChat suggests reviewing',
    JSON.stringify({ fields: fields.map((f) => f.key), answers: review }),
  );
  return 'review';
}
