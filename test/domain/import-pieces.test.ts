import { PIECE_BYTES, splitIntoPieces, utf8Bytes } from '@/domain/imports/pieces';

// Large import files are cut by UTF-8 size so each cloud call stays under ~100 KB.
describe('splitIntoPieces', () => {
  it('keeps every piece within the byte limit and the text whole, never cutting a character', () => {
    const text = '学校名称,学段\n'.repeat(9000) + '😀'.repeat(5000) + 'abc';
    const pieces = splitIntoPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBe(Math.ceil(utf8Bytes(text) / PIECE_BYTES));
    for (const p of pieces) {
      expect(utf8Bytes(p)).toBeLessThanOrEqual(PIECE_BYTES);
      expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it('sends a small file as one piece', () => {
    expect(splitIntoPieces('工号,姓名\n1,李')).toEqual(['工号,姓名\n1,李']);
    expect(utf8Bytes('a学😀')).toBe(1 + 3 + 4);
  });
});
