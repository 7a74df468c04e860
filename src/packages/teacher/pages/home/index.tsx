import RoleHome from '../../../../components/role-home';

/** 教师的首页（分包：只有教师会加载）。 */
export default function TeacherHomePage() {
  return <RoleHome role='teacher' />;
}
