import {
  DEFAULT_ROTATION_POLICY,
  exchangeChecks,
  formatShare,
  hasBlock,
  rotationChecks,
  rotationShare,
} from '@/domain/approval';
import type { Duty } from '@/domain/duty';
import { CN, cn, exchange } from './fixtures';

const NOW = cn('2026-08-20', '10:00');
const other = (over: Partial<Duty> = {}): Duty => ({
  _id: 'd-other',
  teacherOpenid: 'u-teacher',
  teacherName: '王老师',
  homeSchoolId: 'p-youai',
  hostSchoolId: 'p-1',
  districtCode: '120102',
  kind: 'itinerant',
  slots: [{ weekday: 1, start: '08:30', end: '09:15', periods: 1 }],
  termStart: '2026-09-01',
  termEnd: '2027-01-20',
  approvalId: 'ap0',
  status: 'active',
  sample: false,
  ...over,
});
const codes = (cs: Array<{ code: string; level: string }>) => cs.map((c) => `${c.level}:${c.code}`);

describe('exchange checks', () => {
  it('a clean request: ok, no conflict', () => {
    const cs = exchangeChecks(exchange(), 'ap1', [], NOW, CN);
    expect(cs).toEqual([{ code: 'NO_CONFLICT', level: 'ok', message: '与该教师的其他任务时间不冲突' }]);
    expect(hasBlock(cs)).toBe(false);
  });

  it('overlapping the teacher’s active duty blocks, naming both slots', () => {
    const cs = exchangeChecks(exchange(), 'ap1', [other()], NOW, CN);
    expect(codes(cs)).toEqual(['block:DUTY_CONFLICT']);
    expect(cs[0].message).toBe(
      '与该教师已有的走教任务（2026-09-01 至 2027-01-20）时间冲突：周一 08:00–08:45 与 周一 08:30–09:15',
    );
  });

  it.each([
    ['an ended duty', { status: 'ended' as const }],
    ['another teacher', { teacherOpenid: 'u-other' }],
    ['another term', { termStart: '2027-02-20', termEnd: '2027-07-10' }],
    ['back to back', { slots: [{ weekday: 1 as const, start: '08:45', end: '09:30', periods: 1 }] }],
    ['the duty this approval already created (a retry)', { _id: 'dt-ap1' }],
  ])('%s does not conflict', (_n, over) => {
    expect(codes(exchangeChecks(exchange(), 'ap1', [other(over)], NOW, CN))).toEqual(['ok:NO_CONFLICT']);
  });

  it('same school, mentoring without a mentee, broken slots', () => {
    expect(codes(exchangeChecks(exchange({ hostSchoolId: 'p-youai' }), 'ap1', [], NOW, CN))).toContain(
      'block:SAME_SCHOOL',
    );
    expect(codes(exchangeChecks(exchange({ type: 'mentoring' }), 'ap1', [], NOW, CN))).toContain(
      'block:MENTEE_MISSING',
    );
    expect(
      codes(exchangeChecks(exchange({ type: 'mentoring', mentee: { name: ' ', openid: null } }), 'ap1', [], NOW, CN)),
    ).toContain('block:MENTEE_MISSING');
    const broken = exchangeChecks(exchange({ slots: [], termEnd: '2026-01-01' }), 'ap1', [], NOW, CN);
    expect(codes(broken)).toEqual(['block:DUTY_INVALID', 'block:DUTY_INVALID']);
    expect(broken.map((c) => c.message)).toEqual(['任期结束日期早于开始日期', '至少需要一个每周时段']);
  });

  it('term dates against today in China', () => {
    // 2027-01-20 16:30 UTC is already 2027-01-21 in China: the term is over.
    expect(codes(exchangeChecks(exchange(), 'ap1', [], Date.parse('2027-01-20T16:30:00Z'), CN))).toEqual([
      'block:TERM_OVER',
      'ok:NO_CONFLICT',
    ]);
    expect(codes(exchangeChecks(exchange(), 'ap1', [], Date.parse('2027-01-20T15:30:00Z'), CN))).toEqual([
      'warn:TERM_STARTED',
      'ok:NO_CONFLICT',
    ]);
    expect(codes(exchangeChecks(exchange(), 'ap1', [], cn('2026-09-01', '00:00'), CN))).toEqual(['ok:NO_CONFLICT']);
  });
});

describe('rotation share', () => {
  it.each([
    [3, 10, 0.3],
    [0, 40, 0],
    [5, 40, 0.125],
    [50, 40, 1],
    [-2, 40, 0],
    [3, 0, null],
    [3, -1, null],
    [Number.NaN, 10, null],
  ])('%p of %p → %p', (n, total, share) => {
    expect(rotationShare(n, total)).toBe(share);
  });

  it.each([
    [0.125, '12.5%'],
    [0.3, '30%'],
    [1 / 3, '33.3%'],
    [0, '0%'],
    // One teacher of 2767: not rounded down to 0%, the same words as the dashboard.
    [1 / 2767, '不足0.1%'],
    [0.001, '0.1%'],
  ])('formats %p as %s', (x, s) => expect(formatShare(x)).toBe(s));

  it('shows school and district against the 30% target, as information', () => {
    const cs = rotationChecks({
      schoolName: '友爱道小学',
      school: { teachersInRotation: 5, teacherCount: 40 },
      district: { teachersInRotation: 620, teacherCount: 2000 },
      teacherAlreadyCounted: false,
    });
    expect(cs).toEqual([
      {
        code: 'ROTATION_SCHOOL',
        level: 'warn',
        message: '派出学校（友爱道小学）交流教师 5/40 人（12.5%，未达标），批准后 6/40 人（15%）；目标不少于 30%',
      },
      {
        code: 'ROTATION_DISTRICT',
        level: 'ok',
        message: '全区交流教师 620/2000 人（31%，已达标），批准后 621/2000 人（31.1%）；目标不少于 30%',
      },
    ]);
    expect(hasBlock(cs)).toBe(false);
    expect(DEFAULT_ROTATION_POLICY).toEqual({ targetShare: 0.3, maxOutflowShare: null });
  });

  it('a teacher already in exchange does not change the share; unknown counts warn', () => {
    const cs = rotationChecks({
      schoolName: 'A',
      school: { teachersInRotation: 5, teacherCount: 0 },
      district: { teachersInRotation: 3, teacherCount: 10 },
      teacherAlreadyCounted: true,
    });
    expect(codes(cs)).toEqual(['warn:ROTATION_SCHOOL_UNKNOWN', 'ok:ROTATION_DISTRICT']);
    expect(cs[1].message).toContain('该教师已在交流中，批准后比例不变');
  });

  it('warns past a configured outflow ceiling, never blocks', () => {
    const input = {
      schoolName: 'A',
      school: { teachersInRotation: 8, teacherCount: 40 },
      district: { teachersInRotation: 1, teacherCount: 10 },
      teacherAlreadyCounted: false,
    };
    expect(codes(rotationChecks(input, { targetShare: 0.3, maxOutflowShare: 0.25 }))).not.toContain(
      'warn:ROTATION_OUTFLOW',
    );
    const over = rotationChecks(
      { ...input, school: { teachersInRotation: 10, teacherCount: 40 } },
      { targetShare: 0.3, maxOutflowShare: 0.25 },
    );
    expect(over[2]).toEqual({
      code: 'ROTATION_OUTFLOW',
      level: 'warn',
      message: '批准后派出学校交流教师占比 27.5%，超过上限 25%，请确认不影响本校教学',
    });
    expect(
      codes(
        rotationChecks(
          { ...input, teacherAlreadyCounted: true, school: { teachersInRotation: 20, teacherCount: 40 } },
          { targetShare: 0.3, maxOutflowShare: 0.25 },
        ),
      ),
    ).not.toContain('warn:ROTATION_OUTFLOW');
  });
});
