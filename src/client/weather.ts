// The header's weather line follows the reader's province, kept in a cookie; the page itself is
// the same for everyone (cacheable), so the choice is applied here from a small JSON endpoint.
// The picker names the province and the line gives its reading: the two change together, so the
// header never shows one province's weather beside another's name. Nothing here moves the page:
// the line's box keeps its size whatever it says (site.css), and the no-JavaScript button is a
// <noscript> that is never drawn.

const COOKIE = "il";

interface WeatherJson {
  plate: string;
  province: string;
  slug: string;
  reading: string | null;
  updatedText: string | null;
}

function readCookie(): string | null {
  const match = /(?:^|;\s*)il=(\d{2})(?:;|$)/.exec(document.cookie);
  return match?.[1] ?? null;
}

function saveCookie(plate: string): void {
  document.cookie = `${COOKIE}=${plate}; Path=/; Max-Age=${365 * 86400}; SameSite=Lax`;
}

async function fetchWeather(plate: string): Promise<WeatherJson | null> {
  try {
    const response = await fetch(`/api/v1/weather/${plate}`, { headers: { accept: "application/json" } });
    return response.ok ? ((await response.json()) as WeatherJson) : null;
  } catch {
    return null;
  }
}

export function startWeatherWidget(widget: HTMLElement): void {
  const select = widget.querySelector<HTMLSelectElement>("[data-weather-picker] select");
  const line = widget.querySelector<HTMLAnchorElement>("[data-weather-line]");
  const reading = line?.querySelector<HTMLElement>("[data-weather-reading]");
  const province = line?.querySelector<HTMLElement>("[data-weather-province]");
  if (!select || !line || !reading || !province) return;
  let shown = select.value;
  let asked = 0;

  // Shows `plate` in both places once its weather is here; a failed answer leaves the last province in both.
  // After the reader's own pick the picker already names the new province: the old reading is hidden
  // meanwhile (its box keeps its place, site.css).
  const apply = async (plate: string, picked: boolean) => {
    const ask = ++asked;
    if (picked) line.setAttribute("aria-busy", "true");
    const data = await fetchWeather(plate);
    if (ask !== asked) return;
    line.removeAttribute("aria-busy");
    if (!data) {
      select.value = shown;
      return;
    }
    shown = data.plate;
    select.value = data.plate;
    reading.textContent = data.reading ?? "Hava durumu";
    province.textContent = ` ${data.province}`;
    line.href = `/hava-durumu/${data.slug}/`;
    if (data.updatedText) line.title = data.updatedText;
    else line.removeAttribute("title");
  };

  const chosen = readCookie();
  if (chosen && chosen !== select.value && select.querySelector(`option[value="${chosen}"]`)) void apply(chosen, false);
  select.addEventListener("change", () => {
    saveCookie(select.value);
    void apply(select.value, true);
  });
  select.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    saveCookie(select.value);
    void apply(select.value, true);
  });
}
