// Illustrations for demo articles, drawn as SVG from a seed so that no binaries live in git.
import { mulberry32 } from "./random.ts";

function shade(hex: string, factor: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.max(0, Math.min(255, Math.round(((n >> shift) & 255) * factor)));
  return `rgb(${channel(16)},${channel(8)},${channel(0)})`;
}

/**
 * A 16:9 abstract composition in the category colour; the same seed always gives the same picture. Drawn on a
 * 1200×675 canvas and rasterised at `outputWidth` (1600 px by default: every share crop with room to spare,
 * media/shareCrops.ts; larger only slows seeding down).
 */
export function demoArtSvg(seed: number, color: string, outputWidth = 1600): string {
  const width = 1200;
  const height = 675;
  const rand = mulberry32(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const cx = Math.round(rand() * width);
    const cy = Math.round(rand() * height);
    const r = Math.round(60 + rand() * 320);
    const opacity = (0.08 + rand() * 0.22).toFixed(2);
    shapes.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff" fill-opacity="${opacity}"/>`);
  }
  const base = Math.round(height * (0.55 + rand() * 0.2));
  const points: string[] = [];
  for (let x = 0; x <= width; x += width / 8) {
    points.push(`${Math.round(x)},${Math.round(base - rand() * height * 0.25)}`);
  }
  const hills = `<polygon points="0,${height} ${points.join(" ")} ${width},${height}" fill="${shade(color, 0.45)}" fill-opacity="0.85"/>`;
  const stripes = Array.from({ length: 4 }, (_, i) => {
    const y = Math.round(height * (0.12 + i * 0.07 + rand() * 0.03));
    const w = Math.round(width * (0.15 + rand() * 0.3));
    return `<rect x="${Math.round(width * 0.07)}" y="${y}" width="${w}" height="10" rx="5" fill="#fff" fill-opacity="0.35"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${outputWidth}" height="${Math.round((outputWidth * height) / width)}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(color, 1.25)}"/><stop offset="1" stop-color="${shade(color, 0.6)}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join("")}${hills}${stripes}</svg>`;
}
