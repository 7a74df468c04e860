import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveRuleFile, type EnrolmentRuleFile, type EnrolmentRuleSet } from '@/domain/enrolment';

export const RULE_FILE = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../data/enrolment-rules.json'), 'utf8'),
) as EnrolmentRuleFile;
export const RULE_SETS = resolveRuleFile(RULE_FILE);

export const ruleSet = (districtCode: string, stage: 'primary' | 'middle'): EnrolmentRuleSet =>
  RULE_SETS.find((s) => s.districtCode === districtCode && s.stage === stage && s.schoolYear === 2026)!;

/** The seed documents, when this checkout sits beside ../shared/seeds (the policy documents). */
const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/seeds');
export const seedText = (seed: string): string | null => {
  if (!existsSync(SEEDS_DIR)) return null;
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${seed}_`));
  return file ? readFileSync(path.join(SEEDS_DIR, file), 'utf8') : null;
};

/** 2026-11-23 10:00 in Shanghai: the 2026 school year, asking about the autumn 2027 intake. */
export const NOW = Date.parse('2026-11-23T02:00:00Z');
export const ZONE = 'Asia/Shanghai';
