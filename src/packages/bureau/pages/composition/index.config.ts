export default definePageConfig({ navigationBarTitleText: '学区通' });
