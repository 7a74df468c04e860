import { qrRows } from '@/packages/principal/pages/presence/qr';

// The principal's QR is drawn from dark runs: the three finder patterns must be where scanners look.
describe('the presence QR', () => {
  it('has the 7-module finder patterns in three corners and grows with the token', () => {
    const token = 'XQP1.hd-s01.59465600.0123456789abcdef0123';
    const { size, rows } = qrRows(token);
    expect(size).toBeGreaterThanOrEqual(29);
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        { from: 0, length: 7 },
        { from: size - 7, length: 7 },
      ]),
    );
    expect(rows[size - 1][0]).toEqual({ from: 0, length: 7 });
    // Row 1 of a finder: dark, 5 light, dark.
    expect(rows[1].slice(0, 2)).toEqual([
      { from: 0, length: 1 },
      { from: 6, length: 1 },
    ]);
    expect(qrRows(`${token}-longer-text-that-needs-more-modules-0123456789`).size).toBeGreaterThan(size);
  });
});
