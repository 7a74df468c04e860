export default definePageConfig({ navigationBarTitleText: '招生规则' });
