import Taro from '@tarojs/taro';

const KEY = 'elder-mode';
const EVENT = 'elder-mode-changed';
/** Root class of 长辈模式 (src/app.scss): larger type and tap targets through --xq-scale / --xq-tap. */
export const ELDER_CLASS = 'xq-elder';

/** Whether 长辈模式 is on (kept on the phone only). */
export function isElderMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
}

/** In the browser the class also goes on <html>, so the tab bar and Taro's own chrome follow. */
export function applyElderClass(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined')
    document.documentElement.classList.toggle(ELDER_CLASS, on);
}

/** Turns 长辈模式 on or off, remembers it, and tells the open pages. */
export function setElderMode(on: boolean): void {
  try {
    Taro.setStorageSync(KEY, on);
  } catch {
    // A full storage only means the choice is not remembered: the pages still follow it now.
  }
  applyElderClass(on);
  Taro.eventCenter.trigger(EVENT, on);
}

/** Calls back on every change; returns the unsubscribe. */
export function onElderModeChange(listener: (on: boolean) => void): () => void {
  Taro.eventCenter.on(EVENT, listener);
  return () => Taro.eventCenter.off(EVENT, listener);
}
