/**
 * Large import files go to the cloud in pieces: a call's data should stay under ~100 KB. Pieces are
 * cut by UTF-8 size (a Chinese CSV is 3 bytes a character; base64 XLSX is 1), never inside a character.
 */
export const PIECE_BYTES = 90_000;
/** 5 MB of XLSX is ~7 MB of base64: 80 pieces. */
export const MAX_PIECES = 80;

export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function splitIntoPieces(text: string, maxBytes = PIECE_BYTES): string[] {
  const pieces: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Bytes(ch);
    if (bytes + size > maxBytes) {
      pieces.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  if (current || !pieces.length) pieces.push(current);
  return pieces;
}
