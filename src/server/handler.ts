import type { z } from 'zod';
import { accessRule, type Access } from '../contracts/access';
import type { Envelope } from '../contracts/envelope';
import type { ActionName, FunctionName } from '../contracts/index';
import type { ACCESS } from '../contracts/access';
import type { Role, UserProfile } from '../domain/roles';
import { AppError } from './errors';
import { inputOf, quoted, validate } from './validate';
import { inputOutOfBounds } from './input-bounds';
import { callerOpenId } from './cloud';
import { findUser } from './repositories/users';
import { startVersionCheck } from './repositories/meta';
import { isRefusal, releaseSlot, takeSlot } from './rate-limit';
import { rateLimitMessage, type RateLimit } from '../domain/rate-limit';
import { CHINA_ZONE } from '../domain/time';

export interface ActionContext {
  openid: string | null;
  /** Server time of this call (ms). Functions run in UTC; date rules convert explicitly. */
  now: number;
  /** The caller's bound profile (null when unbound); loaded at most once per call. */
  user(): Promise<UserProfile | null>;
  /** The reference data version, read at most once per call (pass it to districtData). */
  referenceVersion(): Promise<number>;
}

/**
 * The context of an action whose access row needs a caller ('signed-in' or roles): the handler refuses an
 * anonymous call (UNAUTHENTICATED) before the action runs, so the caller's openid is known.
 */
export interface SignedInContext extends ActionContext {
  openid: string;
}

/** The context an action receives, chosen by its row of the access matrix. */
export type ContextFor<F extends FunctionName, A> = A extends keyof (typeof ACCESS)[F]
  ? (typeof ACCESS)[F][A] extends { access: 'public' }
    ? ActionContext
    : SignedInContext
  : ActionContext;

/** The function whose contract has every action of the table (a part of it, as the admin tables are). */
type FunctionOf<Inputs> = { [F in FunctionName]: keyof Inputs extends ActionName<F> ? F : never }[FunctionName];

export interface MainOptions {
  /**
   * The function's role actions read the caller's district data: its version check then starts with
   * the user read instead of after it (one sequential database round trip less).
   */
  referenceData?: boolean;
}

export interface ActionDef<I, O, C extends ActionContext = ActionContext> {
  input: z.ZodType<I, z.ZodTypeDef, unknown>;
  // A property, not a method: a public action cannot claim a SignedInContext (methods are checked bivariantly).
  run: (input: I, ctx: C) => Promise<O> | O;
}

/**
 * Ties each action of a contract to its implementation, with the contract's output types checked; an
 * action that needs a caller receives a SignedInContext.
 */
export type ActionTable<Inputs extends Record<string, z.ZodTypeAny>, Outputs extends Record<keyof Inputs, unknown>> = {
  [A in keyof Inputs]: ActionDef<z.output<Inputs[A]>, Outputs[A], ContextFor<FunctionOf<Inputs>, A>>;
};

/** Each action's implementation, typed as its ActionTable entry runs. */
export type ActionRuns<Inputs extends Record<string, z.ZodTypeAny>, Outputs extends Record<keyof Inputs, unknown>> = {
  [A in keyof Inputs]: ActionTable<Inputs, Outputs>[A]['run'];
};

/**
 * A contract's action table from its implementations: each action validates with the contract's input
 * of the same name, so a function lists only what runs.
 */
export function actionTable<Inputs extends Record<string, z.ZodTypeAny>, Outputs extends Record<keyof Inputs, unknown>>(
  inputs: Inputs,
  runs: ActionRuns<Inputs, Outputs>,
): ActionTable<Inputs, Outputs> {
  const entries = Object.keys(inputs).map((a) => [a, { input: inputs[a], run: runs[a] }]);
  return Object.fromEntries(entries) as ActionTable<Inputs, Outputs>;
}

/**
 * A cloud function's main: route → bound → validate → authenticate → authorize → rate-limit → run →
 * envelope. Never throws. Who may call each action, and how often, comes from the one matrix in
 * contracts/access.ts; an action missing there is unknown.
 */
export function createMain<F extends FunctionName>(
  fn: F,
  // Each action has its own input and context type, checked where its table is declared (ActionTable).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  actions: Record<ActionName<F>, ActionDef<any, unknown, any>>,
  options: MainOptions = {},
) {
  return async function main(received: Record<string, unknown>): Promise<Envelope<unknown>> {
    try {
      const event = typeof received === 'object' && received !== null ? received : {};
      const name = typeof event.action === 'string' ? event.action : '';
      const def = Object.prototype.hasOwnProperty.call(actions, name)
        ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
          (actions as Record<string, ActionDef<any, unknown, any>>)[name]
        : undefined;
      const rule = accessRule(fn, name);
      if (!def || !rule)
        return {
          ok: false,
          code: 'UNKNOWN_ACTION',
          message: `不支持的操作：${name ? quoted(name) : '（未指定 action）'}`,
          field: 'action',
        };
      const oversized = inputOutOfBounds(event);
      if (oversized) return oversized;
      const parsed = validate(def.input, inputOf(event));
      if (!parsed.ok) return parsed;
      const openid = callerOpenId();
      let profile: Promise<UserProfile | null> | null = null;
      let version = options.referenceData && openid && Array.isArray(rule.access) ? startVersionCheck() : null;
      const ctx: ActionContext = {
        openid,
        now: Date.now(),
        user: () => (profile ??= openid ? findUser(openid) : Promise.resolve(null)),
        referenceVersion: () => (version ??= startVersionCheck()),
      };
      await authorize(rule.access, ctx);
      if (!rule.limit || !openid) return { ok: true, data: await def.run(parsed.value, ctx) };
      return await runLimited(`${fn}.${name}`, rule.limit, openid, ctx, async () => def.run(parsed.value, ctx));
    } catch (err) {
      if (err instanceof AppError) {
        return {
          ok: false,
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
          ...(err.retryAfter ? { retryAfter: err.retryAfter } : {}),
        };
      }
      console.error('unexpected error', err);
      return { ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后再试' };
    }
  };
}

/**
 * Runs an action within the caller's limit: a slot is taken before it runs (so concurrent calls never pass
 * the limit) and given back when it fails, so a refused or failed call writes nothing and does not count.
 */
async function runLimited(
  key: string,
  limit: RateLimit,
  openid: string,
  ctx: ActionContext,
  run: () => Promise<unknown>,
): Promise<Envelope<unknown>> {
  const slot = await takeSlot(key, openid, limit, ctx.now);
  if (isRefusal(slot))
    throw new AppError(
      'RATE_LIMITED',
      rateLimitMessage(limit, slot.windowEnd, ctx.now, CHINA_ZONE),
      undefined,
      slot.retryAfter,
    );
  try {
    return { ok: true, data: await run() };
  } catch (err) {
    await releaseSlot(slot);
    throw err;
  }
}

async function authorize(access: Access, ctx: ActionContext): Promise<void> {
  if (access === 'public') return;
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (access === 'signed-in') return;
  // A caller with no bound account is a parent (as account.me reports it).
  const user = await ctx.user();
  const roles: readonly Role[] = user ? user.roles : ['parent'];
  if (!roles.some((r) => access.includes(r))) throw new AppError('FORBIDDEN', '当前身份无权进行此操作');
}
