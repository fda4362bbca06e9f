// Turns the province outlines of the npm package turkey-map-react@2.0.5 (MIT, Erdi Gökçe,
// https://github.com/erdigokce/turkey-map-react) into src/weather/map/provinceShapes.json:
// per plate code, one compact SVG path and a label spot (the point inside the province farthest from
// its border, with that distance). Each curve is drawn as a straight line between its end points and
// coordinates are whole units of a 1014 x 450 box: at map size (at most 900 px wide) the difference
// does not show, and the file is 20 KB instead of 190 KB.
// Only the package's data file is read; none of its code is used or copied.
//
//   cd /tmp && npm pack turkey-map-react@2.0.5 && tar xzf turkey-map-react-2.0.5.tgz
//   npx tsx scripts/buildProvinceShapes.ts /tmp/package
import fs from "node:fs";
import path from "node:path";

interface SourceCity {
  plateNumber: number;
  name: string;
  path: string;
}

type Point = [number, number];
/** A ring of a path: its start and the end point of each line or curve after it. */
interface Ring {
  start: Point;
  ends: Point[];
}

/** The `cities` array of lib/data/index.js (`export var cities = [ ...JSON... ];`). */
function readCities(packageDir: string): SourceCity[] {
  const text = fs.readFileSync(path.join(packageDir, "lib/data/index.js"), "utf8");
  const json = text.slice(text.indexOf("["), text.lastIndexOf("]") + 1);
  const cities = JSON.parse(json) as SourceCity[];
  if (cities.length !== 81) throw new Error(`expected 81 provinces, found ${cities.length}`);
  return cities;
}

/** Absolute M / L / C / z commands (the only ones the source uses) into rings; curves keep only their end points. */
function parsePath(d: string): Ring[] {
  const tokens = d.match(/[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const rings: Ring[] = [];
  let i = 0;
  let command = "";
  const num = (): number => {
    const t = tokens[i++];
    const n = Number(t);
    if (t === undefined || !Number.isFinite(n)) throw new Error(`bad number near token ${i}`);
    return n;
  };
  const point = (): Point => [num(), num()];
  while (i < tokens.length) {
    const t = tokens[i];
    if (t !== undefined && /[A-Za-z]/.test(t)) {
      command = t;
      i++;
    }
    if (command === "M") {
      rings.push({ start: point(), ends: [] });
      command = "L"; // further pairs after M are line-tos
    } else if (command === "L") rings.at(-1)?.ends.push(point());
    else if (command === "C") {
      i += 4; // the two control points
      rings.at(-1)?.ends.push(point());
    } else if (command === "z" || command === "Z") command = "";
    else throw new Error(`unsupported path command ${command}`);
  }
  return rings;
}

const round = ([x, y]: Point, [ox, oy]: Point): Point => [Math.round(x - ox), Math.round(y - oy)];

/** SVG numbers joined the short way: "12-3 4" (a minus sign separates by itself). */
function numbers(values: number[]): string {
  let out = "";
  for (const v of values) out += out === "" || v < 0 ? String(v) : ` ${v}`;
  return out;
}

/**
 * One ring as a relative path from rounded absolute points (so rounding never accumulates):
 * `M x y l dx dy dx dy ... z`, the line-to letter written once (SVG repeats it).
 */
function ringPath(ring: Ring, origin: Point): string {
  let [cx, cy] = round(ring.start, origin);
  const steps: number[] = [];
  for (const end of ring.ends) {
    const [x, y] = round(end, origin);
    if (x !== cx || y !== cy) steps.push(x - cx, y - cy);
    [cx, cy] = [x, y];
  }
  const [sx, sy] = round(ring.start, origin);
  return `M${numbers([sx, sy])}l${numbers(steps)}z`;
}

/** The ring as drawn (end points only), in output coordinates. */
function ringPolygon(ring: Ring, origin: Point): Point[] {
  return [ring.start, ...ring.ends].map((p) => round(p, origin));
}

function inside([x, y]: Point, polygons: Point[][]): boolean {
  let odd = false;
  for (const poly of polygons) {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i] as Point;
      const [xj, yj] = poly[j] as Point;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function distanceToEdges([x, y]: Point, polygons: Point[][]): number {
  let best = Infinity;
  for (const poly of polygons) {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [ax, ay] = poly[j] as Point;
      const [bx, by] = poly[i] as Point;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return best;
}

/** The inside point farthest from the border (a coarse grid, then finer grids around the best). */
function labelSpot(polygons: Point[][]): [number, number, number] {
  const all = polygons.flat();
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  let box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  let best: [number, number, number] = [0, 0, -1];
  for (const step of [4, 1, 0.25]) {
    for (let x = box.x0; x <= box.x1; x += step) {
      for (let y = box.y0; y <= box.y1; y += step) {
        if (!inside([x, y], polygons)) continue;
        const d = distanceToEdges([x, y], polygons);
        if (d > best[2]) best = [x, y, d];
      }
    }
    box = { x0: best[0] - step * 2, x1: best[0] + step * 2, y0: best[1] - step * 2, y1: best[1] + step * 2 };
  }
  return [Math.round(best[0]), Math.round(best[1]), Math.floor(best[2])];
}

function main(): void {
  const packageDir = process.argv[2];
  if (!packageDir) throw new Error("usage: tsx scripts/buildProvinceShapes.ts <unpacked turkey-map-react package>");
  const cities = readCities(packageDir).sort((a, b) => a.plateNumber - b.plateNumber);
  const parsed = cities.map((c) => ({ city: c, rings: parsePath(c.path) }));
  const points = parsed.flatMap((p) => p.rings.flatMap((r) => [r.start, ...r.ends]));
  const margin = 4;
  const origin: Point = [Math.floor(Math.min(...points.map((p) => p[0]))) - margin, Math.floor(Math.min(...points.map((p) => p[1]))) - margin];
  const width = Math.ceil(Math.max(...points.map((p) => p[0])) - origin[0]) + margin;
  const height = Math.ceil(Math.max(...points.map((p) => p[1])) - origin[1]) + margin;
  const provinces = parsed.map(({ city, rings }) => ({
    plate: String(city.plateNumber).padStart(2, "0"),
    name: city.name,
    d: rings.map((r) => ringPath(r, origin)).join(""),
    label: labelSpot(rings.map((r) => ringPolygon(r, origin))),
  }));
  const out = {
    source: "turkey-map-react@2.0.5 lib/data/index.js (MIT, Copyright (c) 2020 Erdi Gökçe)",
    width,
    height,
    provinces,
  };
  const target = new URL("../src/weather/map/provinceShapes.json", import.meta.url);
  fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${target.pathname}: ${provinces.length} provinces, ${width}x${height}, ${fs.statSync(target).size} bytes`);
}

main();
