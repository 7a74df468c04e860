export default definePageConfig({ navigationBarTitleText: '学区详情', enableShareAppMessage: true });
