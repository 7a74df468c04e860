// The few Taro APIs components touch, recorded so tests can assert navigation.
export const navigations: string[] = [];

/**
 * WeChat APIs that only work from a tap (shareFileMessage, requestSubscribeMessage, openSetting) and
 * their neighbours, recorded with whether each was called while a click was being dispatched (jsdom
 * sets window.event then; after an await it is gone). Tests set `wx.answers[api]` to shape replies.
 */
export const wx = {
  calls: [] as Array<{ api: string; args: unknown; inTap: boolean }>,
  answers: {} as Record<string, (args: any) => unknown>,
  files: new Map<string, string>(),
  reset() {
    this.calls.length = 0;
    this.answers = {};
    this.files.clear();
  },
};
/** As in WeChat, these fail unless called inside a tap. */
const TAP_ONLY = ['shareFileMessage', 'requestSubscribeMessage', 'openSetting'];
const recorded =
  (api: string, fallback: (args: any) => unknown = () => ({ errMsg: `${api}:ok` })) =>
  (args?: unknown) => {
    const inTap = typeof window !== 'undefined' && (window as { event?: Event }).event?.type === 'click';
    wx.calls.push({ api, args, inTap });
    if (TAP_ONLY.includes(api) && !inTap)
      return Promise.reject({ errMsg: `${api}:fail can only be invoked by user TAP gesture.` });
    try {
      return Promise.resolve((wx.answers[api] ?? fallback)(args));
    } catch (e) {
      return Promise.reject(e);
    }
  };

const api = {
  navigateTo: ({ url }: { url: string }) => {
    navigations.push(url);
    return Promise.resolve();
  },
  redirectTo: ({ url }: { url: string }) => {
    navigations.push(url);
    return Promise.resolve();
  },
  stopPullDownRefresh: () => undefined,
  setNavigationBarTitle: () => Promise.resolve(),
  showToast: recorded('showToast'),
  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager: () => ({
    writeFileSync: (path: string, data: string) => {
      wx.calls.push({ api: 'writeFileSync', args: { path }, inTap: false });
      wx.files.set(path, data);
    },
    readFileSync: (path: string) => {
      if (!wx.files.has(path)) throw { errMsg: `readFileSync:fail no such file ${path}` };
      return wx.files.get(path);
    },
  }),
  cloud: { downloadFile: recorded('cloud.downloadFile') },
  downloadFile: recorded('downloadFile'),
  shareFileMessage: recorded('shareFileMessage'),
  requestSubscribeMessage: recorded('requestSubscribeMessage'),
  openSetting: recorded('openSetting', () => ({ authSetting: {} })),
  getSetting: recorded('getSetting', () => ({ authSetting: {} })),
  getLocation: recorded('getLocation', () => ({ latitude: 39.13, longitude: 117.2 })),
};
export default api;
export const useRouter = () => ({ params: {} });
export const usePullDownRefresh = () => undefined;
export const useShareAppMessage = () => undefined;
export const useDidShow = () => undefined;
