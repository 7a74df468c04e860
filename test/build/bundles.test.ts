import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const functions = readdirSync(path.join(root, 'cloudfunctions')).filter((f) => existsSync(path.join(root, 'cloudfunctions', f, 'src', 'index.ts')));

// Runs in a fresh Node process: records every module the bundle itself requires, then checks main.
const probe = `
const Module = require('module');
const bundle = require.resolve(process.argv[1]);
const seen = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (parent && parent.filename === bundle) seen.push(request);
  return load.apply(this, arguments);
};
const fn = require(bundle);
console.log(JSON.stringify({ seen, main: typeof fn.main }));
`;

describe('each cloud function folder deploys as is', () => {
  it.each(functions)('%s: package.json depends on wx-server-sdk 4.0.2 only, config.json present', (fn) => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', fn, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': '4.0.2' });
    expect(pkg.devDependencies).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(root, 'cloudfunctions', fn, 'config.json'), 'utf8'))).toHaveProperty('permissions');
  });

  it.each(functions)('%s: the bundle, copied alone beside wx-server-sdk, loads and requires nothing else', (fn) => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'fn-'));
    const dir = path.join(tmp, fn);
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    copyFileSync(path.join(root, 'cloudfunctions', fn, 'index.js'), path.join(dir, 'index.js'));
    copyFileSync(path.join(root, 'cloudfunctions', fn, 'package.json'), path.join(dir, 'package.json'));
    symlinkSync(path.join(root, 'node_modules', 'wx-server-sdk'), path.join(dir, 'node_modules', 'wx-server-sdk'), 'dir');
    const r = spawnSync(process.execPath, ['-e', probe, path.join(dir, 'index.js')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    rmSync(tmp, { recursive: true, force: true });
    expect(r.stderr).not.toMatch(/Cannot find module/);
    expect(r.status).toBe(0);
    const { seen, main } = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(main).toBe('function');
    const outside = (seen as string[]).filter((m) => m !== 'wx-server-sdk' && !builtinModules.includes(m.replace(/^node:/, '')));
    expect(outside).toEqual([]);
    expect(seen).toContain('wx-server-sdk');
  });
});
