import { describe, expect, it } from "vitest";
import { CONFLICT_ADVICE, readConflict } from "./autosave.ts";

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
