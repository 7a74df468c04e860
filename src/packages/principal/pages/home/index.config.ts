export default definePageConfig({ navigationBarTitleText: '校长工作台' });
