export default definePageConfig({ navigationBarTitleText: '交流教师考勤', enablePullDownRefresh: true });
