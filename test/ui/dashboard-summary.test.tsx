import { render, screen } from '@testing-library/react';
import { Summary } from '@/packages/bureau/pages/dashboard/sections';
import type { DashboardView, KpiRowView } from '@/contracts/admin-dashboard';

const row: KpiRowView = {
  id: '120102',
  name: '河东区',
  level: 'district',
  schoolCount: 2,
  rotation: { count: 1, base: 10, share: 0.1, text: '10%', target: 0.3, met: false, schoolsWithoutCount: 0 },
  key: { count: 0, base: null, share: null, text: '未登记骨干教师', target: 1, met: null, registered: false },
  hostHours: 1.5,
  hostSessions: 1,
  homeSessions: 1,
  unverifiedSessions: 0,
  lentHours: 0,
  borrowedHours: 0,
  teacherCountSample: true,
};
const view = (figuresUpdatedAt: string | null): DashboardView => ({
  scope: 'district',
  districtCode: '120102',
  districtName: '河东区',
  xuequ: null,
  xuequOptions: [],
  canViewDistrict: true,
  schoolYear: 2026,
  schoolYearLabel: '2026—2027学年',
  period: { from: '2026-09-01', to: '2027-08-31' },
  asOf: '2026-11-23 10:00',
  figuresUpdatedAt,
  targets: { rotation: 0.3, key: 1 },
  total: row,
  xuequRows: [],
  schoolRows: [row],
  pending: { total: 0, buckets: [], byType: [], oldestDays: null },
  sample: { teacherCounts: true, records: false },
  notes: [],
});

describe('dashboard summary', () => {
  it('says when a clock record last changed the figures', () => {
    render(<Summary view={view('2026-11-23 09:58')} />);
    expect(screen.getByTestId('figures-updated').textContent).toBe(
      '数据更新于 2026-11-23 09:58（签到、签退或补卡时即时更新）',
    );
  });

  it('says there is no clock data yet when no record fed them', () => {
    render(<Summary view={view(null)} />);
    expect(screen.getByTestId('figures-updated').textContent).toBe('本学年尚无签到数据');
  });
});
