/**
 * Locates the wx-server-sdk → @cloudbase/node-sdk → @cloudbase/database chain the functions actually
 * load. Resolution goes through the caller's `require`, so under jest it sees jest's module registry.
 */
import * as path from 'path';

export interface SdkDirs {
  wxServerSdk: string;
  nodeSdk: string;
  database: string;
}

/** Directory of package `name` given a file resolved inside it. */
export function packageDir(resolvedFile: string, name: string): string {
  const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`;
  const i = resolvedFile.lastIndexOf(marker);
  if (i < 0) throw new Error(`local runtime: cannot locate ${name} from ${resolvedFile}`);
  return resolvedFile.slice(0, i + marker.length - 1);
}

let dirs: SdkDirs | undefined;

export function sdkDirs(): SdkDirs {
  if (!dirs) {
    const wxServerSdk = packageDir(require.resolve('wx-server-sdk'), 'wx-server-sdk');
    const nodeSdk = packageDir(require.resolve('@cloudbase/node-sdk', { paths: [wxServerSdk] }), '@cloudbase/node-sdk');
    const database = packageDir(require.resolve('@cloudbase/database', { paths: [nodeSdk] }), '@cloudbase/database');
    dirs = { wxServerSdk, nodeSdk, database };
  }
  return dirs;
}
