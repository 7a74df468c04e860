export default definePageConfig({ navigationBarTitleText: '入学条件', enableShareAppMessage: true });
