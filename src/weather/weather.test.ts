import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { type FakeServer, fakeMgm, fakeOpenMeteo } from "../../test/fakeWeather.ts";
import { MAP_SHAPES } from "./map/shapes.ts";
import { createMgmProvider } from "./mgm.ts";
import { createOpenMeteoProvider } from "./openMeteo.ts";
import { PROVINCES_SORTED } from "./provinces.ts";
import { refreshWeather, startWeatherRefresher } from "./refresher.ts";
import { ProviderError } from "./types.ts";
import { formatTemperature, weatherLine } from "./view.ts";

// The picker's order, written out by hand from the Turkish alphabet (a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z).
const EXPECTED_ORDER = [
  "Adana",
  "Adıyaman",
  "Afyonkarahisar",
  "Ağrı",
  "Aksaray",
  "Amasya",
  "Ankara",
  "Antalya",
  "Ardahan",
  "Artvin",
  "Aydın",
  "Balıkesir",
  "Bartın",
  "Batman",
  "Bayburt",
  "Bilecik",
  "Bingöl",
  "Bitlis",
  "Bolu",
  "Burdur",
  "Bursa",
  "Çanakkale",
  "Çankırı",
  "Çorum",
  "Denizli",
  "Diyarbakır",
  "Düzce",
  "Edirne",
  "Elazığ",
  "Erzincan",
  "Erzurum",
  "Eskişehir",
  "Gaziantep",
  "Giresun",
  "Gümüşhane",
  "Hakkari",
  "Hatay",
  "Iğdır",
  "Isparta",
  "İstanbul",
  "İzmir",
  "Kahramanmaraş",
  "Karabük",
  "Karaman",
  "Kars",
  "Kastamonu",
  "Kayseri",
  "Kırıkkale",
  "Kırklareli",
  "Kırşehir",
  "Kilis",
  "Kocaeli",
  "Konya",
  "Kütahya",
  "Malatya",
  "Manisa",
  "Mardin",
  "Mersin",
  "Muğla",
  "Muş",
  "Nevşehir",
  "Niğde",
  "Ordu",
  "Osmaniye",
  "Rize",
  "Sakarya",
  "Samsun",
  "Siirt",
  "Sinop",
  "Sivas",
  "Şanlıurfa",
  "Şırnak",
  "Tekirdağ",
  "Tokat",
  "Trabzon",
  "Tunceli",
  "Uşak",
  "Van",
  "Yalova",
  "Yozgat",
  "Zonguldak",
];

describe("weather rules", () => {
  it("sorts the 81 provinces with the Turkish collation", () => {
    expect(PROVINCES_SORTED.map((p) => p.name)).toEqual(EXPECTED_ORDER);
  });

  it("writes temperatures with one decimal and ºC", () => {
    expect(formatTemperature(11.34)).toBe("11.3ºC");
    expect(formatTemperature(-0.04)).toBe("0.0ºC");
    expect(formatTemperature(-2)).toBe("-2.0ºC");
    expect(weatherLine("Ankara", { condition: "cok-bulutlu", temperature: 11.3 })).toBe("Çok Bulutlu 11.3ºC Ankara");
    expect(weatherLine("Ankara", null)).toBe("Ankara");
  });
});

const NOW = new Date("2026-11-27T11:15:00.000Z"); // 14:15 in Istanbul

describeEachDatabase("weather with a fake Open-Meteo", (get) => {
  let server: FakeServer;
  let t: TestApp;
  beforeAll(async () => {
    server = await fakeOpenMeteo();
    t = await buildTestApp(get().db);
  });
  beforeEach(() => server.reset());
  afterAll(async () => {
    await t.close();
    await server.close();
  });
  const provider = (timeoutMs = 2000) => createOpenMeteoProvider({ baseUrl: server.url, timeoutMs });
  // The line as read aloud: the reading, then the province the picker shows (visually hidden in the link).
  const headerLine = async (url = "/") => /data-weather-line[^>]*>([\s\S]*?)<\/a>/.exec((await t.app.inject(url)).body)?.[1]?.replace(/<[^>]+>/g, "");

  it("shows only the province before any data arrived", async () => {
    expect(await headerLine()).toBe("Hava durumu Ankara");
    expect((await t.app.inject("/api/v1/weather/06")).json()).toMatchObject({ text: "Ankara", reading: null, temperature: null, updatedText: null });
    // The overview says plainly that there is no data: grey provinces, no numbers, no legend.
    const overview = (await t.app.inject("/hava-durumu/")).body;
    expect(overview).toContain("Şu an hava durumu verisi yok");
    const map = /<svg class="weather-map"[\s\S]*?<\/svg>/.exec(overview)?.[0] ?? "";
    expect((map.match(/<path /g) ?? []).length).toBe(81);
    expect(map).not.toMatch(/ºC|<text/);
    expect(overview).not.toContain("weather-legend");
    expect(overview).toContain("<title>Konya: veri yok</title>");
    expect(overview).toContain("Harita verisi: turkey-map-react");
  });

  it("fetches all 81 provinces in one batched request and fills the header", async () => {
    const { stored } = await refreshWeather(get().db, provider(), NOW);
    expect(stored).toBe(81);
    const request = server.requests.at(-1);
    expect(request?.searchParams.get("latitude")?.split(",")).toHaveLength(81);
    expect(request?.searchParams.get("timezone")).toBe("Europe/Istanbul");
    expect(request?.searchParams.get("current")).toBe("temperature_2m,relative_humidity_2m,is_day,weather_code,cloud_cover,wind_speed_10m");
    expect(await headerLine()).toBe("Çok Bulutlu 11.3ºC Ankara");
    const izmir = (await t.app.inject("/api/v1/weather/35")).json();
    expect(izmir).toMatchObject({ province: "İzmir", slug: "izmir", conditionText: "Hafif Yağmurlu", updatedText: "Son güncelleme 14:15" });
    expect(izmir.reading).toMatch(/^Hafif Yağmurlu \d+\.\dºC$/);
    expect(izmir.text).toMatch(/^Hafif Yağmurlu \d+\.\dºC İzmir$/);
    const all = (await t.app.inject("/api/v1/weather")).json();
    expect(all.items).toHaveLength(81);
  });

  it("lists the 81 provinces in the header picker in Turkish order", async () => {
    const html = (await t.app.inject("/")).body;
    const select = /<select id="il-secimi"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    const names = [...select.matchAll(/<option[^>]*>([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(names).toEqual(EXPECTED_ORDER);
    expect(select).toMatch(/<option value="06" selected>Ankara<\/option>/);
  });

  it("serves the province page with the forecast and the credits", async () => {
    const res = await t.app.inject("/hava-durumu/ankara/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Ankara hava durumu");
    expect(res.body).toContain("11.3ºC");
    expect(res.body).toContain("7 günlük tahmin");
    expect(res.body).toContain('aria-label="Hafif Kar Yağışlı"');
    expect(res.body).toContain('aria-label="Gökgürültülü Sağanak Yağışlı"');
    expect(res.body).toContain("%90");
    expect(res.body).toContain("Son güncelleme 14:15");
    expect(res.body).toContain("Coğrafi veriler: GeoNames (CC BY 4.0)");
    expect(res.body).toContain("Open-Meteo");
    expect((await t.app.inject("/hava-durumu/atlantis/")).statusCode).toBe(404);
    // Typed as people write it: the province's own address, for good.
    for (const typed of ["/hava-durumu/%C4%B0stanbul/", "/hava-durumu/ISTANBUL/", "/hava-durumu/Istanbul/?utm_source=x"]) {
      const moved = await t.app.inject(typed);
      expect(moved.statusCode, typed).toBe(301);
      expect(moved.headers.location).toMatch(/^\/hava-durumu\/istanbul\/(\?utm_source=x)?$/);
    }
    expect((await t.app.inject("/hava-durumu/%C5%9Eanl%C4%B1urfa/")).headers.location).toBe("/hava-durumu/sanliurfa/");
    expect((await t.app.inject(`/hava-durumu/${"a".repeat(61)}/`)).statusCode).not.toBe(500);
  });

  it("lists all provinces, sortable by temperature, with a map, and takes the no-JavaScript picker to a province", async () => {
    const byName = await t.app.inject("/hava-durumu/");
    const map = /<svg class="weather-map"[\s\S]*?<\/svg>/.exec(byName.body)?.[0] ?? "";
    // 81 province outlines, each a link to its page, named with its weather, coloured by its band.
    expect((map.match(/<path d="M/g) ?? []).length).toBe(81);
    expect(map).toContain('<a href="/hava-durumu/ankara/" tabindex="-1"><title>Ankara: Çok Bulutlu 11.3ºC</title><path d="M');
    expect(map).toMatch(/<title>Ankara: [^<]*<\/title><path d="[^"]+" fill="#eef1c8">/); // 11.3 ºC: the 10 ile 14ºC band
    expect(map).not.toContain("veri yok");
    // Labels only where they fit: Konya (the largest province) is labelled at every size, Yalova (the smallest) at none.
    const labels = [...map.matchAll(/<text class="map-label fit-(large|medium|small)"[^>]*>(-?\d+)º<\/text>/g)];
    expect(labels.length).toBeGreaterThan(60);
    expect(labels.length).toBeLessThan(81);
    const spot = (plate: string) => MAP_SHAPES.provinces.get(plate)?.label;
    expect(map).toContain(`<text class="map-label fit-large" x="${spot("42")?.x}" y="${spot("42")?.y}">`);
    expect(map).not.toContain(`x="${spot("77")?.x}" y="${spot("77")?.y}"`);
    expect(byName.body).toMatch(
      /<ul class="weather-legend" aria-label="Renklerin anlamı">(<li><i style="background:#[0-9a-f]{6}" aria-hidden="true"><\/i>-?\d+ ile -?\d+ºC<\/li>)+<\/ul>/,
    );
    expect(byName.body).toContain("10 ile 14ºC");
    expect(byName.body).not.toContain("Şu an hava durumu verisi yok");
    const coldest = await t.app.inject("/hava-durumu/?sirala=sicaklik");
    const firstRow = /<tbody><tr><th scope="row"><a href="\/hava-durumu\/([a-z-]+)\/">/.exec(coldest.body)?.[1];
    expect(firstRow).not.toBe("ankara");
    const picker = await t.app.inject("/hava-durumu/?il=35");
    expect(picker.statusCode).toBe(303);
    expect(picker.headers.location).toBe("/hava-durumu/izmir/");
  });

  it("keeps the last good data for provinces whose answer has nulls", async () => {
    server.mode = "nulls";
    server.shift = 1;
    const { stored, skipped } = await refreshWeather(get().db, provider(), new Date(NOW.getTime() + 900_000));
    expect(stored).toBe(1); // only Ankara had a temperature
    expect(skipped).toHaveLength(80);
    expect(await headerLine()).toBe("Çok Bulutlu 12.3ºC Ankara");
    expect((await t.app.inject("/api/v1/weather/35")).json().updatedText).toBe("Son güncelleme 14:15");
  });

  it.each([
    ["rate-limited", "rate_limited"],
    ["garbage", "garbage"],
    ["error", "http"],
  ] as const)("keeps serving the last data when the provider answers %s", async (mode, kind) => {
    server.mode = mode;
    const error = await refreshWeather(get().db, provider(), new Date(NOW.getTime() + 1_800_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe(kind);
    if (mode === "rate-limited") expect((error as ProviderError).retryAfterSeconds).toBe(120);
    expect(await headerLine()).toBe("Çok Bulutlu 12.3ºC Ankara");
  });

  it("gives up on a slow provider at the timeout, hanging up before it answers", async () => {
    server.mode = "slow"; // answers after 3 s
    const error = await refreshWeather(get().db, provider(300), NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe("timeout");
    // The refresher closed the connection itself: the server never got to answer.
    await expect.poll(() => server.abandoned).toBe(1);
    expect(await headerLine()).toBe("Çok Bulutlu 12.3ºC Ankara");
  });

  it("logs one clear line and retries with backoff when the provider is down, keeping the header", async () => {
    const lines: string[] = [];
    const down = await fakeOpenMeteo();
    await down.close();
    const refresher = startWeatherRefresher(get().db, createOpenMeteoProvider({ baseUrl: down.url, timeoutMs: 500 }), {
      everySeconds: 900,
      firstRetrySeconds: 30,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    });
    await expect.poll(() => lines.length, { timeout: 3000 }).toBe(1);
    await refresher.refreshNow();
    refresher.stop();
    expect(lines[0]).toMatch(/^weather: open-meteo failed \(network error: .*\); keeping data from \d\d:\d\d; retrying in 30 s$/);
    expect(lines[1]).toMatch(/retrying in 60 s$/);
    expect(await headerLine()).toBe("Çok Bulutlu 12.3ºC Ankara");
  });
});

describeEachDatabase("weather with a fake MGM", (get) => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await fakeMgm();
  });
  beforeEach(() => server.reset());
  afterAll(async () => server.close());

  it("reads centres, latest observations and daily forecasts in MGM's vocabulary", async () => {
    const provider = createMgmProvider({ baseUrl: `${server.url}/web`, timeoutMs: 2000 });
    const { stored } = await refreshWeather(get().db, provider, NOW);
    expect(stored).toBe(81);
    const ankara = await get().db.selectFrom("weatherReports").selectAll().where("plate", "=", "06").executeTakeFirstOrThrow();
    expect(ankara).toMatchObject({ provider: "mgm", temperature: 11.3, condition: "cok-bulutlu", humidity: 64, observedAt: "2026-11-27T11:00:00.000Z" });
    const forecast = JSON.parse(ankara.forecast) as Array<{ date: string; condition: string; min: number }>;
    expect(forecast.map((d) => [d.date, d.condition])).toEqual([
      ["2026-11-27", "cok-bulutlu"],
      ["2026-11-28", "yagmurlu"],
      ["2026-11-29", "karla-karisik-yagmurlu"],
      ["2026-11-30", "parcali-bulutlu"],
      ["2026-12-01", "acik"],
    ]);
    expect(server.requests.some((u) => u.pathname === "/web/sondurumlar" && u.searchParams.get("merkezid") === "90006")).toBe(true);
  });

  it("skips provinces whose measurement is missing (-9999), keeping their last report", async () => {
    server.mode = "nulls";
    server.shift = 2;
    const provider = createMgmProvider({ baseUrl: `${server.url}/web`, timeoutMs: 2000 });
    const { stored, skipped } = await refreshWeather(get().db, provider, NOW);
    expect(stored).toBe(1);
    expect(skipped).toHaveLength(80);
    const izmir = await get().db.selectFrom("weatherReports").select("temperature").where("plate", "=", "35").executeTakeFirstOrThrow();
    expect(izmir.temperature).toBe(7.5);
  });
});
