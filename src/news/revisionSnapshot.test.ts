import { describe, expect, it } from "vitest";
import { type Snapshot, diffSnapshots } from "./revisionSnapshot.ts";

const base: Snapshot = {
  title: "Ankara'da kar yağışı başladı",
  spot: "Kent merkezinde kar etkili oluyor.",
  body: "<p>Sabah saatlerinde başlayan kar yağışı sürüyor.</p><h2>Okullar</h2><p>Okullar açık.</p>",
  fields: {
    category: "gundem",
    source: "haberci",
    tags: ["Ankara", "Kar"],
    authors: ["elif-karaca"],
    imageId: null,
    imageCaption: "",
    imageCredit: "",
    imageAlt: "",
    isBreaking: false,
    seoTitle: null,
    seoDescription: null,
  },
};

describe("diffSnapshots", () => {
  it("reports nothing for identical snapshots", () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });

  it("diffs word by word and names the changed fields in Turkish", () => {
    const after = structuredClone(base);
    after.title = "Ankara'da yoğun kar yağışı başladı";
    after.body = after.body.replace("Okullar açık.", "Okullar yarın tatil.");
    after.fields.tags = ["Ankara", "Kar", "Okul"];
    after.fields.isBreaking = true;
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => c.label)).toEqual(["Başlık", "Metin", "Etiketler", "Son dakika"]);
    const title = changes[0]?.parts ?? [];
    expect(title.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["yoğun"]);
    expect(title.filter((p) => p.kind === "removed")).toEqual([]);
    const body = changes[1]?.parts ?? [];
    expect(body.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["açık"]);
    expect(body.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["yarın tatil"]);
  });
});
