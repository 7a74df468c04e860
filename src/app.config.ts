// Parents' pages live in the main package; role pages load as subpackages only for those who open them.
// `taro build native-components` (tools/build-components.mjs) compiles these as plain mini-program
// components, so miniprogram-simulate can test them as WeChat runs them.
const nativeComponents =
  process.env.XUEQU_NATIVE_COMPONENTS === '1' ? { components: ['components/school-card/index'] } : {};

export default defineAppConfig({
  ...nativeComponents,
  pages: [
    'pages/lookup/index',
    'pages/xuequ-list/index',
    'pages/policy/index',
    'pages/me/index',
    'pages/xuequ-detail/index',
    'pages/school/index',
    'pages/bind/index',
    'pages/enrol/index',
    'pages/policy-detail/index',
    'pages/not-found/index',
  ],
  subPackages: [
    {
      root: 'packages/teacher',
      pages: [
        'pages/home/index',
        'pages/month/index',
        'pages/makeup/index',
        'pages/requests/index',
        'pages/request-new/index',
      ],
    },
    {
      root: 'packages/principal',
      pages: [
        'pages/home/index',
        'pages/inbox/index',
        'pages/request/index',
        'pages/facilities/index',
        'pages/invites/index',
        'pages/attendance/index',
        'pages/presence/index',
      ],
    },
    {
      root: 'packages/bureau',
      pages: [
        'pages/home/index',
        'pages/composition/index',
        'pages/invites/index',
        'pages/dashboard/index',
        'pages/imports/index',
        'pages/admission/index',
        'pages/approvals/index',
      ],
    },
  ],
  // Clock-in checks the teacher's distance to the host school; the position itself is not stored.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于核对您是否在任务学校范围内签到（只保存距离，不保存位置）' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '学区通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ededed',
  },
  tabBar: {
    // AA contrast on white (src/styles/tokens.scss $xq-muted / $xq-brand).
    color: '#595959',
    selectedColor: '#067a3c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/lookup/index',
        iconPath: 'assets/tab/lookup.png',
        selectedIconPath: 'assets/tab/lookup-on.png',
        text: '查学区',
      },
      {
        pagePath: 'pages/xuequ-list/index',
        iconPath: 'assets/tab/xuequ.png',
        selectedIconPath: 'assets/tab/xuequ-on.png',
        text: '学区',
      },
      {
        pagePath: 'pages/policy/index',
        iconPath: 'assets/tab/policy.png',
        selectedIconPath: 'assets/tab/policy-on.png',
        text: '政策',
      },
      {
        pagePath: 'pages/me/index',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
        text: '我的',
      },
    ],
  },
});
