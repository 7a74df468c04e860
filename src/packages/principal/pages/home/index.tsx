import RoleHome from '../../../../components/role-home';
import MakeupInbox from '../../../../components/makeup-inbox';

/** 校长的首页（分包：只有校长会加载）：本校与学区，补卡审批。 */
export default function PrincipalHomePage() {
  return (
    <>
      <RoleHome role='principal' />
      <MakeupInbox />
    </>
  );
}
