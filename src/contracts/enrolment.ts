import { z } from 'zod';
import { districtCode, schoolYear } from './fields';

/** `school` actions about enrolment rules (招生政策) per district and school year. */
export const enrolmentInputs = {
  enrolmentRules: z.object({ districtCode, schoolYear: schoolYear.optional() }).strict(),
};

export interface EnrolmentOutputs {
  enrolmentRules: unknown;
}
