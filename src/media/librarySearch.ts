// The media library's search text: what a search for pictures matches against, folded so that a
// query typed with or without Turkish letters or capitals finds the same pictures.

/**
 * Folds text for the library search: Turkish lower case (`İ` → `i`, `I` → `ı`), then the Turkish letters
 * and any other accents to plain Latin letters (ç ğ ı ö ş ü → c g i o s u, `é` → `e`), runs of white space
 * to one space. `"İzmir'de ŞENLİK"` → `"izmir'de senlik"`. The same rule folds the stored text and the query.
 */
export function foldForLibrary(text: string): string {
  return text.toLocaleLowerCase("tr-TR").replace(/ı/g, "i").normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
}

/** The stored search text of a library picture (`images.search_text`): its caption, credit and alt text, folded. */
export function librarySearchText(image: { caption: string; credit: string; alt: string }): string {
  return foldForLibrary(`${image.caption} ${image.credit} ${image.alt}`);
}

/** Most words of a library query that are matched; the rest are ignored (each is one LIKE over the page's rows). */
export const MAX_QUERY_WORDS = 6;

/**
 * The words of a library query, folded, at most MAX_QUERY_WORDS, without LIKE's wildcards (`%`, `_`, `\`),
 * which are dropped so a query means only its letters. `"  Kızılay  %meydan_ "` → `["kizilay", "meydan"]`.
 */
export function libraryQueryWords(query: string): string[] {
  return foldForLibrary(query.replace(/[%_\\]/g, " "))
    .split(" ")
    .filter((word) => word !== "")
    .slice(0, MAX_QUERY_WORDS);
}
