export default definePageConfig({ navigationBarTitleText: '共享场馆', enablePullDownRefresh: true });
