export default definePageConfig({ navigationBarTitleText: '发起交流申请' });
