import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { SessionView } from '@/contracts/duty';
import { call } from '@/services/call';
import { currentLocation } from '@/services/location';
import { busyIf } from '../busy-props';
import PresenceCodeInput, { CAN_SCAN, readPresenceCode } from '../presence-code';
import './index.scss';

export interface VerifyLaterProps {
  session: SessionView;
  /** The server's China time ('YYYY-MM-DD HH:mm'), the clock the offer follows. */
  serverTime: string;
  /** Called after a scan was accepted (the page reloads the record). */
  onDone: () => void;
}

/**
 * 扫码核验: a session clocked in without the code can be verified by scanning the host school's code
 * later, until its slot ends (the server decides; the card only offers it while verifyUntil is ahead).
 */
export default function VerifyLater({ session, serverTime, onDone }: VerifyLaterProps) {
  const r = session.record;
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const open = !!r?.verifyUntil && serverTime <= r.verifyUntil;
  if (!open && !outcome) return null;

  const send = async (code: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setOutcome(null);
    try {
      const location = await currentLocation();
      const res = await call('duty', 'verifyPresence', { recordId: session.key, location, presenceCode: code });
      setOutcome({
        ok: true,
        text: `已核验：${res.verifiedAt} 扫码，距${res.hostSchoolName} ${res.distanceM} 米，本节计入交流工时统计`,
      });
      setTyped('');
      onDone();
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const verify = async () => {
    const read = await readPresenceCode(typed);
    if ('problem' in read) return setOutcome({ ok: false, text: read.problem });
    return send(read.code);
  };

  return (
    <View className="verify-later" data-testid="verify-later">
      {open && (
        <View>
          <Text className="verify-later__hint">
            本节签到未核验。到任务学校后扫现场签到码即可补核验（{r.verifyUntil!.slice(11)} 前有效）
          </Text>
          {!CAN_SCAN && <PresenceCodeInput testId="verify-code-input" value={typed} onInput={setTyped} />}
          <Button
            className="verify-later__button"
            type="primary"
            data-testid="verify-later-submit"
            {...busyIf(busy)}
            onClick={() => void verify()}
          >
            {CAN_SCAN ? '扫码核验' : '提交签到码核验'}
          </Button>
        </View>
      )}
      {outcome && (
        <Text
          className={`verify-later__outcome verify-later__outcome--${outcome.ok ? 'ok' : 'no'}`}
          data-testid="verify-later-outcome"
        >
          {outcome.text}
        </Text>
      )}
    </View>
  );
}
