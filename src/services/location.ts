import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from '../domain/geo';

/**
 * Why the position could not be read:
 * - denied: this mini-program (or site) was refused location; on weapp 设置 (openSetting) can allow it;
 * - system: the phone's location is off, or WeChat itself may not use it (the phone's settings);
 * - unavailable: no fix (signal, timeout).
 */
export type LocationProblem = 'denied' | 'system' | 'unavailable';

export class LocationError extends Error {
  constructor(
    readonly problem: LocationProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Reads WeChat's errMsg ("getLocation:fail auth deny", "…system permission denied") or the browser's error code. */
export function locationProblem(err: unknown): LocationProblem {
  const e = (err ?? {}) as { errMsg?: string; message?: string; code?: number };
  const text = `${e.errMsg ?? ''} ${e.message ?? ''}`;
  if (/system permission denied|LOCATIONSWITCHOFF|location service|定位服务/i.test(text)) return 'system';
  if (/auth deny|auth denied|authorize|permission denied|user denied/i.test(text) || e.code === 1) return 'denied';
  return 'unavailable';
}

function message(problem: LocationProblem): string {
  if (problem === 'system') return '手机未开启定位，或未允许微信使用位置：请在手机的“设置”中开启后再签到。';
  if (problem === 'unavailable') return '暂时无法获取位置（信号弱或超时），请到开阔处稍后重试。';
  const why = '签到要核对您与任务学校的距离（只保存距离，不保存位置）';
  return process.env.TARO_ENV === 'weapp'
    ? `${why}，但“学区通”没有获得位置权限。请点“去设置”，打开“位置信息”后再签到。`
    : `${why}，但浏览器未允许本网站使用位置。请在浏览器的网站设置中允许后再签到。`;
}

/** The phone's position in GCJ-02 (what the schools' coordinates use). H5 browsers only give WGS-84. */
export async function currentLocation(): Promise<LatLng> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
      return { latitude: r.latitude, longitude: r.longitude };
    }
    const r = await Taro.getLocation({ type: 'wgs84' });
    return wgs84ToGcj02({ latitude: r.latitude, longitude: r.longitude });
  } catch (err) {
    const problem = locationProblem(err);
    throw new LocationError(problem, message(problem));
  }
}

/** Whether 设置 can give the position back: only a refusal of this mini-program, and only in WeChat. */
export const canOpenSetting = (problem: LocationProblem) => problem === 'denied' && process.env.TARO_ENV === 'weapp';

/**
 * Opens the mini-program's 设置 page; resolves whether location is allowed when the user comes back.
 * Call it synchronously in the tap handler (WeChat opens 设置 only from a tap).
 */
export function openLocationSetting(): Promise<boolean> {
  let opened: ReturnType<typeof Taro.openSetting>;
  try {
    opened = Taro.openSetting();
  } catch {
    return Promise.resolve(false);
  }
  return opened.then(
    (r) => r.authSetting?.['scope.userLocation'] === true,
    () => false,
  );
}
