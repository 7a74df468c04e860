import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { canOpenSetting, openLocationSetting, type LocationProblem } from '@/services/location';
import './index.scss';

export interface LocationHelpProps {
  /** Why the position could not be read. */
  problem: LocationProblem;
  /** What to do about it, for people (LocationError's message). */
  message: string;
  /** Called when the user has allowed location in 设置. */
  onAllowed: () => void;
}

/** Explains a missing position; when the mini-program was refused location, offers 去设置 (WeChat's openSetting, from the tap). */
export default function LocationHelp({ problem, message, onAllowed }: LocationHelpProps) {
  const [stillOff, setStillOff] = useState(false);
  const open = () => void openLocationSetting().then((allowed) => (allowed ? onAllowed() : setStillOff(true)));
  return (
    <View className="location-help" data-testid="location-help">
      <Text className="location-help__text">{message}</Text>
      {canOpenSetting(problem) && (
        <Button className="location-help__button" type="primary" data-testid="open-setting" onClick={open}>
          去设置
        </Button>
      )}
      {stillOff && (
        <Text className="location-help__text location-help__text--warn" data-testid="location-still-off">
          仍未允许使用位置：在“设置”中打开“位置信息”后才能签到。
        </Text>
      )}
    </View>
  );
}
