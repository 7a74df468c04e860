import { Input } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.scss';

/** 扫码 needs the camera of the WeChat app; the web version types the 6 digits under the code. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp';

/**
 * The host school's 签到码 as the teacher gives it: scanned on weapp, else the digits typed in
 * `typed` (spaces ignored). Resolves to the code to send, or to what to tell the teacher instead;
 * a cancelled or failed scan sends nothing.
 */
export async function readPresenceCode(typed: string): Promise<{ code: string } | { problem: string }> {
  if (!CAN_SCAN) {
    const digits = typed.replace(/\s+/g, '');
    return /^\d{6}$/.test(digits) ? { code: digits } : { problem: '请输入任务学校签到码下方的 6 位数字' };
  }
  try {
    const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return { code: scanned.result };
  } catch {
    return { problem: '没有扫到签到码：请对准任务学校现场显示的签到码再试' };
  }
}

export interface PresenceCodeInputProps {
  testId: string;
  value: string;
  onInput: (value: string) => void;
}

/** Where the code cannot be scanned: the 6 digits printed under it. */
export default function PresenceCodeInput({ testId, value, onInput }: PresenceCodeInputProps) {
  return (
    <Input
      className="presence-code__input"
      data-testid={testId}
      type="number"
      maxlength={7}
      placeholder="6 位签到码"
      aria-label="签到码（6 位数字）"
      value={value}
      onInput={(e) => onInput(String(e.detail.value))}
    />
  );
}
