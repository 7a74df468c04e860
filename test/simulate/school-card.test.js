// The school card compiled by Taro into a native WeChat component, rendered by miniprogram-simulate
// (WeChat's own template compiler): the props a page passes must reach the rendered view.
const path = require('node:path');
const simulate = require('miniprogram-simulate');

const root = path.resolve(__dirname, '../../dist/native-components');

let id;
beforeAll(() => {
  id = simulate.load(path.join(root, 'components/school-card/index'), 'school-card', { rootPath: root });
});

// A Taro native component takes its React props as one `props` property.
function renderCard(props) {
  const comp = simulate.render(id, { props });
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

const text = (comp) => comp.dom.textContent.replace(/\s+/g, '');

describe('school-card as a native mini-program component', () => {
  it('renders the school, its role and the reason, and marks sample data', async () => {
    const comp = renderCard({
      name: '友爱道小学',
      kindLabel: '小学',
      roleLabel: '小学划片',
      reason: '诚厚里社区居委会在友爱道小学的划片范围内',
      sample: true,
    });
    await simulate.sleep(50);
    const shown = text(comp);
    expect(shown).toContain('友爱道小学');
    expect(shown).toContain('小学划片');
    expect(shown).toContain('诚厚里社区居委会在友爱道小学的划片范围内');
    expect(shown).toContain('示例数据');
  });

  it('shows no sample badge for real data', async () => {
    const comp = renderCard({ name: '互助道小学', kindLabel: '小学', roleLabel: '学区长学校' });
    await simulate.sleep(50);
    expect(text(comp)).toContain('互助道小学学区长学校');
    expect(text(comp)).not.toContain('示例数据');
  });

  it('re-renders when the page passes new props', async () => {
    const comp = renderCard({ name: '互助道小学', kindLabel: '小学' });
    await simulate.sleep(50);
    comp.setData({ props: { name: '第四十五中学', kindLabel: '初中', roleLabel: '学区长学校' } });
    await simulate.sleep(50);
    expect(text(comp)).toContain('第四十五中学学区长学校');
    expect(text(comp)).not.toContain('互助道小学');
  });
});
