import cloud from 'wx-server-sdk';
import { templateData, templateId, type FieldOf, type TemplateName } from './subscribe-templates';

/**
 * Subscribe messages (订阅消息): template ids and keywords come from the function's environment
 * variables (subscribe-templates.ts); the local runtime records every send. A notice is best effort: it
 * never fails the action that caused it (the user may not have subscribed, a template may be
 * misconfigured: both are logged).
 */
export interface Notice<T extends TemplateName = TemplateName> {
  touser: string;
  template: T;
  page: string;
  /** What the notice says, by field; subscribe-templates.ts puts each under its keyword. */
  fields: Partial<Record<FieldOf<T>, string>>;
}

export async function sendNotices(notices: readonly Notice[]): Promise<number> {
  let sent = 0;
  for (const n of notices) {
    try {
      const data = templateData(n.template, n.fields);
      await cloud.openapi.subscribeMessage.send({
        touser: n.touser,
        templateId: templateId(n.template),
        page: n.page,
        data,
        miniprogramState: 'formal',
        lang: 'zh_CN',
      });
      sent++;
    } catch (err) {
      console.warn('subscribe message not sent', n.template, n.touser, (err as Error).message);
    }
  }
  return sent;
}
