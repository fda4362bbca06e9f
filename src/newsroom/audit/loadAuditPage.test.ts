import { describe, expect, it } from "vitest";
import { auditActionLabel, readableAuditDetail } from "./loadAuditPage.ts";

describe("audit entries as the newsroom shows them", () => {
  it("names a known action in Turkish and shows an unknown one as stored", () => {
    expect(auditActionLabel("article_published")).toBe("Haber yayımlandı");
    expect(auditActionLabel("yeni_bir_eylem")).toBe("yeni_bir_eylem");
    expect(auditActionLabel("toString")).toBe("toString");
  });

  it("shows instants in a detail in Istanbul time and role codes as Turkish words", () => {
    expect(readableAuditDetail("article_scheduled", "Ankara'da kar — 2026-11-29T19:59:00.000Z")).toBe("Ankara'da kar — 29.11.2026 22:59");
    expect(readableAuditDetail("breaking_changed", "açık (2026-11-30T06:00:00Z tarihine kadar)")).toBe("açık (30.11.2026 09:00 tarihine kadar)");
    expect(readableAuditDetail("user_role_changed", "muhabir → editor")).toBe("muhabir → editör");
    expect(readableAuditDetail("user_added", "yonetici")).toBe("yönetici");
    // Only user actions name roles: a headline that says "editor" stays as written.
    expect(readableAuditDetail("article_published", "Yeni editor atandı")).toBe("Yeni editor atandı");
  });
});
