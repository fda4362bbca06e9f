// The weather map's colour bands, legend and label sizes.
import { describe, expect, it } from "vitest";
import { LABEL_SIZES, labelFit, labelHalfDiagonal, legendBands, mapLabelText, TEMPERATURE_BANDS, temperatureBand } from "./temperatureScale.ts";

describe("temperature bands", () => {
  it("colours by the whole degrees the label shows, with open ends", () => {
    expect(temperatureBand(14.4).text).toBe("10 ile 14ºC");
    expect(temperatureBand(14.6).text).toBe("15 ile 19ºC"); // labelled 15º, so coloured as 15
    expect(mapLabelText(14.6)).toBe("15º");
    expect(temperatureBand(-0.4).text).toBe("0 ile 4ºC");
    expect(mapLabelText(-0.4)).toBe("0º");
    expect(temperatureBand(-1).text).toBe("-5 ile -1ºC");
    expect(temperatureBand(-10).text).toBe("-10 ile -6ºC");
    expect(temperatureBand(-10.6).text).toBe("-11ºC ve altı");
    expect(temperatureBand(-40).text).toBe("-11ºC ve altı");
    expect(temperatureBand(34.4).text).toBe("30 ile 34ºC");
    expect(temperatureBand(35).text).toBe("35ºC ve üstü");
    expect(temperatureBand(48).text).toBe("35ºC ve üstü");
  });

  it("gives every band its own colour and covers every whole degree once", () => {
    expect(new Set(TEMPERATURE_BANDS.map((b) => b.colour)).size).toBe(TEMPERATURE_BANDS.length);
    for (let t = -30; t <= 50; t++) {
      const b = temperatureBand(t);
      expect((b.min === null || b.min <= t) && (b.max === null || t <= b.max), `${t} in ${b.text}`).toBe(true);
    }
  });

  it("builds the legend from the coldest to the hottest band present, none without data", () => {
    expect(legendBands([]).map((b) => b.text)).toEqual([]);
    expect(legendBands([21, 3.2, 8]).map((b) => b.text)).toEqual(["0 ile 4ºC", "5 ile 9ºC", "10 ile 14ºC", "15 ile 19ºC", "20 ile 24ºC"]);
    expect(legendBands([12]).map((b) => b.text)).toEqual(["10 ile 14ºC"]);
  });
});

describe("label fit", () => {
  it("chooses the largest text size whose box fits in the province's room", () => {
    const need = (fit: keyof typeof LABEL_SIZES) => labelHalfDiagonal("12º", LABEL_SIZES[fit]);
    expect(labelFit("12º", need("large"))).toBe("large");
    expect(labelFit("12º", need("large") - 0.1)).toBe("medium");
    expect(labelFit("12º", need("medium") - 0.1)).toBe("small");
    expect(labelFit("12º", need("small") - 0.1)).toBeUndefined();
  });

  it("needs more room for a longer label", () => {
    expect(labelHalfDiagonal("-12º", 13)).toBeGreaterThan(labelHalfDiagonal("2º", 13));
    const room = labelHalfDiagonal("2º", LABEL_SIZES.large);
    expect(labelFit("2º", room)).toBe("large");
    expect(labelFit("-12º", room)).not.toBe("large");
  });
});
