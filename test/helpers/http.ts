import type { LocalApp } from '../../local/app';

/** POSTs `body`, JSON text as written, to `path` of the app: for what the gateway itself must answer. */
export function postJson(app: LocalApp, path: string, body: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}
