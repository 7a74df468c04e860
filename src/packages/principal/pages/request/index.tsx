import { useRouter } from '@tarojs/taro';
import { ApprovalDetailById } from '@/components/approval-detail';

/** 申请详情 for the approver: checks, steps, trail, and the decision. */
export default function RequestPage() {
  return <ApprovalDetailById id={useRouter().params.id ?? null} />;
}
