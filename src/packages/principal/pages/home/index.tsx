import RoleHome from '@/components/role-home';
import EntryLinks from '@/components/entry-links';
import MakeupInbox from '@/components/makeup-inbox';
import InquiryInbox from '@/components/inquiry-inbox';
import { useCall } from '@/hooks/use-call';

const LINKS = [
  { label: '交流教师考勤（今天）', url: '/packages/principal/pages/attendance/index', testId: 'open-attendance' },
  { label: '签到码（交流教师扫码签到）', url: '/packages/principal/pages/presence/index', testId: 'open-presence' },
  { label: '学区场馆共享', url: '/packages/principal/pages/facilities/index', testId: 'open-facilities' },
  { label: '教师邀请码', url: '/packages/principal/pages/invites/index', testId: 'open-invites' },
];
const XUEQU_LINK = {
  label: '学区数据看板（学区长）',
  url: '/packages/bureau/pages/dashboard/index',
  testId: 'open-dashboard',
};

/** 校长的首页（分包：只有校长会加载）：审批入口，本校与学区，补卡审批，家长咨询；学区长另有学区看板。 */
export default function PrincipalHomePage() {
  const me = useCall('account', 'me', {});
  const todo = useCall('approval', 'todo', {});
  // 待办 on the entry, as DingTalk and WeCom show it.
  const inbox = {
    label: `审批收件箱${todo.data?.pending ? `（待办 ${todo.data.pending}）` : ''}`,
    url: '/packages/principal/pages/inbox/index',
    testId: 'open-inbox',
  };
  const links = [inbox, ...(me.data?.roles.includes('xuequzhang') ? [...LINKS, XUEQU_LINK] : LINKS)];
  return (
    <>
      <EntryLinks links={links} />
      <RoleHome role="principal" />
      <MakeupInbox />
      <InquiryInbox />
    </>
  );
}
