import Taro from '@tarojs/taro';

const KEY = 'chosen-district';

/** The district the parent last asked about (kept on the phone): the 学区 tab opens on it. */
export function chosenDistrict(): string | null {
  try {
    const code: unknown = Taro.getStorageSync(KEY);
    return typeof code === 'string' && /^\d{6}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}

/** Remembers a district chosen on any parent page. */
export function rememberDistrict(code: string): void {
  if (!/^\d{6}$/.test(code) || chosenDistrict() === code) return;
  try {
    Taro.setStorageSync(KEY, code);
  } catch {
    // Only a convenience: the 学区 tab then opens on the first district.
  }
}
