import { Text } from '@tarojs/components';
import type { ApprovalSummary } from '@/contracts/approval';
import './index.scss';

/** Where the request stands, as the one who asked needs it: what is asked of them first. */
const forRequester = (r: ApprovalSummary) =>
  r.status === 'returned'
    ? '审批人请您修改，点开后可修改并重新提交'
    : r.waitingFor
      ? `等待${r.waitingFor}`
      : r.updatedAt;

/**
 * One approval request in a list: type and status, the one-line summary, and a line saying where it
 * stands. Deciders (the principal's inbox, the bureau) see who asked and when, whom it waits for, and
 * 无人审批 / 超时 as a warning flag; the requester sees what is asked of them and that the request went
 * to the bureau.
 */
export default function RequestSummary({
  request: r,
  viewer,
}: {
  request: ApprovalSummary;
  viewer: 'decider' | 'requester';
}) {
  const requester = viewer === 'requester';
  return (
    <>
      <Text className="request-summary__head">
        {r.typeLabel} · {r.statusLabel}
        {r.escalation &&
          (requester ? (
            ` · ${r.escalation.label}，已转教育局`
          ) : (
            <Text className="request-summary__flag" data-testid={`flag-${r.id}`}>
              {' '}
              {r.escalation.label}
            </Text>
          ))}
      </Text>
      <Text className="request-summary__line">{r.summary}</Text>
      <Text className="request-summary__meta">
        {requester
          ? forRequester(r)
          : `${r.requesterName} · ${r.updatedAt}${r.waitingFor ? ` · 等待${r.waitingFor}` : ''}`}
      </Text>
    </>
  );
}
