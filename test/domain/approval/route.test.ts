import fc from 'fast-check';
import { canDecideStep, decisionKeys, routeRequest, stepKey, xuequHeadSchools } from '@/domain/approval';
import type { Actor, ExchangeType, Step, StepRole } from '@/domain/approval';
import type { Role } from '@/domain/roles';
import { SCHOOLS, VERSIONS, bureau, exchange, facilityRequest, principal, teacher, xuequzhang } from './fixtures';

const brief = (steps: Step[]) => steps.map((s) => [s.roles.join('+'), s.schoolId ?? s.xuequId ?? s.districtCode]);
const DAY = '2026-11-23';

describe('routing by type', () => {
  it.each<ExchangeType>(['rotation', 'cross-teaching', 'itinerant', 'support'])(
    '%s: releasing → host → 学区长 of the host',
    (type) => {
      const steps = routeRequest(exchange({ type }), VERSIONS, DAY, SCHOOLS);
      expect(brief(steps)).toEqual([
        ['releasing', 'p-youai'],
        ['host', 'p-liuwei'],
        ['xuequzhang', 'x2'],
      ]);
      expect(steps.map((s) => s.label)).toEqual([
        '派出学校校长（友爱道小学）',
        '接收学校校长（六纬路小学）',
        '学区长（第二学区）',
      ]);
      expect(steps.every((s) => s.districtCode === '120102')).toBe(true);
    },
  );

  it('师徒结对: the mentor’s principal, then the mentee’s, no 学区长', () => {
    const steps = routeRequest(
      exchange({ type: 'mentoring', mentee: { name: '李老师', openid: null } }),
      VERSIONS,
      DAY,
      SCHOOLS,
    );
    expect(brief(steps)).toEqual([
      ['releasing', 'p-youai'],
      ['host', 'p-liuwei'],
    ]);
    expect(steps[0].label).toBe('导师所在学校校长（友爱道小学）');
  });

  it('facility booking: the owning school only', () => {
    const steps = routeRequest(facilityRequest(), VERSIONS, DAY, SCHOOLS);
    expect(steps).toEqual([
      {
        role: 'owner',
        roles: ['owner'],
        schoolId: 'm45',
        xuequId: null,
        districtCode: '120102',
        label: '场馆所属学校校长（第四十五中学）',
      },
    ]);
  });

  it('labels fall back to the school id without names', () => {
    expect(routeRequest(facilityRequest(), VERSIONS, DAY)[0].label).toBe('场馆所属学校校长（m45）');
  });
});

describe('routing reads the composition on the request’s date', () => {
  const toMoved = exchange({ hostSchoolId: 'p-moved' });

  it.each([
    ['2027-08-31', 'x1'],
    ['2027-09-01', 'x2'],
    ['2028-03-01', 'x2'],
  ])('dated %s → 学区长 of %s', (date, xuequId) => {
    const steps = routeRequest(toMoved, VERSIONS, date, SCHOOLS);
    expect(steps[2]).toMatchObject({ role: 'xuequzhang', xuequId });
  });

  it('a host school in no 学区 → the district bureau decides that step', () => {
    const steps = routeRequest(exchange({ hostSchoolId: 'p-lone' }), VERSIONS, DAY, SCHOOLS);
    expect(steps[2]).toEqual({
      role: 'bureau',
      roles: ['bureau'],
      schoolId: null,
      xuequId: null,
      districtCode: '120102',
      label: '区教育局（接收学校不属于任何学区）',
    });
  });

  it('… the bureau of the host school’s own district', () => {
    const steps = routeRequest(exchange({ hostSchoolId: 'h-lone' }), VERSIONS, DAY, SCHOOLS);
    expect(steps.map((s) => s.districtCode)).toEqual(['120102', '350205', '350205']);
  });

  it('before any 学区 existed everyone is in no 学区', () => {
    expect(routeRequest(exchange(), VERSIONS, '2019-01-01', SCHOOLS)[2].role).toBe('bureau');
  });

  it('a nine-year school in two alliances of one 学区 gets one 学区长 step', () => {
    expect(brief(routeRequest(exchange({ hostSchoolId: 'n-djz' }), VERSIONS, DAY, SCHOOLS))).toEqual([
      ['releasing', 'p-youai'],
      ['host', 'n-djz'],
      ['xuequzhang', 'x1'],
    ]);
  });

  it('a school in two 学区 needs both 学区长', () => {
    const both = [...VERSIONS, { ...VERSIONS[2], _id: 'x3', xuequId: 'x3', name: '第三学区' }];
    expect(brief(routeRequest(exchange({ hostSchoolId: 'p-liuwei' }), both, DAY, SCHOOLS)).slice(2)).toEqual([
      ['xuequzhang', 'x2'],
      ['xuequzhang', 'x3'],
    ]);
  });
});

describe('merged steps when one person holds two in a row', () => {
  it('the host is the 学区长 school: host and 学区长 become one step needing both roles', () => {
    const steps = routeRequest(exchange({ hostSchoolId: 'm45' }), VERSIONS, DAY, SCHOOLS);
    expect(steps).toHaveLength(2);
    expect(steps[1]).toEqual({
      role: 'host',
      roles: ['host', 'xuequzhang'],
      schoolId: 'm45',
      xuequId: 'x1',
      districtCode: '120102',
      label: '接收学校校长（第四十五中学）兼学区长（第一学区）',
    });
    expect(canDecideStep(steps[1], xuequzhang('x1', 'm45'))).toBe(true);
    expect(canDecideStep(steps[1], principal('m45'))).toBe(false);
    expect(canDecideStep(steps[1], xuequzhang('x1', 'p-huzhu'))).toBe(false);
  });

  it('by default the 学区长 is the middle lead school’s principal; user records override', () => {
    expect(xuequHeadSchools(VERSIONS[0])).toEqual(['m45']);
    expect(routeRequest(exchange({ hostSchoolId: 'p-huzhu' }), VERSIONS, DAY, SCHOOLS)).toHaveLength(3);
    const merged = routeRequest(exchange({ hostSchoolId: 'p-huzhu' }), VERSIONS, DAY, SCHOOLS, { x1: ['p-huzhu'] });
    expect(brief(merged)).toEqual([
      ['releasing', 'p-youai'],
      ['host+xuequzhang', 'p-huzhu'],
    ]);
  });

  it('the releasing school leading the host’s 学区 is not merged: the host step sits between', () => {
    const steps = routeRequest(exchange({ homeSchoolId: 'm45', hostSchoolId: 'm98' }), VERSIONS, DAY, SCHOOLS);
    expect(brief(steps)).toEqual([
      ['releasing', 'm45'],
      ['host', 'm98'],
      ['xuequzhang', 'x1'],
    ]);
  });

  it('a school moved away from the 学区 it led is not merged after the change', () => {
    const led = [
      {
        ...VERSIONS[2],
        effectiveTo: '2027-09-01' as string | null,
        alliances: [{ stage: 'middle' as const, leadSchoolIds: ['m82'], memberSchoolIds: [] }],
      },
      { ...VERSIONS[3], alliances: [{ stage: 'middle' as const, leadSchoolIds: ['m54'], memberSchoolIds: ['m82'] }] },
    ];
    expect(routeRequest(exchange({ hostSchoolId: 'm82' }), led, '2027-08-31', SCHOOLS)).toHaveLength(2);
    expect(routeRequest(exchange({ hostSchoolId: 'm82' }), led, '2027-09-01', SCHOOLS)).toHaveLength(3);
  });
});

describe('canDecideStep', () => {
  const [releasing, host, xqz] = routeRequest(exchange(), VERSIONS, DAY, SCHOOLS);
  const bureauStep = routeRequest(exchange({ hostSchoolId: 'p-lone' }), VERSIONS, DAY, SCHOOLS)[2];
  const cases: Array<[string, Step, Actor, boolean]> = [
    ['releasing principal → releasing step', releasing, principal('p-youai'), true],
    ['host principal → releasing step', releasing, principal('p-liuwei'), false],
    ['principal of another school → host step', host, principal('p-1'), false],
    ['host principal → host step', host, principal('p-liuwei'), true],
    ['teacher of the school → its step', releasing, teacher, false],
    ['学区长 of the 学区 → 学区长 step', xqz, xuequzhang('x2', 'm54'), true],
    ['学区长 of another 学区 → 学区长 step', xqz, xuequzhang('x1', 'm45'), false],
    ['principal of the lead school without the role → 学区长 step', xqz, principal('m54'), false],
    ['学区长 → host step of another school', host, xuequzhang('x2', 'm54'), false],
    ['bureau → 学区长 step', xqz, bureau('120102'), false],
    ['bureau of the district → bureau step', bureauStep, bureau('120102'), true],
    ['bureau of another district → bureau step', bureauStep, bureau('110101'), false],
    ['principal → bureau step', bureauStep, principal('p-lone'), false],
    ['bureau → school step', host, bureau('120102'), false],
    ['principal with no school → any school step', host, { ...principal('p-liuwei'), schoolId: null }, false],
  ];
  it.each(cases)('%s', (_name, step, user, expected) => {
    expect(canDecideStep(step, user)).toBe(expected);
    expect(decisionKeys(user).includes(stepKey(step))).toBe(expected);
  });

  it('inbox keys agree with canDecideStep for any step and user (property)', () => {
    const school = fc.constantFrom('s1', 's2');
    const role = fc.constantFrom<StepRole>('releasing', 'host', 'xuequzhang', 'owner', 'bureau');
    const step = fc
      .record({
        roles: fc.uniqueArray(role, { minLength: 1, maxLength: 2 }),
        schoolId: fc.option(school),
        xuequId: fc.option(fc.constantFrom('x1', 'x2')),
        districtCode: fc.constantFrom('d1', 'd2'),
      })
      .map((s): Step => ({ ...s, role: s.roles[0], label: '' }));
    const user = fc.record({
      roles: fc.uniqueArray(fc.constantFrom<Role>('parent', 'teacher', 'principal', 'xuequzhang', 'bureau'), {
        maxLength: 3,
      }),
      schoolId: fc.option(school),
      xuequId: fc.option(fc.constantFrom('x1', 'x2')),
      districtCode: fc.option(fc.constantFrom('d1', 'd2')),
    });
    fc.assert(
      fc.property(step, user, (s, u) => {
        // Keys model the steps routing makes: a bureau role never shares a step with a school or 学区 role.
        fc.pre(!s.roles.includes('bureau') || s.roles.length === 1);
        expect(decisionKeys(u).includes(stepKey(s))).toBe(canDecideStep(s, u));
      }),
      // Full depth in the inner loop too: one pair in twelve may decide, so ten runs meet none four times in ten.
      { numRuns: 100 },
    );
  });
});
