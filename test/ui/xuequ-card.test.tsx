import { fireEvent, render, screen } from '@testing-library/react';
import SchoolCard from '@/components/school-card';
import XuequCard from '@/components/xuequ-card';
import type { XuequView } from '@/contracts/school';

const xuequ: XuequView = {
  id: 'hd-x1',
  name: '第一学区',
  districtCode: '120102',
  districtName: '河东区',
  effectiveFrom: '2020-05-21',
  alliances: [
    {
      stage: 'middle',
      stageLabel: '初中',
      leadTitle: '学区长学校',
      leads: [{ id: 'a', name: '第四十五中学', kind: 'middle', note: null }],
      members: [{ id: 'b', name: '华英中学', kind: 'middle', note: null }],
    },
    {
      stage: 'primary',
      stageLabel: '小学',
      leadTitle: '学区长学校',
      leads: [{ id: 'c', name: '互助道小学', kind: 'primary', note: null }],
      members: [],
    },
  ],
  streets: [{ code: '120102005', name: '二号桥街道' }],
  source: {
    title: '河东区教育局关于进一步推进义务教育学区化办学的实施方案',
    issuer: '天津市河东区教育局',
    date: '2020-05-21',
  },
  sample: false,
  streetsSample: true,
};

describe('XuequCard', () => {
  it('shows lead schools per stage with their title, members, the document, and labels the sample 街道', () => {
    render(<XuequCard xuequ={xuequ} compact />);
    expect(screen.getByText('学区长学校：第四十五中学')).toBeTruthy();
    expect(screen.getByText('成员校：华英中学')).toBeTruthy();
    expect(screen.getByText('学区长学校：互助道小学')).toBeTruthy();
    expect(
      screen.getByText(/来源：天津市河东区教育局《河东区教育局关于进一步推进义务教育学区化办学的实施方案》/),
    ).toBeTruthy();
    // The 学区 is real, the streets it serves are not from the document.
    expect(screen.getAllByText('示例数据')).toHaveLength(1);
  });

  it('opens the detail with the 学区 id when tapped', () => {
    const opened: string[] = [];
    render(<XuequCard xuequ={xuequ} compact onOpen={(id) => opened.push(id)} />);
    fireEvent.click(screen.getByTestId('xuequ-card'));
    expect(opened).toEqual(['hd-x1']);
  });

  it('in full mode lists every school as a card with its role', () => {
    render(<XuequCard xuequ={xuequ} />);
    expect(screen.getAllByTestId('school-card')).toHaveLength(3);
    expect(screen.getAllByText('成员校')).toHaveLength(1);
  });
});

describe('SchoolCard', () => {
  it('shows the rule that matched and its document, marked as sample data', () => {
    render(
      <SchoolCard
        name="友爱道小学"
        kindLabel="小学"
        roleLabel="小学划片"
        reason="诚厚里社区居委会在友爱道小学的小学划片范围内"
        source="《河东区2026年义务教育招生划片（示例数据）》"
        sample
      />,
    );
    expect(screen.getByText('诚厚里社区居委会在友爱道小学的小学划片范围内')).toBeTruthy();
    expect(screen.getByText('依据：《河东区2026年义务教育招生划片（示例数据）》')).toBeTruthy();
    expect(screen.getByText('示例数据')).toBeTruthy();
  });

  it('shows no sample badge for real data', () => {
    render(<SchoolCard name="互助道小学" kindLabel="小学" roleLabel="学区长学校" />);
    expect(screen.queryByText('示例数据')).toBeNull();
  });
});
