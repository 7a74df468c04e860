/**
 * The local transport: the class pinned as `Db.reqClass` of @cloudbase/database. The SDK does
 * `new Db.reqClass(config).send(action, params)` for every database request; we answer from the store.
 *
 * Errors are thrown, not returned: with @cloudbase/node-sdk's default throwOnCode the real requester
 * throws a TcbError `{ code, message, requestId }` for any response carrying a `code`; wx-server-sdk
 * then maps `code` to errCode, and runTransaction reads `code` to decide on a retry.
 */
import { handle, type Backend, type Params } from './actions';
import { asCloudError, CODE, fail } from './errors';
import { currentInvocation } from './identity';

let backend: Backend | null = null;
let sequence = 0;

/** Routes every pinned copy of the SDK to the open LocalCloud (null after close: requests fail). */
export function bindBackend(b: Backend | null): void {
  backend = b;
}

const roundTrip = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class LocalReq {
  constructor(readonly config?: unknown) {}

  async send(action: string, params?: Params): Promise<Record<string, unknown>> {
    const invocation = currentInvocation();
    if (invocation) {
      invocation.roundTrips++;
      if (invocation.inFlight++ === 0) invocation.sequentialTrips++;
    }
    // A request is never answered synchronously in the cloud; yielding keeps interleavings realistic.
    await roundTrip();
    const requestId = `local-${++sequence}`;
    try {
      const b =
        backend ?? fail(CODE.SYS_ERR, 'local runtime: no LocalCloud is open (the network transport stays disabled)');
      return { requestId, ...(await handle(b, action, params ?? {})) };
    } catch (e) {
      const err = asCloudError(e);
      err.requestId = requestId;
      throw err;
    } finally {
      if (invocation) invocation.inFlight--;
    }
  }
}
