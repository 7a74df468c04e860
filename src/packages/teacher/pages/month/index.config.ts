export default definePageConfig({ navigationBarTitleText: '本月工时' });
