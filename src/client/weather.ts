// The header's weather line follows the reader's province, kept in a cookie; the page itself is
// the same for everyone (cacheable), so the choice is applied here from a small JSON endpoint.

const COOKIE = "il";

interface WeatherJson {
  plate: string;
  slug: string;
  text: string;
  updatedText: string | null;
}

function readCookie(): string | null {
  const match = /(?:^|;\s*)il=(\d{2})(?:;|$)/.exec(document.cookie);
  return match?.[1] ?? null;
}

function saveCookie(plate: string): void {
  document.cookie = `${COOKIE}=${plate}; Path=/; Max-Age=${365 * 86400}; SameSite=Lax`;
}

async function show(widget: HTMLElement, plate: string): Promise<void> {
  const line = widget.querySelector<HTMLAnchorElement>("[data-weather-line]");
  if (!line) return;
  try {
    const response = await fetch(`/api/v1/weather/${plate}`, { headers: { accept: "application/json" } });
    if (!response.ok) return;
    const data = (await response.json()) as WeatherJson;
    line.textContent = data.text;
    line.href = `/hava-durumu/${data.slug}/`;
    if (data.updatedText) line.title = data.updatedText;
    else line.removeAttribute("title");
  } catch {
    // Keep what is shown; the line is never left broken.
  }
}

export function startWeatherWidget(widget: HTMLElement): void {
  const form = widget.querySelector<HTMLFormElement>("[data-weather-picker]");
  const select = form?.querySelector<HTMLSelectElement>("select");
  if (!form || !select) return;
  form.querySelector("button")?.setAttribute("hidden", "");
  const chosen = readCookie();
  if (chosen && chosen !== select.value && select.querySelector(`option[value="${chosen}"]`)) {
    select.value = chosen;
    void show(widget, chosen);
  }
  select.addEventListener("change", () => {
    saveCookie(select.value);
    void show(widget, select.value);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveCookie(select.value);
    void show(widget, select.value);
  });
}
