import { fireEvent, render, screen, within } from '@testing-library/react';
import PreviewPanel from '@/packages/bureau/pages/imports/preview-panel';
import type { ImportPhraseView, ImportPreview } from '@/contracts/admin-imports';

// The bureau's dry run of a 登记范围 file: every school's phrases with their reading, 未能识别 highlighted.
const read = (text: string, reading: string, street: string | null = '大王庄街道'): ImportPhraseView => ({
  text,
  street,
  status: 'read',
  reading,
});
const unread = (text: string): ImportPhraseView => ({ text, street: null, status: 'unread', reading: '未能识别' });

const preview: ImportPreview = {
  table: 'catchments',
  fileErrors: [],
  rows: [
    {
      row: 2,
      outcome: 'new',
      label: '互助道小学（2026年小学）',
      messages: [],
      phrases: [read('六纬路1-99号（单号）', '六纬路 1–99号 单号'), unread('甲乙丙丁')],
    },
    {
      row: 3,
      outcome: 'new',
      label: '新建小学（2026年小学）',
      messages: [],
      phrases: Array.from({ length: 15 }, (_, i) => read(`幸福路${i + 1}号`, `幸福路 ${i + 1}号`, null)),
    },
  ],
  counts: { new: 2, changed: 0, unchanged: 0, error: 0 },
  removals: [],
  schoolChanges: ['新增学校：新建小学（小学）'],
  phrasesOmitted: 0,
  ok: true,
};

describe('the 登记范围 preview', () => {
  it('lists each school’s phrases with their reading and marks the unread ones, which do not block the import', () => {
    render(<PreviewPanel preview={preview} />);
    const huzhu = screen.getByTestId('row-2');
    expect(within(huzhu).getByText('互助道小学（2026年小学）')).toBeTruthy();
    expect(within(huzhu).getByText('→ 六纬路 1–99号 单号')).toBeTruthy();
    const bad = within(huzhu).getByTestId('phrase-unread');
    expect(bad.textContent).toContain('未能识别');
    expect(bad.textContent).toContain('甲乙丙丁');
    expect(screen.getByTestId('unread-hint').textContent).toContain('1所学校的登记范围中有1句未能识别：不影响导入');
    expect(screen.getByTestId('school-changes').textContent).toContain('新增学校：新建小学（小学）');
  });

  it('filters to the schools with unread phrases and unfolds a long list', () => {
    render(<PreviewPanel preview={preview} />);
    // A short list keeps the published order.
    expect(
      within(screen.getByTestId('row-2'))
        .getAllByTestId(/^phrase-/)
        .map((e) => e.dataset.testid),
    ).toEqual(['phrase-read', 'phrase-unread']);
    expect(within(screen.getByTestId('row-3')).getAllByTestId('phrase-read')).toHaveLength(12);
    fireEvent.click(screen.getByTestId('phrases-toggle-3'));
    expect(within(screen.getByTestId('row-3')).getAllByTestId('phrase-read')).toHaveLength(15);
    fireEvent.click(screen.getByTestId('filter-unread'));
    expect(screen.queryByTestId('row-3')).toBeNull();
    expect(screen.getByTestId('row-2')).toBeTruthy();
  });
});
