/**
 * Subscribe-message (订阅消息) templates: which template each notice uses and which of its keywords
 * carries which field. Both are the deployer's, set in the approval function's environment variables:
 *
 *   XUEQU_TPL_APPROVAL       template id of "a request waits for you" (sent to deciders)
 *   XUEQU_TPL_APPROVAL_KEYS  its keywords, default `type:thing1,requester:thing2,step:thing3,time:time4`
 *   XUEQU_TPL_RESULT         template id of "your request was decided" (sent to the requester)
 *   XUEQU_TPL_RESULT_KEYS    its keywords, default `type:thing1,status:phrase2,comment:thing3,time:time4`
 *   XUEQU_TPL_ATTENDANCE     template id of "a visiting teacher's clock-in was flagged" (duty function,
 *                            sent to the host school's principal)
 *   XUEQU_TPL_ATTENDANCE_KEYS its keywords, default `teacher:thing1,issue:thing2,session:thing3,time:time4`
 *   XUEQU_TPL_REMINDER       template id of "your session starts soon" (duty function's timer, sent to the teacher)
 *   XUEQU_TPL_REMINDER_KEYS  its keywords, default `session:thing1,school:thing2,time:time3,note:thing4`
 *
 * A KEYS value lists `field:keyword` pairs, comma separated, with the keywords exactly as the template's
 * detail page in 公众平台 → 订阅消息 shows them ({{thing1.DATA}} → thing1). A field left out is not sent.
 * Values are cut to the keyword kind's limit (thing 20 characters, phrase 5, name 10, …).
 */

/** The fields each notice fills, and the keywords they go to unless configured otherwise. */
export const TEMPLATE_FIELDS = {
  approval: { type: 'thing1', requester: 'thing2', step: 'thing3', time: 'time4' },
  result: { type: 'thing1', status: 'phrase2', comment: 'thing3', time: 'time4' },
  attendance: { teacher: 'thing1', issue: 'thing2', session: 'thing3', time: 'time4' },
  reminder: { session: 'thing1', school: 'thing2', time: 'time3', note: 'thing4' },
} as const;

export type TemplateName = keyof typeof TEMPLATE_FIELDS;
export type FieldOf<T extends TemplateName> = keyof (typeof TEMPLATE_FIELDS)[T];

const ENV: Record<TemplateName, { id: string; keys: string; placeholder: string }> = {
  approval: { id: 'XUEQU_TPL_APPROVAL', keys: 'XUEQU_TPL_APPROVAL_KEYS', placeholder: 'TPL_APPROVAL_PENDING' },
  result: { id: 'XUEQU_TPL_RESULT', keys: 'XUEQU_TPL_RESULT_KEYS', placeholder: 'TPL_APPROVAL_RESULT' },
  attendance: { id: 'XUEQU_TPL_ATTENDANCE', keys: 'XUEQU_TPL_ATTENDANCE_KEYS', placeholder: 'TPL_ATTENDANCE_FLAGGED' },
  reminder: { id: 'XUEQU_TPL_REMINDER', keys: 'XUEQU_TPL_REMINDER_KEYS', placeholder: 'TPL_SESSION_REMINDER' },
};

type Env = Record<string, string | undefined>;

/** The template id (a placeholder when not configured: the send then fails and is logged, never the action). */
export function templateId(name: TemplateName, env: Env = process.env): string {
  return env[ENV[name].id]?.trim() || ENV[name].placeholder;
}

/** field → keyword for a template: the configured KEYS, or the defaults; a malformed KEYS is refused with the reason. */
export function keywordMap(name: TemplateName, env: Env = process.env): Record<string, string> {
  const raw = env[ENV[name].keys]?.trim();
  if (!raw) return { ...TEMPLATE_FIELDS[name] };
  const fields = Object.keys(TEMPLATE_FIELDS[name]);
  const map: Record<string, string> = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+)\s*:\s*([a-z_]+\d+)$/.exec(pair);
    if (!m || !fields.includes(m[1])) {
      throw new Error(
        `${ENV[name].keys}: "${pair}" is not field:keyword (fields: ${fields.join(', ')}; keywords like thing1, time4)`,
      );
    }
    if (Object.values(map).includes(m[2])) throw new Error(`${ENV[name].keys}: keyword ${m[2]} is used twice`);
    map[m[1]] = m[2];
  }
  return map;
}

/** Character limits per keyword kind (WeChat's subscribe-message rules). */
const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
};

/** Cuts a value to what its keyword kind accepts (a cut thing ends with …). */
export function fitKeyword(keyword: string, value: string): string {
  const kind = /^([a-z_]+?)\d+$/.exec(keyword)?.[1] ?? '';
  const max = LIMITS[kind];
  const chars = [...value];
  if (max === undefined || chars.length <= max) return value;
  return kind === 'thing' ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
}

/** The `data` of subscribeMessage.send: each mapped, non-empty field under its keyword, fitted. */
export function templateData<T extends TemplateName>(
  name: T,
  fields: Partial<Record<FieldOf<T>, string>>,
  env: Env = process.env,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, keyword] of Object.entries(keywordMap(name, env))) {
    const value = (fields as Record<string, string | undefined>)[field];
    if (value) data[keyword] = { value: fitKeyword(keyword, value) };
  }
  return data;
}
