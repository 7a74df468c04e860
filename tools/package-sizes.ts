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
  const app = JSON.parse(readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? []).map((p) => p.root);
  return {
    main: sizeOf(weappDir, (rel) => roots.some((r) => rel === r || rel.startsWith(`${r}/`)) || rel.endsWith('.LICENSE.txt')),
    subpackages: roots.map((root) => ({ root, bytes: sizeOf(path.join(weappDir, root), () => false) })),
  };
}
