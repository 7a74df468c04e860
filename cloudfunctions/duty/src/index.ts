import { createMain } from '@/server/handler';
import { callerOpenId } from '@/server/cloud';
import { dutyActions } from './actions';
import { REMINDER_TRIGGER, remindSessions } from './reminders';

const actions = createMain('duty', dutyActions);

/**
 * Cloud function `duty`: teachers' cross-school duties, clocking and hours; 补卡 and 外勤 decisions.
 * Its timer trigger (config.json, every 5 minutes) sends 上课前提醒: the cloud calls it with
 * `{ Type: 'Timer', TriggerName }` and no caller. Only such an event, with no OPENID, runs the
 * reminders; anything else goes to the action router. A caller without an OPENID who forges the event
 * can only make the run happen early: it sends what is due now, each reminder at most once.
 */
export async function main(event: Record<string, unknown>) {
  // The platform may deliver anything as the event: only a plain object can name the trigger.
  const timer =
    typeof event === 'object' && event !== null && event.Type === 'Timer' && event.TriggerName === REMINDER_TRIGGER;
  if (timer && callerOpenId() === null) {
    try {
      return { ok: true, data: await remindSessions(Date.now()) };
    } catch (err) {
      console.error('session reminders failed', err);
      return { ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后再试' };
    }
  }
  return actions(event);
}
