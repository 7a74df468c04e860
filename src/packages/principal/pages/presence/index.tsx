import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useCall } from '@/hooks/use-call';
import StatusView from '@/components/status-view';
import PresenceQr from './qr';
import './index.scss';

/**
 * 签到码: the host school's rotating code for visiting teachers to scan (扫码签到). Shown on the
 * principal's phone or an office tablet signed in as the principal. The server signs each code; this
 * page only draws the QR of the token it is given and fetches the next one when it turns.
 */
export default function PresencePage() {
  const code = useCall('duty', 'presenceCode', {});
  const [visible, setVisible] = useState(true);
  useDidShow(() => {
    setVisible(true);
    void code.reload();
    // A screen on a desk should not go dark (weapp; other platforms keep their own setting).
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  });
  useDidHide(() => setVisible(false));
  const c = code.data;
  // Fetch again when the code turns (server's count, not the device clock); the previous code is still accepted meanwhile.
  useEffect(() => {
    if (!c || !visible) return undefined;
    const timer = setTimeout(() => void code.reload(), Math.min(30_000, Math.max(1_000, c.refreshInMs + 300)));
    return () => clearTimeout(timer);
  }, [c, visible]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!c) return <StatusView loading={code.loading} error={code.error} onRetry={code.reload} />;
  return (
    <View className="presence" data-testid="presence-page">
      <Text className="presence__school">{c.schoolName} · 交流教师签到码</Text>
      <Text className="presence__hint">
        请交流教师在“今日任务”点“扫码签到”扫描此码；签到码每 {c.stepSeconds} 秒更换，截图转发无效。
      </Text>
      <View className="presence__qr">
        <PresenceQr text={c.token} testId="presence-qr" />
      </View>
      <Text
        className="presence__code"
        data-testid="presence-short-code"
        aria-label={`签到数字码 ${c.shortCode.split('').join(' ')}`}
      >
        {`${c.shortCode.slice(0, 3)} ${c.shortCode.slice(3)}`}
      </Text>
      <Text className="presence__sub">
        无法扫码时（如网页版），请输入上方 6 位数字 · 生成于 {c.issuedAt.slice(11)}（北京时间）
      </Text>
      <Button className="presence__refresh" data-testid="presence-refresh" onClick={() => void code.reload()}>
        刷新签到码
      </Button>
      {code.error && <Text className="presence__sub">{code.error.message}</Text>}
    </View>
  );
}
