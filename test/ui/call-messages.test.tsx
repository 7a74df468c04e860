import { forPeople } from '@/services/call';
import { pagePath, queryString, readParam } from '@/services/page-url';

// What the client shows of a function's message, and how a page's question is written into its URL.
describe('messages for people', () => {
  it.each([
    ['手机号（phone）应为11位数字', '手机号应为11位数字'],
    ['请填写手机号（phone）', '请填写手机号'],
    ['房产取得日期（family.homeAcquired）不是有效的日期', '房产取得日期不是有效的日期'],
    ['时间（slots[0].start）应为HH:mm', '时间应为HH:mm'],
    ['文件不能超过5MB（最多40段，total）', '文件不能超过5MB（最多40段）'],
  ])('%s → %s', (message, shown) => {
    expect(forPeople(message)).toBe(shown);
  });

  it('keeps brackets that are not field keys', () => {
    expect(forPeople('吴老师（E2E-02）已在本校')).toBe('吴老师（E2E-02）已在本校');
    expect(forPeople('请先登录（本地演示：在“我的”中选择家长身份）')).toBe(
      '请先登录（本地演示：在“我的”中选择家长身份）',
    );
  });
});

describe('a page question in the URL', () => {
  it('encodes values, leaves out empty ones, and reads them back decoded', () => {
    const query = { district: '120102', street: null, address: '互助道15号 3门&4', school: '' };
    expect(queryString(query)).toBe('district=120102&address=%E4%BA%92%E5%8A%A9%E9%81%9315%E5%8F%B7%203%E9%97%A8%264');
    expect(pagePath('/pages/lookup/index', {})).toBe('/pages/lookup/index');
    const params = Object.fromEntries(
      queryString(query)
        .split('&')
        .map((p) => p.split('=') as [string, string]),
    );
    expect(readParam(params, 'address')).toBe('互助道15号 3门&4');
    expect(readParam(params, 'street')).toBeNull();
    expect(readParam({ bad: '%E4%BA' }, 'bad')).toBe('%E4%BA');
  });
});
