import { fireEvent, screen } from '@testing-library/react';
import { wx } from './mocks/taro';
import { renderAndTap, settle, useTaroEnv } from './render';
import TeacherMonthPage from '@/packages/teacher/pages/month';
import { call } from '@/services/call';
import { shareFile } from '@/services/save-csv';

// Exports in WeChat: the cloud call and the file first, then 发送到聊天, whose tap calls
// shareFileMessage (WeChat refuses it anywhere but inside a tap). The browser downloads at once.
jest.mock('@/services/call', () => {
  const actual = jest.requireActual('../../src/services/call');
  return { ...actual, call: jest.fn() };
});

const MONTH = {
  hours: 6,
  sessions: 2,
  scheduled: 2,
  periods: 4,
  subsidyYuan: 120,
  subsidySample: true,
  makeupsLeft: 3,
  makeups: [],
  notes: [],
  lines: [],
  flags: { late: 0, leftEarly: 0, outOfRange: 0, capped: 0, makeup: 0 },
};
const CSV = { filename: '工时-2026-11.csv', csv: '日期,学校\n2026-11-03,互助道小学\n' };
const mocked = call as jest.Mock;

describe('the month’s CSV export', () => {
  useTaroEnv('weapp');
  beforeEach(() => {
    wx.reset();
    mocked.mockReset();
    mocked.mockImplementation(async (_fn: string, action: string) => (action === 'exportMonth' ? CSV : MONTH));
  });

  it('WeChat refuses shareFileMessage after an awaited call (what the mock and WeChat both enforce)', async () => {
    await expect(shareFile({ filePath: 'wxfile://usr/a.csv', fileName: 'a.csv' })).rejects.toThrow(/TAP gesture/);
  });

  it('weapp: prepares the file, then the 发送到聊天 tap shares it', async () => {
    await renderAndTap(<TeacherMonthPage />, 'export-csv');
    expect(mocked).toHaveBeenCalledWith('duty', 'exportMonth', { month: expect.stringMatching(/^\d{4}-\d{2}$/) });
    expect(wx.files.get('wxfile://usr/工时-2026-11.csv')).toBe(CSV.csv);
    expect(wx.calls.some((c) => c.api === 'shareFileMessage')).toBe(false);
    expect(screen.getByTestId('share-file').textContent).toContain('已生成：工时-2026-11.csv');

    fireEvent.click(screen.getByTestId('send-to-chat'));
    expect(wx.calls.filter((c) => c.api === 'shareFileMessage')).toEqual([
      {
        api: 'shareFileMessage',
        args: { filePath: 'wxfile://usr/工时-2026-11.csv', fileName: '工时-2026-11.csv' },
        inTap: true,
      },
    ]);
    await settle();
    expect(screen.getByTestId('share-file').textContent).toContain('已发送');
    expect(screen.queryByTestId('export-error')).toBeNull();
  });

  it('weapp: closing the chat picker is no error; a failed send says why', async () => {
    await renderAndTap(<TeacherMonthPage />, 'export-csv');
    wx.answers.shareFileMessage = () => {
      throw { errMsg: 'shareFileMessage:fail cancel' };
    };
    fireEvent.click(screen.getByTestId('send-to-chat'));
    await settle();
    expect(screen.queryByTestId('export-error')).toBeNull();
    expect(screen.getByTestId('share-file').textContent).not.toContain('已发送');
    wx.answers.shareFileMessage = () => {
      throw { errMsg: 'shareFileMessage:fail file not exist' };
    };
    fireEvent.click(screen.getByTestId('send-to-chat'));
    await settle();
    expect(screen.getByTestId('export-error').textContent).toBe('发送失败：shareFileMessage:fail file not exist');
  });

  it('a failed export is shown, and nothing is offered to send', async () => {
    const { CallError } = jest.requireActual('../../src/services/call');
    mocked.mockImplementation(async (_fn: string, action: string) => {
      if (action === 'exportMonth') throw new CallError('NETWORK', '网络异常，请检查网络后重试');
      return MONTH;
    });
    await renderAndTap(<TeacherMonthPage />, 'export-csv');
    expect(screen.getByTestId('export-error').textContent).toBe('网络异常，请检查网络后重试');
    expect(screen.queryByTestId('send-to-chat')).toBeNull();
  });

  it('H5: downloads at once, no 发送到聊天', async () => {
    process.env.TARO_ENV = 'h5';
    const urls: Blob[] = [];
    const downloads: string[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (urls.push(b), 'blob:csv'), revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    await renderAndTap(<TeacherMonthPage />, 'export-csv');
    expect(downloads).toEqual(['工时-2026-11.csv']);
    expect(urls[0].type).toBe('text/csv;charset=utf-8');
    expect(screen.queryByTestId('send-to-chat')).toBeNull();
    expect(wx.calls.some((c) => c.api === 'shareFileMessage' || c.api === 'writeFileSync')).toBe(false);
    click.mockRestore();
  });
});
