import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';

/** Dark runs of each row of a QR of `text` (error correction M): few nodes, drawn with plain Views. */
export function qrRows(text: string): { size: number; rows: Array<Array<{ from: number; length: number }>> } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const rows = Array.from({ length: size }, (_, r) => {
    const runs: Array<{ from: number; length: number }> = [];
    for (let c = 0; c < size; c++) {
      if (!qr.isDark(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.from + last.length === c) last.length += 1;
      else runs.push({ from: c, length: 1 });
    }
    return runs;
  });
  return { size, rows };
}

/**
 * A QR drawn as rows of dark runs in percentages: the same Views on weapp and H5 (no canvas, no image
 * API), sharp at any size. A 4-module quiet zone around it, as scanners expect.
 */
export default function PresenceQr({ text, testId }: { text: string; testId?: string }) {
  const { size, rows } = qrRows(text);
  const total = size + 8;
  const pct = (n: number) => `${(n / total) * 100}%`;
  return (
    <View
      className="presence-qr"
      data-testid={testId}
      data-token={text}
      style={{ position: 'relative', width: '100%', paddingBottom: '100%', background: '#fff' }}
    >
      {rows.map((runs, r) =>
        runs.map((run) => (
          <View
            key={`${r}-${run.from}`}
            style={{
              position: 'absolute',
              top: pct(r + 4),
              left: pct(run.from + 4),
              width: pct(run.length),
              height: pct(1),
              background: '#000',
            }}
          />
        )),
      )}
    </View>
  );
}
