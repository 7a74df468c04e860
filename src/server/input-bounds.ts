import { EVENT_LIMITS, PLATFORM_EVENT_KEYS } from '../contracts/event';
import type { Fail } from '../contracts/envelope';

const PLATFORM = new Set<string>(PLATFORM_EVENT_KEYS);

const refuse = (message: string): Fail => ({ ok: false, code: 'INVALID_INPUT', message });
const tooMany = () => refuse(`请求数据过大：字段和列表项超过${EVENT_LIMITS.nodes}个`);

/**
 * Refuses an event whose input is deeper, has more keys and items, or more text than EVENT_LIMITS,
 * before the schema walks it (a schema walk recurses and reports every unknown key). The walk is
 * iterative and stops at the first limit passed, so refusing costs at most the limits themselves
 * (plus listing the top-level keys). Platform keys are not the caller's input and are not counted.
 */
export function inputOutOfBounds(event: Record<string, unknown>): Fail | null {
  const { depth: maxDepth, nodes: maxNodes, chars: maxChars } = EVENT_LIMITS;
  let nodes = 0;
  let chars = 0;
  const stack: Array<{ value: unknown; depth: number }> = [];
  const visit = (key: string, value: unknown, depth: number): Fail | null => {
    if (++nodes > maxNodes) return tooMany();
    chars += key.length + (typeof value === 'string' ? value.length : 0);
    if (chars > maxChars) return refuse(`请求数据过大：文字超过${maxChars / 10_000}万字`);
    if (typeof value === 'object' && value !== null) {
      if (depth > maxDepth) return refuse(`请求数据嵌套过深（超过${maxDepth}层）`);
      stack.push({ value, depth });
    }
    return null;
  };
  for (const key of Object.keys(event)) {
    const problem = PLATFORM.has(key) ? null : visit(key, event[key], 1);
    if (problem) return problem;
  }
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { value, depth } = top;
    const keys = Array.isArray(value) ? null : Object.keys(value as object);
    const length = keys ? keys.length : (value as unknown[]).length;
    if (nodes + length > maxNodes) return tooMany();
    for (let i = 0; i < length; i++) {
      const problem = keys
        ? visit(keys[i], (value as Record<string, unknown>)[keys[i]], depth + 1)
        : visit('', (value as unknown[])[i], depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}
