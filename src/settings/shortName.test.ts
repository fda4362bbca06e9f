import { describe, expect, it } from "vitest";
import { shortName } from "./routes.ts";

describe("the manifest's short name", () => {
  it("keeps a name that fits, cuts a longer one at a word, and only a single long word mid-way", () => {
    expect(shortName("Haberci")).toBe("Haberci");
    expect(shortName("Anadolu Postası")).toBe("Anadolu");
    expect(shortName("Ege Son Dakika Haber")).toBe("Ege Son");
    expect(shortName("Kahramanmaraşlılar")).toBe("Kahramanmar…");
  });
});
