/**
 * Issue 13: no event may cost more than EVENT_LIMITS to refuse, and no answer echoes unbounded input.
 * Anonymous calls through the gateway and the built bundles (`npm run build:functions` first).
 */
import type { LocalApp } from '../../local/app';
import { MAX_SEPARATORS, tooManySeparators } from '../../local/gateway';
import { EVENT_LIMITS } from '@/contracts/event';
import { callFn, startTestApp } from '../helpers/local-app';
import { postJson } from '../helpers/http';

let app: LocalApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** POSTs a raw body to /fn/school: JSON text too deep for JSON.stringify is written by hand. */
async function postRaw(body: string) {
  const res = await postJson(app, '/fn/school', body);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { result: any } };
}

const invalid = (message: RegExp) => ({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(message) });

describe('bounded before validation', () => {
  it('400,000 unknown keys (4.7 MB) are refused by count before the body is parsed, with a short answer', async () => {
    const data: Record<string, unknown> = { action: 'listDistricts' };
    for (let i = 0; i < 400_000; i++) data[`key${i}`] = 1;
    const res = await postJson(app, '/fn/school', JSON.stringify({ data }));
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: `请求数据过大：字段和列表项超过${MAX_SEPARATORS}个` });
    expect(text.length).toBeLessThan(300);
  });

  it('keys past the event limit but under the gateway’s count reach the function, which refuses them by count', async () => {
    const data: Record<string, unknown> = { action: 'listDistricts' };
    for (let i = 0; i < EVENT_LIMITS.nodes + 500; i++) data[`key${i}`] = 1;
    const { status, body } = await callFn(app, 'school', data);
    expect(status).toBe(200);
    expect(body.result).toEqual(invalid(new RegExp(`字段和列表项超过${EVENT_LIMITS.nodes}个`)));
    expect(JSON.stringify(body).length).toBeLessThan(300);
  });

  it('separators inside strings are not counted: an import piece full of commas passes', () => {
    const piece = JSON.stringify({ data: { action: 'importUpload', piece: ',\\",'.repeat(50_000) } });
    expect(tooManySeparators(piece)).toBe(false);
    expect(tooManySeparators(`[${'0,'.repeat(MAX_SEPARATORS + 1)}0]`)).toBe(true);
    expect(tooManySeparators(`[${'0,'.repeat(MAX_SEPARATORS)}0]`)).toBe(false);
  });

  it('nesting 10,000 objects deep is a structured INVALID_INPUT, not an HTTP 500', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const { status, body } = await postRaw(`{"data":{"action":"listDistricts","x":${deep}}}`);
    expect(status).toBe(200);
    expect(body.result).toEqual(invalid(/嵌套过深/));
  });

  it('nesting 100,000 arrays deep in a valid action is refused the same way', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { status, body } = await postRaw(`{"data":{"action":"lookup","districtCode":${deep}}}`);
    expect(status).toBe(200);
    expect(body.result).toEqual(invalid(/嵌套过深/));
  });

  it('more text than an import piece could need is refused by size', async () => {
    const { body } = await callFn(app, 'school', {
      action: 'lookup',
      districtCode: '120102',
      address: 'x'.repeat(EVENT_LIMITS.chars + 1),
    });
    expect(body.result).toEqual(invalid(/文字超过/));
  });

  it('platform keys are not the caller’s input: they are not counted', async () => {
    const { body } = await callFn(app, 'school', {
      action: 'lookup',
      districtCode: '120102',
      address: '互助道15号',
      tcbContext: { blob: 'x'.repeat(EVENT_LIMITS.chars) },
    });
    expect(body.result.ok).toBe(true);
  });
});

describe('answers never echo unbounded input', () => {
  it('unknown keys: a few are named, each shortened, with how many there are', async () => {
    const data: Record<string, unknown> = { action: 'listDistricts' };
    for (let i = 0; i < 1_500; i++) data[`${'k'.repeat(100)}${i}`] = 1;
    const { body } = await callFn(app, 'school', data);
    expect(body.result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^不支持的字段：k+…、k+…、k+…等1500个$/),
      field: expect.any(String),
    });
    expect(body.result.message.length).toBeLessThan(120);
    expect(body.result.field.length).toBeLessThan(100);
  });

  it('one huge unknown key and a huge action name are quoted shortened', async () => {
    const key = '键'.repeat(100_000);
    const unknownKey = await callFn(app, 'school', { action: 'listDistricts', [key]: 1 });
    expect(unknownKey.body.result).toMatchObject({
      code: 'INVALID_INPUT',
      message: `不支持的字段：${'键'.repeat(24)}…`,
    });
    const action = await callFn(app, 'school', { action: 'a'.repeat(100_000) });
    expect(action.body.result).toMatchObject({ code: 'UNKNOWN_ACTION', message: `不支持的操作：${'a'.repeat(24)}…` });
  });
});
