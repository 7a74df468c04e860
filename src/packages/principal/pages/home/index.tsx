import RoleHome from '../../../../components/role-home';

/** 校长的首页（分包：只有校长会加载）。 */
export default function PrincipalHomePage() {
  return <RoleHome role='principal' />;
}
