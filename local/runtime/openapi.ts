/**
 * cloud.openapi.* reaches @cloudbase/node-sdk as `CloudBase#callCompatibleWxOpenApi({ apiName,
 * requestData })`, where requestData is wx-server-sdk's protobuf CommApiData (key → JSON pairs, keys
 * already snake_case) and the answer is a protobuf CommOpenApiResp. We serve that call: everything above
 * it (case conversion, response parsing, errCode/errMsg) stays the SDK's own code.
 *
 * Every API needs the calling function's config.json openapi permission. subscribeMessage.send is
 * validated like the WeChat API (required fields, value lengths) and recorded; security.msgSecCheck is
 * answered by sec-check.ts (configured test words) and recorded; other APIs answer "API not found".
 */
import * as fs from 'fs';
import * as path from 'path';
import { isPlainObject, type Doc } from './codec';
import { currentInvocation } from './identity';
import { msgSecCheck } from './sec-check';
import { sdkDirs } from './sdk-paths';

interface PbType {
  decode(buf: Uint8Array): Record<string, unknown>;
  encode(msg: Record<string, unknown>): { finish(): Uint8Array };
}

export interface OpenApiRequest {
  apiName: string;
  requestData: Uint8Array;
}

export interface OpenApiBackend {
  functionsRoot: string;
  sentMessages: Array<Record<string, unknown>>;
}

const ERR_NO_PERMISSION = -604101; // 'function has no permission to call this API'
const ERR_API_NOT_FOUND = -604100; // 'API not found'

/** wx-server-sdk registers its generated protobuf types in protobufjs' shared `roots.default`. */
function protobufTypes(): { CommApiData: PbType; CommOpenApiResp: PbType } {
  const pb = require(require.resolve('protobufjs/minimal', { paths: [sdkDirs().wxServerSdk] })) as {
    roots?: { default?: Record<string, PbType | undefined> };
  };
  const root = pb.roots?.default;
  if (!root?.CommApiData || !root?.CommOpenApiResp) {
    throw new Error('local runtime seam moved: wx-server-sdk no longer registers CommApiData/CommOpenApiResp');
  }
  return { CommApiData: root.CommApiData, CommOpenApiResp: root.CommOpenApiResp };
}

/** Declared in cloudfunctions/<fn>/config.json: { "permissions": { "openapi": ["subscribeMessage.send"] } }. */
function permitted(functionsRoot: string, api: string): boolean {
  const fn = currentInvocation()?.functionName;
  if (!fn) return true; // called outside an invocation (a test talking to the SDK directly)
  try {
    const config = JSON.parse(fs.readFileSync(path.join(functionsRoot, fn, 'config.json'), 'utf8')) as {
      permissions?: { openapi?: unknown };
    };
    const list = config.permissions?.openapi;
    return Array.isArray(list) && list.includes(api);
  } catch {
    return false;
  }
}

/** Per-keyword value limits of subscribe-message template data (characters). */
const LENGTH: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  phrase: 5,
  name: 20,
};
const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

function checkSubscribeMessage(data: Doc): { errcode: number; errmsg: string } | null {
  const bad = (errcode: number, errmsg: string): { errcode: number; errmsg: string } => ({ errcode, errmsg });
  if (typeof data.touser !== 'string' || !data.touser) return bad(40003, 'invalid openid');
  if (typeof data.template_id !== 'string' || !data.template_id) return bad(40037, 'invalid template_id');
  if (data.miniprogram_state !== undefined && !STATES.includes(data.miniprogram_state as string)) {
    return bad(47003, 'argument invalid! miniprogram_state invalid');
  }
  if (data.lang !== undefined && !LANGS.includes(data.lang as string))
    return bad(47003, 'argument invalid! lang invalid');
  const fields = data.data;
  if (!isPlainObject(fields) || Object.keys(fields).length === 0) return bad(47003, 'argument invalid! data is empty');
  for (const [key, entry] of Object.entries(fields)) {
    const value = isPlainObject(entry) ? entry.value : undefined;
    if ((typeof value !== 'string' && typeof value !== 'number') || value === '') {
      return bad(47003, `argument invalid! data.${key}.value is empty`);
    }
    const kind = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? '';
    const text = String(value);
    // name: 10 Chinese characters, or 20 letters/symbols.
    // eslint-disable-next-line no-control-regex -- any non-ASCII character, as WeChat counts a name
    const max = kind === 'name' && /[^\x00-\x7f]/.test(text) ? 10 : LENGTH[kind];
    if (max !== undefined && [...text].length > max) return bad(47003, `argument invalid! data.${key}.value invalid`);
  }
  return null;
}

const camel = (k: string): string => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function serveOpenApi(backend: OpenApiBackend, req: OpenApiRequest): Buffer {
  const { CommApiData, CommOpenApiResp } = protobufTypes();
  const reply = (body: Record<string, unknown>): Buffer => Buffer.from(CommOpenApiResp.encode(body).finish());
  const json = (value: unknown): Buffer =>
    reply({ respData: Buffer.from(JSON.stringify(value)), contentType: 'application/json; charset=utf-8' });

  if (!permitted(backend.functionsRoot, req.apiName)) return reply({ errorCode: ERR_NO_PERMISSION });
  if (req.apiName !== 'subscribeMessage.send' && req.apiName !== 'security.msgSecCheck')
    return reply({ errorCode: ERR_API_NOT_FOUND });

  const message = CommApiData.decode(req.requestData) as {
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> };
  };
  const data: Doc = {};
  for (const { key, value } of message.openapiData?.pairs ?? [])
    data[key] = JSON.parse(Buffer.from(value).toString('utf8'));
  if (req.apiName === 'security.msgSecCheck') return json(msgSecCheck(data));
  const invalid = checkSubscribeMessage(data);
  if (invalid) return json(invalid);
  // Recorded with the caller's top-level spelling (templateId, miniprogramState); data keys untouched.
  backend.sentMessages.push(Object.fromEntries(Object.entries(data).map(([k, v]) => [camel(k), v])));
  return json({ errcode: 0, errmsg: 'ok' });
}
