import { h5Session } from './h5-session';
import { DEFAULT_RISKY_WORD } from '../../local/runtime/sec-check';

// Issue 12 item 5 in the browser: a 请学校确认 whose question WeChat's text check refuses is not sent;
// the parent reads which field to change, changes it, and sends it.
const s = h5Session();
const { askSchool, byTestId, fill, login, lookupAddress } = s;

it('a question the text check refuses is explained, nothing is stored, and the changed one is sent', async () => {
  await login('parent');
  await lookupAddress('互助道500号');

  await askSchool('王女士', '13800000000', `请问${DEFAULT_RISKY_WORD}怎么办`);
  await byTestId('ask-error').waitFor();
  const message = await byTestId('ask-error').textContent();
  // The Chinese label, not the field key (the client drops （question）).
  expect(message).toContain('问题');
  expect(message).not.toContain('（question）');
  expect(message).toContain('未通过微信内容安全检查');
  expect(s.app.cloud.store.count('zoning_inquiries', {})).toBe(0);

  await fill('ask-question', '请问这个门牌属于哪所学校？');
  await byTestId('ask-submit').click();
  await byTestId('ask-sent').waitFor();
  expect(s.app.cloud.store.count('zoning_inquiries', { question: '请问这个门牌属于哪所学校？' })).toBe(1);
});
