import { crc32, deflateRawSync } from "node:zlib";

/**
 * Hostile inputs for the importer and the checker: shapes that make a backtracking regex engine rescan a run
 * from each of its positions (quadratic) or try exponentially many splits. Shared by the tests (completion,
 * correctness) and bench/parse.bench.ts (cost per character at 64 KB against 1 MB).
 */

/** A run of `bytes` UTF-8 bytes (about) repeating `unit`. */
const fill = (unit: string, bytes: number) =>
  unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit, "utf8"))));

export const SHAPES = {
  /** One long "line" of letters. */
  letters: "a",
  /** The report that started it: "Ư" repeated (2 bytes each). */
  Ư: "Ư",
  spaces: " ",
  tabs: "\t",
  ngày: "ngày ",
  digits: "1",
  "digits-slashes": "1/",
  dots: ".",
  "caps-words": "ỦY BAN NHÂN DÂN XÃ ",
  "place-date": "Hà Nội, ngày  tháng ",
  number: "Số:   /",
  citations: "Căn cứ Luật số  ",
  partners: "phối hợp với ",
  "dots-then-x": ".;,",
} as const;
export type Shape = keyof typeof SHAPES;

/** The whole text is one shape: a single line of `bytes` bytes. */
export function oneLine(shape: Shape, bytes: number): string {
  return `${fill(SHAPES[shape], bytes)}x`;
}

/**
 * A plan whose every part (header columns, number, place/date, subject, basis, sections, event keys,
 * assignments, recipients, signer) carries a long run of the shape, so each of the importer's steps sees it.
 */
export function inEveryPart(shape: Shape, bytes: number): string {
  const x = fill(SHAPES[shape], Math.floor(bytes / 16));
  return [
    `ỦY BAN NHÂN DÂN\t${x}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
    `XÃ QUẢNG NGHIỆP ${x}\tĐộc lập - Tự do - Hạnh phúc`,
    `Số: ${x}/KH-UBND\tQuảng Nghiệp, ngày ${x} tháng 6 năm ${x}`,
    "KẾ HOẠCH",
    `Tổ chức Hội nghị sơ kết ${x}`,
    `Căn cứ Quyết định số ${x}12/QĐ-UBND ngày ${x} của ${x} về ${x};`,
    `I. MỤC ĐÍCH, YÊU CẦU ${x}`,
    `1. Thời gian: ${x} ngày 12/6/2023 ${x}`,
    `2. Thành phần: khoảng ${x} 50 người ${x}`,
    `3. Kinh phí: ${x} 1.000.000 đồng ${x}`,
    "II. TỔ CHỨC THỰC HIỆN",
    `1. Văn phòng - Thống kê: ${x} phối hợp với ${x} Công an xã, trước ${x} ngày 10/6/2023`,
    `- ${x} | ${x} | ${x}`,
    `1.1.1.1.1.1.1.1. ${x}`,
    `Trên đây là kế hoạch ${x}./.`,
    `Nơi nhận: ${x}`,
    `- ${x};`,
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    `Vũ Chí Mạnh ${x}`,
  ].join("\n");
}

/**
 * A ZIP bomb shaped like a .docx: `word/document.xml` is `inflatedBytes` of spaces, deflated (about 1/1000),
 * its sizes declared honestly in the central directory. Written by hand with node:zlib (fast, native).
 */
export function zipBomb(inflatedBytes: number): Buffer {
  const parts = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    { name: "word/document.xml", data: Buffer.alloc(inflatedBytes, 0x20) },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const compressed = deflateRawSync(p.data, { level: 9 });
    const crc = crc32(p.data);
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(p.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
