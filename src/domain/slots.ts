/**
 * The weekly time slots a teacher exchange asks for, checked once here: the contract refuses them with
 * these messages, the approval checks block on them, and the request form shows them before submitting.
 * A slot is one session on one weekday, China wall-clock times, within one day.
 */

/** When a school is open for teaching and after-school service (课后服务 ends around 18:00). */
export const SCHOOL_HOURS = { start: '07:00', end: '18:30' } as const;
/** The longest single session: half a school day. "00:00–23:59, 8节" is a typo, not a duty. */
export const MAX_SESSION_MIN = 240;
/** A 课时 is at least 30 minutes (primary 40, middle 45), so a slot holds at most minutes / 30 periods. */
export const MIN_PERIOD_MIN = 30;

export interface SlotInput {
  weekday: number;
  start: string;
  end: string;
  periods: number;
}

/** One problem, with the input field it is about (slots[i].start …) and a Chinese message naming it. */
export interface SlotProblem {
  field: string;
  message: string;
}

const HM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * Every problem of the slots, in order: a time that is not HH:mm, an end not after the start, a session
 * over MAX_SESSION_MIN, more periods than fit, outside school hours (exchanges teach at a school), and
 * two slots of the request overlapping on the same weekday.
 */
export function slotProblems(
  slots: readonly SlotInput[],
  opts: { schoolHours: boolean } = { schoolHours: true },
): SlotProblem[] {
  const out: SlotProblem[] = [];
  slots.forEach((s, i) => {
    const at = `第${i + 1}个时段`;
    const key = (k: string) => `slots[${i}].${k}`;
    const say = (k: string, label: string, text: string) =>
      out.push({ field: key(k), message: `${at}${label}（${key(k)}）${text}` });
    if (!HM.test(s.start)) return say('start', '开始时间', '应为HH:mm，例如 14:00');
    if (!HM.test(s.end)) return say('end', '结束时间', '应为HH:mm，例如 15:30');
    const len = minutes(s.end) - minutes(s.start);
    if (len <= 0) return say('end', '结束时间', `须晚于开始时间（${s.start}–${s.end}）`);
    if (len > MAX_SESSION_MIN)
      say('end', '结束时间', `：一次最长 ${MAX_SESSION_MIN / 60} 小时（${s.start}–${s.end} 共 ${len} 分钟）`);
    if (opts.schoolHours && (s.start < SCHOOL_HOURS.start || s.end > SCHOOL_HOURS.end))
      say(
        s.start < SCHOOL_HOURS.start ? 'start' : 'end',
        s.start < SCHOOL_HOURS.start ? '开始时间' : '结束时间',
        `须在在校时间 ${SCHOOL_HOURS.start}–${SCHOOL_HOURS.end} 内（${s.start}–${s.end}）`,
      );
    const fit = Math.floor(len / MIN_PERIOD_MIN);
    if (Number.isInteger(s.periods) && s.periods > fit) say('periods', '节次', `过多：${len} 分钟最多 ${fit} 节`);
    for (let j = 0; j < i; j++) {
      const o = slots[j];
      if (
        o.weekday === s.weekday &&
        HM.test(o.start) &&
        HM.test(o.end) &&
        minutes(o.start) < minutes(s.end) &&
        minutes(s.start) < minutes(o.end)
      ) {
        say('start', '', `与第${j + 1}个时段（${WEEKDAY[s.weekday] ?? ''} ${o.start}–${o.end}）重叠`);
        break;
      }
    }
  });
  return out;
}
