import { fireEvent, screen } from '@testing-library/react';
import { wx } from './mocks/taro';
import { renderAndTap, settle, useTaroEnv } from './render';
import TeacherHomePage from '@/packages/teacher/pages/home';
import { call } from '@/services/call';
import { locationProblem } from '@/services/location';

// A teacher who once refused location is told why clock-in needs it and, in WeChat, taken to 设置
// (openSetting, from the tap); the clock-in is not sent without a position.
jest.mock('@/services/call', () => {
  const actual = jest.requireActual('../../src/services/call');
  return { ...actual, call: jest.fn() };
});

const TODAY = {
  serverTime: '2026-11-23 10:00',
  card: {
    state: 'in',
    message: null,
    sessions: [
      {
        key: 'dt-1-2026-11-23-0955',
        dutyId: 'dt-1',
        kindLabel: '跨校兼课',
        hostSchoolName: '互助道小学',
        slotStart: '09:55',
        slotEnd: '11:30',
        record: null,
      },
    ],
  },
  sessions: [],
  missed: [],
  duties: [],
};
const mocked = call as jest.Mock;
const clockCalls = () => mocked.mock.calls.filter(([, action]) => action === 'clockIn');

describe('clock-in without a position', () => {
  useTaroEnv('weapp');
  beforeEach(() => {
    wx.reset();
    mocked.mockReset();
    mocked.mockImplementation(async (_fn: string, action: string) =>
      action === 'today'
        ? TODAY
        : { at: '2026-11-23 10:00', hostSchoolName: '互助道小学', distanceM: 120, pass: true, warnings: [] },
    );
  });

  it('tells WeChat’s refusals, the phone’s switch and a lost fix apart', () => {
    expect(locationProblem({ errMsg: 'getLocation:fail auth deny' })).toBe('denied');
    expect(locationProblem({ errMsg: 'getLocation:fail:auth denied' })).toBe('denied');
    expect(locationProblem({ errMsg: 'getLocation:fail system permission denied' })).toBe('system');
    expect(locationProblem({ errMsg: 'getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF' })).toBe('system');
    expect(locationProblem({ code: 1, message: 'User denied Geolocation' })).toBe('denied');
    expect(locationProblem({ errMsg: 'getLocation:fail timeout' })).toBe('unavailable');
  });

  it('weapp, refused: explains, and 去设置 opens the settings from the tap; allowed → clock in again', async () => {
    wx.answers.getLocation = () => {
      throw { errMsg: 'getLocation:fail auth deny' };
    };
    await renderAndTap(<TeacherHomePage />, 'clock-in');
    expect(screen.getByTestId('location-help').textContent).toContain(
      '没有获得位置权限。请点“去设置”，打开“位置信息”后再签到',
    );
    expect(clockCalls()).toHaveLength(0);

    wx.answers.openSetting = () => ({ authSetting: { 'scope.userLocation': true } });
    fireEvent.click(screen.getByTestId('open-setting'));
    expect(wx.calls.filter((c) => c.api === 'openSetting')).toEqual([
      { api: 'openSetting', args: undefined, inTap: true },
    ]);
    await settle();
    expect(screen.queryByTestId('location-help')).toBeNull();
    expect(screen.getByTestId('clock-outcome').textContent).toContain('已允许使用位置');

    delete wx.answers.getLocation;
    fireEvent.click(screen.getByTestId('clock-in'));
    await settle();
    expect(clockCalls()).toHaveLength(1);
    expect(screen.getByTestId('clock-outcome').textContent).toContain('签到成功');
  });

  it('weapp, still refused after 设置: says so and keeps the button', async () => {
    wx.answers.getLocation = () => {
      throw { errMsg: 'getLocation:fail auth deny' };
    };
    wx.answers.openSetting = () => ({ authSetting: { 'scope.userLocation': false } });
    await renderAndTap(<TeacherHomePage />, 'clock-in');
    fireEvent.click(screen.getByTestId('open-setting'));
    await settle();
    expect(screen.getByTestId('location-still-off')).toBeTruthy();
    expect(screen.getByTestId('open-setting')).toBeTruthy();
  });

  it('the phone’s location switched off: points to the phone’s settings (设置 cannot fix it)', async () => {
    wx.answers.getLocation = () => {
      throw { errMsg: 'getLocation:fail system permission denied' };
    };
    await renderAndTap(<TeacherHomePage />, 'clock-in');
    expect(screen.getByTestId('location-help').textContent).toContain('手机未开启定位');
    expect(screen.queryByTestId('open-setting')).toBeNull();
  });

  it('H5, refused by the browser: explains the browser setting, no 去设置', async () => {
    process.env.TARO_ENV = 'h5';
    wx.answers.getLocation = () => {
      throw { code: 1, message: 'User denied Geolocation' };
    };
    await renderAndTap(<TeacherHomePage />, 'clock-in');
    expect(screen.getByTestId('location-help').textContent).toContain('浏览器未允许本网站使用位置');
    expect(screen.queryByTestId('open-setting')).toBeNull();
    expect(clockCalls()).toHaveLength(0);
  });
});
