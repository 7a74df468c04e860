// The few Taro APIs components touch, recorded so tests can assert navigation.
export const navigations: string[] = [];
const api = {
  navigateTo: ({ url }: { url: string }) => {
    navigations.push(url);
    return Promise.resolve();
  },
  stopPullDownRefresh: () => undefined,
  setNavigationBarTitle: () => Promise.resolve(),
};
export default api;
export const useRouter = () => ({ params: {} });
export const usePullDownRefresh = () => undefined;
export const useShareAppMessage = () => undefined;
