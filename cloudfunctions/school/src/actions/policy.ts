import type { ActionRuns } from '@/server/handler';
import { MAX_POLICY_HITS, type policyInputs, type PolicyListResult, type PolicyOutputs } from '@/contracts/policy';
import { notFound } from '@/server/errors';
import { parseQuery, searchPolicies, type PolicyDocument } from '@/domain/policy-search';
// Static text, bundled into this function by esbuild (~60 KB); never into the mini-program.
import policies from '../../../../data/policies.json';

const DOCUMENTS: readonly PolicyDocument[] = (policies as { documents: PolicyDocument[] }).documents;
const BY_ID = new Map(DOCUMENTS.map((d) => [d.id, d]));

export function listPolicies(input: { q?: string }): PolicyListResult {
  const q = input.q?.trim() ?? '';
  const terms = parseQuery(q);
  const hits = terms.length ? searchPolicies(DOCUMENTS, q) : [];
  const perDocument = new Map<string, number>();
  for (const h of hits) perDocument.set(h.policyId, (perDocument.get(h.policyId) ?? 0) + 1);
  return {
    documents: DOCUMENTS.map(({ sections: _sections, ...meta }) => ({
      ...meta,
      hitCount: terms.length ? (perDocument.get(meta.id) ?? 0) : null,
    })),
    q: terms.length ? q : null,
    terms,
    hits: hits.slice(0, MAX_POLICY_HITS).map((h) => {
      const doc = BY_ID.get(h.policyId)!;
      return {
        ...h,
        title: doc.title,
        sectionHeading: h.place.kind === 'title' ? null : doc.sections[h.place.section].heading,
      };
    }),
    totalHits: hits.length,
  };
}

export function getPolicy(input: { policyId: string }): PolicyDocument {
  const doc = BY_ID.get(input.policyId);
  if (!doc) throw notFound('该政策文件');
  return doc;
}

export const policyRuns: ActionRuns<typeof policyInputs, PolicyOutputs> = {
  listPolicies: async (input) => listPolicies(input),
  getPolicy: async (input) => getPolicy(input),
};
