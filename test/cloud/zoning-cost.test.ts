import { useTestApp } from '../helpers/local-app';
import { readStoredFile } from '../../local/runtime';
import type { ZoningMatch } from '@/domain/zoning-match';
import { bumpReference, huzhuSchoolId, storedZoningRule } from '../helpers/zoning-rules';

/**
 * What a lookup and a school profile cost in database requests does not grow with the district's rules:
 * the same questions, cold (a reference write reloads every warm instance), with 1,000 and with 20,000
 * stored rules filed under their keys as the import files them. The export reads every rule in parallel
 * pages, all of them, never cut.
 */
const app = useTestApp();
const store = () => app.cloud.store;
const BUREAU = 'o-local-hd-bureau';

async function cost(fn: string, input: Record<string, unknown>, openid: string | null = null) {
  const ctx = openid ? { OPENID: openid, APPID: 'wx-test' } : null;
  const { result, roundTrips, sequentialTrips } = (await app.cloud.invoke(fn, input, ctx)) as {
    result: any;
    roundTrips: number;
    sequentialTrips: number;
  };
  expect({ input, ok: result.ok, code: result.code }).toEqual({ input, ok: true, code: undefined });
  return { data: result.data, requests: roundTrips, sequential: sequentialTrips };
}

let stored = 0;
/** Rules of an earlier year on roads, 小区 and 社区 no question here names; one on the asked road per thousand. */
function addRules(upTo: number): void {
  const schoolId = huzhuSchoolId(store());
  const docs = [];
  for (let i = stored; i < upTo; i++) {
    const kind = i % 3;
    const match: ZoningMatch =
      i % 1000 === 0
        ? { kind: 'road', road: '互助道', side: 'all', from: 1, to: 99999 }
        : kind === 0
          ? { kind: 'road', road: `测试${i}路`, side: 'odd', from: 1, to: 99 }
          : kind === 1
            ? { kind: 'estate', name: `规模${i}小区`, aliases: [] }
            : { kind: 'community', communityCode: `9${String(i).padStart(11, '0')}` };
    docs.push(storedZoningRule(`zr-cost-${String(i).padStart(6, '0')}`, 2024, match, schoolId, `示例数据：规则${i}`));
  }
  store().insertMany('zoning_rules', docs);
  store().analyze();
  stored = upTo;
  bumpReference(store());
}

const QUESTIONS: Array<[string, Record<string, unknown>]> = [
  ['school', { action: 'lookup', districtCode: '120102', address: '河东区互助道15号3门' }],
  ['school', { action: 'lookup', districtCode: '120102', communityCode: '120102001001', address: '互助道15号' }],
  [
    'school',
    {
      action: 'lookup',
      districtCode: '120102',
      streetCode: '120102005',
      address: '友爱道15号',
      schoolName: '互助道小学',
    },
  ],
  ['school', { action: 'getSchool', schoolId: 'hd-s05' }],
];

async function costs() {
  const out: Array<{ requests: number; sequential: number }> = [];
  for (const [fn, input] of QUESTIONS) {
    bumpReference(store()); // each question cold
    const { requests, sequential } = await cost(fn, input);
    out.push({ requests, sequential });
  }
  return out;
}

it('lookups and the school profile cost the same requests with 1,000 and with 20,000 rules, in a few rounds', async () => {
  addRules(1000);
  const small = await costs();
  const history = (await cost('school', QUESTIONS[0][1])).data.history;
  addRules(20_000);
  const large = await costs();
  expect(large).toEqual(small);
  for (const c of large) expect(c.sequential).toBeLessThanOrEqual(6);
  // The asked road's rules of 2024 were read (20 of them now): the history shows that year.
  expect(history.map((h: any) => h.schoolYear)).toContain(2024);
  const after = (await cost('school', QUESTIONS[0][1])).data.history;
  expect(after.find((h: any) => h.schoolYear === 2024).schools.primary).toEqual(['互助道小学']);
}, 300_000);

it('the export reads every rule, in parallel pages: a few rounds for 20,000 rules, never cut', async () => {
  const total = store().count('zoning_rules', { districtCode: '120102' });
  expect(total).toBeGreaterThanOrEqual(20_000);
  const { data, sequential, requests } = await cost(
    'admin',
    { action: 'exportTable', table: 'zoning', format: 'csv' },
    BUREAU,
  );
  expect(data.rows).toBe(total);
  // Over the inline size: the CSV comes as a file in cloud storage, complete.
  const csv = readStoredFile(data.fileID)!.toString('utf8');
  expect(csv.split('\n').filter((l: string) => l.includes('示例数据：规则')).length).toBe(20_000);
  // 21 pages of 1000 and a count: in sequence that was 22 requests.
  expect(requests).toBeGreaterThanOrEqual(22);
  expect(sequential).toBeLessThanOrEqual(8);
}, 300_000);
