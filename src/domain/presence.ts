/**
 * 扫码签到: the host school shows a rotating code, signed by the server, and a clock-in carrying it is
 * verified presence (issue 14). Without it the position is only what the phone claims.
 *
 * A code is bound to a school and a time step of PRESENCE_STEP_MS; the current and the previous step
 * are accepted, so a code scanned just before it turns still works during the round trip, and a
 * forwarded photo of the screen is useless a minute later. The QR carries the full token
 * (`XQP1.<schoolId>.<step>.<signature>`); the 6 digits under it are for typing where the app cannot
 * scan (H5). Both come from one HMAC of the school and the step, keyed with a secret only the server
 * holds: the signing function is passed in, so these rules stay pure and the secret never reaches here.
 */
import { refuse, type ClockRecord, type Refusal } from './duty/types';

/** Seconds a code is shown before it changes (DingTalk / 企业微信 动态码 turn every 30 s or so). */
export const PRESENCE_STEP_MS = 30_000;
/** Steps accepted: the current one and the one before (up to 60 s after it was shown). */
export const PRESENCE_ACCEPTED_STEPS = 2;
/** How far back a code is still recognised as an old one of this school (told "expired", not "wrong"). */
const RECOGNISED_STEPS = 20;
export const PRESENCE_TOKEN_PREFIX = 'XQP1';
const SIGNATURE_HEX = 20;

/** HMAC-SHA256 of a message, as lower-case hex, keyed with the server's secret. */
export type PresenceHmac = (message: string) => string;

export type PresenceRefusalCode =
  | 'PRESENCE_CODE_INVALID'
  | 'PRESENCE_CODE_EXPIRED'
  | 'PRESENCE_CODE_WRONG_SCHOOL'
  | 'PRESENCE_SESSION_ENDED'
  | 'PRESENCE_OUT_OF_RANGE'
  | 'PRESENCE_NOT_UPGRADABLE';

/**
 * How presence at the host school was established for a record:
 * - 'code': a valid rotating code of the host school and within the geofence at clock-in;
 * - 'makeup': no clock-in of its own, an approved 补卡 (the host principal's word);
 * - 'unverified': neither (presenceReason says why): recorded, shown, never counted.
 * Records written before codes existed have no presence field: they count as they did, by geofence
 * (see presenceVerified).
 */
export type PresenceStatus = 'code' | 'makeup' | 'unverified';

export const presenceStep = (nowMs: number): number => Math.floor(nowMs / PRESENCE_STEP_MS);

const message = (schoolId: string, step: number) => `xuequ-presence:${schoolId}:${step}`;

export interface PresenceCode {
  /** What the QR encodes. */
  token: string;
  /** 6 digits under the QR, for typing on H5. */
  shortCode: string;
  step: number;
  /** When the next code replaces this one (ms). */
  nextAtMs: number;
}

function codeOf(schoolId: string, step: number, hmac: PresenceHmac): PresenceCode {
  const hex = hmac(message(schoolId, step));
  const signature = hex.slice(0, SIGNATURE_HEX);
  // Digits from bits the QR's signature does not carry: a token does not give away its short code's neighbours.
  const shortCode = String(parseInt(hex.slice(SIGNATURE_HEX, SIGNATURE_HEX + 12), 16) % 1_000_000).padStart(6, '0');
  return {
    token: `${PRESENCE_TOKEN_PREFIX}.${schoolId}.${step}.${signature}`,
    shortCode,
    step,
    nextAtMs: (step + 1) * PRESENCE_STEP_MS,
  };
}

/** The code a school shows at nowMs. */
export const issuePresenceCode = (schoolId: string, nowMs: number, hmac: PresenceHmac): PresenceCode =>
  codeOf(schoolId, presenceStep(nowMs), hmac);

/** Equal strings, compared without an early exit (no timing hint of how much of a signature matched). */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

const INVALID = () =>
  refuse(
    'PRESENCE_CODE_INVALID' as const,
    '签到码（presenceCode）无效：请扫描任务学校现场显示的签到码，或输入码下方的 6 位数字',
  );
const EXPIRED = () =>
  refuse(
    'PRESENCE_CODE_EXPIRED' as const,
    '签到码（presenceCode）已过期：签到码每 30 秒更换一次，请扫描或输入现场最新的签到码',
  );

/** A scanned token or typed 6 digits, as sent (trimmed, spaces inside typed digits dropped). */
export const normalisePresenceInput = (input: string): string => {
  const t = input.trim();
  return /^[\d\s]+$/.test(t) ? t.replace(/\s+/g, '') : t;
};

/**
 * Whether `input` is a current code of `hostSchoolId` at nowMs. A valid token of another school is
 * refused as such (the teacher scanned the wrong screen); an old code of this school as expired; a
 * tampered or made-up one as invalid. A future step is invalid: the server never issued it.
 */
export function verifyPresenceCode(
  input: string,
  hostSchoolId: string,
  nowMs: number,
  hmac: PresenceHmac,
): { ok: true; step: number } | Refusal<PresenceRefusalCode> {
  const code = normalisePresenceInput(input);
  const now = presenceStep(nowMs);
  if (/^\d{6}$/.test(code)) {
    for (let back = 0; back < RECOGNISED_STEPS; back++) {
      if (!sameText(codeOf(hostSchoolId, now - back, hmac).shortCode, code)) continue;
      return back < PRESENCE_ACCEPTED_STEPS ? { ok: true, step: now - back } : EXPIRED();
    }
    return INVALID();
  }
  const parts = code.split('.');
  if (parts.length < 4 || parts[0] !== PRESENCE_TOKEN_PREFIX) return INVALID();
  const stepText = parts[parts.length - 2];
  const schoolId = parts.slice(1, -2).join('.');
  if (!/^\d{1,15}$/.test(stepText) || schoolId === '') return INVALID();
  const step = Number(stepText);
  if (!sameText(codeOf(schoolId, step, hmac).token, code)) return INVALID();
  if (step > now) return INVALID();
  if (schoolId !== hostSchoolId)
    return refuse(
      'PRESENCE_CODE_WRONG_SCHOOL',
      '这是其他学校的签到码（presenceCode），请扫描本节任务学校现场显示的签到码',
    );
  if (now - step >= PRESENCE_ACCEPTED_STEPS) return EXPIRED();
  return { ok: true, step };
}

export const NO_CODE_REASON = '未扫签到码：位置为手机上报，未经现场核验';
export const OUT_OF_RANGE_REASON = '签到码有效，但签到位置超出任务学校范围';

/** A clock-in's presence: verified only with a valid code and within the geofence, else the reason. */
export function presenceOfClockIn(
  codeValid: boolean,
  inPass: boolean,
): { presence: PresenceStatus; presenceReason: string | null } {
  if (!codeValid) return { presence: 'unverified', presenceReason: NO_CODE_REASON };
  if (!inPass) return { presence: 'unverified', presenceReason: OUT_OF_RANGE_REASON };
  return { presence: 'code', presenceReason: null };
}

/**
 * Whether a record's presence counts. Records from before codes (no presence field) count as they
 * always did: within the geofence at clock-in, or by an approved 补卡. Reclassifying them now would
 * erase figures already reported for sessions nobody could have scanned for; they are not upgraded
 * either — the README says so.
 */
export function presenceVerified(r: { presence?: PresenceStatus; inPass: boolean; makeup: boolean }): boolean {
  return r.presence === undefined ? r.inPass || r.makeup : r.presence !== 'unverified';
}

/** Why a record's presence does not count (Chinese), or null when it counts. */
export function presenceReasonOf(r: {
  presence?: PresenceStatus;
  presenceReason?: string | null;
  inPass: boolean;
  makeup: boolean;
  clockInAt: number | null;
}): string | null {
  if (presenceVerified(r)) return null;
  return r.presenceReason ?? (r.clockInAt === null ? null : '签到位置超出任务学校范围');
}

/**
 * 扫码核验 (verify later): a record clocked in without a valid code may be verified by scanning the host
 * school's current code later in the same session, until the slot ends (server time). Code and
 * geofence are checked as in a 扫码签到; the caller checks them after this says the record may be
 * upgraded. Only presence 'unverified' records qualify: a 补卡 is the principal's word already, and
 * records from before codes keep their old rule (presenceVerified) and are never reclassified.
 * 'already': verified by code before (a replay or another device): nothing to write.
 */
export function decideVerifyLater(
  r: { presence?: PresenceStatus; clockInAt: number | null } | null,
  sessionEndMs: number,
  nowMs: number,
  endLabel: string,
): { ok: true; already: boolean } | Refusal<PresenceRefusalCode | 'NOT_CLOCKED_IN'> {
  if (!r || r.clockInAt === null) return refuse('NOT_CLOCKED_IN', '本节还没有签到，请直接扫码签到');
  if (r.presence === 'code') return { ok: true, already: true };
  if (r.presence !== 'unverified')
    return refuse(
      'PRESENCE_NOT_UPGRADABLE',
      r.presence === 'makeup'
        ? '本节为补卡记录，已由任务学校校长确认，无需扫码核验'
        : '扫码签到上线前的记录按原规则计入，不能扫码核验',
    );
  if (nowMs > sessionEndMs)
    return refuse('PRESENCE_SESSION_ENDED', `本节已于 ${endLabel} 结束，扫码核验须在本节结束前完成；本节仍记为未核验`);
  return { ok: true, already: false };
}

/** The refusal of a valid code scanned out of range: nothing changes, the record stays unverified. */
export const verifyOutOfRange = (distanceM: number, radiusM: number) =>
  refuse(
    'PRESENCE_OUT_OF_RANGE' as const,
    `签到码有效，但当前位置距任务学校 ${distanceM} 米，超出 ${radiusM} 米范围：请到任务学校内再扫码核验`,
  );

/** The record once verified by a later scan: verified by code, when and how far from the school. */
export const verifiedLater = <R extends ClockRecord>(r: R, nowMs: number, distanceM: number): R => ({
  ...r,
  presence: 'code',
  presenceReason: null,
  presenceVerifiedAt: nowMs,
  verifyDistanceM: distanceM,
});

/** Short Chinese label of a record's presence for cards and lists. */
export function presenceLabel(r: { presence?: PresenceStatus; inPass: boolean; makeup: boolean }): string {
  if (r.presence === 'code') return '已核验';
  if (r.presence === 'makeup') return '补卡（校长确认）';
  if (r.presence === 'unverified') return '未核验';
  return presenceVerified(r) ? '定位签到（扫码上线前）' : '未核验';
}
