export default definePageConfig({
  navigationBarTitleText: '查学区',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
});
