import { ROLE_LABELS, type Role } from '../src/domain/roles';
import type { SeedDocs } from '../tools/seed-data';

export interface Persona {
  id: string;
  openid: string;
  label: string;
  roles: Role[];
  districtCode: string | null;
}

/** The anonymous parent needs no account: any OPENID without a bound user is a parent. */
const PARENT: Persona = {
  id: 'parent',
  openid: 'o-local-parent',
  label: '家长（示例）',
  roles: ['parent'],
  districtCode: null,
};

/** A bound account (a users document) as a sign-in identity; its id is the persona key, else the OPENID. */
export function personaOf(user: Record<string, unknown> & { _id: string }): Persona {
  const roles = user.roles as Role[];
  return {
    id: typeof user.persona === 'string' ? user.persona : user._id,
    openid: user._id,
    label: `${roles.map((r) => ROLE_LABELS[r]).join('·')}：${String(user.name)}`,
    roles,
    districtCode: (user.districtCode as string | null) ?? null,
  };
}

/** Personas are the seeded sample users plus the parent; the gateway lets the H5 demo sign in as one. */
export function personasFrom(seed: SeedDocs): Persona[] {
  return [PARENT, ...seed.users.map(personaOf)];
}
