import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes of the files below dir, skipping paths (relative to dir) that `skip` names. */
function sizeOf(dir: string, skip: (rel: string) => boolean, rel = ''): number {
  let total = 0;
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = path.join(rel, name);
    if (skip(r)) continue;
    const st = statSync(path.join(dir, r));
    total += st.isDirectory() ? sizeOf(dir, skip, r) : st.size;
  }
  return total;
}

/**
 * What WeChat counts against the package limits in a weapp build: the main package is everything
 * outside the subpackage roots (license notices are not shipped code); each subpackage its folder.
 */
export function weappSizes(weappDir: string): { main: number; subpackages: Array<{ root: string; bytes: number }> } {
  const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? []).map((p) => p.root);
  return {
    main: sizeOf(
      weappDir,
      (rel) => roots.some((r) => rel === r || rel.startsWith(`${r}/`)) || rel.endsWith('.LICENSE.txt'),
    ),
    subpackages: roots.map((root) => ({ root, bytes: sizeOf(path.join(weappDir, root), () => false) })),
  };
}

/** What a browser downloads before the H5 app first renders: the scripts and styles index.html names. */
export function h5FirstLoad(h5Dir: string): { files: Array<{ file: string; bytes: number }>; bytes: number } {
  const html = readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)].map((m) => m[1]);
  const files = [...new Set(refs)].map((file) => ({ file, bytes: statSync(path.join(h5Dir, file)).size }));
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The size report `npm test` and `npm run bench` print (budgets: main 600 KB, each subpackage 2 MB).
 * With a hello-world build beside them (dist/hello-weapp, dist/hello-h5: the bench builds those) each
 * size is also given as a ratio to it.
 */
export function sizeReport(distDir: string): string[] {
  const { main, subpackages } = weappSizes(path.join(distDir, 'weapp'));
  const h5 = h5FirstLoad(path.join(distDir, 'h5'));
  const ratio = (bytes: number, baseline: () => number) => {
    try {
      return ` = ${(bytes / baseline()).toFixed(2)}× the Taro hello-world`;
    } catch {
      return '';
    }
  };
  return [
    `weapp main package: ${kb(main)} of 600 KB budget (${Math.round((main / 600 / 1024) * 100)}%)${ratio(main, () => weappSizes(path.join(distDir, 'hello-weapp')).main)}`,
    ...subpackages.map((s) => `  subpackage ${s.root}: ${kb(s.bytes)} of 2048 KB`),
    `H5 first load (index.html scripts and styles, uncompressed): ${kb(h5.bytes)} in ${h5.files.length} files${ratio(h5.bytes, () => h5FirstLoad(path.join(distDir, 'hello-h5')).bytes)}`,
  ];
}
