/**
 * Seam contract: fails loudly when an SDK upgrade moves the place the local runtime hooks into.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLocalCloud, seamStatus } from '../../local/runtime';
import { CODE } from '../../local/runtime/errors';
import { LocalReq } from '../../local/runtime/transport';
import { FIXTURES, openCloud, rejection, sdk, tmpDbFile, type Loose } from './helpers';

const dirOf = (request: string, from: string): string => {
  const file = require.resolve(request, { paths: [from] });
  return file.slice(0, file.lastIndexOf(`node_modules${path.sep}${request}`) + `node_modules/${request}`.length);
};
const wxDir = dirOf('wx-server-sdk', __dirname);
const nodeSdkDir = dirOf('@cloudbase/node-sdk', wxDir);
const databaseDir = dirOf('@cloudbase/database', nodeSdkDir);
const dbSource = (file: string): string => fs.readFileSync(path.join(databaseDir, 'dist', 'commonjs', file), 'utf8');

describe('seam contract', () => {
  test('the pinned versions are the ones this runtime was written against', () => {
    const version = (dir: string): string =>
      JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    expect([version(wxDir), version(nodeSdkDir), version(databaseDir)]).toEqual(['4.0.2', '3.17.2', '1.4.3']);
  });

  test('@cloudbase/database builds every request from Db.reqClass, and node-sdk assigns it', () => {
    for (const file of ['query.js', 'document.js', 'aggregate.js', 'transaction/index.js']) {
      expect({ file, usesReqClass: /new index_1\.Db\.reqClass\(/.test(dbSource(file)) }).toEqual({
        file,
        usesReqClass: true,
      });
    }
    const newDb = fs.readFileSync(path.join(nodeSdkDir, 'dist', 'database', 'index.js'), 'utf8');
    expect(newDb).toMatch(/database_1\.Db\.reqClass = /);
  });

  test('runTransaction still retries on the code our conflicts carry', () => {
    expect(dbSource('transaction/index.js')).toMatch(
      /error\.code === code_1\.ERRORS\.DATABASE_TRANSACTION_CONFLICT\.code/,
    );
    const { ERRORS } = require(path.join(databaseDir, 'dist', 'commonjs', 'const', 'code.js'));
    expect(ERRORS.DATABASE_TRANSACTION_CONFLICT.code).toBe(CODE.TX_CONFLICT);
  });

  test('getWXContext still reads the identity from process.env', () => {
    const src = fs.readFileSync(path.join(wxDir, 'index.js'), 'utf8');
    expect(src).toMatch(/process\.env\.WX_CONTEXT_KEYS\.split\(','\)/);
  });

  test('the pin holds after cloud.database() and every request reaches LocalReq', async () => {
    const rt = openCloud();
    const send = jest.spyOn(LocalReq.prototype, 'send');
    try {
      const { Db } = require(path.join(databaseDir, 'dist', 'commonjs', 'index.js'));
      const before = seamStatus().reqClassAssignments;
      const db = sdk().database();
      expect(seamStatus().reqClassAssignments).toBeGreaterThan(before); // node-sdk still assigns it…
      expect(Db.reqClass).toBe(LocalReq); // …and the assignment did not take
      await db.collection('users').count();
      expect(send).toHaveBeenCalledWith(
        'database.calculateDocument',
        expect.objectContaining({ collectionName: 'users' }),
        {},
      );
    } finally {
      send.mockRestore();
      rt.close();
    }
  });

  test('a second copy of @cloudbase/database under the functions root is pinned too', () => {
    const root = fs.mkdtempSync(path.join(__dirname, '.tmp-copy-'));
    try {
      const copy = path.join(root, 'somefn', 'node_modules', '@cloudbase', 'database');
      fs.cpSync(databaseDir, copy, { recursive: true });
      const rt = createLocalCloud({ dbFile: tmpDbFile(), functionsRoot: root });
      try {
        const second = require(path.join(copy, 'dist', 'commonjs', 'index.js'));
        const first = require(path.join(databaseDir, 'dist', 'commonjs', 'index.js'));
        expect(second.Db).not.toBe(first.Db);
        expect(seamStatus().databaseCopies).toContain(fs.realpathSync(copy));
        second.Db.reqClass = class Network {};
        expect(second.Db.reqClass).toBe(LocalReq);
      } finally {
        rt.close();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('every install wraps the SDK’s own Query methods once: a copy kept loaded refuses with the current install’s error', async () => {
    openCloud().close();
    const rt = openCloud();
    try {
      const { Query } = require(path.join(databaseDir, 'dist', 'commonjs', 'index.js'));
      const ORIGINAL = Symbol.for('xuequ.localRuntime.original');
      for (const m of ['update', 'remove', 'count']) {
        const original = Query.prototype[m][ORIGINAL];
        expect(typeof original).toBe('function');
        expect(original[ORIGINAL]).toBeUndefined(); // not the first install's wrapper
      }
      const db: Loose = sdk().database();
      const e = await rejection(
        db.runTransaction(async (tx: Loose) =>
          tx
            .collection('users')
            .where({ x: 1 })
            .update({ data: { y: 1 } }),
        ),
      );
      expect(e.errMsg).toMatch(/not allowed in a transaction/);
    } finally {
      rt.close();
    }
  });

  test('nothing reaches the network: other cloud APIs fail locally, requests after close() fail', async () => {
    const rt = openCloud();
    const cloud = sdk();
    const db: Loose = cloud.database();
    try {
      const e = await rejection(cloud.callFunction({ name: 'whoami', data: {} }));
      expect(e.errMsg).toMatch(/local runtime: .* would call the real cloud/);
      const o = await rejection(cloud.openapi.wxacode.getUnlimited({ scene: 'x' }));
      expect(o.errCode).toBe(-604100); // API not found
    } finally {
      rt.close();
    }
    const after = await rejection(db.collection('users').count());
    expect(after.errMsg).toMatch(/no LocalCloud is open/);
  });

  test('fixtures resolve wx-server-sdk to the same copy', () => {
    expect(require.resolve('wx-server-sdk', { paths: [path.join(FIXTURES, 'whoami')] })).toBe(
      require.resolve('wx-server-sdk'),
    );
  });
});
