// Redirects that keep what the reader's address carried: `?sayfa=2`, `utm_*` campaign tags.

/** The query string of a request target, without the `?` ("" when there is none). */
export function queryOf(requestUrl: string): string {
  const at = requestUrl.indexOf("?");
  return at === -1 ? "" : requestUrl.slice(at + 1);
}

/**
 * `target` with the request's query string carried over: `/etiket/deprem?sayfa=2` ->
 * `/etiket/deprem/` becomes `/etiket/deprem/?sayfa=2`. When the target has a query of its own,
 * its parameters win and the request's others are added after them.
 */
export function keepQuery(target: string, requestUrl: string): string {
  const query = queryOf(requestUrl);
  if (query === "") return target;
  const at = target.indexOf("?");
  if (at === -1) return `${target}?${query}`;
  const own = new URLSearchParams(target.slice(at + 1));
  const extra = new URLSearchParams(query);
  for (const [key, value] of extra) if (!own.has(key)) own.append(key, value);
  return `${target.slice(0, at)}?${own.toString()}`;
}
