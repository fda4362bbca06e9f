import type { Chrome } from "../ui/Layout.tsx";
import { Layout } from "../ui/Layout.tsx";
import { formatIstanbulClock, formatIstanbulTime } from "../lib/time.ts";
import { CONDITION_TEXT } from "./conditions.ts";
import { WeatherIcon } from "./icons.tsx";
import { GEONAMES_CREDIT, type Province } from "./provinces.ts";
import { formatTemperature, type WeatherSort, type WeatherView } from "./view.ts";

const DAY_NAMES = ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"];

function dayName(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return `${DAY_NAMES[d.getUTCDay()]} ${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

function Credit({ provider }: { provider: string | null }) {
  return (
    <p class="weather-credit">
      {provider === "mgm" ? "Hava durumu verisi: Meteoroloji Genel Müdürlüğü (MGM)." : provider ? "Hava durumu verisi: Open-Meteo.com (CC BY 4.0)." : ""}{" "}
      {GEONAMES_CREDIT}.
    </p>
  );
}

export function WeatherProvincePage({ chrome, weather }: { chrome: Chrome; weather: WeatherView }) {
  return (
    <Layout
      chrome={chrome}
      title={`${weather.province} hava durumu | ${chrome.siteName}`}
      description={`${weather.province} için güncel hava durumu ve 7 günlük tahmin.`}
      canonicalPath={`/hava-durumu/${weather.slug}/`}
    >
      <article class="weather-page">
        <p class="breadcrumb">
          <a href="/hava-durumu/">Hava durumu</a> › {weather.province}
        </p>
        <h1>{weather.province} hava durumu</h1>
        {weather.temperature === null || !weather.condition ? (
          <p class="empty">{weather.province} için henüz hava durumu verisi yok. Veriler geldiğinde burada görünecek.</p>
        ) : (
          <section class="weather-now" aria-labelledby="simdi">
            <h2 id="simdi" class="visually-hidden">
              Şu an
            </h2>
            <WeatherIcon condition={weather.condition} isDay={weather.isDay ?? undefined} size={96} />
            <div>
              <p class="weather-temp">{formatTemperature(weather.temperature)}</p>
              <p class="weather-cond">{weather.conditionText}</p>
              <ul class="weather-facts">
                {weather.humidity !== null && <li>Nem: %{Math.round(weather.humidity)}</li>}
                {weather.windSpeed !== null && <li>Rüzgâr: {weather.windSpeed.toFixed(1)} km/sa</li>}
                {weather.observedAt && <li>Ölçüm: {formatIstanbulTime(weather.observedAt)}</li>}
                {weather.updatedAt && <li>Son güncelleme {formatIstanbulClock(weather.updatedAt)}</li>}
              </ul>
            </div>
          </section>
        )}
        {weather.forecast.length > 0 && (
          <section aria-labelledby="tahmin">
            <h2 id="tahmin" class="section-title">
              {weather.forecast.length} günlük tahmin
            </h2>
            <div class="table-fit">
              <table class="forecast">
                <thead>
                  <tr>
                    <th scope="col">Gün</th>
                    <th scope="col">Durum</th>
                    <th scope="col">En düşük</th>
                    <th scope="col">En yüksek</th>
                    <th scope="col">
                      Yağış<span class="forecast-long"> olasılığı</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weather.forecast.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{dayName(d.date)}</th>
                      <td>
                        <span class="forecast-cond">
                          <WeatherIcon condition={d.condition} size={36} /> <span>{CONDITION_TEXT[d.condition]}</span>
                        </span>
                      </td>
                      <td>{d.min === null ? "—" : formatTemperature(d.min)}</td>
                      <td>{d.max === null ? "—" : formatTemperature(d.max)}</td>
                      <td>{d.precipitationChance === null ? "—" : `%${Math.round(d.precipitationChance)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        <Credit provider={weather.provider} />
      </article>
    </Layout>
  );
}

/** Temperature to colour: blue at -10 ºC through green to red at 35 ºC. */
export function temperatureColour(t: number): string {
  const x = Math.max(0, Math.min(1, (t + 10) / 45));
  const hue = Math.round(240 - x * 240);
  // Dark enough for white text on every hue (WCAG AA).
  return `hsl(${hue}, 75%, 28%)`;
}

function TurkeyMap({ rows, provinces }: { rows: WeatherView[]; provinces: ReadonlyMap<string, Province> }) {
  // Equirectangular projection of the province seats, scaled for latitude ~39º.
  const W = 900;
  const H = 400;
  const x = (lon: number) => ((lon - 25.6) / (44.9 - 25.6)) * (W - 40) + 20;
  const y = (lat: number) => ((42.2 - lat) / (42.2 - 35.8)) * (H - 40) + 20;
  return (
    <svg class="weather-map" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="harita-baslik">
      <title id="harita-baslik">Türkiye genelinde il merkezlerinin anlık sıcaklıkları</title>
      {rows.map((r) => {
        const p = provinces.get(r.plate);
        if (!p) return null;
        const fill = r.temperature === null ? "#b8b8b8" : temperatureColour(r.temperature);
        return (
          <a key={r.plate} href={`/hava-durumu/${r.slug}/`} aria-label={r.text}>
            <circle cx={x(p.lon)} cy={y(p.lat)} r={15} fill={fill}>
              <title>{r.text}</title>
            </circle>
            <text x={x(p.lon)} y={y(p.lat) + 4} text-anchor="middle" font-size="11" fill="#fff" font-weight="700">
              {r.temperature === null ? "–" : Math.round(r.temperature)}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

export function WeatherIndexPage({
  chrome,
  rows,
  sort,
  provinces,
}: {
  chrome: Chrome;
  rows: WeatherView[];
  sort: WeatherSort;
  provinces: ReadonlyMap<string, Province>;
}) {
  const updated = rows
    .map((r) => r.updatedAt)
    .filter((u): u is string => u !== null)
    .sort()
    .at(-1);
  const sortLink = (key: WeatherSort, label: string) =>
    sort === key ? <strong aria-current="true">{label}</strong> : <a href={key === "ad" ? "/hava-durumu/" : `/hava-durumu/?sirala=${key}`}>{label}</a>;
  return (
    <Layout
      chrome={chrome}
      title={`81 il hava durumu | ${chrome.siteName}`}
      description="Türkiye'nin 81 ilinde anlık hava durumu ve sıcaklıklar."
      canonicalPath="/hava-durumu/"
    >
      <h1 class="page-title">81 ilde hava durumu</h1>
      {updated ? <p class="weather-updated">Son güncelleme {formatIstanbulClock(updated)}</p> : <p class="empty">Henüz hava durumu verisi yok.</p>}
      <TurkeyMap rows={rows} provinces={provinces} />
      <p class="weather-legend">
        {[-10, 5, 20, 35].map((t) => (
          <span key={t}>
            <i style={`background:${temperatureColour(t)}`} aria-hidden="true" /> {t}ºC
          </span>
        ))}
      </p>
      <p class="weather-sort">
        Sırala: {sortLink("ad", "İl adı")} · {sortLink("sicaklik-azalan", "En sıcak")} · {sortLink("sicaklik", "En soğuk")}
      </p>
      <table class="weather-table">
        <thead>
          <tr>
            <th scope="col">İl</th>
            <th scope="col">Durum</th>
            <th scope="col">Sıcaklık</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.plate}>
              <th scope="row">
                <a href={`/hava-durumu/${r.slug}/`}>{r.province}</a>
              </th>
              <td>{r.conditionText ?? "—"}</td>
              <td>{r.temperature === null ? "—" : formatTemperature(r.temperature)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Credit provider={rows.find((r) => r.provider)?.provider ?? null} />
    </Layout>
  );
}
