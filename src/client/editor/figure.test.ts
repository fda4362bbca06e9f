import { expect, it } from "vitest";
import { creditText, readCredit } from "./figure.ts";

it("writes a credit as the main picture does and reads it back", () => {
  expect(creditText("AA")).toBe("[Fotoğraf: AA]");
  expect(readCredit("[Fotoğraf: AA]")).toBe("AA");
  expect(readCredit(" [ Fotoğraf:  DHA / Ali Veli ] ")).toBe("DHA / Ali Veli");
  expect(readCredit("Haberci")).toBe("Haberci");
});
