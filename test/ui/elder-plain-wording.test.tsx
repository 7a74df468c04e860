import { fireEvent, render, screen } from '@testing-library/react';
import * as taro from '@tarojs/taro';
import EnrolPage from '@/pages/enrol';
import PolicyPage from '@/pages/policy';
import PolicyDetailPage from '@/pages/policy-detail';
import NotFoundPage from '@/pages/not-found';
import AskSchoolForm from '@/components/ask-school-form';
import FamilyQuestions from '@/components/family-questions';
import StageAnswers from '@/components/stage-answers';
import { plainText } from '@/services/plain-wording';
import { settle } from './render';
import { clearCache } from '@/hooks/data-cache';
import { enrolmentRules } from '../../cloudfunctions/school/src/actions/enrolment';
import { getPolicy, listPolicies } from '../../cloudfunctions/school/src/actions/policy';

// 长辈模式 promises plain wording: each parent page says it in short everyday sentences, and every policy
// term stays visible in parentheses so the parent can match the document. Outside 长辈模式 the usual
// wording stays. The pages get the real rules and documents, as the functions answer them.
const NOW = Date.parse('2026-11-30T02:00:00Z'); // 2026-11-30 10:00 China time: the 2027 intake
let mockElder = true;
let mockSignedIn = true;
jest.mock('@/services/elder-mode', () => ({
  ...jest.requireActual('../../src/services/elder-mode'),
  isElderMode: () => mockElder,
  onElderModeChange: () => () => undefined,
  applyElderClass: () => undefined,
}));
// The ask form's Textarea and the family questions' Picker, as plain DOM (the shared mock has neither).
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('../ui/mocks/taro-components');
  const React = jest.requireActual('react');
  return {
    ...actual,
    Textarea: ({ placeholder, ...rest }: any) =>
      React.createElement('textarea', { placeholder, 'data-testid': rest['data-testid'] }),
    Picker: ({ children }: any) => React.createElement('div', null, children),
  };
});
jest.mock('@/services/call', () => {
  const actual = jest.requireActual('../../src/services/call');
  return {
    ...actual,
    call: jest.fn(async (fn: string, action: string, input: any) => {
      const ctx = { now: Date.now() } as any;
      if (action === 'listDistricts') return [{ code: '120102', name: '河东区', city: '天津市' }];
      if (action === 'enrolmentRules') return enrolmentRules(input, ctx);
      if (action === 'listPolicies') return listPolicies(input);
      if (action === 'getPolicy') return getPolicy(input);
      if (action === 'me') {
        if (!mockSignedIn) throw new actual.CallError('UNAUTHENTICATED', '请先登录');
        return { openid: 'o-parent', roles: ['parent'], name: null };
      }
      throw new Error(`unexpected call ${fn}.${action}`);
    }),
  };
});

const text = (id: string) => screen.getByTestId(id).textContent ?? '';
const page = () => document.body.textContent ?? '';

beforeAll(() =>
  jest.useFakeTimers({
    now: NOW,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
    ],
  }),
);
afterAll(() => jest.useRealTimers());
beforeEach(() => {
  mockElder = true;
  mockSignedIn = true;
});

describe('plainText', () => {
  it('explains each term once where it first appears, keeps it in parentheses, one sentence a line', () => {
    expect(plainText('随迁子女审核“五证”；随迁子女按学位统筹。')).toBe(
      '随父母来本地工作的孩子（随迁子女）审核五种证件（“五证”）；\n随迁子女按学位统一安排（统筹）。',
    );
    // A compound is one term; a term already in parentheses is left alone.
    expect(plainText('按住址所在社区对口划片小学')).toBe('按住址所在社区按住址分好的（对口划片）小学');
    expect(plainText('户口落在自有住房上（人户一致）')).toBe('户口落在自有住房上（人户一致）');
  });
});

describe('入学条件 in 长辈模式', () => {
  async function answerAsMigrantFamily() {
    render(<EnrolPage />);
    await settle();
    fireEvent.click(screen.getByTestId('enrol-district-120102'));
    await settle();
    fireEvent.click(screen.getByTestId('answer-stage-primary'));
    fireEvent.click(screen.getByTestId('answer-hukouInDistrict-false'));
    fireEvent.click(screen.getByTestId('answer-residencePermit-true'));
    fireEvent.click(screen.getByTestId('answer-housing-rent'));
    await settle();
  }

  it('asks, picks the date and answers in plain words with the terms kept', async () => {
    render(<EnrolPage />);
    await settle();
    expect(page()).toContain('先选家住在哪个区');
    expect(page()).not.toContain('先选择家庭所在的区');
    document.body.innerHTML = '';

    await answerAsMigrantFamily();
    // The date step: one plain instruction a line, the age rule with 周岁 kept.
    expect(page()).toContain('第一步：点出生的年份');
    expect(text('enrol-age-rule')).toContain('2027年秋天上学的孩子：\n要在2021年8月31日或更早出生（满6周岁）');
    fireEvent.click(screen.getByTestId('date-year-2020'));
    fireEvent.click(screen.getByTestId('date-month-5'));
    fireEvent.click(screen.getByTestId('date-day-1'));
    fireEvent.click(screen.getByTestId('date-confirm'));
    await settle();

    expect(text('enrol-verdict')).toBe('2027年秋天可以上学');
    // 五证 spelled out, 随迁子女 explained, both terms still there.
    const five = text('enrol-five-title');
    expect(five).toContain('随父母来本地工作的孩子（随迁子女）');
    expect(five).toContain('（“五证”）');
    expect(five).toContain('全家户口簿、父母在本区的居住证');
    expect(text('enrol-category')).toContain('原因：');
    expect(text('enrol-timeline')).toContain('按住址分到的学校（划片学校）');
    expect(text('enrol-cap')).toContain('每班最多45个孩子（班额）');
    expect(text('enrol-checklist')).toContain('准备好一样，就点一下打勾。\n只记在这部手机上。');
  });

  it('keeps the usual wording outside 长辈模式', async () => {
    mockElder = false;
    await answerAsMigrantFamily();
    expect(page()).toContain('出生年份');
    expect(text('enrol-age-rule')).toContain('须在2021年8月31日及以前出生');
  });
});

describe('政策 pages in 长辈模式', () => {
  it('the list says how to search in plain lines and explains the terms of each summary', async () => {
    render(<PolicyPage />);
    await settle();
    expect(page()).toContain('这里是教育局的政策文件原文。\n想找哪个词，就在下面输入。');
    expect(page()).toContain('常查的词：');
    expect(page()).toContain('管一个学区的校长（学区长）');
    expect(page()).toContain('老师到别的学校去上课（轮岗）');
    expect(page()).toContain('还没有正式定下来的草稿（征求意见稿）');
  });

  it('a document keeps its original text; the parts around it are plain', async () => {
    const spy = jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'p004' } } as any);
    try {
      render(<PolicyDetailPage />);
      await settle();
      expect(page()).toContain('这份文件里我们用到了什么');
      expect(text('policy-summary')).toContain('每班学生人数不超过45人');
      expect(text('policy-summary')).toContain('五种证件（“五证”）');
      expect(text('policy-summary')).toContain('以社区为单位按住址分学校（划片）');
      expect(page()).toContain('上面是文件原文。\n我们只调整了换行和空格。');
      // The original stays word for word.
      expect(text('policy-text')).toContain('外来人员严格审查“五证”');
      expect(text('policy-text')).not.toContain('五种证件');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('请学校确认, 还需要了解, the stage answers and 页面不存在 in 长辈模式', () => {
  it('the ask form: plain hint and placeholders, and a plain sign-in step', async () => {
    render(
      <AskSchoolForm
        districtCode="120102"
        address="互助道32号"
        schools={[{ id: 'hd-s05', name: '互助道小学' }] as any}
      />,
    );
    await settle();
    expect(text('ask-form')).toContain('写下您的电话，学校查清楚后会回复您。\n住址只交给这所学校。');
    expect(screen.getByTestId('ask-phone').getAttribute('placeholder')).toBe('您的手机号（11位）');
    expect(text('ask-submit')).toBe('交给学校');
    document.body.innerHTML = '';
    clearCache();
    mockSignedIn = false;
    render(<AskSchoolForm districtCode="120102" address="" schools={[]} />);
    await settle();
    expect(text('ask-sign-in')).toContain('要先登录，才能问学校。');
    expect(text('ask-sign-in-go')).toContain('去登录（在“我的”里）');
  });

  it('the family questions and the stage answers explain 人户一致, 户籍, 划片 and 对口 with the terms kept', () => {
    render(
      <>
        <FamilyQuestions
          questions={[
            {
              key: 'hukouAtAddress',
              kind: 'yes-no',
              label: '孩子户籍是否在该地址',
              why: '友爱道小学按户籍与房产一致（人户一致）登记入学',
            },
          ]}
          facts={{}}
          onAnswer={() => undefined}
        />
        <StageAnswers
          answers={
            [
              {
                stage: 'primary',
                stageLabel: '小学',
                mechanism: 'single',
                mechanismLabel: '单校划片',
                schools: [],
                statement: '对应友爱道小学。',
                alternatives: [],
                decidedBy: null,
              },
              {
                stage: 'middle',
                stageLabel: '初中',
                mechanism: 'feeder',
                mechanismLabel: '对口直升',
                schools: [],
                statement: '学区内对口入学，其余学区内派位。',
                alternatives: [],
                decidedBy: '河东区教育局',
              },
            ] as any
          }
        />
      </>,
    );
    expect(text('family-questions')).toContain('下面的情况会影响上哪所学校。\n请点“是”或“否”。');
    expect(text('question-hukouAtAddress')).toContain('孩子户口（户籍）是否在该地址');
    expect(text('question-hukouAtAddress')).toContain('（人户一致）');
    expect(text('answer-primary')).toContain('一个住址只对应一所学校（单校划片）');
    expect(text('answer-middle')).toContain('小学毕业直接升到对应的初中（对口直升）');
    expect(text('answer-middle')).toContain('学区内按学区对应好的（对口）入学');
    expect(text('answer-middle')).toContain('随机分学校（派位）');
    expect(text('answer-middle')).toContain('最后要看河东区教育局公布的结果。');
  });

  it('页面不存在 in plain words, still naming 查学区', () => {
    render(<NotFoundPage />);
    expect(text('not-found')).toContain('没有找到这一页');
    expect(text('not-found')).toContain('这个链接可能不对。\n也可能这一页已经没有了。');
    expect(text('not-found-home')).toBe('回首页查学校（查学区）');
  });
});
