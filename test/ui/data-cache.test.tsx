import { act, fireEvent, render, screen } from '@testing-library/react';
import { useCall } from '@/hooks/use-call';
import {
  afterWrite,
  cacheKey,
  clearCache,
  fetchKey,
  invalidate,
  ME_KEY,
  peek,
  setCacheClock,
} from '@/hooks/data-cache';
import BindPage from '@/pages/bind';

// The client data cache (issue 15): one request per key, reads kept between pages, stale answers shown while
// a fresh one comes, invalidation, and a failure that keeps the last answer. The transport is the H5 one
// (fetch to the gateway), answered here so every request the pages make is counted.

// 长辈模式 listens on Taro's event centre, which the jsdom Taro mock does not have; the bind page only needs its class.
jest.mock('@/hooks/use-elder-mode', () => ({
  useElderMode: () => ({ on: false, cls: '', say: (usual: string) => usual }),
}));

const TEST_NOW = Date.parse('2026-11-23T02:00:00Z');
let clock = TEST_NOW;
type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string };
let answer: (fn: string, data: Record<string, unknown>) => Reply | Promise<Reply>;
const requests: string[] = [];
const count = (name: string) => requests.filter((r) => r === name).length;

beforeAll(() => {
  setCacheClock(() => clock);
  global.fetch = jest.fn(async (url: string, init: { body: string }) => {
    const fn = decodeURIComponent(String(url).replace('/fn/', ''));
    const { data } = JSON.parse(init.body) as { data: Record<string, unknown> };
    requests.push(`${fn}.${String(data.action)}`);
    const result = await answer(fn, data);
    return { ok: true, status: 200, json: async () => ({ result }) };
  }) as unknown as typeof fetch;
});
beforeEach(() => {
  clock = TEST_NOW;
  requests.length = 0;
  clearCache();
});

const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
const parent = {
  signedIn: true,
  openid: 'o-p',
  roles: ['parent'],
  name: '王女士',
  districtCode: null,
  school: null,
  xuequ: null,
  schoolXuequ: [],
};
const principal = { ...parent, roles: ['parent', 'principal'], school: { id: 'hd-s07', name: '中心东道小学' } };

/** A page part that shows who I am, as 我的 and the role homes do. */
function Who({ id }: { id: string }) {
  const me = useCall('account', 'me', {});
  return (
    <span data-testid={id} data-loading={String(me.loading)}>
      {me.data ? me.data.roles.join(',') : ''}
      {me.error ? `!${me.error.message}` : ''}
    </span>
  );
}
const shown = (id: string) => screen.getByTestId(id).textContent;

describe('the data cache', () => {
  it('asks once for account.me however many parts of however many pages show it', async () => {
    answer = () => ({ ok: true, data: parent });
    const first = render(
      <>
        <Who id="a" />
        <Who id="b" />
      </>,
    );
    await settle();
    expect(shown('a')).toBe('parent');
    expect(shown('b')).toBe('parent');
    first.unmount();
    // The next page, within the freshness window: shown at once from the cache, no request.
    render(<Who id="c" />);
    expect(shown('c')).toBe('parent');
    expect(screen.getByTestId('c').dataset.loading).toBe('false');
    await settle();
    expect(count('account.me')).toBe(1);
  });

  it('shares one request between callers while it is under way', async () => {
    let release!: () => void;
    answer = () =>
      new Promise((r) => {
        release = () => r({ ok: true, data: parent });
      });
    const key = cacheKey('account', 'me', {});
    const fetcher = jest.fn(() =>
      fetch('/fn/account', { method: 'POST', body: JSON.stringify({ data: { action: 'me' } }) }).then(() => parent),
    );
    const both = Promise.all([fetchKey(key, fetcher), fetchKey(key, fetcher)]);
    await new Promise((r) => setTimeout(r, 0));
    release();
    expect(await both).toEqual([parent, parent]);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('invalidation makes every mounted reader ask again and show the new answer', async () => {
    answer = () => ({ ok: true, data: parent });
    render(
      <>
        <Who id="a" />
        <Who id="b" />
      </>,
    );
    await settle();
    answer = () => ({ ok: true, data: principal });
    act(() => invalidate('account.'));
    // Stale while revalidating: the old answer stays until the new one comes, without a loading state.
    expect(shown('a')).toBe('parent');
    expect(screen.getByTestId('a').dataset.loading).toBe('false');
    await settle();
    expect(shown('a')).toBe('parent,principal');
    expect(shown('b')).toBe('parent,principal');
    expect(count('account.me')).toBe(2);
  });

  it('an out-of-date answer is shown at once and replaced when the fresh one comes', async () => {
    answer = () => ({ ok: true, data: parent });
    const first = render(<Who id="a" />);
    await settle();
    first.unmount();
    clock += 6 * 60_000; // past the 5 minutes account.me stays fresh
    answer = () => ({ ok: true, data: principal });
    render(<Who id="b" />);
    expect(shown('b')).toBe('parent');
    await settle();
    expect(shown('b')).toBe('parent,principal');
    expect(count('account.me')).toBe(2);
  });

  it('a failed refresh keeps the last answer and reports the error', async () => {
    answer = () => ({ ok: true, data: parent });
    render(<Who id="a" />);
    await settle();
    answer = () => ({ ok: false, code: 'INTERNAL', message: '服务忙' });
    act(() => invalidate(ME_KEY));
    await settle();
    expect(shown('a')).toBe('parent!服务忙');
    expect(peek(ME_KEY)?.data).toEqual(parent);
  });

  it('an answer requested before an invalidation is not kept, and the readers ask again', async () => {
    let release!: () => void;
    answer = () =>
      new Promise((r) => {
        release = () => r({ ok: true, data: parent });
      });
    render(<Who id="a" />);
    await settle();
    invalidate('', { drop: true }); // e.g. the demo's persona switch while 我的 is loading
    answer = () => ({ ok: true, data: principal });
    release();
    await settle();
    expect(shown('a')).toBe('parent,principal');
    expect(count('account.me')).toBe(2);
  });

  it('reads that are not kept are asked again by the next page, as before the cache', async () => {
    answer = () => ({ ok: true, data: { pending: 2 } });
    function Todo() {
      const todo = useCall('approval', 'todo', {});
      return <span data-testid="todo">{todo.data?.pending ?? ''}</span>;
    }
    const first = render(<Todo />);
    await settle();
    first.unmount();
    expect(peek(cacheKey('approval', 'todo', {}))).toBeUndefined();
    render(<Todo />);
    await settle();
    expect(shown('todo')).toBe('2');
    expect(count('approval.todo')).toBe(2);
  });

  it('a composition edit makes the cached 学区 reads stale; the account stays', async () => {
    answer = (_fn, data) => ({ ok: true, data: data.action === 'me' ? parent : [] });
    await fetchKey(ME_KEY, async () => parent);
    await fetchKey(cacheKey('school', 'listXuequ', { districtCode: '120102' }), async () => []);
    afterWrite('admin', 'applyEdit');
    expect(peek(cacheKey('school', 'listXuequ', { districtCode: '120102' }))?.stale).toBe(true);
    expect(peek(ME_KEY)?.stale).toBe(false);
  });

  it('keys do not depend on the order of the input fields', () => {
    expect(cacheKey('facility', 'week', { facilityId: 'f1', weekStart: '2026-11-23' })).toBe(
      cacheKey('facility', 'week', { weekStart: '2026-11-23', facilityId: 'f1' }),
    );
  });
});

describe('binding an invite', () => {
  it('shows the new role on every mounted page at once, without asking for account.me again', async () => {
    answer = (fn, data) => {
      if (fn === 'account' && data.action === 'me') return { ok: true, data: parent };
      if (fn === 'account' && data.action === 'bind')
        return { ok: true, data: { added: ['principal'], me: principal } };
      return { ok: true, data: { pending: 1 } };
    };
    // 我的 stays mounted under the bind page (a tab page), and a role home is open too.
    render(
      <>
        <Who id="me-page" />
        <BindPage />
      </>,
    );
    await settle();
    expect(shown('me-page')).toBe('parent');
    fireEvent.change(screen.getByTestId('bind-code'), { target: { value: 'ABCD-EFGH-JKLM' } });
    fireEvent.click(screen.getByTestId('bind-submit'));
    await settle();
    expect(screen.getByTestId('bind-roles').textContent).toContain('校长');
    expect(shown('me-page')).toBe('parent,principal');
    expect(count('account.me')).toBe(1);
    expect(count('account.bind')).toBe(1);
  });
});
