import InviteManager from '@/packages/bureau/pages/invites/invite-manager';

/** 校长 · 教师邀请码：为本校教师创建邀请码（同一组件，可邀请的范围由服务端按身份给出）。 */
export default function PrincipalInvitesPage() {
  return <InviteManager />;
}
