import RoleHome from '../../../../components/role-home';
import EntryLinks from '../../../../components/entry-links';
import InquiryInbox from '../../../../components/inquiry-inbox';

const LINKS = [
  { label: '学区组成调整', url: '/packages/bureau/pages/composition/index', testId: 'open-composition' },
  { label: '数据看板', url: '/packages/bureau/pages/dashboard/index', testId: 'open-dashboard' },
  { label: '数据导入导出（学校、划片、教师名册）', url: '/packages/bureau/pages/imports/index', testId: 'open-imports' },
  { label: '招生规则（未列入范围的地址、对口、房产与户籍）', url: '/packages/bureau/pages/admission/index', testId: 'open-admission' },
  { label: '邀请码（校长、学区长）', url: '/packages/bureau/pages/invites/index', testId: 'open-invites' },
  // Steps routed to the bureau (e.g. a 学区 without a 学区长) wait here, as a principal's do.
  { label: '审批收件箱', url: '/packages/principal/pages/inbox/index', testId: 'open-inbox' },
];

/** 教育局的首页（分包：只有教育局会加载）：学区组成、数据看板、数据导入导出、邀请码、家长咨询。 */
export default function BureauHomePage() {
  return (
    <>
      <EntryLinks links={LINKS} />
      <RoleHome role='bureau' />
      <InquiryInbox />
    </>
  );
}
