import type { Access } from '../src/contracts/access';

/** The demo seed's personas the benches call as. */
export const OPENID = {
  parent: 'o-local-parent',
  teacher: 'o-local-hd-teacher',
  principal: 'o-local-hd-principal',
  xuequzhang: 'o-local-hd-xuequzhang',
  bureau: 'o-local-hd-bureau',
} as const;

/** A caller the door lets through: the first role the access matrix names (public and signed-in: a parent). */
export function firstCaller(access: Access): string {
  if (access === 'public' || access === 'signed-in') return OPENID.parent;
  return OPENID[access[0]];
}
