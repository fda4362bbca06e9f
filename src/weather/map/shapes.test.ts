// The province outlines: all 81 provinces by plate, and label spots that cannot overlap.
import { describe, expect, it } from "vitest";
import { PROVINCES } from "../provinces.ts";
import { MAP_SHAPES, parseMapShapes } from "./shapes.ts";

describe("map shapes", () => {
  it("has one outline for each of the 81 provinces, keyed by the plates of provinces.tsv", () => {
    expect([...MAP_SHAPES.provinces.keys()].sort()).toEqual(PROVINCES.map((p) => p.plate).sort());
    for (const shape of MAP_SHAPES.provinces.values()) expect(shape.d, shape.plate).toMatch(/^M[\d -]+l[\d -]+z(M[\d -]+l[\d -]+z)*$/);
  });

  it("puts every label spot inside the map, with room that no other province's room overlaps", () => {
    const spots = [...MAP_SHAPES.provinces.values()];
    for (const { plate, label } of spots) {
      expect(label.x - label.r, plate).toBeGreaterThanOrEqual(0);
      expect(label.y - label.r, plate).toBeGreaterThanOrEqual(0);
      expect(label.x + label.r, plate).toBeLessThanOrEqual(MAP_SHAPES.width);
      expect(label.y + label.r, plate).toBeLessThanOrEqual(MAP_SHAPES.height);
    }
    for (const a of spots) {
      for (const b of spots) {
        if (a.plate >= b.plate) continue;
        const apart = Math.hypot(a.label.x - b.label.x, a.label.y - b.label.y);
        expect(apart, `${a.plate} and ${b.plate}`).toBeGreaterThanOrEqual(a.label.r + b.label.r);
      }
    }
  });

  it("refuses a malformed file, naming the entry", () => {
    expect(() => parseMapShapes("[]")).toThrow("provinceShapes.json is malformed");
    expect(() =>
      parseMapShapes('{"width":10,"height":5,"provinces":[{"plate":"01","d":"M0 0l1 1z","label":[1,1,1]},{"plate":"2","d":"M0 0z","label":[1,1,1]}]}'),
    ).toThrow("provinceShapes.json entry 2 is malformed");
    expect(() => parseMapShapes('{"width":10,"height":5,"provinces":[{"plate":"01","d":"M0 0l1 1z","label":[1,1]}]}')).toThrow("entry 1 is malformed");
  });
});
