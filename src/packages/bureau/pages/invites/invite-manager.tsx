import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CreatedInvite, InviteView } from '@/contracts/admin-accounts';
import { INVITE_ROLE_LABELS, type InviteRole } from '@/domain/invite';
import { useCall } from '@/hooks/use-call';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/call';
import { newRequestId } from '@/services/request-id';
import { busyIf, disabledIf } from '@/components/busy-props';
import StatusView from '@/components/status-view';
import './invite-manager.scss';
import { TEXT_MAX } from '@/contracts/fields';

/**
 * 邀请码 for the bureau (principals and 学区长 of its district) and for principals (teachers of their
 * school): what the caller may create comes from listInvites' scope. A new code is shown once.
 */
export default function InviteManager() {
  const list = useCall('admin', 'listInvites', {});
  const action = useAction();
  const [role, setRole] = useState<InviteRole | null>(null);
  const [xuequId, setXuequId] = useState<string | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [note, setNote] = useState('');
  /** A principal may invite a teacher of the bureau's roster: the account is then linked by 工号. */
  const [staffNo, setStaffNo] = useState<string | null>(null);
  const [rosterFilter, setRosterFilter] = useState('');
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  if (list.loading && !list.data) return <StatusView loading />;
  if (!list.data) return <StatusView error={list.error} onRetry={list.reload} />;
  const { scope, invites } = list.data;
  const chosenRole = role ?? scope.roles[0];
  const xuequ = scope.xuequ.find((x) => x.id === xuequId) ?? null;
  const own = scope.as === 'principal' ? scope.schools[0] : null;
  const candidates = scope.schools
    .filter((s) => (chosenRole === 'xuequzhang' ? (xuequ?.schoolIds.includes(s.id) ?? false) : true))
    .filter((s) => !filter || s.name.includes(filter.trim()));
  const school = own?.id ?? schoolId;
  const ready = school !== null && (chosenRole !== 'xuequzhang' || xuequ !== null);
  const wanted = rosterFilter.trim();
  const rosterPicks = scope.roster
    .filter((t) => !wanted || t.name.includes(wanted) || t.staffNo.includes(wanted))
    .slice(0, 60);

  const create = () =>
    action.run('create', async () => {
      const input = {
        requestId: newRequestId(),
        role: chosenRole,
        schoolId: school!,
        ...(chosenRole === 'xuequzhang' ? { xuequId: xuequ!.id } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(chosenRole === 'teacher' && staffNo ? { staffNo } : {}),
      };
      setCreated(await call('admin', 'createInvite', input));
      setNote('');
      setStaffNo(null);
      await list.reload();
    });
  const revoke = (inv: InviteView) =>
    action.run(inv.id, async () => {
      await call('admin', 'revokeInvite', { id: inv.id });
      setConfirming(null);
      await list.reload();
    });
  const copy = (code: string) => void Taro.setClipboardData({ data: code }).catch(() => undefined);

  return (
    <View className="invites">
      <Text className="invites__title">创建邀请码</Text>
      <View className="invites__card">
        <Text className="invites__label">邀请身份</Text>
        <View className="invites__chips">
          {scope.roles.map((r) => (
            <Text
              key={r}
              data-testid={`role-${r}`}
              className={`invites__chip ${r === chosenRole ? 'invites__chip--on' : ''}`}
              onClick={() => {
                setRole(r);
                setSchoolId(null);
              }}
            >
              {INVITE_ROLE_LABELS[r]}
            </Text>
          ))}
        </View>
        {chosenRole === 'xuequzhang' && (
          <>
            <Text className="invites__label">学区</Text>
            <View className="invites__chips">
              {scope.xuequ.map((x) => (
                <Text
                  key={x.id}
                  data-testid={`xuequ-${x.id}`}
                  className={`invites__chip ${x.id === xuequId ? 'invites__chip--on' : ''}`}
                  onClick={() => {
                    setXuequId(x.id);
                    setSchoolId(null);
                  }}
                >
                  {x.name}
                </Text>
              ))}
            </View>
          </>
        )}
        <Text className="invites__label">学校</Text>
        {own ? (
          <Text className="invites__line">{own.name}（本校）</Text>
        ) : (
          <>
            <Input
              className="invites__input"
              data-testid="school-filter"
              value={filter}
              placeholder="输入校名筛选"
              onInput={(e) => setFilter(e.detail.value)}
            />
            <View className="invites__chips">
              {candidates.length === 0 && (
                <Text className="invites__hint">
                  {chosenRole === 'xuequzhang' && !xuequ ? '请先选择学区' : '没有匹配的学校'}
                </Text>
              )}
              {candidates.map((s) => (
                <Text
                  key={s.id}
                  data-testid={`school-${s.id}`}
                  className={`invites__chip ${s.id === schoolId ? 'invites__chip--on' : ''}`}
                  onClick={() => setSchoolId(s.id)}
                >
                  {s.name}
                </Text>
              ))}
            </View>
          </>
        )}
        {chosenRole === 'teacher' && scope.roster.length > 0 && (
          <>
            <Text className="invites__label">从教师名册选择（可不选；选中后账号与名册按工号关联）</Text>
            <Input
              className="invites__input"
              data-testid="roster-filter"
              value={rosterFilter}
              placeholder="输入姓名或工号筛选"
              onInput={(e) => setRosterFilter(e.detail.value)}
            />
            <View className="invites__chips">
              {rosterPicks.map((t) => (
                <Text
                  key={t.staffNo}
                  data-testid={`roster-${t.staffNo}`}
                  className={`invites__chip ${t.staffNo === staffNo ? 'invites__chip--on' : ''}`}
                  onClick={() => {
                    const on = t.staffNo !== staffNo;
                    setStaffNo(on ? t.staffNo : null);
                    setNote(on ? t.name : '');
                  }}
                >
                  {t.name}（{t.staffNo}）{t.key ? ' 骨干' : ''}
                  {t.invited ? ' · 已邀请' : ''}
                </Text>
              ))}
              {rosterPicks.length === 0 && <Text className="invites__hint">名册中没有匹配的教师</Text>}
            </View>
          </>
        )}
        <Text className="invites__label">受邀人姓名或备注（将作为账号名称，可不填）</Text>
        <Input
          className="invites__input"
          data-testid="invite-note"
          value={note}
          maxlength={TEXT_MAX.inviteNote}
          placeholder="例如：张校长"
          onInput={(e) => setNote(e.detail.value)}
        />
        <Text className="invites__hint">有效期7天（至第7天北京时间23:59），只能绑定一次。</Text>
        {action.error && (
          <Text className="invites__error" data-testid="invite-error">
            {action.error}
          </Text>
        )}
        <Button
          className="invites__submit"
          type="primary"
          data-testid="create-invite"
          {...busyIf(action.busy === 'create')}
          {...disabledIf(!ready)}
          onClick={() => void create()}
        >
          生成邀请码
        </Button>
      </View>

      {created?.code && (
        <View className="invites__card invites__once" data-testid="invite-created">
          <Text className="invites__label">
            {created.invite.roleLabel} · {created.invite.school.name}
            {created.invite.note ? ` · ${created.invite.note}` : ''}
          </Text>
          <Text className="invites__code" data-testid="invite-code" userSelect>
            {created.code}
          </Text>
          <Text className="invites__hint">
            邀请码只显示这一次，请立即复制并发给对方；有效至 {created.invite.expiresAt}。对方在小程序“我的 →
            绑定身份”中输入。
          </Text>
          <Button size="mini" data-testid="copy-code" onClick={() => copy(created.code!)}>
            复制邀请码
          </Button>
        </View>
      )}

      <Text className="invites__title">已创建的邀请码</Text>
      <StatusView error={list.error} onRetry={list.reload} empty={invites.length === 0} emptyText="还没有创建邀请码" />
      {invites.map((inv) => (
        <View key={inv.id} className="invites__item" data-testid={`invite-${inv.id}`}>
          <View className="invites__item-head">
            <Text>
              {inv.roleLabel} · {inv.school.name}
              {inv.xuequ ? ` · ${inv.xuequ.name}` : ''}
            </Text>
            <Text className={`invites__status invites__status--${inv.status}`} data-testid="invite-status">
              {inv.statusLabel}
            </Text>
          </View>
          <Text className="invites__line">
            {inv.maskedCode}
            {inv.note ? ` · ${inv.note}` : ''}
            {inv.staffNo ? ` · 工号 ${inv.staffNo}` : ''}
          </Text>
          <Text className="invites__line">
            创建 {inv.createdAt} · 有效至 {inv.expiresAt}
          </Text>
          {inv.usedAt && (
            <Text className="invites__line">
              {inv.usedByName ?? '对方'} 于 {inv.usedAt} 绑定
            </Text>
          )}
          {inv.revokedAt && <Text className="invites__line">于 {inv.revokedAt} 撤销</Text>}
          {inv.revocable &&
            (confirming === inv.id ? (
              <View className="invites__row">
                <Button
                  size="mini"
                  type="warn"
                  data-testid={`confirm-revoke-${inv.id}`}
                  {...busyIf(action.busy === inv.id)}
                  onClick={() => void revoke(inv)}
                >
                  确认撤销
                </Button>
                <Button size="mini" onClick={() => setConfirming(null)}>
                  取消
                </Button>
              </View>
            ) : (
              <Text className="invites__link" data-testid={`revoke-${inv.id}`} onClick={() => setConfirming(inv.id)}>
                撤销
              </Text>
            ))}
        </View>
      ))}
    </View>
  );
}
