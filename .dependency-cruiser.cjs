// Import boundaries between the folders of src/ (issue 10, "Layers point one way").
// `npm run lint:deps` checks them; docs/architecture.md draws the same table as a Mermaid diagram
// (keep the two in step). Type-only imports count like any other import. Test files may import anything.

/** Files that are not shipped code: tests may reach across boundaries. */
const TESTS = "\\.test\\.tsx?$";

const folder = (name) => `^src/${name}/`;
const file = (path) => `^src/${path.replace(/\./g, "\\.")}$`;

const ERRORS = file("errors.ts");
const CONFIG = file("config.ts");
const LIB = folder("lib");
/** Importable by every server folder: domain errors, configuration and the neutral helpers. */
const NEUTRAL = [ERRORS, CONFIG, LIB];

/**
 * What each folder of src/ may import besides its own files (regular expressions on the resolved path).
 * Anything else under src/ is a violation named `<folder>-boundary`. src/app.ts and src/main.ts compose
 * the app and may import anything.
 */
const layers = {
  lib: { allow: [ERRORS], why: "neutral helpers (Istanbul time, the slug rule): depend on no feature" },
  db: { allow: NEUTRAL, why: "connection, schema and migrations: no feature knowledge" },
  http: { allow: NEUTRAL, why: "edge plumbing shared by every route: no feature knowledge" },
  ui: { allow: NEUTRAL, why: "the layout and rendering: views take plain props, not feature modules" },
  audit: { allow: [...NEUTRAL, folder("db")], why: "the audit log is written by news and media" },
  media: { allow: [...NEUTRAL, folder("db"), folder("audit")], why: "pictures: storage, variants, upload" },
  search: {
    allow: [...NEUTRAL, folder("db"), folder("http"), folder("news")],
    why: "the query side asks news for cards and counts; the page lives in site",
  },
  news: {
    allow: [...NEUTRAL, folder("db"), folder("media"), folder("audit"), file("search/index.ts"), file("search/analyzer.ts"), file("http/schemas.ts")],
    why: "the domain: writes the search index inside its transactions, never renders (no ui, site, newsroom, api)",
  },
  weather: {
    allow: [...NEUTRAL, folder("db"), folder("ui"), folder("http")],
    why: "a feature beside news: knows neither news nor the site",
  },
  cache: {
    allow: [...NEUTRAL, file("news/events.ts")],
    why: "the page cache, its invalidation and CDN purges follow the news events; they know no page",
  },
  metrics: { allow: NEUTRAL, why: "Prometheus instruments: features hand them plain callbacks" },
  settings: {
    allow: [...NEUTRAL, folder("db"), folder("media"), folder("audit"), file("news/events.ts"), file("cache/keys.ts")],
    why: "the site's settings and identity files: announce saves on the news events (the cache follows them) and name the ads.txt key",
  },
  legal: {
    allow: [...NEUTRAL, folder("db"), folder("settings"), folder("ui"), file("cache/keys.ts")],
    why: "the publication's legal duties (künye): its rules, its use cases writing settings sections, its reader pages naming their surrogate keys",
  },
  site: {
    allow: [
      ...NEUTRAL,
      folder("news"),
      folder("search"),
      folder("weather"),
      folder("media"),
      folder("settings"),
      folder("ui"),
      folder("http"),
      folder("db"),
      file("cache/keys.ts"),
      file("feeds/paths.ts"),
    ],
    why: "the reader's pages, naming their surrogate keys (cache/keys.ts) and their feeds (feeds/paths.ts); db/ only for types (rule site-db-types-only)",
  },
  feeds: {
    allow: [...NEUTRAL, folder("news"), folder("media"), folder("http"), folder("db"), file("cache/keys.ts")],
    why: "feeds, sitemaps and WebSub pings read published articles through news and name their surrogate keys (cache/keys.ts); they render no page",
  },
  newsroom: {
    allow: [
      ...NEUTRAL,
      folder("news"),
      folder("media"),
      folder("audit"),
      folder("search"),
      folder("site"),
      folder("settings"),
      folder("legal"),
      folder("ui"),
      folder("http"),
      folder("db"),
    ],
    why: "the editors' side; the preview renders the reader's article page from site; admins edit the settings and the künye",
  },
  api: {
    allow: [
      ...NEUTRAL,
      folder("news"),
      folder("search"),
      folder("weather"),
      folder("media"),
      file("newsroom/auth.ts"),
      folder("http"),
      folder("db"),
      file("cache/keys.ts"),
    ],
    why: "the JSON API; from the newsroom only its authentication, from the cache only the surrogate keys",
  },
  client: { allow: [LIB], why: "the browser bundle: must not pull server code" },
};

const boundaryRules = Object.entries(layers).map(([name, { allow, why }]) => ({
  name: `${name}-boundary`,
  severity: "error",
  comment: `src/${name}/ ${why}. It may import only: ${allow.join(", ")}`,
  from: { path: folder(name), pathNot: TESTS },
  to: { path: "^src/", pathNot: [folder(name), ...allow] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...boundaryRules,
    {
      name: "errors-neutral",
      severity: "error",
      comment: "src/errors.ts is imported by everyone; it may import only the neutral lib/ (no cycle: see no-circular).",
      from: { path: ERRORS },
      to: { path: "^src/", pathNot: [LIB] },
    },
    {
      name: "config-neutral",
      severity: "error",
      comment: "src/config.ts reads the environment; it may import only errors.ts and lib/.",
      from: { path: CONFIG },
      to: { path: "^src/", pathNot: [ERRORS, LIB] },
    },
    {
      name: "site-db-types-only",
      severity: "error",
      comment: "The reader site reads through news, search and weather; from db/ it takes only types.",
      from: { path: folder("site"), pathNot: TESTS },
      to: { path: folder("db"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "client-no-node",
      severity: "error",
      comment: "src/client/ is bundled for the browser: no Node built-ins.",
      from: { path: folder("client"), pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-test-code-in-src",
      severity: "error",
      comment: "Shipped code does not import tests or test helpers.",
      from: { path: "^src/", pathNot: TESTS },
      to: { path: ["^test/", TESTS] },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules do not import each other in a circle (type-only imports included).",
      from: { path: "^src/", pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "Every import resolves to a file or an installed package.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules/", "^data/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
