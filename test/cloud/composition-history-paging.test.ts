import { useTestApp } from '../helpers/local-app';
import { callsOf } from '../helpers/calls';

// Issue 13 item 3: a 学区's composition history grows by one version per edit; it pages by an opaque
// cursor, newest first, each version still saying what changed from the one before it.
const app = useTestApp();
const { call, ok } = callsOf(() => app);
const BUREAU = 'o-local-hd-bureau';

describe('admin.compositionHistory pages', () => {
  beforeAll(() => {
    // 45 yearly versions of one 学区 (示例数据), renamed each year, put in the store as past edits would.
    const base = app.cloud.store.find('xuequ', { _id: 'hd-x2@2020-05-21' })[0];
    const year = (i: number) => `${1980 + i}-09-01`;
    app.cloud.store.insert(
      'xuequ',
      Array.from({ length: 45 }, (_x, i) => ({
        ...base,
        _id: `hd-xh@${year(i)}`,
        xuequId: 'hd-xh',
        name: `示例学区${i}`,
        effectiveFrom: year(i),
        effectiveTo: i === 44 ? null : year(i + 1),
      })),
    );
  });

  it('20 a page, newest first, all 45 once, with the change from the version before', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('admin', 'compositionHistory', { xuequId: 'hd-xh', ...(cursor ? { cursor } : {}) }, BUREAU);
      expect(page.name).toBe('示例学区44');
      seen.push(...page.versions.map((v: { versionId: string }) => v.versionId));
      sizes.push(page.versions.length);
      cursor = page.next ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen).toEqual(Array.from({ length: 45 }, (_x, i) => `hd-xh@${1980 + 44 - i}-09-01`));
    const second = await ok('admin', 'compositionHistory', { xuequId: 'hd-xh', limit: 1 }, BUREAU);
    const next = await ok('admin', 'compositionHistory', { xuequId: 'hd-xh', limit: 1, cursor: second.next }, BUREAU);
    expect(next.versions[0]).toMatchObject({ versionId: 'hd-xh@2023-09-01', statusLabel: '已失效' });
    expect(next.versions[0].changes.join('')).toContain('示例学区42');
  });

  it('refuses a forged cursor naming the field', async () => {
    const forged = Buffer.from(JSON.stringify(['2020-01-01', { $gt: '' }]))
      .toString('base64')
      .replace(/=+$/, '');
    expect(await call('admin', 'compositionHistory', { xuequId: 'hd-xh', cursor: forged }, BUREAU)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'cursor',
    });
  });
});
