/**
 * How much of a PNG the figure's ink covers: a small decoder for the 8-bit, non-interlaced
 * RGB(A) images resvg writes (zlib + the five PNG row filters, PNG spec §9), independent of
 * the code that rendered them.
 */
import { inflateSync } from 'node:zlib';

/** Size of the image and the fraction of its area outside the bounding box of its ink. */
export interface InkMeasure {
  width: number;
  height: number;
  /** 1 − (area of the smallest rectangle holding every non-white pixel) / (image area). */
  blankMargin: number;
}

/** Decodes `png` and measures its ink (a pixel is ink when any channel is below 245). */
export function measureInk(png: Uint8Array): InkMeasure {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (pos < png.length) {
    const length = view.getUint32(pos);
    const type = new TextDecoder().decode(png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error('measureInk: only 8-bit non-interlaced RGB(A)');
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = (line[i] + predictor) & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = x * channels;
      if (row[o] < 245 || row[o + 1] < 245 || row[o + 2] < 245) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
    previous = row;
  }
  const inkArea = x1 < 0 ? 0 : (x1 - x0 + 1) * (y1 - y0 + 1);
  return { width, height, blankMargin: 1 - inkArea / (width * height) };
}
