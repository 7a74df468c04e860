import Taro from '@tarojs/taro';

/**
 * Subscribe messages (订阅消息) on the phone. WeChat shows the dialog only when requestSubscribeMessage
 * is called inside a tap handler, and each acceptance allows one message. Template ids are build-time
 * configuration (XUEQU_TPL_APPROVAL / XUEQU_TPL_RESULT, injected by config/index.ts).
 */
export const SUBSCRIBE_TEMPLATES = {
  /** "A request waits for you": deciders subscribe in their approval inbox. */
  approval: typeof TPL_APPROVAL === 'string' ? TPL_APPROVAL : '',
  /** "Your request was decided": a teacher subscribes when filing a request. */
  result: typeof TPL_RESULT === 'string' ? TPL_RESULT : '',
  /** "A visiting teacher's clock-in was flagged": the host principal subscribes on the attendance page. */
  attendance: typeof TPL_ATTENDANCE === 'string' ? TPL_ATTENDANCE : '',
  /** "Your session starts soon" (上课前提醒): the teacher turns it on on the home page. */
  reminder: typeof TPL_REMINDER === 'string' ? TPL_REMINDER : '',
};

/** Whether the app can ask for a template here: weapp only (H5 has no subscribe messages) and configured. */
export const canSubscribe = (templateId: string) => process.env.TARO_ENV === 'weapp' && templateId !== '';

/** accept: one message allowed; reject: declined this time; off: turned off in WeChat's settings; failed: could not ask. */
export type SubscribeOutcome = 'accept' | 'reject' | 'off' | 'failed';

/** WeChat's errCode when the user has switched off all subscribe messages of the mini-program. */
const MAIN_SWITCH_OFF = 20004;

/** Asks for one message of the template. Call it synchronously from the tap handler. */
export function requestSubscription(templateId: string): Promise<SubscribeOutcome> {
  let asked: Promise<unknown>;
  try {
    // Called here and now, not after an await: WeChat only shows the dialog inside the tap.
    asked = Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0]);
  } catch {
    return Promise.resolve('failed');
  }
  return asked
    .then((res) => {
      const answer = (res as Record<string, string>)[templateId];
      if (answer === 'accept') return 'accept' as const;
      if (answer === 'ban' || answer === 'filter') return 'off' as const;
      return 'reject' as const;
    })
    .catch((err: { errCode?: number }) => (err?.errCode === MAIN_SWITCH_OFF ? 'off' : 'failed'));
}
