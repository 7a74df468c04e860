export default definePageConfig({ navigationBarTitleText: '学区', enablePullDownRefresh: true });
