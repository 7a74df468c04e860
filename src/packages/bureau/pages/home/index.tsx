import RoleHome from '@/components/role-home';
import { useCall } from '@/hooks/use-call';
import EntryLinks from '@/components/entry-links';
import InquiryInbox from '@/components/inquiry-inbox';

const LINKS = [
  { label: '学区组成调整', url: '/packages/bureau/pages/composition/index', testId: 'open-composition' },
  { label: '数据看板', url: '/packages/bureau/pages/dashboard/index', testId: 'open-dashboard' },
  {
    label: '数据导入导出（学校、划片、教师名册）',
    url: '/packages/bureau/pages/imports/index',
    testId: 'open-imports',
  },
  {
    label: '招生规则（未列入范围的地址、对口、房产与户籍）',
    url: '/packages/bureau/pages/admission/index',
    testId: 'open-admission',
  },
  { label: '邀请码（校长、学区长）', url: '/packages/bureau/pages/invites/index', testId: 'open-invites' },
];

/** 待办 on the entry: what waits for the bureau (its steps, 无人审批 and 超时 ones). */
const approvalsLink = (pending: number | undefined) => ({
  label: `全区审批${pending ? `（待办 ${pending}）` : ''}`,
  url: '/packages/bureau/pages/approvals/index',
  testId: 'open-approvals',
});

/** 教育局的首页（分包：只有教育局会加载）：全区审批（待办数）、学区组成、数据看板、数据导入导出、邀请码、家长咨询。 */
export default function BureauHomePage() {
  const todo = useCall('approval', 'todo', {});
  return (
    <>
      <EntryLinks links={[approvalsLink(todo.data?.pending), ...LINKS]} />
      <RoleHome role="bureau" />
      <InquiryInbox />
    </>
  );
}
