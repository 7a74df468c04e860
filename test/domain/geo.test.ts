import { distanceMetres, formatDistance } from '../../src/domain/geo';

describe('distances', () => {
  it('one thousandth of a degree of latitude is about 111 m', () => {
    expect(distanceMetres({ latitude: 39.1, longitude: 117.2 }, { latitude: 39.101, longitude: 117.2 })).toBeCloseTo(111.2, 0);
  });
  it('is zero for the same point and symmetric', () => {
    const a = { latitude: 24.48, longitude: 118.03 };
    const b = { latitude: 24.49, longitude: 118.05 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });
  it('reads as metres below a kilometre', () => {
    expect(formatDistance(349.6)).toBe('350 米');
    expect(formatDistance(1234)).toBe('1.2 公里');
  });
});
