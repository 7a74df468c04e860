import type { z } from 'zod';

/**
 * The one zod error map of the contracts: every problem becomes a Chinese message naming the field as
 * "label（key）" (people read the label, the client strips the key: src/services/call.ts forPeople), never
 * longer than MAX_MESSAGE. A schema names its field with `named(key, label)`; a message written on a
 * check (`.min(1, '请填写…')`) still wins, for the few that say more than the map can. A zod error map
 * given to safeParse would override the schemas' own (zod applies the contextual map last), so the server
 * passes none and names an unnamed field itself (unnamedMessage).
 */

/** Bound of every input message (caller text in it is shortened, see quoted in src/server/validate.ts). */
export const MAX_MESSAGE = 200;

/** Labels of fields a schema leaves unnamed, by key: the contextual map names them from the issue's path. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  requestId: '请求编号',
  districtCode: '区县代码',
  streetCode: '街道代码',
  communityCode: '社区代码',
  schoolYear: '学年',
  schoolId: '学校',
  xuequId: '学区',
  id: '编号',
  cursor: '翻页标记',
  limit: '每页条数',
  date: '日期',
  month: '月份',
  status: '列表',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};

const shown = (values: readonly unknown[]): string => {
  const texts = values.slice(0, 6).map(String);
  return `${texts.join('、')}${values.length > texts.length ? '等' : ''}`;
};

/** The message of an issue about the field `key` labelled `label`. */
export function fieldMessage(issue: z.ZodIssueOptionalMessage, key: string, label: string): string {
  const f = `${label}（${key}）`;
  const text = ((): string => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.received === 'undefined') return `缺少${f}`;
        return `${f}应为${TYPE_NAMES[issue.expected] ?? '正确的类型'}`;
      case 'too_small':
        if (issue.type === 'string') return Number(issue.minimum) <= 1 ? `${f}不能为空` : `${f}至少${issue.minimum}字`;
        if (issue.type === 'array' || issue.type === 'set') return `${f}至少${issue.minimum}项`;
        return `${f}不小于${issue.minimum}`;
      case 'too_big':
        if (issue.type === 'string') return `${f}不超过${issue.maximum}字`;
        if (issue.type === 'array' || issue.type === 'set') return `${f}最多${issue.maximum}项`;
        return `${f}不大于${issue.maximum}`;
      case 'invalid_enum_value':
        return `${f}应为${shown(issue.options)}之一`;
      case 'invalid_literal':
        return `${f}应为${String(issue.expected)}`;
      case 'invalid_string':
      case 'invalid_date':
        return `${f}格式不正确`;
      default:
        return `${f}不正确`;
    }
  })();
  return text.length > MAX_MESSAGE
    ? `${Array.from(text)
        .slice(0, MAX_MESSAGE - 1)
        .join('')}…`
    : text;
}

/** Zod params naming a field: `z.string(named('requestId', '请求编号'))`. */
export const named = (key: string, label: string): { errorMap: z.ZodErrorMap } => ({
  errorMap: (issue) => ({ message: fieldMessage(issue, key, label) }),
});

/**
 * The message of an issue no schema named (zod's English default): the field named from its key (its
 * label from FIELD_LABELS, else 字段). The server uses it, so no answer falls back to English.
 */
export function unnamedMessage(issue: z.ZodIssue): string {
  const keys = issue.path.map(String);
  const last = issue.path.filter((p): p is string => typeof p === 'string').pop();
  return fieldMessage(issue, keys.join('.') || 'input', (last && FIELD_LABELS[last]) || '字段');
}
