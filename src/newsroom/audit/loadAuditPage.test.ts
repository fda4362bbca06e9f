import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./loadAuditPage.ts";

describe("audit entries as the newsroom shows them", () => {
  it("names a known action in Turkish and shows an unknown one as stored", () => {
    expect(auditActionLabel("article_published")).toBe("Haber yayımlandı");
    expect(auditActionLabel("yeni_bir_eylem")).toBe("yeni_bir_eylem");
    expect(auditActionLabel("toString")).toBe("toString");
  });
});
