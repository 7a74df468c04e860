import { QUESTIONS, isCalendarDate, pruneAnswers } from './questions';
import type { EnrolmentAnswers } from './types';

/**
 * The wizard's answers as URL query parameters (one per question id, 是/否 as 1/0), so each step has
 * an address: browser back and forward move between steps, a reload or a shared link resumes. Reading
 * is strict: a value that is not one of the question's options is dropped, and so is every answer
 * that no longer matters given the earlier ones.
 */
export function answersToQuery(answers: EnrolmentAnswers): Record<string, string> {
  const kept = pruneAnswers(answers);
  const query: Record<string, string> = {};
  for (const q of QUESTIONS) {
    const value = kept[q.id];
    if (value === undefined) continue;
    query[q.id] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return query;
}

export function answersFromQuery(query: Record<string, string | null | undefined>): EnrolmentAnswers {
  const answers: Record<string, string | boolean> = {};
  for (const q of QUESTIONS) {
    const raw = query[q.id];
    if (typeof raw !== 'string' || raw === '') continue;
    if (q.kind === 'date') {
      if (isCalendarDate(raw)) answers[q.id] = raw;
      continue;
    }
    const option = q.options.find((o) => (typeof o.value === 'boolean' ? (o.value ? '1' : '0') : o.value) === raw);
    if (option) answers[q.id] = option.value;
  }
  return pruneAnswers(answers);
}
