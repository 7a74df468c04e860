import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng } from '../domain/geo';

/** The phone's position in GCJ-02 (what the schools' coordinates use). H5 browsers only give WGS-84. */
export async function currentLocation(): Promise<LatLng> {
  if (process.env.TARO_ENV === 'weapp') {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true });
    return { latitude: r.latitude, longitude: r.longitude };
  }
  const r = await Taro.getLocation({ type: 'wgs84' });
  return wgs84ToGcj02({ latitude: r.latitude, longitude: r.longitude });
}
