/**
 * GBK bytes of a text, for tests of files saved by Excel as plain “CSV” on Chinese Windows. Node can
 * decode GBK but not encode it: the table is built by decoding every two-byte code once.
 */
let table: Map<string, number[]> | null = null;

export function gbkBytes(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      out.push(...code);
    }
  }
  return Buffer.from(out);
}
