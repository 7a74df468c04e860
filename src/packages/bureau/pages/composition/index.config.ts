export default definePageConfig({ navigationBarTitleText: '学区组成调整', enablePullDownRefresh: true });
