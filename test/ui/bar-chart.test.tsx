import { fireEvent, render, screen } from '@testing-library/react';
import BarChart from '@/components/bar-chart';
import { formatShare } from '@/domain/approval/checks';

const data = [
  { id: 'x1', label: '第一学区', value: 0.35, sample: true },
  { id: 'x2', label: '第二学区', value: 0.125 },
  { id: 'x3', label: '第三学区', value: null },
];

describe('BarChart', () => {
  it('renders labels, formatted values, missing figures and the target legend', () => {
    render(<BarChart title="交流比例" data={data} target={0.3} format={formatShare} missingText="未登记教师人数" />);
    expect(screen.getByText('交流比例')).toBeTruthy();
    expect(screen.getByText('第一学区')).toBeTruthy();
    expect(screen.getByText('35%')).toBeTruthy();
    expect(screen.getByText('12.5%')).toBeTruthy();
    expect(screen.getByText('未登记教师人数')).toBeTruthy();
    expect(screen.getByTestId('bar-chart-target').textContent).toBe('目标 30%');
    expect(screen.getAllByText('示例数据')).toHaveLength(1);
  });

  it('scales bars so the target line sits at 80% unless a value is larger, and draws it through each row', () => {
    const { container } = render(<BarChart data={data} target={0.3} />);
    const bars = Array.from(container.querySelectorAll('.bar-chart__bar'));
    expect(bars.map((b) => b.getAttribute('data-pct'))).toEqual(['93.3', '33.3']);
    expect(bars.map((b) => b.className)).toEqual([
      'bar-chart__bar bar-chart__bar--good',
      'bar-chart__bar bar-chart__bar--short',
    ]);
    const lines = Array.from(container.querySelectorAll('.bar-chart__target'));
    expect(lines).toHaveLength(3);
    expect(lines[0].getAttribute('data-pct')).toBe('80');
    const over = render(<BarChart data={[{ id: 'a', label: 'A', value: 0.6 }]} target={0.3} />);
    expect(over.container.querySelector('.bar-chart__target')!.getAttribute('data-pct')).toBe('50');
  });

  it('uses a fixed max, a custom target label, and value texts', () => {
    const { container } = render(
      <BarChart
        data={[{ id: 'a', label: '互助道小学', value: 12, valueText: '12 小时' }]}
        max={48}
        target={24}
        targetLabel="参考 24 小时"
      />,
    );
    expect(screen.getByText('12 小时')).toBeTruthy();
    expect(screen.getByText('参考 24 小时')).toBeTruthy();
    expect(container.querySelector('.bar-chart__bar')!.getAttribute('data-pct')).toBe('25');
    expect(container.querySelector('.bar-chart__target')!.getAttribute('data-pct')).toBe('50');
  });

  it('without a target draws no line and plain bars; empty data shows the empty text', () => {
    const { container, rerender } = render(<BarChart data={[{ id: 'a', label: 'A', value: 3 }]} />);
    expect(container.querySelector('.bar-chart__target')).toBeNull();
    expect(container.querySelector('.bar-chart__bar--plain')).toBeTruthy();
    rerender(<BarChart data={[]} emptyText="本学年没有记录" />);
    expect(screen.getByText('本学年没有记录')).toBeTruthy();
  });

  it('marks a chart that is all sample data once, by its title', () => {
    render(<BarChart title="交流比例" sample data={data.map((d) => ({ ...d, sample: true }))} />);
    expect(screen.getAllByText('示例数据')).toHaveLength(1);
  });

  it('reports the tapped row', () => {
    const picked: string[] = [];
    render(<BarChart data={data} onSelect={(id) => picked.push(id)} testId="share" />);
    fireEvent.click(screen.getAllByTestId('share-row')[1]);
    expect(picked).toEqual(['x2']);
  });
});
