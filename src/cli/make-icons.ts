// npm run icons: draws the Teams app icons into manifest/ (committed; run again only to change them).
// The glyph is a speech bubble with a tick: "ask about the plan, keep it on track".
//   color.png   192×192, white glyph on the accent colour (Teams rounds the corners itself)
//   outline.png  32×32, white glyph on a transparent background (only white and transparent pixels)
// Deterministic: the same code always writes the same bytes (a test checks the committed files).
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { fromRoot } from '../paths/package-root.js';

export const ACCENT = { hex: '#0F6C7E', rgb: [0x0f, 0x6c, 0x7e] as const };

type Point = readonly [number, number];
type Shape = (x: number, y: number) => boolean;

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(x: number, y: number, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function nearPolyline(x: number, y: number, points: readonly Point[], halfWidth: number): boolean {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i]!, [bx, by] = points[i + 1]!;
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth) return true;
  }
  return false;
}

/** Fraction of the pixel covered by the shape, from a 6×6 grid of samples (anti-aliasing). */
function coverage(shape: Shape, px: number, py: number): number {
  const n = 6;
  let inside = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (shape(px + (i + 0.5) / n, py + (j + 0.5) / n)) inside++;
  return inside / (n * n);
}

/** The glyph on a unit square (0..1): a bubble with a tail, and a tick. */
function glyph(size: number) {
  const s = (v: number) => v * size;
  const bubble: Shape = (x, y) => inRoundedRect(x, y, s(0.2), s(0.22), s(0.8), s(0.68), s(0.11))
    || inTriangle(x, y, [s(0.3), s(0.6)], [s(0.47), s(0.6)], [s(0.27), s(0.82)]);
  const tickPoints: Point[] = [[s(0.36), s(0.45)], [s(0.46), s(0.55)], [s(0.65), s(0.35)]];
  return { bubble, tickPoints, s };
}

export function colorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const { bubble, tickPoints, s } = glyph(size);
  const tick: Shape = (x, y) => nearPolyline(x, y, tickPoints, s(0.035));
  const [ar, ag, ab] = ACCENT.rgb;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // White bubble over the accent, then the tick cut back out in the accent colour.
      const white = coverage(bubble, x, y) * (1 - coverage(tick, x, y));
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ar + (255 - ar) * white);
      png.data[i + 1] = Math.round(ag + (255 - ag) * white);
      png.data[i + 2] = Math.round(ab + (255 - ab) * white);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

export function outlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  // Drawn for 32 pixels: a 2-pixel bubble outline, a filled tail and a 2-pixel tick.
  const ring: Shape = (x, y) => inRoundedRect(x, y, 3, 5, 29, 23, 5) && !inRoundedRect(x, y, 5, 7, 27, 21, 3);
  const tail: Shape = (x, y) => inTriangle(x, y, [8, 21], [14, 21], [7, 28]);
  const tick: Shape = (x, y) => nearPolyline(x, y, [[11, 14], [14.5, 17.5], [21, 11]], 1.1);
  const shape: Shape = (x, y) => ring(x, y) || tail(x, y) || tick(x, y);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverage(shape, x, y) * 255);
      const i = (y * size + x) * 4;
      // Fully transparent pixels are stored as transparent black; every other pixel is white.
      const v = alpha === 0 ? 0 : 255;
      png.data[i] = v; png.data[i + 1] = v; png.data[i + 2] = v; png.data[i + 3] = alpha;
    }
  }
  return png;
}

export function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

export const MANIFEST_DIR = fromRoot('manifest');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const [name, png] of [['color.png', colorIcon()], ['outline.png', outlineIcon()]] as const) {
    const file = path.join(MANIFEST_DIR, name);
    fs.writeFileSync(file, encode(png));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${png.width}×${png.height})`);
  }
}
