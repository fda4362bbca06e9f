import type { Chrome } from "../ui/Layout.tsx";
import { Layout } from "../ui/Layout.tsx";
import { formatIstanbulClock, formatIstanbulTime } from "../lib/time.ts";
import { CONDITION_TEXT } from "./conditions.ts";
import { WeatherIcon } from "./icons.tsx";
import { WeatherMap } from "./map/WeatherMap.tsx";
import { GEONAMES_CREDIT } from "./provinces.ts";
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

export function WeatherIndexPage({ chrome, rows, sort }: { chrome: Chrome; rows: WeatherView[]; sort: WeatherSort }) {
  const updated = rows
    .map((r) => r.updatedAt)
    .filter((u): u is string => u !== null)
    .sort()
    .at(-1);
  const hasData = rows.some((r) => r.temperature !== null);
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
      {hasData && updated ? (
        <p class="weather-updated">Son güncelleme {formatIstanbulClock(updated)}</p>
      ) : (
        <p class="weather-empty" role="status">
          Şu an hava durumu verisi yok: hava durumu servisinden henüz veri alınamadı. Veriler geldiğinde harita illerin sıcaklığına göre renklenecek; il sayfaları
          aşağıda.
        </p>
      )}
      <WeatherMap rows={rows} />
      {hasData && (
        <p class="weather-sort">
          Sırala: {sortLink("ad", "İl adı")} · {sortLink("sicaklik-azalan", "En sıcak")} · {sortLink("sicaklik", "En soğuk")}
        </p>
      )}
      <table class="weather-table">
        <caption class="visually-hidden">İllerin anlık hava durumu ve sıcaklığı</caption>
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
