/**
 * What a ZIP (a .docx) says it holds, read from its central directory without inflating anything: a
 * 200 KB upload can expand to gigabytes, so its size is checked before mammoth reads it. One pass over
 * the directory, bounded by the file's size.
 */

export type ZipDirectory = {
  entries: number;
  /** Sum of the declared uncompressed sizes; Infinity for ZIP64 (a .docx never needs it). */
  inflatedBytes: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** The directory of a ZIP, or undefined when `buf` is not a readable ZIP. */
export function readZipDirectory(buf: Buffer): ZipDirectory | undefined {
  const last = buf.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  let eocd = -1;
  for (let i = last; i >= first; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    return { entries, inflatedBytes: Number.POSITIVE_INFINITY };
  if (offset + size > eocd) return undefined;
  let inflatedBytes = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const uncompressed = buf.readUInt32LE(p + 24);
    if (uncompressed === 0xffffffff) return { entries, inflatedBytes: Number.POSITIVE_INFINITY };
    inflatedBytes += uncompressed;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { entries, inflatedBytes };
}
