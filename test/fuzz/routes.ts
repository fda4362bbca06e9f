// The app's routes as Fastify registers them, collected by an onRoute hook that the fuzz test
// installs on every Fastify instance (see badInputs.test.ts), so a route added later is seen
// without anyone editing a list.

export interface RegisteredRoute {
  method: string;
  url: string;
}

const registered: RegisteredRoute[] = [];

/** Called from the onRoute hook; `method` is a method or a list of them, as Fastify passes it. */
export function recordRoute(method: string | string[], url: string): void {
  for (const m of Array.isArray(method) ? method : [method]) {
    if (!registered.some((r) => r.method === m && r.url === url)) registered.push({ method: m, url });
  }
}

/** Every (method, url) registered so far, in registration order. */
export function registeredRoutes(): RegisteredRoute[] {
  return [...registered];
}

/** `"METHOD /path/:param"`, the key of the case table. */
export function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

/**
 * Routes that need no entry of their own in the case table, each with the reason.
 * Everything else must have bad inputs, or the coverage check fails.
 */
export const ROUTE_ALLOW_LIST: Array<{ pattern: RegExp; why: string }> = [
  // Both have table entries today (path traversal probes); these lines keep a renamed bundle or media
  // prefix from failing the coverage check before its probes are moved over.
  { pattern: /^(GET|HEAD) \/static\/\*$/, why: "content-hashed bundles served from memory; the only input is the path" },
  { pattern: /^(GET|HEAD) \/medya\/\*$/, why: "@fastify/static serving DATA_DIR/media; the only input is the path" },
];

/**
 * A HEAD route is answered by its GET handler (Fastify's exposeHeadRoutes), so the GET's cases cover it;
 * `/prefix/` and `/prefix` are the same handler for a plugin's "/" route.
 */
export function coveredBy(method: string, url: string, hasSpec: (key: string) => boolean): string | null {
  if (hasSpec(routeKey(method, url))) return routeKey(method, url);
  if (method === "HEAD") {
    for (const candidate of [url, url.replace(/\/$/, ""), `${url}/`]) if (hasSpec(routeKey("GET", candidate))) return routeKey("GET", candidate);
  }
  if (url.endsWith("/") && url.length > 1 && hasSpec(routeKey(method, url.slice(0, -1)))) return routeKey(method, url.slice(0, -1));
  const allowed = ROUTE_ALLOW_LIST.find((a) => a.pattern.test(routeKey(method, url)));
  return allowed ? `allow-list: ${allowed.why}` : null;
}
