// Weather icons drawn on a 64x64 grid, one per MGM condition. No ids, gradients or <defs>,
// so any number of icons can share a page.
import type { ComponentChildren } from "preact";
import { CONDITION_TEXT, type ConditionKey } from "./conditions.ts";

const SUN = "#f5b400";
const MOON = "#f3c94f";
const CLOUD = "#9aa7b4";
const CLOUD_DARK = "#6b7785";
const RAIN = "#1f6fd1";
const SNOW = "#7fb3e6";
const HAIL = "#e4f0fb";
const BOLT = "#f08a00";
const SMOKE = "#7d858e";
const DUST = "#c8964b";

type Point = readonly [number, number];

const round = (n: number) => Math.round(n * 100) / 100;

/** Sun centred on (cx, cy); the whole figure is about 2 × (r + 9) across. */
function Sun({ cx, cy, r }: { cx: number; cy: number; r: number }) {
  const rays = Array.from({ length: 8 }, (_, i) => {
    const a = (i * Math.PI) / 4;
    return (
      <line
        key={i}
        x1={round(cx + Math.cos(a) * (r + 4))}
        y1={round(cy + Math.sin(a) * (r + 4))}
        x2={round(cx + Math.cos(a) * (r + 9))}
        y2={round(cy + Math.sin(a) * (r + 9))}
      />
    );
  });
  return (
    <g>
      <g stroke={SUN} stroke-width="3" stroke-linecap="round">
        {rays}
      </g>
      <circle cx={cx} cy={cy} r={r} fill={SUN} />
    </g>
  );
}

/** Crescent moon, lit on the left; drawn in a 64 box and moved/scaled with `transform`. */
function Moon({ transform }: { transform?: string }) {
  return <path transform={transform} d="M40 10 A22 22 0 1 0 54 44 A17 17 0 0 1 40 10 Z" fill={MOON} />;
}

/** A cloud about 40 × 28, its top-left corner at (x, y) before scaling. */
function Cloud({ x, y, s = 1, fill = CLOUD }: { x: number; y: number; s?: number; fill?: string }) {
  return (
    <g transform={`translate(${x - 4 * s} ${y}) scale(${s})`} fill={fill}>
      <circle cx="13" cy="17" r="9" />
      <circle cx="25" cy="12" r="12" />
      <circle cx="36" cy="18" r="8" />
      <rect x="4" y="17" width="40" height="11" rx="5.5" />
    </g>
  );
}

/** Sun or moon in the upper left, for conditions with some clear sky. */
function SkyBody({ isDay, big }: { isDay: boolean; big?: boolean }) {
  if (isDay) return big ? <Sun cx={24} cy={24} r={10} /> : <Sun cx={22} cy={20} r={8} />;
  return big ? <Moon transform="translate(2 0) scale(0.7)" /> : <Moon transform="translate(2 -2) scale(0.6)" />;
}

function Drop([x, y]: Point, key: number) {
  return (
    <path
      key={key}
      d={`M${x} ${y - 5} C${x + 1.5} ${y - 2} ${x + 3.2} ${y} ${x + 3.2} ${y + 1.8} A3.2 3.2 0 0 1 ${x - 3.2} ${y + 1.8} C${x - 3.2} ${y} ${x - 1.5} ${y - 2} ${x} ${y - 5} Z`}
      fill={RAIN}
    />
  );
}

function Streak([x, y]: Point, key: number) {
  return <line key={key} x1={x} y1={y} x2={x - 4} y2={y + 9} stroke={RAIN} stroke-width="3" stroke-linecap="round" />;
}

function Dot([x, y]: Point, key: number) {
  return <circle key={key} cx={x} cy={y} r="1.8" fill={RAIN} />;
}

function Flake([x, y]: Point, key: number) {
  const r = 4.5;
  const arms = [0, 60, 120].map((deg) => {
    const a = (deg * Math.PI) / 180;
    const dx = round(Math.cos(a) * r);
    const dy = round(Math.sin(a) * r);
    return <line key={deg} x1={x - dx} y1={y - dy} x2={x + dx} y2={y + dy} />;
  });
  return (
    <g key={key} stroke={SNOW} stroke-width="2.2" stroke-linecap="round">
      {arms}
    </g>
  );
}

function Hailstone([x, y]: Point, key: number) {
  return <circle key={key} cx={x} cy={y} r="3.2" fill={HAIL} stroke={SNOW} stroke-width="1.6" />;
}

function Bolt() {
  return <path d="M35 32 L25 47 H32 L28 61 L42 43 H35 L40 32 Z" fill={BOLT} stroke="#c96f00" stroke-width="1" stroke-linejoin="round" />;
}

/** Cloud high up with something falling below it. */
function Falling({ fill = CLOUD, children }: { fill?: string; children: ComponentChildren }) {
  return (
    <g>
      <Cloud x={12} y={4} fill={fill} />
      {children}
    </g>
  );
}

function Lines({ color, lines }: { color: string; lines: readonly (readonly [number, number, number])[] }) {
  return (
    <g stroke={color} stroke-width="3.5" stroke-linecap="round">
      {lines.map(([y, x1, x2]) => (
        <line key={y} x1={x1} y1={y} x2={x2} y2={y} />
      ))}
    </g>
  );
}

function Wind({ color }: { color: string }) {
  return (
    <g stroke={color} stroke-width="3.5" stroke-linecap="round" fill="none">
      <path d="M8 24 H38 a6 6 0 1 0 -6 -6" />
      <path d="M6 34 H48 a6 6 0 1 0 -6 -6" />
      <path d="M10 44 H36 a6 6 0 1 1 -6 6" />
    </g>
  );
}

const pts = (...p: Point[]) => p;

function drawing(condition: ConditionKey, isDay: boolean): ComponentChildren {
  switch (condition) {
    case "acik":
      return isDay ? <Sun cx={32} cy={32} r={12} /> : <Moon />;
    case "az-bulutlu":
      return (
        <g>
          <SkyBody isDay={isDay} big />
          <Cloud x={28} y={34} s={0.7} />
        </g>
      );
    case "parcali-bulutlu":
      return (
        <g>
          <SkyBody isDay={isDay} big />
          <Cloud x={16} y={26} s={1} />
        </g>
      );
    case "cok-bulutlu":
      return (
        <g>
          <Cloud x={22} y={12} s={0.85} fill={CLOUD} />
          <Cloud x={8} y={24} s={1.05} fill={CLOUD_DARK} />
        </g>
      );
    case "hafif-yagmurlu":
      return <Falling>{pts([26, 44], [38, 50]).map(Drop)}</Falling>;
    case "yagmurlu":
      return <Falling>{pts([20, 44], [32, 50], [44, 44]).map(Drop)}</Falling>;
    case "kuvvetli-yagmurlu":
      return <Falling fill={CLOUD_DARK}>{pts([18, 42], [30, 42], [42, 42], [24, 55], [36, 55], [48, 55]).map(Drop)}</Falling>;
    case "karla-karisik-yagmurlu":
      return (
        <Falling>
          {pts([20, 44], [44, 44], [32, 56]).map(Drop)}
          {pts([32, 44], [20, 56], [44, 56]).map(Flake)}
        </Falling>
      );
    case "hafif-kar-yagisli":
      return <Falling>{pts([25, 45], [39, 51]).map(Flake)}</Falling>;
    case "kar-yagisli":
      return <Falling>{pts([19, 45], [32, 51], [45, 45]).map(Flake)}</Falling>;
    case "yogun-kar-yagisli":
      return <Falling fill={CLOUD_DARK}>{pts([17, 43], [30, 43], [43, 43], [23, 55], [36, 55], [49, 55]).map(Flake)}</Falling>;
    case "hafif-saganak-yagisli":
      return <Falling>{pts([28, 40], [40, 44]).map(Streak)}</Falling>;
    case "saganak-yagisli":
      return <Falling>{pts([22, 40], [34, 44], [46, 40]).map(Streak)}</Falling>;
    case "kuvvetli-saganak-yagisli":
      return <Falling fill={CLOUD_DARK}>{pts([20, 38], [32, 38], [44, 38], [26, 51], [38, 51], [50, 51]).map(Streak)}</Falling>;
    case "mevzi-saganak-yagisli":
      return (
        <g>
          <SkyBody isDay={isDay} />
          <Cloud x={16} y={14} s={0.95} />
          {pts([30, 46], [42, 46]).map(Streak)}
        </g>
      );
    case "gokgurultulu-saganak-yagisli":
      return (
        <Falling fill={CLOUD_DARK}>
          <Bolt />
          {pts([20, 40], [52, 40]).map(Streak)}
        </Falling>
      );
    case "kuvvetli-gokgurultulu-saganak-yagisli":
      return (
        <Falling fill={CLOUD_DARK}>
          <Bolt />
          {pts([18, 38], [52, 38], [14, 51], [48, 51]).map(Streak)}
        </Falling>
      );
    case "dolu":
      return <Falling>{pts([20, 43], [32, 47], [44, 43], [26, 55], [38, 57]).map(Hailstone)}</Falling>;
    case "sisli":
      return (
        <g>
          <Cloud x={14} y={4} s={0.9} />
          <Lines
            color={CLOUD}
            lines={[
              [38, 10, 54],
              [46, 14, 50],
              [54, 10, 54],
            ]}
          />
        </g>
      );
    case "puslu":
      return (
        <g>
          {isDay ? <Sun cx={32} cy={26} r={11} /> : <Moon transform="translate(4 -2) scale(0.85)" />}
          <Lines
            color={CLOUD}
            lines={[
              [44, 8, 56],
              [52, 14, 50],
              [60, 20, 44],
            ]}
          />
        </g>
      );
    case "dumanli":
      return (
        <g stroke={SMOKE} stroke-width="3.5" stroke-linecap="round" fill="none">
          <path d="M18 58 c-6 -6 6 -10 0 -16 c-6 -6 6 -10 0 -16" />
          <path d="M32 58 c-6 -6 6 -10 0 -16 c-6 -6 6 -10 0 -16 c-6 -6 6 -10 0 -16" />
          <path d="M46 58 c-6 -6 6 -10 0 -16 c-6 -6 6 -10 0 -16" />
          <line x1="8" y1="60" x2="56" y2="60" stroke={CLOUD_DARK} />
        </g>
      );
    case "toz-firtinasi":
      return (
        <g>
          <Wind color={DUST} />
          <g fill={DUST}>
            {pts([14, 14], [24, 10], [50, 16], [54, 42], [44, 54], [16, 54], [22, 60], [52, 58]).map(([x, y], i) => (
              <circle key={i} cx={x} cy={y} r="1.8" />
            ))}
          </g>
        </g>
      );
    case "ruzgarli":
      return <Wind color={CLOUD_DARK} />;
    case "hafif-ciseleme":
      return <Falling>{pts([24, 42], [36, 46], [30, 53]).map(Dot)}</Falling>;
    case "ciseleme":
      return <Falling>{pts([18, 42], [30, 42], [42, 42], [24, 50], [36, 50], [48, 50], [30, 58], [42, 58]).map(Dot)}</Falling>;
    case "donan-yagmur":
      return (
        <Falling>
          {pts([22, 43], [36, 47]).map(Drop)}
          <g fill={SNOW}>
            <rect x="10" y="54" width="44" height="4" rx="2" />
            <path d="M18 57 h5 l-2.5 6 Z M30 57 h5 l-2.5 5 Z M42 57 h5 l-2.5 6 Z" />
          </g>
        </Falling>
      );
    case "bilinmiyor":
      return (
        <g fill="none" stroke-linecap="round">
          <circle cx="32" cy="32" r="24" stroke={CLOUD} stroke-width="3" />
          <path d="M25 26 A7 7 0 1 1 35.5 32 Q32 34 32 38 V39" stroke={CLOUD_DARK} stroke-width="4" />
          <circle cx="32" cy="46.5" r="2.6" fill={CLOUD_DARK} />
        </g>
      );
  }
}

/** A weather icon; screen readers read the MGM text. `isDay === false` draws the moon for clear skies. */
export function WeatherIcon({ condition, isDay, size }: { condition: ConditionKey; isDay?: boolean; size?: number }) {
  // Guards against a stray string from untyped data (e.g. JSON): it draws as unknown.
  const known: ConditionKey = Object.hasOwn(CONDITION_TEXT, condition) ? condition : "bilinmiyor";
  const text = CONDITION_TEXT[known];
  const px = size ?? 64;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={px} height={px} role="img" aria-label={text}>
      <title>{text}</title>
      {drawing(known, isDay !== false)}
    </svg>
  );
}
