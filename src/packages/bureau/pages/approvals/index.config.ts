export default definePageConfig({ navigationBarTitleText: '全区审批' });
