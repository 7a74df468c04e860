import { createHash, randomBytes } from 'node:crypto';
import { COLLECTIONS } from '@/contracts/collections';
import { generateCode, type Invite } from '@/domain/invite';
import type { Role } from '@/domain/roles';
import type { Tx, TxDoc } from '../cloud';
import { fetchAll, fetchById } from './query';

/** What the audit records: who created, bound or revoked which invite, when. One entry per event. */
export interface InviteAuditEntry {
  _id: string;
  inviteId: string;
  event: 'created' | 'bound' | 'revoked';
  by: string;
  at: number;
  districtCode: string;
  schoolId: string;
  roles: Role[];
}

/** SHA-256 (hex) of a normalized code: what is stored and looked up. */
export const hashCode = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');

/** A fresh code from the platform's cryptographic randomness. */
export const newCode = (): string => generateCode((n) => randomBytes(n));

export const getInvite = (id: string) => fetchById<Invite>(COLLECTIONS.invites, id);

export async function findInviteByHash(codeHash: string): Promise<Invite | null> {
  const [found] = await fetchAll<Invite>(COLLECTIONS.invites, { codeHash }, 1);
  return found ?? null;
}

export const invitesOfDistrict = (districtCode: string) => fetchAll<Invite>(COLLECTIONS.invites, { districtCode });
export const teacherInvitesOfSchool = (schoolId: string) =>
  fetchAll<Invite>(COLLECTIONS.invites, { schoolId, role: 'teacher' });
export const auditOf = (inviteId: string) => fetchAll<InviteAuditEntry>(COLLECTIONS.inviteAudit, { inviteId });

/** doc().get() rejects for a missing document outside a transaction and yields null inside one. */
export async function readOrNull<T>(ref: TxDoc): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (err) {
    const text =
      typeof err === 'string' ? err : `${(err as { errMsg?: string })?.errMsg ?? ''} ${(err as Error)?.message ?? ''}`;
    if (/does not exist/.test(text)) return null;
    throw err;
  }
}

/** Writes the audit entry of an event inside the caller's transaction (its id makes it once-only). */
export async function auditInTransaction(
  tx: Tx,
  invite: Invite,
  event: InviteAuditEntry['event'],
  by: string,
  at: number,
): Promise<void> {
  const entry: Omit<InviteAuditEntry, '_id'> = {
    inviteId: invite._id,
    event,
    by,
    at,
    districtCode: invite.districtCode,
    schoolId: invite.schoolId,
    roles: invite.roles,
  };
  await tx.collection(COLLECTIONS.inviteAudit).doc(`${invite._id}-${event}`).set({ data: entry });
}
