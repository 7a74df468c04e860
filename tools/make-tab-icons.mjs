// Draws the tab bar and map marker icons (81×81 PNG, grey and green) as simple shapes: WeChat's tab bar takes no SVG.
// Run once after changing a shape: node tools/make-tab-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(inside, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      // 3×3 supersampling for smooth edges.
      let hits = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (inside(x + (i + 0.5) / 3, y + (j + 0.5) / 3)) hits++;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((hits / 9) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ring = (cx, cy, r1, r2) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d >= r1 && d <= r2;
};
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const line = (x0, y0, x1, y1, w) => (x, y) => {
  const dx = x1 - x0,
    dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= w / 2;
};
const any =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));

const shapes = {
  // 查学区: a magnifier
  lookup: any(ring(34, 34, 17, 23), line(51, 51, 68, 68, 8)),
  // 学区: a school building under a roof
  xuequ: any(
    line(12, 34, 40, 14, 6),
    line(40, 14, 68, 34, 6),
    rect(18, 34, 24, 66),
    rect(37, 34, 43, 66),
    rect(56, 34, 62, 66),
    rect(12, 64, 68, 70),
  ),
  // 政策: a document with lines of text
  policy: any(
    rect(18, 10, 22, 71),
    rect(58, 10, 62, 71),
    rect(18, 10, 62, 14),
    rect(18, 67, 62, 71),
    rect(28, 26, 52, 30),
    rect(28, 38, 52, 42),
    rect(28, 50, 46, 54),
  ),
  // 我的: a person
  me: any(disc(40, 26, 13), (x, y) => y >= 46 && y <= 70 && Math.hypot((x - 40) / 26, (y - 70) / 24) <= 1),
};
// Map marker for school locations (a pin), written beside the tab icons' folder.
const pin = any(disc(40, 30, 22), (x, y) => y >= 30 && y <= 76 && Math.abs(x - 40) <= (76 - y) * 0.48);
writeFileSync(
  new URL('../src/assets/map/school.png', import.meta.url),
  png((x, y) => pin(x, y) && !disc(40, 30, 9)(x, y), [7, 193, 96]),
);
writeFileSync(
  new URL('../src/assets/map/neighbour.png', import.meta.url),
  png((x, y) => pin(x, y) && !disc(40, 30, 9)(x, y), [87, 107, 149]),
);

for (const [name, inside] of Object.entries(shapes)) {
  writeFileSync(new URL(`../src/assets/tab/${name}.png`, import.meta.url), png(inside, [127, 127, 127]));
  writeFileSync(new URL(`../src/assets/tab/${name}-on.png`, import.meta.url), png(inside, [7, 193, 96]));
}
console.log('tab icons written');
