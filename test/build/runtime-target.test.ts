import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The bundles run on the oldest runtime the README tells the deployer to pick (config/functions-runtime.json),
// and each function's config.json carries its timeout and memory.
const root = path.resolve(__dirname, '../..');
const runtime = JSON.parse(readFileSync(path.join(root, 'config', 'functions-runtime.json'), 'utf8')) as { cloudbase: string; esbuild: string; ecmaVersion: number };
const functions = readdirSync(path.join(root, 'cloudfunctions')).filter((f) => existsSync(path.join(root, 'cloudfunctions', f, 'src', 'index.ts')));
const bundle = (fn: string) => readFileSync(path.join(root, 'cloudfunctions', fn, 'index.js'), 'utf8');
const config = (fn: string) => JSON.parse(readFileSync(path.join(root, 'cloudfunctions', fn, 'config.json'), 'utf8'));

// acorn is webpack's parser (webpack is pinned in devDependencies): resolve it from there.
 
const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('webpack/package.json'))] })) as typeof import('acorn');

/** Built-ins newer than Node 12 that esbuild does not polyfill: a bundle must not call them. */
const NEWER_BUILTINS: Array<[string, RegExp]> = [
  ['Array/String#at (Node 16.6)', /\.at\((-|\d)/],
  ['String#replaceAll (Node 15)', /\.replaceAll\(/],
  ['Object.hasOwn (Node 16.9)', /Object\.hasOwn\(/],
  ['structuredClone (Node 17)', /\bstructuredClone\(/],
  ['Array#findLast (Node 18)', /\.findLast(Index)?\(/],
  ['Promise.any (Node 15)', /Promise\.any\(/],
  ['crypto.randomUUID (Node 14.17)', /\.randomUUID\(/],
  ['Array#toSorted (Node 20)', /\.toSorted\(/],
];

describe(`cloud-function bundles run on ${runtime.cloudbase}`, () => {
  it('is the runtime the README tells the deployer to pick', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(runtime.cloudbase);
    expect(readFileSync(path.join(root, 'config', 'build-functions.mjs'), 'utf8')).toContain('target: RUNTIME.esbuild');
  });

  it.each(functions)(`%s: parses as ES${runtime.ecmaVersion} (no ?., ??, ??= or later syntax)`, (fn) => {
    expect(() => acorn.parse(bundle(fn), { ecmaVersion: runtime.ecmaVersion as 2019, sourceType: 'script', allowHashBang: true })).not.toThrow();
  });

  it('the check itself refuses ES2021 syntax', () => {
    expect(() => acorn.parse('a.b ??= 1;', { ecmaVersion: runtime.ecmaVersion as 2019 })).toThrow();
    expect(() => acorn.parse('a?.b;', { ecmaVersion: runtime.ecmaVersion as 2019 })).toThrow();
  });

  it.each(functions)('%s: calls no built-in newer than the runtime', (fn) => {
    const code = bundle(fn);
    expect(NEWER_BUILTINS.filter(([, re]) => re.test(code)).map(([name]) => name)).toEqual([]);
  });
});

describe('function configuration (config.json)', () => {
  it.each(functions)('%s: sets its timeout (1-60 s) and memory (a CloudBase size), keeps its permissions', (fn) => {
    const c = config(fn);
    expect(Number.isInteger(c.timeout) && c.timeout >= 1 && c.timeout <= 60).toBe(true);
    expect([128, 256, 512, 1024, 2048]).toContain(c.memorySize);
    expect(Array.isArray(c.permissions?.openapi)).toBe(true);
  });

  it('the README lists every function with the timeout and memory of its config.json', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const fn of functions) expect(readme).toMatch(new RegExp(`\\| \`${fn}\` \\| ${config(fn).timeout} s \\| ${config(fn).memorySize} MB \\|`));
  });
});
