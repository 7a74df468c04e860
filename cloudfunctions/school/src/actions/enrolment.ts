import type { ActionTable } from '../../../../src/server/handler';
import { enrolmentInputs, type EnrolmentOutputs } from '../../../../src/contracts/enrolment';
import { notFound } from '../../../../src/server/errors';

export const enrolmentActions: ActionTable<typeof enrolmentInputs, EnrolmentOutputs> = {
  enrolmentRules: {
    input: enrolmentInputs.enrolmentRules,
    access: 'public',
    run: async () => {
      throw notFound('招生规则');
    },
  },
};
