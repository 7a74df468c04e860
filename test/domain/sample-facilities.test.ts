import { buildSeed } from '../../tools/seed-data';
import { sampleFacilities } from '../../tools/sample-facilities';
import { bookingProblems, openIntervalsOn } from '@/domain/approval/facility';
import { hmMinutes, instantAt } from '@/domain/time';
import { schoolIdsOf, type XuequVersion } from '@/domain/xuequ';
import type { School } from '@/domain/school';

const seed = buildSeed(Date.parse('2026-11-23T02:00:00Z'));
const schools = seed.schools as unknown as School[];
const versions = seed.xuequ as unknown as XuequVersion[];
const facilities = sampleFacilities(schools, versions);

describe('sample facilities', () => {
  it('are stable, unique, sample data of real schools, in their district', () => {
    expect(sampleFacilities(schools, versions)).toEqual(facilities);
    expect(new Set(facilities.map((f) => f._id)).size).toBe(facilities.length);
    const byId = new Map(schools.map((s) => [s._id, s]));
    for (const f of facilities) {
      expect(f._id).toBe(`fc-${f.schoolId}-${f.kind}`);
      expect(f).toMatchObject({ sample: true, shareable: true, districtCode: byId.get(f.schoolId)!.districtCode });
    }
  });

  it('every 学区 with schools shares 1–3 facilities per lead school, and some members share one', () => {
    for (const x of versions.filter((v) => v.alliances.length > 0)) {
      const leads = new Set(x.alliances.flatMap((a) => a.leadSchoolIds));
      for (const id of leads) expect(facilities.filter((f) => f.schoolId === id).length).toBeGreaterThanOrEqual(1);
      for (const id of leads) expect(facilities.filter((f) => f.schoolId === id).length).toBeLessThanOrEqual(3);
      const members = schoolIdsOf(x).filter((id) => !leads.has(id));
      if (members.length > 0) expect(facilities.some((f) => members.includes(f.schoolId))).toBe(true);
    }
    // Dongcheng's 学区 list no schools: nothing to share there.
    expect(facilities.some((f) => f.districtCode === '110101')).toBe(false);
  });

  it('open after school and on Saturday, with rules in the agreed ranges', () => {
    for (const f of facilities) {
      for (const h of f.openingHours) expect(hmMinutes(h.end)).toBeGreaterThan(hmMinutes(h.start));
      expect(f.openingHours.some((h) => h.weekday === 6)).toBe(true);
      expect(f.openingHours.some((h) => h.weekday === 7)).toBe(false);
      expect(f.rules.maxDurationMin).toBeGreaterThanOrEqual(120);
      expect(f.rules.maxDurationMin).toBeLessThanOrEqual(180);
      expect(f.rules.maxDaysAhead).toBeGreaterThanOrEqual(14);
      expect(f.rules.maxDaysAhead).toBeLessThanOrEqual(30);
      expect(f.rules.minNoticeHours).toBe(24);
      expect(f.notes.length).toBeGreaterThan(0);
    }
  });

  it('a gym takes an after-school booking next Tuesday (the rules agree with the domain)', () => {
    const gym = facilities.find((f) => f.kind === 'gym')!;
    const zone = 'Asia/Shanghai';
    expect(openIntervalsOn(gym, '2026-11-24', zone)).toEqual([
      [instantAt('2026-11-24', '16:30', zone), instantAt('2026-11-24', '18:30', zone)],
    ]);
    expect(
      bookingProblems(
        gym,
        [],
        instantAt('2026-11-24', '16:30', zone),
        instantAt('2026-11-24', '18:30', zone),
        Date.parse('2026-11-23T02:00:00Z'),
        zone,
      ),
    ).toEqual([]);
  });
});
