export default definePageConfig({ navigationBarTitleText: '教师工作台' });
