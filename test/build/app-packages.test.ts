import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { h5FirstLoad, weappSizes } from '../../tools/package-sizes';
import path from 'node:path';

const weapp = path.resolve(__dirname, '../../dist/weapp');
const h5 = path.resolve(__dirname, '../../dist/h5');

describe('the weapp build (npm run build:weapp)', () => {
  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8'));

  it('puts the parents pages in the main package behind the tab bar', () => {
    expect(app.pages[0]).toBe('pages/lookup/index');
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['查学区', '学区', '政策', '我的']);
    for (const page of app.pages) expect(existsSync(path.join(weapp, `${page}.js`))).toBe(true);
  });

  it('loads role pages as subpackages only', () => {
    expect(app.subPackages.map((p: { root: string }) => p.root).sort()).toEqual(['packages/bureau', 'packages/principal', 'packages/teacher']);
    for (const sp of app.subPackages) for (const page of sp.pages) expect(existsSync(path.join(weapp, sp.root, `${page}.js`))).toBe(true);
    expect(app.pages.some((p: string) => p.startsWith('packages/'))).toBe(false);
  });

  it('ships map marker icons as files, not data: URIs (a <map> marker needs a file path)', () => {
    const js = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? js(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []));
    // Files that set marker icons (iconPath) carry no data: image; the QR library of the 签到码 page has a
    // data-URL writer the page never calls (it draws the QR with Views), which is not a marker.
    const markerFiles = js(weapp).filter((f) => readFileSync(f, 'utf8').includes('iconPath'));
    expect(markerFiles.length).toBeGreaterThan(0);
    expect(markerFiles.filter((f) => readFileSync(f, 'utf8').includes('data:image'))).toEqual([]);
    const school = readFileSync(path.join(weapp, 'pages/school/index.js'), 'utf8');
    for (const icon of ['assets/map/school.png', 'assets/map/neighbour.png']) {
      expect(school).toContain(`"${icon}"`);
      expect(existsSync(path.join(weapp, icon))).toBe(true);
    }
  });

  it('keeps the main package within 600 KB and every subpackage within 2 MB', () => {
    const { main, subpackages } = weappSizes(weapp);
    expect(main).toBeLessThanOrEqual(600 * 1024);
    expect(subpackages).toHaveLength(app.subPackages.length);
    for (const sp of subpackages) expect(sp.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe('the H5 build (npm run build:h5)', () => {
  it('has an index page and its scripts', () => {
    const html = readFileSync(path.join(h5, 'index.html'), 'utf8');
    expect(html).toContain('<title>学区通</title>');
    const scripts = [...html.matchAll(/src="\/?(js\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(existsSync(path.join(h5, s))).toBe(true);
  });

  it('reports the first-load JS and CSS that index.html names', () => {
    const { files, bytes } = h5FirstLoad(h5);
    expect(files.some((f) => f.file.endsWith('.js'))).toBe(true);
    expect(bytes).toBe(files.reduce((n, f) => n + f.bytes, 0));
    expect(bytes).toBeGreaterThan(0);
  });
});
