/**
 * The local gateway (dev and tests only): POST /fn/<name> runs the bundled cloud function through the
 * local runtime with the caller's identity, /__dev/login (a seeded persona, or any account bound in the
 * local store by its openid) and /__dev/personas manage demo sessions, and everything else serves the
 * H5 build on the same origin. Binds loopback only, answers only requests addressed to 127.0.0.1 or
 * localhost on its own port (a page on another name rebound to 127.0.0.1 gets 421), and takes API bodies
 * only as JSON (a cross-site form cannot send that without a CORS preflight, which is never granted).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../src/contracts/collections';
import { EVENT_LIMITS } from '../src/contracts/event';
import { readStoredFileByUrlPath, type LocalCloud } from './runtime';
import { personaOf, type Persona } from './personas';

export const MAX_BODY_BYTES = 6 * 1024 * 1024;
const SESSION_COOKIE = 'xq_session';
const APPID = 'wx-local-demo';
const OPENID = /^[\w-]{1,64}$/;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface GatewayOptions {
  cloud: LocalCloud;
  personas: Persona[];
  /** The H5 build to serve (dist/h5); absent = API only. */
  staticDir?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Separators (`,` outside strings) a body may hold before it is parsed: a generous multiple of the
 * keys and items an event may carry (EVENT_LIMITS.nodes). JSON.parse of 400,000 keys in 4.7 MB takes
 * about a second of the one thread and builds an object the function then refuses; counting them in the
 * text costs a scan. Strings (an import piece is one) are skipped whatever they hold.
 */
export const MAX_SEPARATORS = EVENT_LIMITS.nodes * 4;

/** True when the JSON text has more separators outside strings than MAX_SEPARATORS. */
export function tooManySeparators(text: string): boolean {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 44 /* , */ && ++count > MAX_SEPARATORS) return true;
  }
  return false;
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new HttpError(413, '请求体超过 6 MB'));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, '请求体超过 6 MB'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      if (tooManySeparators(text))
        return reject(new HttpError(413, `请求数据过大：字段和列表项超过${MAX_SEPARATORS}个`));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, '请求体不是合法的 JSON'));
      }
    });
    req.on('error', reject);
  });
}

function cookieOf(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/**
 * DNS rebinding defence: a browser tab on evil.example whose name resolves to 127.0.0.1 reaches this
 * port with `Host: evil.example:<port>`. The port compared is the one the connection came in on, so a
 * gateway listening on port 0 (tests) checks its real port.
 */
export function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  const names = ['127.0.0.1', 'localhost'];
  return names.some((n) => h === `${n}:${port}` || (port === 80 && h === n));
}

/** `application/json`, optionally with parameters (`; charset=utf-8`). */
export function isJsonType(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test((contentType ?? '').trim());
}

function requireJson(req: http.IncomingMessage) {
  if (!isJsonType(req.headers['content-type']))
    throw new HttpError(415, '请求体应为 JSON：请设置请求头 Content-Type: application/json');
}

/** Where the runtime's stored files (large exports) are served: their tempFileURLs point here. */
export const STORAGE_PATH = '/local-storage';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function createGateway(opts: GatewayOptions): http.Server {
  const sessions = new Map<string, Persona>();
  const personaById = new Map(opts.personas.map((p) => [p.id, p]));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!isLocalHost(req.headers.host, req.socket.localPort ?? 0))
      throw new HttpError(421, '只接受发往 127.0.0.1 或 localhost（本机端口）的请求');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fn = /^\/fn\/([^/]+)$/.exec(url.pathname);
    if (fn && req.method === 'POST') {
      const name = decodeURIComponent(fn[1]);
      if (!opts.cloud.hasFunction(name))
        throw new HttpError(404, `没有名为 ${name.length > 40 ? `${name.slice(0, 40)}…` : name} 的云函数`);
      requireJson(req);
      const body = await readBody(req);
      if (!isPlainObject(body) || !isPlainObject(body.data))
        throw new HttpError(400, '请求体应为 {"data": {"action": …}}');
      const persona = sessions.get(cookieOf(req, SESSION_COOKIE) ?? '') ?? null;
      const identity = persona ? { OPENID: persona.openid, APPID } : null;
      const { result } = await opts.cloud.invoke(name, body.data, identity, { parsedJson: true });
      return send(res, 200, { result });
    }
    if (url.pathname === '/__dev/login' && req.method === 'POST') {
      requireJson(req);
      const body = await readBody(req);
      const persona = isPlainObject(body) && 'openid' in body ? boundAccount(body.openid) : loginPersona(body);
      const sid = randomBytes(18).toString('base64url');
      sessions.set(sid, persona);
      return send(
        res,
        200,
        { ok: true, persona },
        { 'set-cookie': `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Strict` },
      );
    }
    if (url.pathname === '/__dev/logout' && req.method === 'POST') {
      requireJson(req);
      sessions.delete(cookieOf(req, SESSION_COOKIE) ?? '');
      return send(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` });
    }
    if (url.pathname === '/__dev/personas' && req.method === 'GET') {
      const current = sessions.get(cookieOf(req, SESSION_COOKIE) ?? '') ?? null;
      return send(res, 200, { personas: opts.personas, current: current?.id ?? null });
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith(`${STORAGE_PATH}/`))
      return serveStored(url.pathname, res);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(url.pathname, res);
    throw new HttpError(404, '未找到');
  }

  function loginPersona(body: unknown): Persona {
    const persona = isPlainObject(body) && typeof body.persona === 'string' ? personaById.get(body.persona) : undefined;
    if (!persona) throw new HttpError(400, '未知的演示身份（persona）');
    return persona;
  }

  /** Any account bound in the local store (e.g. the first bureau account of an added district). */
  function boundAccount(openid: unknown): Persona {
    if (typeof openid !== 'string' || !OPENID.test(openid))
      throw new HttpError(400, 'openid 应为1–64位字母、数字、下划线或连字符');
    const user = opts.cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as
      (Record<string, unknown> & { _id: string }) | undefined;
    if (!user) throw new HttpError(400, `本地数据中没有已绑定的账号 ${openid}（users 集合中无此记录）`);
    return personaOf(user);
  }

  /** A stored file by its tempFileURL path; the random name in the path is its only key, as in the cloud. */
  function serveStored(pathname: string, res: http.ServerResponse) {
    const bytes = readStoredFileByUrlPath(pathname.slice(STORAGE_PATH.length + 1));
    if (!bytes) throw new HttpError(404, '文件不存在或已删除');
    const type = path.extname(pathname) === '.csv' ? 'text/csv; charset=utf-8' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    if (!opts.staticDir) throw new HttpError(404, '未构建 H5（npm run build:h5）');
    const root = path.resolve(opts.staticDir);
    let file = path.resolve(root, '.' + decodeURIComponent(pathname));
    if (!file.startsWith(root)) throw new HttpError(404, '未找到');
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!existsSync(file)) throw new HttpError(404, '未构建 H5（npm run build:h5）');
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return send(res, err.status, { error: err.message });
      console.error('gateway error', err);
      send(res, 500, { error: '网关内部错误' });
    });
  });
}

/** Listens on 127.0.0.1 only: the demo identities must never be reachable from another machine. */
export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
