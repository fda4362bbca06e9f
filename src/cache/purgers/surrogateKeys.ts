// Surrogate keys as the purgers send them: checked, without repeats, cut into requests a vendor accepts.

/**
 * One surrogate key (cache tag): 1 to 64 of a-z, 0-9 and "-", e.g. `article-12`, `category-3`, `home`.
 * The narrow alphabet needs no escaping in any vendor's header or JSON, nor in the Varnish ban
 * regular expression (docs/cdn.md), and keeps a purge header from carrying anything else.
 */
export const SURROGATE_KEY_PATTERN = /^[a-z0-9-]{1,64}$/;

/** Whether `value` is a surrogate key (SURROGATE_KEY_PATTERN). */
export function isSurrogateKey(value: string): boolean {
  return SURROGATE_KEY_PATTERN.test(value);
}

/**
 * The keys without repeats, in first-seen order.
 * Throws a RangeError naming the first value that is not a surrogate key (a bug in the caller: keys
 * come from the app, never from readers), so nothing malformed reaches a vendor's header.
 */
export function uniqueSurrogateKeys(keys: readonly string[]): string[] {
  const bad = keys.find((key) => !isSurrogateKey(key));
  if (bad !== undefined) throw new RangeError(`not a surrogate key: ${JSON.stringify(bad.slice(0, 80))} (expected ${String(SURROGATE_KEY_PATTERN)})`);
  return [...new Set(keys)];
}

/**
 * Cuts `keys` into batches of at most `maxKeys` keys whose space-joined length stays within
 * `maxJoinedBytes` (keys are ASCII, so characters are bytes). Order is kept; an empty list gives no batch.
 */
export function batchKeys(keys: readonly string[], maxKeys: number, maxJoinedBytes = Number.POSITIVE_INFINITY): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const key of keys) {
    const added = current.length === 0 ? key.length : length + 1 + key.length;
    if (current.length > 0 && (current.length >= maxKeys || added > maxJoinedBytes)) {
      batches.push(current);
      current = [key];
      length = key.length;
    } else {
      current.push(key);
      length = added;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
