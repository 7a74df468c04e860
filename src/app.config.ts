// Parents' pages live in the main package; role pages load as subpackages only for those who open them.
export default defineAppConfig({
  pages: ['pages/lookup/index', 'pages/xuequ-list/index', 'pages/me/index', 'pages/xuequ-detail/index'],
  subPackages: [
    { root: 'packages/teacher', pages: ['pages/home/index'] },
    { root: 'packages/principal', pages: ['pages/home/index'] },
    { root: 'packages/bureau', pages: ['pages/home/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '学区通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ededed',
  },
  tabBar: {
    color: '#7f7f7f',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/lookup/index', text: '查学区' },
      { pagePath: 'pages/xuequ-list/index', text: '学区' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
