// A tiny PNG encoder (8-bit RGB, no interlace) and the deterministic pictures image models return:
// a diagonal gradient with a few circles and bars whose colours and positions come from a hash of
// the prompt and the seed, so the same request gives the same picture and a new prompt a new one.
import { zlibSync } from "fflate";
import { concatBytes } from "./bytes";
import { fnv1a } from "./synthetic/language";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array, start = 0, end = buf.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Encodes RGB pixels (width * height * 3 bytes, row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter type: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    // zlib-wrapped deflate, as PNG's IDAT requires (fflate: the same format node:zlib's deflateSync writes).
    chunk("IDAT", zlibSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Width and height for an aspect ratio like "16:9", 256 px on the long side. */
export function sizeFor(aspectRatio: string, longSide = 256): { width: number; height: number } {
  const [w, h] = aspectRatio.split(":").map(Number);
  if (!w || !h) return { width: longSide, height: longSide };
  return w >= h ? { width: longSide, height: Math.max(1, Math.round((longSide * h) / w)) } : { width: Math.max(1, Math.round((longSide * w) / h)), height: longSide };
}

function colour(h: number): [number, number, number] {
  return [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff];
}

/** The deterministic picture for a prompt and seed, as a PNG. */
export function syntheticImage(prompt: string, seed: number, width: number, height: number): Uint8Array {
  const h = (i: number) => fnv1a(`${prompt}|${seed}|${i}`);
  const [a, b] = [colour(h(1)), colour(h(2))];
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const o = (y * width + x) * 3;
      rgb[o] = a[0] + (b[0] - a[0]) * t;
      rgb[o + 1] = a[1] + (b[1] - a[1]) * t;
      rgb[o + 2] = a[2] + (b[2] - a[2]) * t;
    }
  }
  const shapes = 3 + (h(3) % 4);
  for (let s = 0; s < shapes; s++) {
    const k = h(10 + s);
    const c = colour(h(20 + s));
    const cx = k % width;
    const cy = (k >>> 8) % height;
    const r = 8 + ((k >>> 16) % Math.max(8, Math.floor(Math.min(width, height) / 3)));
    const circle = (k >>> 24) % 2 === 0;
    for (let y = Math.max(0, cy - r); y < Math.min(height, cy + r); y++) {
      for (let x = Math.max(0, cx - r); x < Math.min(width, cx + r); x++) {
        if (circle && (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        if (!circle && Math.abs(y - cy) > r / 3) continue;
        const o = (y * width + x) * 3;
        rgb[o] = c[0];
        rgb[o + 1] = c[1];
        rgb[o + 2] = c[2];
      }
    }
  }
  return encodePng(width, height, rgb);
}
