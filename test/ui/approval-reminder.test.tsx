import { fireEvent, render, screen } from '@testing-library/react';
import { wx } from './mocks/taro';
import { renderAndTap, settle, useTaroEnv } from './render';
import InboxPage from '@/packages/principal/pages/inbox';
import { SUBSCRIBE_TEMPLATES } from '@/services/subscribe';

// A decider opening the approval inbox is offered the "a request waits for you" reminder; WeChat shows
// the subscribe dialog only when it is asked for inside the tap.
jest.mock('@/services/call', () => {
  const actual = jest.requireActual('../../src/services/call');
  return { ...actual, call: jest.fn(async () => []) };
});

describe('the approval inbox asks deciders to subscribe', () => {
  useTaroEnv('weapp');
  beforeEach(() => {
    wx.reset();
    SUBSCRIBE_TEMPLATES.approval = 'tpl-wait';
  });

  it('asks for the configured template from the tap itself and confirms the acceptance', async () => {
    wx.answers.requestSubscribeMessage = () => ({ errMsg: 'requestSubscribeMessage:ok', 'tpl-wait': 'accept' });
    render(<InboxPage />);
    await settle();
    expect(screen.getByTestId('subscribe-prompt').textContent).toContain('有申请等您审批时，通过微信提醒您');
    expect(wx.calls.filter((c) => c.api === 'requestSubscribeMessage')).toHaveLength(0); // never on open: only a tap may ask
    fireEvent.click(screen.getByText('接收审批提醒'));
    expect(wx.calls.filter((c) => c.api === 'requestSubscribeMessage')).toEqual([
      { api: 'requestSubscribeMessage', args: { tmplIds: ['tpl-wait'] }, inTap: true },
    ]);
    await settle();
    expect(screen.getByTestId('subscribe-outcome').textContent).toContain('已开启');
  });

  it('a declined dialog says so and can be asked again', async () => {
    wx.answers.requestSubscribeMessage = () => ({ 'tpl-wait': 'reject' });
    await renderAndTap(<InboxPage />, 'subscribe');
    expect(screen.getByTestId('subscribe-outcome').textContent).toContain('未开启提醒');
    fireEvent.click(screen.getByTestId('subscribe'));
    expect(wx.calls.filter((c) => c.api === 'requestSubscribeMessage' && c.inTap)).toHaveLength(2);
    await settle();
  });

  it('reminders switched off in WeChat lead to 设置 (subscriptions shown)', async () => {
    wx.answers.requestSubscribeMessage = () => {
      throw { errCode: 20004, errMsg: 'requestSubscribeMessage:fail:The main switch is switched off' };
    };
    await renderAndTap(<InboxPage />, 'subscribe');
    expect(screen.getByTestId('subscribe-outcome').textContent).toContain('提醒已在微信中关闭');
    fireEvent.click(screen.getByTestId('subscribe-settings'));
    expect(wx.calls.find((c) => c.api === 'openSetting')).toEqual({
      api: 'openSetting',
      args: { withSubscriptions: true },
      inTap: true,
    });
  });

  it('is not shown without a configured template, nor on H5 (no subscribe messages there)', async () => {
    SUBSCRIBE_TEMPLATES.approval = '';
    const { unmount } = render(<InboxPage />);
    await settle();
    expect(screen.queryByTestId('subscribe-prompt')).toBeNull();
    unmount();
    SUBSCRIBE_TEMPLATES.approval = 'tpl-wait';
    process.env.TARO_ENV = 'h5';
    render(<InboxPage />);
    await settle();
    expect(screen.queryByTestId('subscribe-prompt')).toBeNull();
  });
});
