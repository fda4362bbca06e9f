import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { CONDITION_TEXT, type ConditionKey } from "./conditions.ts";
import { WeatherIcon } from "./icons.tsx";

const KEYS = Object.keys(CONDITION_TEXT) as ConditionKey[];

/** What is drawn, without the svg element and its title. */
function drawing(html: string): string {
  return html.replace(/^<svg[^>]*>/, "").replace(/<title>.*?<\/title>/, "");
}

describe("WeatherIcon", () => {
  it("draws every condition, by day and by night, as an accessible svg named with its Turkish text", () => {
    for (const condition of KEYS) {
      const text = CONDITION_TEXT[condition];
      for (const isDay of [true, false, undefined]) {
        const html = renderToString(<WeatherIcon condition={condition} isDay={isDay} />);
        const where = `${condition}, isDay=${String(isDay)}`;
        expect(html.startsWith("<svg"), where).toBe(true);
        expect(html, where).toContain('viewBox="0 0 64 64"');
        expect(html, where).toContain('role="img"');
        expect(html, where).toContain(`aria-label="${text}"`);
        expect(html, where).toContain(`<title>${text}</title>`);
        expect(drawing(html), where).toMatch(/<(path|circle|line|rect)\b/);
      }
    }
  });

  it("every condition is drawn differently by day", () => {
    const drawings = KEYS.map((condition) => drawing(renderToString(<WeatherIcon condition={condition} />)));
    expect(new Set(drawings).size).toBe(KEYS.length);
  });

  it("draws the moon for a clear night, the sun by day", () => {
    const day = renderToString(<WeatherIcon condition="acik" isDay />);
    const night = renderToString(<WeatherIcon condition="acik" isDay={false} />);
    expect(night).not.toBe(day);
    expect(night).toContain('aria-label="Açık"');
    expect(renderToString(<WeatherIcon condition="acik" />)).toBe(day); // day unless told otherwise
  });

  it.each(["az-bulutlu", "parcali-bulutlu"] satisfies ConditionKey[])("draws a night variant of %s", (condition) => {
    const day = renderToString(<WeatherIcon condition={condition} isDay />);
    const night = renderToString(<WeatherIcon condition={condition} isDay={false} />);
    expect(night).not.toBe(day);
  });

  it("overcast and rain look the same by night", () => {
    for (const condition of ["cok-bulutlu", "yagmurlu"] satisfies ConditionKey[]) {
      expect(renderToString(<WeatherIcon condition={condition} isDay={false} />)).toBe(renderToString(<WeatherIcon condition={condition} isDay />));
    }
  });

  it("is 64 px unless sized", () => {
    expect(renderToString(<WeatherIcon condition="yagmurlu" />)).toMatch(/^<svg[^>]* width="64" height="64"/);
    expect(renderToString(<WeatherIcon condition="yagmurlu" size={24} />)).toMatch(/^<svg[^>]* width="24" height="24"/);
  });

  it("draws a stray key from untyped data as unknown", () => {
    const html = renderToString(<WeatherIcon condition={"constructor" as ConditionKey} />);
    expect(html).toContain('aria-label="Bilinmiyor"');
    expect(html).toBe(renderToString(<WeatherIcon condition="bilinmiyor" />));
  });
});
