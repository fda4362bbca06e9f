/**
 * "Sıradaki Haber": the next older published article of the same category;
 * when none is older, the newest of the category, unless that is the current one.
 */
export function chooseNextArticle<T extends { id: number }>(currentId: number, olderInCategory: T | undefined, newestInCategory: T | undefined): T | null {
  if (olderInCategory) return olderInCategory;
  if (newestInCategory && newestInCategory.id !== currentId) return newestInCategory;
  return null;
}
