import { expect, it } from "vitest";
import { foldForLibrary, libraryQueryWords, librarySearchText } from "./librarySearch.ts";

it("folds Turkish capitals and letters so a query with or without them finds the same text", () => {
  expect(foldForLibrary("İzmir'de ŞENLİK")).toBe("izmir'de senlik");
  expect(foldForLibrary("IĞDIR Çiftçileri")).toBe("igdir ciftcileri");
  expect(foldForLibrary("Kızılay  Meydanı\n")).toBe("kizilay meydani");
  expect(foldForLibrary("Café Öğle")).toBe("cafe ogle");
});

it("stores caption, credit and alt text as one folded text", () => {
  expect(librarySearchText({ caption: "Kızılay Meydanı", credit: "AA", alt: "Yürüyen İnsanlar" })).toBe("kizilay meydani aa yuruyen insanlar");
});

it("reads a query as at most six folded words without LIKE wildcards", () => {
  expect(libraryQueryWords("  Kızılay  %meydan_ ")).toEqual(["kizilay", "meydan"]);
  expect(libraryQueryWords("%_\\")).toEqual([]);
  expect(libraryQueryWords("a b c d e f g h")).toEqual(["a", "b", "c", "d", "e", "f"]);
});
