/**
 * A zip archive written with Node's zlib, for fixtures of tens of MB. JSZip deflates and checksums in
 * JavaScript, 16 KB at a time (~1 s for a 40 MB part); zlib does the same in ~0.1 s. Plain zip: sizes
 * and CRC in each local header and in the central directory (no data descriptors, no zip64), which is
 * what the tests that rewrite a header (lieAboutSize) expect to find.
 */
import JSZip from 'jszip';
import * as zlib from 'zlib';

/**
 * A part: its bytes, deflated unless `store`. Bytes given as pieces are never joined: a 40 MB part of
 * one 1 MB piece repeated costs 1 MB of memory and one deflate of 1 MB (allocating and filling 40 MB
 * fresh costs more than deflating it).
 */
export interface ZipPart {
  data: Buffer | Buffer[];
  store?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_x, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `data` continued from `crc`: zlib.crc32 where Node has it (20.15+), else the table. */
function crc32(data: Buffer, crc: number): number {
  const native = (zlib as { crc32?: (d: Buffer, v: number) => number }).crc32;
  if (native) return native(data, crc);
  let c = crc ^ 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Raw deflate of the pieces in order. Each piece is deflated alone and ended by a sync flush (byte
 * aligned, not final), so the pieces' outputs joined and closed by an empty final block are one valid
 * stream; a piece repeated is deflated once.
 */
function deflatePieces(pieces: Buffer[]): Buffer {
  const done = new Map<Buffer, Buffer>();
  const out = pieces.map((piece) => {
    let packed = done.get(piece);
    if (!packed) {
      packed = zlib.deflateRawSync(piece, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      done.set(piece, packed);
    }
    return packed;
  });
  return Buffer.concat([...out, zlib.deflateRawSync(Buffer.alloc(0))]);
}

/** The archive of `parts` in their order, names as UTF-8. */
export function writeZip(parts: Map<string, ZipPart>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const pieces = Buffer.isBuffer(part.data) ? [part.data] : part.data;
    const size = pieces.reduce((n, piece) => n + piece.length, 0);
    const packed = part.store ? pieces : [deflatePieces(pieces)];
    const packedSize = packed.reduce((n, piece) => n + piece.length, 0);
    const method = part.store ? 0 : 8;
    const crc = pieces.reduce((c, piece) => crc32(piece, c), 0);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packedSize, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packedSize, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(head, nameBytes, ...packed);
    central.push(entry, nameBytes);
    offset += head.length + nameBytes.length + packedSize;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** The files of an archive by name, inflated (folders left out), in the archive's order. */
export async function readZip(bytes: Buffer): Promise<Map<string, ZipPart>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, ZipPart>();
  for (const file of Object.values(zip.files))
    if (!file.dir) parts.set(file.name, { data: await file.async('nodebuffer') });
  return parts;
}
