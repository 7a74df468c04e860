import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS, INDEXES } from '@/contracts/collections';
import { applySpec, consoleSteps, databaseSpec, readDatabaseFile } from '../../tools/deploy-db';
import { bureauDocument, parseArgs } from '../../tools/setup-first-bureau';
import { startLocalApp } from '../../local/app';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const run = (args: string[]) => spawnSync(tsx, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TCB_SECRET_ID: '', TCB_SECRET_KEY: '', TCB_ENV_ID: '' } });

describe('deploy/database.json', () => {
  const file = readDatabaseFile();

  it('is what tools/deploy-db.ts --write generates from collections.ts (run it after changing INDEXES)', () => {
    expect(file).toEqual(databaseSpec());
  });

  it('declares every collection once, with one ascending index per INDEXES field', () => {
    expect(file.collections.map((c) => c.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
    for (const c of file.collections) {
      expect(c.indexes.map((i) => i.keys.map((k) => k.field))).toEqual(INDEXES[c.name].map((f) => [f]));
      expect(c.indexes.every((i) => i.keys.every((k) => k.direction === 1))).toBe(true);
    }
  });

  it('turns client access off for every collection', () => {
    for (const c of file.collections) {
      expect(c.acl).toBe('ADMINONLY');
      expect(c.rule).toEqual({ read: false, write: false });
    }
  });
});

describe('tools/deploy-db.ts', () => {
  it('prints the console steps for every collection and index', () => {
    const out = run(['tools/deploy-db.ts']);
    expect(out.status).toBe(0);
    for (const c of readDatabaseFile().collections) {
      expect(out.stdout).toContain(`添加集合：名称 ${c.name}`);
      for (const ix of c.indexes) expect(out.stdout).toMatch(new RegExp(`添加索引：名称 ${ix.name}，非唯一，字段 ${ix.keys[0].field} 升序`));
    }
    expect(out.stdout.match(/仅管理端可读写/g)).toHaveLength(Object.keys(COLLECTIONS).length);
  });

  it('--apply without @cloudbase/manager-node or credentials prints the steps and fails', () => {
    const out = run(['tools/deploy-db.ts', '--apply']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('TCB_SECRET_ID');
    expect(out.stdout).toContain('添加集合：名称 users');
  });

  it('applies collections, missing indexes and the ADMINONLY permission through the manager API', async () => {
    const calls: string[] = [];
    const manager = {
      database: {
        createCollectionIfNotExists: async (n: string) => void calls.push(`create ${n}`),
        checkIndexExists: async (n: string, ix: string) => ({ Exists: n === 'users' && ix === 'roles_1' }),
        updateCollection: async (n: string, info: { CreateIndexes: any[] }) => void calls.push(`index ${n}.${info.CreateIndexes[0].IndexName} ${JSON.stringify(info.CreateIndexes[0].MgoKeySchema)}`),
      },
      commonService: () => ({ call: async (req: { Action: string; Param: Record<string, unknown> }) => void calls.push(`${req.Action} ${req.Param.CollectionName} ${req.Param.AclTag}`) }),
    };
    await applySpec(manager, 'env-1', readDatabaseFile(), () => undefined);
    expect(calls).toContain('create invites');
    expect(calls).toContain('index invites.codeHash_1 {"MgoIsUnique":false,"MgoIndexKeys":[{"Name":"codeHash","Direction":"1"}]}');
    // users.roles_1 exists already: only the missing users index is created.
    expect(calls.filter((c) => c.startsWith('index users.'))).toEqual(['index users.districtCode_1 {"MgoIsUnique":false,"MgoIndexKeys":[{"Name":"districtCode","Direction":"1"}]}']);
    expect(calls.filter((c) => c.startsWith('ModifyDatabaseACL'))).toHaveLength(Object.keys(COLLECTIONS).length);
    expect(consoleSteps(readDatabaseFile()).join('\n')).toContain('invite_audit');
  });
});

describe('tools/setup-first-bureau.ts', () => {
  it('needs an openid and a 6-digit district, and makes a bureau document keyed by the OPENID', () => {
    expect(() => parseArgs(['--district', '120102'])).toThrow('OPENID');
    expect(() => parseArgs(['--openid', 'oAbc123456', '--district', '12'])).toThrow('区县代码');
    expect(bureauDocument(parseArgs(['--openid', 'oAbc123456', '--district', '120102', '--name', '区教育局管理员']))).toEqual({
      _id: 'oAbc123456', roles: ['bureau'], name: '区教育局管理员', districtCode: '120102', schoolId: null, xuequId: null,
    });
  });

  it('prints the document for the console, and with --local writes it so the account can invite', async () => {
    const printed = run(['tools/setup-first-bureau.ts', '--openid', 'oFirstBureau01', '--district', '120102', '--name', '区教育局管理员']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('"_id": "oFirstBureau01"');

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xuequ-setup-'));
    await (await startLocalApp({ dataDir, port: 0, staticDir: null })).close(); // seeds the store
    const local = run(['tools/setup-first-bureau.ts', '--openid', 'oFirstBureau01', '--district', '120102', '--name', '区教育局管理员', '--local', '--data-dir', dataDir]);
    expect(local.stderr).toBe('');
    expect(local.stdout).toContain('已写入本地 users/oFirstBureau01');
    const app = await startLocalApp({ dataDir, port: 0, staticDir: null });
    try {
      const who = { OPENID: 'oFirstBureau01', APPID: 'wx-test' };
      expect(((await app.cloud.invoke('account', { action: 'me' }, who)).result as any).data).toMatchObject({ roles: ['bureau'], openid: 'oFirstBureau01', districtCode: '120102' });
      const created = (await app.cloud.invoke('admin', { action: 'createInvite', requestId: 'setup-inv-0001', role: 'principal', schoolId: 'hd-s09' }, who)).result as any;
      expect(created.ok).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
