import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Every privacy interface the app calls is declared in the README's 用户隐私保护指引 step, and the
// location interface is declared in app.config (requiredPrivateInfos) as WeChat requires.
const root = path.resolve(__dirname, '../..');
const PRIVACY: Record<string, string> = { getLocation: '位置信息', chooseMessageFile: '选中的文件', setClipboardData: '剪切板', chooseLocation: '选择位置', chooseImage: '相册', getClipboardData: '剪切板' };

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('the privacy guide (用户隐私保护指引)', () => {
  const used = new Set(sources(path.join(root, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/Taro\.(\w+)\(/g)].map((m) => m[1])).filter((api) => api in PRIVACY));
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('lists every privacy interface the app calls, with its entry', () => {
    expect([...used]).toEqual(expect.arrayContaining(['chooseMessageFile', 'getLocation', 'setClipboardData']));
    for (const api of used) expect(readme).toMatch(new RegExp(`\\| ${PRIVACY[api]} \\| \`wx\\.${api}\` \\|`));
  });

  it('names the interfaces to enable in the admin console', () => {
    expect(readme).toContain('接口设置');
    expect(readme).toMatch(/apply for \*\*wx\.getLocation\*\*/);
    expect(readFileSync(path.join(root, 'src', 'app.config.ts'), 'utf8')).toMatch(/requiredPrivateInfos: \['getLocation'\]/);
  });
});
