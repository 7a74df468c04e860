export default definePageConfig({ navigationBarTitleText: '教师邀请码' });
