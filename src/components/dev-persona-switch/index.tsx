import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { listPersonas, loginAs, type DevPersona } from '@/services/dev-session';
import { invalidate } from '@/hooks/data-cache';
import { useAction } from '@/hooks/use-action';
import './index.scss';

export interface DevPersonaSwitchProps {
  /** Called after a successful switch so the page reloads what depends on identity. */
  onSwitched: () => void;
}

/** H5 local demo only: pick a seeded identity. Clearly marked so it is never mistaken for a real login. */
export default function DevPersonaSwitch({ onSwitched }: DevPersonaSwitchProps) {
  const [personas, setPersonas] = useState<DevPersona[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    listPersonas().then(
      (r) => {
        setPersonas(r.personas);
        setCurrent(r.current);
      },
      (e: Error) => setLoadError(e.message),
    );
  }, []);

  const pick = (id: string) =>
    action.run(id, async () => {
      await loginAs(id);
      setCurrent(id);
      // Another person now: nothing read for the previous one may stay on screen or in the cache.
      invalidate('', { drop: true });
      onSwitched();
    });
  const error = action.error ?? loadError;

  return (
    <View className="dev-switch" data-testid="dev-persona-switch">
      <Text className="dev-switch__title">本地演示：切换身份</Text>
      <Text className="dev-switch__hint">以下均为示例数据中的演示身份，仅在本地演示环境出现。</Text>
      {error && <Text className="dev-switch__error">{error}</Text>}
      {personas.map((p) => (
        <View
          key={p.id}
          data-testid={`persona-${p.id}`}
          className={`dev-switch__item ${p.id === current ? 'dev-switch__item--on' : ''}`}
          onClick={() => void pick(p.id)}
        >
          <Text>{p.label}</Text>
          {p.id === current && <Text className="dev-switch__tick">当前</Text>}
        </View>
      ))}
    </View>
  );
}
