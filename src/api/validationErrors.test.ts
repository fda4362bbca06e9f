import { describe, expect, it } from "vitest";
import { fieldErrors } from "./validationErrors.ts";

describe("fieldErrors", () => {
  it("names the field and says what is wrong in Turkish", () => {
    expect(
      fieldErrors([
        { keyword: "minLength", instancePath: "/title", params: { limit: 1 } },
        { keyword: "required", instancePath: "", params: { missingProperty: "category" } },
        { keyword: "additionalProperties", instancePath: "", params: { additionalProperty: "yazar" } },
        { keyword: "type", instancePath: "/tags", params: { type: "array" } },
        { keyword: "maximum", instancePath: "/limit", params: { limit: 50 } },
      ]),
    ).toEqual({ title: "Boş olamaz.", category: "Bu alan zorunlu.", yazar: "Bilinmeyen alan.", tags: "Türü yanlış: dizi olmalı.", limit: "En çok 50 olabilir." });
  });

  it("says which items repeat, how few a list may hold and that a value must be one of those allowed", () => {
    expect(
      fieldErrors([
        { keyword: "uniqueItems", instancePath: "/authors", params: { i: 1, j: 0 } },
        { keyword: "minItems", instancePath: "/tags", params: { limit: 1 } },
        { keyword: "enum", instancePath: "/status", params: { allowedValues: ["draft"] } },
      ]),
    ).toEqual({ authors: "Aynı değer birden fazla kez yazılmış (1. ve 2. öğe).", tags: "En az 1 öğe olmalı.", status: "İzin verilen değerlerden biri olmalı." });
  });

  it("reports a value that fits no branch of a union without the null branch's noise", () => {
    expect(
      fieldErrors([
        { keyword: "format", instancePath: "/at", params: { format: "date-time" } },
        { keyword: "type", instancePath: "", params: { type: "null" } },
        { keyword: "anyOf", instancePath: "", params: {} },
      ]),
    ).toEqual({ at: "Geçerli bir tarih-saat (ISO 8601) olmalı." });
    expect(fieldErrors([{ keyword: "type", instancePath: "/title", params: { type: "string" } }])).toEqual({ title: "Türü yanlış: metin olmalı." });
  });
});
