import { z } from 'zod';
import { entityId, freeText } from './fields';
import type { PolicyDocument, PolicyHit, PolicyMeta } from '../domain/policy-search';

/** `school` actions about the policy documents (政策文件) the product comes from. */
export const policyInputs = {
  /** The documents; with `q` (words separated by spaces, all must occur in one paragraph) also the hits. */
  listPolicies: z.object({ q: freeText('q', '搜索词', 40).optional() }).strict(),
  getPolicy: z.object({ policyId: entityId('policyId', '文件编号') }).strict(),
};

/** A document in the list: its metadata, and how many hits it has when a query was given. */
export interface PolicySummaryView extends PolicyMeta {
  /** Hits of the query in this document; null without a query. */
  hitCount: number | null;
}

/** A hit with the title of its document and the heading of its section, for the result list. */
export interface PolicyHitView extends PolicyHit {
  title: string;
  /** The heading of the section the hit is in (null for the title or a section without heading). */
  sectionHeading: string | null;
}

export interface PolicyListResult {
  documents: PolicySummaryView[];
  /** The query as used (trimmed); null without one (or when it held nothing to search). */
  q: string | null;
  /** Normalised words of the query. */
  terms: string[];
  /** Ranked hits (title hits first, then by how often the words occur), at most MAX_POLICY_HITS. */
  hits: PolicyHitView[];
  /** All hits, also those beyond the list. */
  totalHits: number;
}

/** The most hits listPolicies returns. */
export const MAX_POLICY_HITS = 50;

export type PolicyView = PolicyDocument;

export interface PolicyOutputs {
  listPolicies: PolicyListResult;
  getPolicy: PolicyView;
}
