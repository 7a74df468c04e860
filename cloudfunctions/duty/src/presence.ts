import { createHmac } from 'node:crypto';
import type { PresenceHmac } from '@/domain/presence';
import { AppError } from '@/server/errors';

/**
 * The key of the rotating presence codes (扫码签到). It stays in this function: clients get signed
 * codes, never the key. Production sets XUEQU_PRESENCE_SECRET on the `duty` function (README, 部署);
 * the local runtime, which refuses to start inside a real cloud, falls back to a fixed development key
 * so tests and the demo work without setup. In a real cloud without the variable, codes are refused
 * (fail closed) rather than signed with a key that is in the source.
 */
export const LOCAL_PRESENCE_SECRET = 'xuequ-local-presence-secret (development only)';
const CLOUD_MARKERS = ['SCF_NAMESPACE', 'TENCENTCLOUD_RUNENV'] as const;

export function presenceSecret(env: NodeJS.ProcessEnv = process.env): string {
  const set = env.XUEQU_PRESENCE_SECRET;
  if (set && set.length >= 16) return set;
  if (CLOUD_MARKERS.some((k) => env[k] !== undefined))
    throw new AppError('PRESENCE_NOT_CONFIGURED', '签到码服务尚未配置（XUEQU_PRESENCE_SECRET），请联系管理员');
  return LOCAL_PRESENCE_SECRET;
}

/** HMAC-SHA256 keyed with the secret, hex: what the domain's code rules sign with. */
export const presenceHmac =
  (secret: string = presenceSecret()): PresenceHmac =>
  (message) =>
    createHmac('sha256', secret).update(message).digest('hex');
