import RoleHome from '../../../../components/role-home';
import InquiryInbox from '../../../../components/inquiry-inbox';

/** 教育局的首页（分包：只有教育局会加载）。 */
export default function BureauHomePage() {
  return (
    <>
      <RoleHome role='bureau' />
      <InquiryInbox />
    </>
  );
}
