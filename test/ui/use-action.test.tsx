import { act, render, screen } from '@testing-library/react';
import { useAction, type ActionState } from '@/hooks/use-action';
import { CallError } from '@/services/call';

// The one busy/error pattern of the pages (issue 15): a write runs under a key, the button shows busy for
// that key only, and a failure becomes a message for people instead of an exception.
let state: ActionState;
function Probe() {
  state = useAction();
  return <span data-testid="state">{`${state.busy ?? '-'}|${state.error ?? '-'}`}</span>;
}
const shown = () => screen.getByTestId('state').textContent;

it('marks the running key busy, reports the failure, and clears it on the next run', async () => {
  render(<Probe />);
  let fail!: (e: unknown) => void;
  let outcome!: Promise<boolean>;
  act(() => {
    outcome = state.run(
      'apply',
      () =>
        new Promise((_r, reject) => {
          fail = reject;
        }),
    );
  });
  expect(shown()).toBe('apply|-');
  await act(async () => {
    fail(new CallError('CONFLICT', '该学区已有待生效的调整'));
    expect(await outcome).toBe(false);
  });
  expect(shown()).toBe('-|该学区已有待生效的调整');

  let ok!: boolean;
  await act(async () => {
    ok = await state.run('apply', async () => undefined);
  });
  expect(ok).toBe(true);
  expect(shown()).toBe('-|-');
});

it('a failure without a message shows the page’s fallback', async () => {
  render(<Probe />);
  await act(async () => {
    await state.run('apply', () => Promise.reject(new Error('')), '保存失败，请重试');
  });
  expect(shown()).toBe('-|保存失败，请重试');
});
