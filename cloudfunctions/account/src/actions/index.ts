import type { ActionTable } from '@/server/handler';
import { accountInputs, type AccountOutputs } from '@/contracts/account';
import { me } from './me';
import { bind } from './bind';

export const accountActions: ActionTable<typeof accountInputs, AccountOutputs> = {
  me: { input: accountInputs.me, run: me },
  bind: { input: accountInputs.bind, run: bind },
};
