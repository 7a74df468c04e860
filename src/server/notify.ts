import cloud from 'wx-server-sdk';

/**
 * Subscribe messages (订阅消息). The template ids are the deployer's: set XUEQU_TPL_APPROVAL (a request
 * waits for you) and XUEQU_TPL_RESULT (your request was decided) in the function's environment
 * variables; the local runtime records every send. A notice is best effort: it never fails the action
 * that caused it (the user may not have subscribed).
 */
export const TEMPLATES = {
  approval: process.env.XUEQU_TPL_APPROVAL || 'TPL_APPROVAL_PENDING',
  result: process.env.XUEQU_TPL_RESULT || 'TPL_APPROVAL_RESULT',
} as const;

export interface Notice {
  touser: string;
  template: keyof typeof TEMPLATES;
  page: string;
  /** Template keywords: thing (≤20 chars), phrase (≤5), time. */
  data: Record<string, { value: string }>;
}

export async function sendNotices(notices: readonly Notice[]): Promise<number> {
  let sent = 0;
  for (const n of notices) {
    try {
      await cloud.openapi.subscribeMessage.send({ touser: n.touser, templateId: TEMPLATES[n.template], page: n.page, data: n.data, miniprogramState: 'formal', lang: 'zh_CN' } as never);
      sent++;
    } catch (err) {
      console.warn('subscribe message not sent', n.touser, (err as Error).message);
    }
  }
  return sent;
}

/** Template "thing" values are at most 20 characters. */
export const thing = (s: string) => ({ value: s.length > 20 ? `${s.slice(0, 19)}…` : s });
