export default definePageConfig({ navigationBarTitleText: '政策原文', enableShareAppMessage: true });
