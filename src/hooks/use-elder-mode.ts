import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { applyElderClass, ELDER_CLASS, isElderMode, onElderModeChange } from '../services/elder-mode';

export interface ElderMode {
  on: boolean;
  /** Class for the page root: ELDER_CLASS when on, '' otherwise. */
  cls: string;
  /** The plain wording in 长辈模式, the usual one otherwise. */
  say(usual: string, plain: string): string;
}

/** 长辈模式 for a page: read on show (another page may have switched it) and on every change. */
export function useElderMode(): ElderMode {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    applyElderClass(on);
  }, [on]);
  useEffect(() => onElderModeChange(setOn), []);
  useDidShow(() => setOn(isElderMode()));
  return { on, cls: on ? ELDER_CLASS : '', say: (usual, plain) => (on ? plain : usual) };
}
