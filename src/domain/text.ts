/**
 * Normalises what people type: full-width letters, digits and spaces to half-width, all whitespace
 * removed, the middle dot variants unified (七中教育集团·东局子学校 is typed with ・, • or nothing).
 */
export function normalizeText(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[·・•‧]/g, '')
    .toLowerCase();
}

/** Items whose name contains the query (after normalisation), exact matches first. */
export function searchByName<T extends { name: string }>(items: readonly T[], query: string, limit = 20): T[] {
  const q = normalizeText(query);
  if (!q) return [];
  const hits = items.filter((i) => normalizeText(i.name).includes(q));
  return hits.sort((a, b) => Number(normalizeText(b.name) === q) - Number(normalizeText(a.name) === q)).slice(0, limit);
}
