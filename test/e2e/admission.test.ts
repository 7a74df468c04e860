import { h5Session } from './h5-session';

// The bureau sets a 招生规则 in its pages; a parent's lookup then asks the one question that changes the
// answer, and the answer follows what the parent tells.
const s = h5Session();
const { byTestId, fill, login, lookupAddress, openAs, waitForText } = s;

describe('招生规则 that depend on the family', () => {
  it('the bureau limits each address to one 单校划片 place per 6 years; a parent is asked and answered by it', async () => {
    await openAs('hd-bureau', '/packages/bureau/pages/home/index');
    await byTestId('open-admission').click();
    await byTestId('years-6').click();
    await fill('admission-document', '河东区义务教育入学工作意见（示例）');
    await byTestId('save-admission').click();
    await byTestId('admission-saved').waitFor();
    expect(s.app.cloud.store.find('districts', { code: '120102' })[0]).toMatchObject({
      admission: { placeEveryYears: 6 },
    });

    await login('parent');
    await lookupAddress('互助道15号', 'question-placeUsedRecently');
    expect(await byTestId('answer-primary').textContent()).toContain('单校划片');
    expect(await byTestId('question-placeUsedRecently').textContent()).toContain('6年内');

    await byTestId('answer-placeUsedRecently-yes').click();
    await waitForText('answer-primary', '多校划片');
    expect(await byTestId('answer-primary').textContent()).toContain('该地址6年内已使用过单校划片名额');
    expect(await byTestId('told-placeUsedRecently').textContent()).toContain('是');
  });
});
