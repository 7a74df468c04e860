import { distanceMetres, formatDistance, gcj02ToWgs84, wgs84ToGcj02 } from '@/domain/geo';

describe('distances', () => {
  it('one thousandth of a degree of latitude is about 111 m', () => {
    expect(distanceMetres({ latitude: 39.1, longitude: 117.2 }, { latitude: 39.101, longitude: 117.2 })).toBeCloseTo(
      111.2,
      0,
    );
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

describe('WGS-84 and GCJ-02', () => {
  it('shifts a point in Tianjin by a few hundred metres, and back within a metre', () => {
    const wgs = { latitude: 39.1223, longitude: 117.2515 };
    const gcj = wgs84ToGcj02(wgs);
    const shift = distanceMetres(wgs, gcj);
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
    expect(distanceMetres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1);
  });
  it('leaves points outside China alone', () => {
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
  });
});
