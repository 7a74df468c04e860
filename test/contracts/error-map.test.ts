import { z } from 'zod';
import { fieldMessage, MAX_MESSAGE, named, unnamedMessage } from '@/contracts/messages';
import { calendarDate, entityId, freeText, requestId } from '@/contracts/fields';
import { validate } from '@/server/validate';

/** The one error map: each problem names its field in Chinese as 标签（key）, bounded in length. */
const first = (schema: z.ZodTypeAny, input: unknown) => {
  const r = validate(schema, input);
  if (r.ok) throw new Error('expected a failure');
  return r;
};

describe('the contracts error map', () => {
  const form = z
    .object({
      requestId,
      schoolId: entityId('schoolId', '学校'),
      note: freeText('note', '备注', 10),
      date: calendarDate('date', '日期'),
    })
    .strict();
  const good = { requestId: 'req-12345678', schoolId: 'hd-s01', note: '示例数据', date: '2026-11-23' };

  it.each([
    [{ ...good, requestId: undefined }, 'requestId', '缺少请求编号（requestId）'],
    [{ ...good, requestId: 42 }, 'requestId', '请求编号（requestId）应为文本'],
    [{ ...good, requestId: 'short' }, 'requestId', '请求编号（requestId）格式不正确'],
    [{ ...good, schoolId: '' }, 'schoolId', '学校（schoolId）不能为空'],
    [{ ...good, note: '一二三四五六七八九十十一' }, 'note', '备注（note）不超过10字'],
    [{ ...good, date: '2026-02-30' }, 'date', '日期（date）不是有效日期'],
    [{ ...good, date: '23/11/2026' }, 'date', '日期（date）应为YYYY-MM-DD'],
  ])('%j → %s: %s', (input, field, message) => {
    expect(first(form, input)).toEqual({ ok: false, code: 'INVALID_INPUT', field, message });
  });

  it('names the field for people (the label) and for the client (the key, which forPeople strips in the app)', () => {
    for (const input of [
      { ...good, schoolId: 7 },
      { ...good, schoolId: 'a b' },
      { ...good, schoolId: 'x'.repeat(65) },
    ]) {
      expect(first(form, input).message).toMatch(/^学校（schoolId）(应为文本|格式不正确|过长)$/);
    }
  });

  it('names a field no schema named from its key (a known label, else 字段), never in English', () => {
    const bare = z.object({ limit: z.number().int().max(50), extra: z.object({ flag: z.boolean() }) });
    expect(first(bare, { limit: 1.5, extra: { flag: true } }).message).toBe('每页条数（limit）应为整数');
    expect(first(bare, { limit: 80, extra: { flag: true } }).message).toBe('每页条数（limit）不大于50');
    expect(first(bare, { limit: 1, extra: { flag: 'yes' } }).message).toBe('字段（extra.flag）应为是或否');
    expect(first(bare, { limit: 1 }).message).toBe('缺少字段（extra）');
  });

  it('a check that says more keeps its own message', () => {
    const s = z.object({ address: freeText('address', '地址', 50).min(2, '请填写地址（address）') });
    expect(first(s, { address: '' }).message).toBe('请填写地址（address）');
  });

  it('is bounded: a long list of choices or a long key never makes a long message', () => {
    const options = Array.from({ length: 500 }, (_, i) => `choice-${i}`) as [string, ...string[]];
    const choice = z.enum(options, named('kind', '类型'));
    const r = choice.safeParse('none');
    expect(r.success).toBe(false);
    const message = r.success ? '' : r.error.issues[0].message;
    expect(message).toMatch(/^类型（kind）应为choice-0、choice-1、.*等之一$/);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    const longKey = 'k'.repeat(400);
    const text = fieldMessage({ code: 'custom', path: [longKey] }, longKey, '字段');
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(unnamedMessage({ code: 'custom', path: ['schoolId'], message: 'Invalid' })).toBe('学校（schoolId）不正确');
  });
});
