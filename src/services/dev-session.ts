/** H5 local demo only: the gateway's demo identities. The mini-program signs in with WeChat itself. */
export interface DevPersona {
  id: string;
  label: string;
  roles: string[];
}

export const isLocalDemo = () => process.env.TARO_ENV === 'h5';

export async function listPersonas(): Promise<{ personas: DevPersona[]; current: string | null }> {
  const res = await fetch('/__dev/personas', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`无法读取演示身份（${res.status}）`);
  return res.json();
}

export async function loginAs(persona: string): Promise<void> {
  const res = await fetch('/__dev/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ persona }),
  });
  if (!res.ok) throw new Error('切换身份失败');
}
