import { actionTable } from '@/server/handler';
import { accountInputs, type AccountOutputs } from '@/contracts/account';
import { me } from './me';
import { bind } from './bind';

export const accountActions = actionTable<typeof accountInputs, AccountOutputs>(accountInputs, {
  me,
  bind,
});
