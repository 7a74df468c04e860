import { fitKeyword, keywordMap, templateData, templateId } from '@/server/subscribe-templates';
import { useTestApp } from '../helpers/local-app';
import { exchangeRequest } from '../helpers/calls';

// Subscribe-message template ids and keywords come from the approval function's environment variables.
describe('subscribe-message templates', () => {
  it('default to the documented keywords and placeholder ids', () => {
    expect(keywordMap('approval', {})).toEqual({ type: 'thing1', requester: 'thing2', step: 'thing3', time: 'time4' });
    expect(keywordMap('result', {})).toEqual({ type: 'thing1', status: 'phrase2', comment: 'thing3', time: 'time4' });
    expect(templateId('approval', {})).toBe('TPL_APPROVAL_PENDING');
    expect(templateId('result', { XUEQU_TPL_RESULT: ' tpl-r ' })).toBe('tpl-r');
  });

  it('take the deployer’s field:keyword list; fields left out are not sent', () => {
    const env = { XUEQU_TPL_APPROVAL_KEYS: 'type:thing5, requester:name2,time:date6' };
    expect(keywordMap('approval', env)).toEqual({ type: 'thing5', requester: 'name2', time: 'date6' });
    expect(
      templateData(
        'approval',
        { type: '跨校兼课', requester: '王老师', step: '派出学校校长', time: '2026-11-23 10:00' },
        env,
      ),
    ).toEqual({
      thing5: { value: '跨校兼课' },
      name2: { value: '王老师' },
      date6: { value: '2026-11-23 10:00' },
    });
  });

  it('refuse a malformed list with the reason', () => {
    expect(() => keywordMap('approval', { XUEQU_TPL_APPROVAL_KEYS: 'type=thing1' })).toThrow(
      /XUEQU_TPL_APPROVAL_KEYS: "type=thing1" is not field:keyword/,
    );
    expect(() => keywordMap('result', { XUEQU_TPL_RESULT_KEYS: 'requester:thing2' })).toThrow(
      /fields: type, status, comment, time/,
    );
    expect(() => keywordMap('result', { XUEQU_TPL_RESULT_KEYS: 'type:thing1,comment:thing1' })).toThrow(
      /thing1 is used twice/,
    );
  });

  it('cut values to the keyword kind’s limit', () => {
    expect(fitKeyword('thing3', '这是一段明显超过二十个字符长度限制的事项名称文字')).toHaveLength(20);
    expect(fitKeyword('thing3', '这是一段明显超过二十个字符长度限制的事项名称文字').endsWith('…')).toBe(true);
    expect(fitKeyword('phrase2', '已退回修改中')).toBe('已退回修改');
    expect(fitKeyword('time4', '2026-11-23 10:00')).toBe('2026-11-23 10:00');
  });
});

describe('the approval function sends with the configured template', () => {
  const app = useTestApp();
  const TEACHER = { OPENID: 'o-local-hd-teacher', APPID: 'wx-test' };
  const HOME = 'o-local-hd-principal';
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ['XUEQU_TPL_APPROVAL', 'XUEQU_TPL_APPROVAL_KEYS']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const submit = (requestId: string) =>
    app.cloud.invoke('approval', exchangeRequest(requestId), TEACHER) as Promise<{ result: any }>;

  it('the decider’s notice uses the configured id and keywords', async () => {
    process.env.XUEQU_TPL_APPROVAL = 'tpl-wait-1';
    process.env.XUEQU_TPL_APPROVAL_KEYS = 'type:thing7,requester:name2,time:time9';
    const before = app.cloud.sentMessages.length;
    expect((await submit('req-tpl-000001')).result.ok).toBe(true);
    const sent = app.cloud.sentMessages.slice(before).filter((m) => m.touser === HOME);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      templateId: 'tpl-wait-1',
      page: expect.stringContaining('packages/principal/pages/request/index?id='),
    });
    expect(Object.keys(sent[0].data as object).sort()).toEqual(['name2', 'thing7', 'time9']);
  });

  it('a malformed keyword list sends nothing and the request is still filed', async () => {
    process.env.XUEQU_TPL_APPROVAL_KEYS = 'type=thing1';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = app.cloud.sentMessages.length;
    expect((await submit('req-tpl-000002')).result.ok).toBe(true);
    expect(app.cloud.sentMessages.length).toBe(before);
    expect(warn.mock.calls.some((c) => String(c.join(' ')).includes('XUEQU_TPL_APPROVAL_KEYS'))).toBe(true);
    warn.mockRestore();
  });
});
