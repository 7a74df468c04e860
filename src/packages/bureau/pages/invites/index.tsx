import InviteManager from './invite-manager';

/** 教育局 · 邀请码：为本区学校的校长、学区的学区长创建邀请码，查看使用情况，撤销未使用的邀请码。 */
export default function BureauInvitesPage() {
  return <InviteManager />;
}
