// Fake Open-Meteo and MGM servers on loopback, answering in each service's response shape.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode = "ok" | "nulls" | "garbage" | "slow" | "rate-limited" | "error";

export interface FakeServer {
  url: string;
  mode: FakeMode;
  requests: URL[];
  /** Temperature offset added to every answer, to see fresh data arrive. */
  shift: number;
  /** Requests whose client hung up before the server answered (a "slow" answer given up on). */
  abandoned: number;
  /** Back to a fresh server: mode "ok", no shift, no requests or abandoned requests recorded. */
  reset(): void;
  close(): Promise<void>;
}

async function listen(handler: (url: URL, res: http.ServerResponse, server: FakeServer) => void): Promise<FakeServer> {
  const state: FakeServer = {
    url: "",
    mode: "ok",
    requests: [],
    shift: 0,
    abandoned: 0,
    reset() {
      state.mode = "ok";
      state.shift = 0;
      state.requests.length = 0;
      state.abandoned = 0;
    },
    close: async () => {},
  };
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    state.requests.push(url);
    if (state.mode === "rate-limited") {
      res.writeHead(429, { "retry-after": "120", "content-type": "application/json" }).end('{"error":true,"reason":"Too many requests"}');
      return;
    }
    if (state.mode === "error") {
      res.writeHead(500, { "content-type": "application/json" }).end('{"error":true,"reason":"Internal"}');
      return;
    }
    if (state.mode === "garbage") {
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Bakım çalışması</body></html>");
      return;
    }
    if (state.mode === "slow") {
      const answer = setTimeout(() => handler(url, res, state), 3000);
      res.on("close", () => {
        if (res.writableEnded) return;
        clearTimeout(answer);
        state.abandoned++;
      });
      return;
    }
    handler(url, res, state);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** Open-Meteo's forecast endpoint: for several coordinates, a JSON array in request order. */
export function fakeOpenMeteo(): Promise<FakeServer> {
  return listen((url, res, state) => {
    if (url.pathname !== "/v1/forecast") {
      res.writeHead(404).end();
      return;
    }
    const lats = (url.searchParams.get("latitude") ?? "").split(",");
    const lons = (url.searchParams.get("longitude") ?? "").split(",");
    const days = ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"];
    const items = lats.map((lat, i) => {
      const ankara = Math.abs(Number(lat) - 39.9199) < 0.01 && Math.abs(Number(lons[i]) - 32.8543) < 0.01;
      const temperature = state.mode === "nulls" && !ankara ? null : ankara ? 11.3 + state.shift : 5 + (i % 20) + state.shift;
      return {
        latitude: Number(lat),
        longitude: Number(lons[i]),
        generationtime_ms: 0.2,
        utc_offset_seconds: 10800,
        timezone: "Europe/Istanbul",
        timezone_abbreviation: "GMT+3",
        elevation: 900,
        current_units: {
          time: "iso8601",
          interval: "seconds",
          temperature_2m: "°C",
          relative_humidity_2m: "%",
          is_day: "",
          weather_code: "wmo code",
          cloud_cover: "%",
          wind_speed_10m: "km/h",
        },
        current: {
          time: "2026-11-27T14:15",
          interval: 900,
          temperature_2m: temperature,
          relative_humidity_2m: state.mode === "nulls" ? null : 71,
          is_day: 1,
          weather_code: ankara ? 3 : 61,
          cloud_cover: ankara ? 88 : null,
          wind_speed_10m: 12.4,
        },
        daily_units: { time: "iso8601", weather_code: "wmo code", temperature_2m_max: "°C", temperature_2m_min: "°C", precipitation_probability_max: "%" },
        daily: {
          time: days,
          weather_code: [3, 61, 80, 71, 95, 0, 45],
          temperature_2m_max: [13.1, 10.2, 9.4, 2.5, 8.8, 12.0, null],
          temperature_2m_min: [4.2, 3.3, 1.0, -2.4, 0.5, -1.1, null],
          precipitation_probability_max: [10, 80, 65, 90, 70, 0, null],
        },
      };
    });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(items.length === 1 ? items[0] : items));
  });
}

/** MGM's web service: province centres, latest observations, daily forecasts. */
export function fakeMgm(): Promise<FakeServer> {
  return listen((url, res, state) => {
    const send = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/web/merkezler/iller") {
      send(
        Array.from({ length: 81 }, (_, i) => ({
          il: `İl ${i + 1}`,
          ilPlaka: i + 1,
          ilce: "Merkez",
          merkezId: 90000 + i + 1,
          sondurumIstNo: 17000 + i + 1,
          gunlukTahminIstNo: 18000 + i + 1,
          saatlikTahminIstNo: 19000 + i + 1,
          enlem: 39,
          boylam: 32,
          yukseklik: 900,
          oncelik: 1,
        })),
      );
      return;
    }
    if (url.pathname === "/web/sondurumlar") {
      const id = Number(url.searchParams.get("merkezid"));
      const plate = id - 90000;
      send([
        {
          istNo: 17000 + plate,
          veriZamani: "2026-11-27T11:00:00.000Z",
          sicaklik: state.mode === "nulls" && plate !== 6 ? -9999 : plate === 6 ? 11.3 + state.shift : 7.5 + state.shift,
          nem: 64,
          ruzgarHiz: 10.8,
          ruzgarYon: 220,
          aktuelBasinc: 912.3,
          denizeIndirgenmisBasinc: 1018.2,
          hadiseKodu: plate === 6 ? "CB" : "HY",
          yagis00Now: 0,
        },
      ]);
      return;
    }
    if (url.pathname === "/web/tahminler/gunluk") {
      const ist = Number(url.searchParams.get("istno"));
      send([
        {
          istNo: ist,
          tarihGun1: "2026-11-26T21:00:00.000Z",
          tarihGun2: "2026-11-27T21:00:00.000Z",
          tarihGun3: "2026-11-28T21:00:00.000Z",
          tarihGun4: "2026-11-29T21:00:00.000Z",
          tarihGun5: "2026-11-30T21:00:00.000Z",
          enDusukGun1: 3,
          enDusukGun2: 2,
          enDusukGun3: -1,
          enDusukGun4: 0,
          enDusukGun5: 1,
          enYuksekGun1: 12,
          enYuksekGun2: 10,
          enYuksekGun3: 6,
          enYuksekGun4: 8,
          enYuksekGun5: 9,
          hadiseGun1: "CB",
          hadiseGun2: "Y",
          hadiseGun3: "KKY",
          hadiseGun4: "PB",
          hadiseGun5: "A",
        },
      ]);
      return;
    }
    res.writeHead(404).end();
  });
}
