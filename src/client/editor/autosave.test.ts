import { describe, expect, it } from "vitest";
import { CONFLICT_ADVICE, OFFLINE, readConflict, readInvalid, readSaved } from "./autosave.ts";

describe("autosave conflict message", () => {
  it("shows who changed what, then tells the editor in Turkish to press Kaydet to merge", () => {
    const outcome = readConflict({ error: { code: "conflict", message: "Bu haber siz düzenlerken Deniz tarafından değiştirildi (sürüm 2). Değişen alanlar: Spot." } });
    expect(outcome).toEqual({ kind: "conflict", message: `Bu haber siz düzenlerken Deniz tarafından değiştirildi (sürüm 2). Değişen alanlar: Spot. ${CONFLICT_ADVICE}` });
    expect(CONFLICT_ADVICE).toContain("“Kaydet”e basın");
  });

  it("still says what to do when the answer carries no message", () => {
    expect(readConflict(null)).toEqual({ kind: "conflict", message: `Bu haber siz düzenlerken değiştirildi. ${CONFLICT_ADVICE}` });
  });
});

describe("autosave answers", () => {
  it("follows a new draft only to the newsroom's own article addresses", () => {
    const body = { id: 7, version: 1, savedAt: "2026-11-27T10:15:00.000Z", editUrl: "/yonetim/haber/7", autosaveUrl: "/yonetim/haber/7/otomatik-kayit" };
    expect(readSaved(body)).toEqual({
      kind: "saved",
      version: 1,
      savedAt: body.savedAt,
      place: { editUrl: "/yonetim/haber/7", autosaveUrl: "/yonetim/haber/7/otomatik-kayit" },
    });
    expect(readSaved({ ...body, editUrl: "https://kotu.example/yonetim/haber/7" })).toMatchObject({ kind: "saved", place: null });
    expect(readSaved({ ...body, autosaveUrl: "/yonetim/kullanicilar" })).toMatchObject({ kind: "saved", place: null });
    expect(readSaved({ savedAt: body.savedAt })).toEqual({ kind: "failed" });
  });

  it("shows a refused save's Turkish message, so the editor knows what to fix", () => {
    expect(readInvalid({ error: { code: "invalid_input", message: "Haber kaydedilemedi: işaretli alanları düzeltin." } })).toEqual({
      kind: "invalid",
      message: "Otomatik kayıt yapılamadı: Haber kaydedilemedi: işaretli alanları düzeltin.",
    });
  });

  it("words the offline warning in Turkish", () => {
    expect(OFFLINE).toMatch(/^Çevrimdışı — değişiklikler kaydedilmedi/);
  });
});
