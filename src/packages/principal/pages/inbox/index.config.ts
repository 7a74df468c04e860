export default definePageConfig({ navigationBarTitleText: '审批收件箱' });
