// Issue 9, "Done when": a table of bad inputs over every route finds no 5xx and no change after any 4xx,
// on SQLite and PostgreSQL. Each case is sent as the identities the table names (anonymous, a reporter,
// an editor, an admin: session cookie + CSRF under /yonetim, Bearer token under /api); after each one
// the whole database and the media directory are compared with the state before it. All failures are
// collected and reported together at the end, grouped by kind; FUZZ_REPORT=<file.md> also writes them out.
import fs from "node:fs";
import type { FastifyServerOptions } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

// Every Fastify instance reports its routes, so the coverage check sees routes added after this file was written.
vi.mock("fastify", async (importOriginal) => {
  const original = await importOriginal<typeof import("fastify")>();
  const { recordRoute } = await import("./routes.ts");
  const withRouteHook = new Proxy(original.default, {
    apply(target, _this, args: [options?: FastifyServerOptions]) {
      const app = target(...args);
      app.addHook("onRoute", (route) => recordRoute(route.method, route.url));
      return app;
    },
  });
  return { ...original, default: withRouteHook };
});

import { mediaDir } from "../../src/media/storage.ts";
import { saveAdsTxt } from "../../src/settings/saveSettings.ts";
import { installDefaults } from "../../src/news/installDefaults.ts";
import { createApiToken } from "../../src/newsroom/apiTokens.ts";
import { TEST_NOW, type TestApp, buildTestApp } from "../app.ts";
import { describeEachDatabase } from "../databases.ts";
import { PASSWORD, addActor } from "../newsroomFixtures.ts";
import { type Session, cookieValue, signIn } from "../session.ts";
import { GENERIC, ROUTES, generatedCases } from "./cases.ts";
import {
  type Ctx,
  type Expectation,
  type FuzzCase,
  type FuzzRequest,
  type Need,
  type Response,
  type RouteSpec,
  type Who,
  type World,
  send,
  withCredentials,
} from "./harness.ts";
import { coveredBy, registeredRoutes, routeKey } from "./routes.ts";
import { MEDIA_TABLE, type Snapshotter, type TableChange, createSnapshotter, describeChange, shorten } from "./snapshot.ts";

/**
 * Changes a refused request may make, each with the reason. Anything else in the database or the
 * media directory that moves after a 4xx is a failure.
 */
const ALLOWED_ON_REFUSAL: Array<{ table: string; why: string; allows(change: TableChange): boolean }> = [
  {
    table: "sign_in_throttles",
    why: "a refused sign-in (401/429) or current-password check is counted: that is the throttle working",
    allows: () => true,
  },
  {
    table: "audit_log",
    why: "failed and locked sign-ins (and current-password checks) are audited; only new rows of those two actions",
    allows: (change) => change.removed.length === 0 && change.added.every((row) => row.action === "sign_in_failed" || row.action === "sign_in_locked"),
  },
];

/** The order routes run in: the ones that can end sessions or lock accounts last. */
const RUN_LAST = ["POST /yonetim/parola", "POST /yonetim/cikis", "POST /yonetim/giris"];

const RANK: Record<Who, number> = { anon: 0, reporter: 1, editor: 2, admin: 3 };
const NEED_RANK: Record<Need, number> = { public: 0, signedIn: 1, editor: 2, admin: 3 };

interface Failure {
  db: string;
  kind: string;
  route: string;
  method: string;
  url: string;
  who: string;
  label: string;
  status: number | string;
  detail: string;
}

const allFailures: Failure[] = [];
/** Every request and its answer; FUZZ_DUMP=<file.json> writes them out (for reading the run, not for asserting). */
const dump: Array<Record<string, unknown>> = [];
const runStats: string[] = [];

interface PlannedCase {
  route: string;
  spec: RouteSpec;
  label: string;
  who: Who;
  build: (ctx: Ctx) => FuzzRequest | Promise<FuzzRequest>;
  expect?: Expectation;
}

/** Every (route, input, sender) the run sends, in order. */
function plan(): { cases: PlannedCase[]; distinct: number } {
  const generated = generatedCases();
  const keys = Object.keys(ROUTES).sort((a, b) => Number(RUN_LAST.includes(a)) - Number(RUN_LAST.includes(b)) || RUN_LAST.indexOf(a) - RUN_LAST.indexOf(b));
  const cases: PlannedCase[] = [];
  let distinct = 0;
  const add = (route: string, spec: RouteSpec, fc: FuzzCase) => {
    distinct += 1;
    for (const who of fc.who ?? spec.who) cases.push({ route, spec, label: fc.label, who, build: fc.build, expect: fc.expect });
  };
  for (const key of keys) {
    const spec = ROUTES[key];
    if (!spec) continue;
    for (const fc of [...spec.cases, ...(generated[key] ?? [])]) add(key, spec, fc);
  }
  // Generic spoilers: each route's sample, sent by the least identity the route admits.
  for (const key of keys) {
    const spec = ROUTES[key];
    if (!spec) continue;
    const method = key.split(" ")[0] ?? "GET";
    const senders: Who[] = ["anon", "reporter", "editor", "admin"];
    const primary = senders.find((w) => RANK[w] >= NEED_RANK[spec.need]) ?? "admin";
    for (const spoiler of GENERIC) {
      if (spoiler.methods && !spoiler.methods.includes(method)) continue;
      if (spoiler.prefix && !key.split(" ")[1]?.startsWith(spoiler.prefix)) continue;
      add(key, spec, { label: `generic: ${spoiler.label}`, who: [primary], expect: spoiler.expect, build: async (ctx) => spoiler.spoil(await spec.sample(ctx)) });
    }
  }
  return { cases, distinct };
}

/** Statuses a sender without the route's role must get: 401 (or the sign-in page for /yonetim), or 403. */
function roleExpectation(need: Need, who: Who): { statuses: number[]; why: string } | null {
  if (RANK[who] >= NEED_RANK[need]) return null;
  return who === "anon" ? { statuses: [401], why: "no credentials: 401 before any validation" } : { statuses: [403], why: `role below ${need}: 403 whatever the input` };
}

function headerText(res: Response, name: string): string {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? "");
}

function bodyExcerpt(res: Response): string {
  const type = headerText(res, "content-type");
  if (type.includes("json")) return shorten(res.body, 160);
  const title = /<title>([^<]*)<\/title>/.exec(res.body)?.[1];
  const text = res.body
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return shorten(title ? `${title}` : text || "(empty body)", 160);
}

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text written by the request that holds control characters or is not NFC: table.column list per kind. */
function storedTextProblems(changes: TableChange[]): { control: string[]; nfd: string[] } {
  const control = new Set<string>();
  const nfd = new Set<string>();
  for (const change of changes) {
    if (change.table.startsWith("search_")) continue; // derived from the article columns, which are checked
    for (const row of change.added) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string") continue;
        if (CONTROL.test(value)) control.add(`${change.table}.${column}`);
        if (value !== value.normalize("NFC")) nfd.add(`${change.table}.${column}`);
      }
    }
  }
  return { control: [...control], nfd: [...nfd] };
}

function shortUrl(url: string): string {
  return shorten(
    url.replace(/(.)\1{30,}/g, (m, ch: string) => `${ch.repeat(3)}…×${m.length}`),
    140,
  );
}

/**
 * The failure list, grouped by kind, then by route and sender; a failure seen on both databases is
 * one line marked with both.
 */
function formatFailures(failures: Failure[]): string {
  const kinds = new Map<string, Map<string, Map<string, { f: Failure; dbs: string[] }>>>();
  for (const f of failures) {
    const groups = kinds.get(f.kind) ?? new Map<string, Map<string, { f: Failure; dbs: string[] }>>();
    kinds.set(f.kind, groups);
    const groupKey = `${f.route} (${f.who})`;
    const lines = groups.get(groupKey) ?? new Map<string, { f: Failure; dbs: string[] }>();
    groups.set(groupKey, lines);
    const lineKey = `${f.label}|${f.status}|${f.url}`;
    const line = lines.get(lineKey) ?? { f, dbs: [] };
    if (!line.dbs.includes(f.db)) line.dbs.push(f.db);
    lines.set(lineKey, line);
  }
  const out: string[] = [];
  const count = (groups: Map<string, Map<string, unknown>>) => [...groups.values()].reduce((n, lines) => n + lines.size, 0);
  for (const [kind, groups] of [...kinds].sort((a, b) => count(b[1]) - count(a[1]))) {
    out.push(`\n## ${kind} (${count(groups)})`);
    for (const [group, lines] of groups) {
      out.push(`\n### ${group}`);
      for (const { f, dbs } of lines.values()) out.push(`- ${f.label}: ${f.method} ${shortUrl(f.url)} → ${f.status} [${dbs.join(", ")}] ${shorten(f.detail, 260)}`);
    }
  }
  return out.join("\n");
}

afterAll(() => {
  if (process.env.FUZZ_DUMP) fs.writeFileSync(process.env.FUZZ_DUMP, JSON.stringify(dump, null, 1));
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  const header = [`# Fuzz failures (test/fuzz/badInputs.test.ts)`, "", ...runStats.map((s) => `- ${s}`), "", `${allFailures.length} failures in all.`];
  fs.writeFileSync(file, `${header.join("\n")}\n${formatFailures(allFailures)}\n`);
});

describeEachDatabase("bad inputs on every route", (get, dbName) => {
  let t: TestApp;
  let w: World;
  let snap: Snapshotter;
  const sessions: Partial<Record<Who, Session>> = {};
  const tokens: Partial<Record<Who, string>> = {};
  const emails: Record<Exclude<Who, "anon">, string> = { reporter: "", editor: "", admin: "" };
  const userIds: Partial<Record<Who | "reporter2", number>> = {};
  let publishedPath = "";

  const api = async (method: "POST" | "PATCH", url: string, token: string, payload: object | Buffer, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, payload });
    if (res.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json<Record<string, unknown>>();
  };
  const createDraft = async (token: string, title: string) =>
    Number((await api("POST", "/api/v1/articles", token, { title, category: "gundem", spot: "Fuzz testi için bir haber.", body: "<p>Metin.</p>", tags: ["Ankara"] })).id);
  const createPublished = async (title: string) => {
    const id = await createDraft(tokens.editor ?? "", title);
    const published = await api("POST", `/api/v1/articles/${id}/publish`, tokens.editor ?? "", {});
    return { id, path: new URL(String(published.url)).pathname };
  };
  let reporter2Token = "";

  /** Puts back what a case destroyed (sessions, tokens, the articles cases aim at), so later cases still reach their code. */
  const repair = async (changes: TableChange[]): Promise<string[]> => {
    const done: string[] = [];
    const touched = new Set(changes.map((c) => c.table));
    const { db } = get();
    if (touched.has("users")) {
      const roles = { reporter: "muhabir", editor: "editor", admin: "yonetici" } as const;
      for (const who of ["reporter", "editor", "admin"] as const) {
        const user = await db
          .selectFrom("users")
          .select(["role", "disabledAt"])
          .where("id", "=", userIds[who] ?? 0)
          .executeTakeFirst();
        if (user && (user.role !== roles[who] || user.disabledAt !== null)) {
          await db
            .updateTable("users")
            .set({ role: roles[who], disabledAt: null })
            .where("id", "=", userIds[who] ?? 0)
            .execute();
          done.push(`restored ${who}'s account`);
        }
      }
    }
    if (touched.has("sessions") || touched.has("users") || touched.has("sign_in_throttles")) {
      for (const who of ["reporter", "editor", "admin"] as const) {
        const s = sessions[who];
        const alive = s && (await t.app.inject({ url: "/yonetim/parola", headers: { cookie: s.cookie } })).statusCode === 200;
        if (!alive) {
          sessions[who] = await signIn(t.app, emails[who], PASSWORD);
          done.push(`signed ${who} in again`);
        }
      }
    }
    if (touched.has("api_tokens") || touched.has("users")) {
      for (const who of ["reporter", "editor", "admin"] as const) {
        const res = await t.app.inject({ url: "/api/v1/articles/1", headers: { authorization: `Bearer ${tokens[who]}` } });
        if (res.statusCode === 401) {
          tokens[who] = await createApiToken(db, { userId: userIds[who] ?? 0, name: "fuzz", actor: null, now: TEST_NOW });
          done.push(`new token for ${who}`);
        }
      }
    }
    if (touched.has("articles")) {
      const status = async (id: number) => (await db.selectFrom("articles").select("status").where("id", "=", id).executeTakeFirst())?.status;
      if ((await status(w.ids.draftR)) !== "draft") {
        w.ids.draftR = await createDraft(tokens.reporter ?? "", "Muhabirin yeni taslağı");
        done.push("new reporter draft");
      }
      if ((await status(w.ids.draftR2)) !== "draft") {
        w.ids.draftR2 = await createDraft(reporter2Token, "Diğer muhabirin yeni taslağı");
        done.push("new draft of the other reporter");
      }
      if ((await status(w.ids.draftE)) !== "draft") {
        w.ids.draftE = await createDraft(tokens.editor ?? "", "Editörün yeni taslağı");
        done.push("new editor draft");
      }
      if ((await status(w.ids.published)) !== "published") {
        const p = await createPublished("Yeniden yayımlanan haber");
        w.ids.published = p.id;
        publishedPath = p.path;
        done.push("new published article");
      }
      if ((await status(w.ids.published2)) !== "published") {
        w.ids.published2 = (await createPublished("İkinci yayımlanan haber")).id;
        done.push("new second published article");
      }
    }
    return done;
  };

  beforeAll(async () => {
    const { db } = get();
    await installDefaults(db);
    const reporter = await addActor(db, "muhabir", "Fuzz Muhabir");
    const reporter2 = await addActor(db, "muhabir", "Fuzz Ikinci");
    const editor = await addActor(db, "editor", "Fuzz Editor");
    const admin = await addActor(db, "yonetici", "Fuzz Yonetici");
    const victim = await addActor(db, "muhabir", "Fuzz Hedef");
    await addActor(db, "muhabir", "Fuzz Giris");
    Object.assign(userIds, { reporter: reporter.id, reporter2: reporter2.id, editor: editor.id, admin: admin.id });
    Object.assign(emails, { reporter: "fuzzmuhabir-muhabir@haberci.test", editor: "fuzzeditor-editor@haberci.test", admin: "fuzzyonetici-yonetici@haberci.test" });
    const newToken = (userId: number) => createApiToken(db, { userId, name: "fuzz", actor: null, now: TEST_NOW });
    tokens.reporter = await newToken(reporter.id);
    tokens.editor = await newToken(editor.id);
    tokens.admin = await newToken(admin.id);
    reporter2Token = await newToken(reporter2.id);
    await newToken(victim.id);
    const victimToken = (await db.selectFrom("apiTokens").select("id").where("userId", "=", victim.id).executeTakeFirstOrThrow()).id;

    t = await buildTestApp(db);
    const baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
    for (const who of ["reporter", "editor", "admin"] as const) sessions[who] = await signIn(t.app, emails[who], PASSWORD);

    const draftR = await createDraft(tokens.reporter, "Muhabirin taslağı");
    const draftR2 = await createDraft(reporter2Token, "Diğer muhabirin taslağı");
    const draftE = await createDraft(tokens.editor, "Editörün taslağı");
    const published = await createPublished("Ankara'da mevsimin ilk karı");
    const published2 = await createPublished("İzmir'de fırtına");
    publishedPath = published.path;
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#1f5fa8" } })
      .png()
      .toBuffer();
    const boundary = "----fuzzsetup";
    const upload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nMavi bir kare\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mavi.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await api("POST", "/api/v1/images", tokens.editor, upload, { "content-type": `multipart/form-data; boundary=${boundary}` });
    const image = Number(uploaded.id);
    const mediaPath = new URL(String(uploaded.url)).pathname;
    const staticPath = /"(\/static\/[^"]+)"/.exec((await t.app.inject({ url: "/" })).body)?.[1] ?? "/static/yok.css";
    // /ads.txt exists (its sample is a 200), as on a site with advertising.
    await saveAdsTxt(db, { text: "ornekreklam.com.tr, 12345, DIRECT", version: 0 }, { actor: { id: admin.id, name: admin.name }, ip: null, now: TEST_NOW });
    // Each token's first use records last_used_at; do it now, not inside a case.
    for (const token of [tokens.reporter, tokens.editor, tokens.admin, reporter2Token])
      await t.app.inject({ url: "/api/v1/articles/1", headers: { authorization: `Bearer ${token}` } });

    w = {
      app: t.app,
      db,
      baseUrl,
      ids: { draftR, draftR2, draftE, published: published.id, published2: published2.id, image, reporterUser: reporter.id, victimUser: victim.id, victimToken },
      publishedPath: () => publishedPath,
      mediaPath,
      staticPath,
      signInUser: { email: "fuzzgiris-muhabir@haberci.test", password: PASSWORD },
      session: (who) => {
        const s = who === "anon" ? undefined : sessions[who];
        return s ? { cookie: s.cookie, csrf: s.csrf } : null;
      },
      token: (who) => (who === "anon" ? null : (tokens[who] ?? null)),
      version: async (id) => (await db.selectFrom("articles").select("version").where("id", "=", id).executeTakeFirst())?.version ?? 1,
      signInPage: async (ip) => {
        const page = await t.app.inject({ url: "/yonetim/giris", remoteAddress: ip });
        return { cookie: `haberci_giris=${cookieValue(page, "haberci_giris") ?? ""}`, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "" };
      },
    };
    snap = await createSnapshotter(get(), mediaDir(t.dataDir));
  });

  afterAll(async () => {
    await t?.close();
  });

  it("has bad inputs in the table for every registered route", () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((r) => coveredBy(r.method, r.url, (key) => key in ROUTES) === null).map((r) => routeKey(r.method, r.url));
    expect(missing, "routes with no entry in test/fuzz/cases.ts ROUTES (add bad inputs, or a reason to ROUTE_ALLOW_LIST)").toEqual([]);
    const stale = Object.keys(ROUTES).filter((key) => !routes.some((r) => routeKey(r.method, r.url) === key));
    expect(stale, "entries of ROUTES that match no registered route (renamed?)").toEqual([]);
    expect(plan().distinct).toBeGreaterThanOrEqual(300);
  });

  it("sees a write in any table and a new file in the media directory (self-check)", async () => {
    const { db } = get();
    const file = `${mediaDir(t.dataDir)}/fuzz-self-check.txt`;
    await db.insertInto("tags").values({ slug: "fuzz-self-check", name: "Fuzz" }).execute();
    await db.updateTable("users").set({ name: "Fuzz Hedef 2" }).where("id", "=", w.ids.victimUser).execute();
    fs.writeFileSync(file, "x");
    const changes = await snap.next();
    expect(changes.map((c) => c.table).sort()).toEqual([MEDIA_TABLE, "tags", "users"].sort());
    expect(describeChange(changes.find((c) => c.table === "users") ?? { table: "", added: [], removed: [] })).toContain("changed name");
    await db.deleteFrom("tags").where("slug", "=", "fuzz-self-check").execute();
    await db.updateTable("users").set({ name: "Fuzz Hedef" }).where("id", "=", w.ids.victimUser).execute();
    fs.rmSync(file);
    expect((await snap.next()).map((c) => c.table).sort()).toEqual([MEDIA_TABLE, "tags", "users"].sort());
    expect(await snap.next()).toEqual([]);
  });

  it("answers no 5xx, refuses what it must, and changes nothing after a refusal", async () => {
    const started = Date.now();
    const failures: Failure[] = [];
    const { cases, distinct } = plan();
    const statusCounts = new Map<string, number>();

    for (const pc of cases) {
      const ctx: Ctx = { w, who: pc.who, csrf: w.session(pc.who)?.csrf ?? "" };
      let request: FuzzRequest;
      try {
        request = withCredentials(w, pc.who, await pc.build(ctx));
      } catch (error) {
        failures.push({
          db: dbName,
          kind: "case could not be built",
          route: pc.route,
          method: "?",
          url: pc.route,
          who: pc.who,
          label: pc.label,
          status: "-",
          detail: String(error),
        });
        continue;
      }
      const fail = (kind: string, status: number | string, detail: string) =>
        failures.push({ db: dbName, kind, route: pc.route, method: request.method, url: request.url, who: pc.who, label: pc.label, status, detail });

      let res: Response | null = null;
      const sentAt = Date.now();
      try {
        res = await send(w, request);
      } catch (error) {
        fail("request did not complete", "-", shorten(String(error), 200));
      }
      await t.views.flush();
      const changes = await snap.next();
      if (!res) continue;
      dump.push({
        db: dbName,
        route: pc.route,
        label: pc.label,
        who: pc.who,
        method: request.method,
        url: shortUrl(request.url),
        status: res.status,
        changed: changes.map((c) => c.table),
        ms: Date.now() - sentAt,
      });
      const bucket = `${Math.floor(res.status / 100)}xx`;
      statusCounts.set(bucket, (statusCounts.get(bucket) ?? 0) + 1);

      // 1. Never a 5xx (a 503 with Retry-After is the overload answer, allowed).
      if (res.status >= 500 && !(res.status === 503 && headerText(res, "retry-after") !== "")) fail("5xx: server error", res.status, bodyExcerpt(res));

      // 2. The answer the role rules or the issue require.
      const effectiveWho: Who = request.auth === "none" ? "anon" : pc.who;
      const role = roleExpectation(pc.spec.need, effectiveWho);
      const location = headerText(res, "location");
      const toSignIn = res.status === 303 && location.startsWith("/yonetim/giris");
      const refusedBySignIn = role !== null && effectiveWho === "anon" && request.url.startsWith("/yonetim") && toSignIn;
      // A URL or headers too large for the server are refused before anyone is asked who sent them.
      const sizeRefusal = res.status === 414 || res.status === 431;
      if (role) {
        if (!role.statuses.includes(res.status) && !refusedBySignIn && !sizeRefusal)
          fail("auth/role not enforced first", res.status, `expected ${role.statuses.join(" or ")} (${role.why}); ${bodyExcerpt(res)}`);
      } else if (pc.expect) {
        const ok = pc.expect === "4xx" ? res.status >= 400 && res.status < 500 : pc.expect.includes(res.status);
        if (!ok && res.status < 500) {
          const wanted = pc.expect === "4xx" ? "a 4xx" : pc.expect.join(" or ");
          fail(res.status < 400 ? "accepted, should be refused" : "refused with the wrong status", res.status, `expected ${wanted}; ${bodyExcerpt(res)}`);
        }
      }

      // 3. A 4xx has the usual body: {error: {code, message}} for the API and scripts, the Turkish page otherwise.
      if (res.status >= 400 && res.status < 500) {
        // The API answers JSON; a newsroom script that accepts JSON may get JSON or the page.
        const isApi = request.url.startsWith("/api/");
        const mayBeJson = isApi || (request.url.startsWith("/yonetim") && (request.headers?.accept ?? "").includes("application/json"));
        const type = headerText(res, "content-type");
        const turkishPage = type.includes("text/html") && res.body.includes('<html lang="tr"');
        if (mayBeJson && !(turkishPage && !isApi)) {
          let shaped = false;
          try {
            const parsed: unknown = JSON.parse(res.body);
            const error = typeof parsed === "object" && parsed !== null && "error" in parsed ? parsed.error : null;
            shaped =
              typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" && "message" in error && typeof error.message === "string";
          } catch {
            shaped = false;
          }
          if (!shaped || !type.includes("application/json"))
            fail("4xx body is not {error: {code, message}}", res.status, `${type || "no content-type"}: ${bodyExcerpt(res)}`);
        } else if (!turkishPage) {
          fail("4xx without the Turkish error page", res.status, `${type || "no content-type"}: ${bodyExcerpt(res)}`);
        }
      }

      // 4. A refused request changes nothing (but what ALLOWED_ON_REFUSAL names).
      const refused = (res.status >= 400 && res.status < 500) || refusedBySignIn;
      if (refused) {
        const unexpected = changes.filter((c) => !ALLOWED_ON_REFUSAL.some((a) => a.table === c.table && a.allows(c)));
        if (unexpected.length > 0) fail("changed after a refusal", res.status, unexpected.map(describeChange).join("; "));
      } else if (pc.expect && pc.expect !== "4xx" && pc.expect.every((s) => s >= 400) && changes.length > 0 && res.status < 400) {
        // Already listed as "accepted, should be refused"; say what it changed.
        const last = failures.at(-1);
        if (last) last.detail += ` | changed ${changes.map(describeChange).join("; ")}`;
      }

      // 5. Text the request stored: no control characters, NFC.
      const stored = storedTextProblems(changes);
      if (stored.control.length > 0) fail("stored a control character", res.status, stored.control.join(", "));
      if (stored.nfd.length > 0) fail("stored text not in NFC", res.status, stored.nfd.join(", "));

      if (changes.length > 0) {
        try {
          await repair(changes);
        } catch (error) {
          fail("test could not repair its fixtures after this case", res.status, shorten(String(error), 200));
        }
        await snap.next();
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...statusCounts]
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    runStats.push(`${dbName}: ${distinct} distinct cases, ${cases.length} requests in ${seconds} s (${statuses}); ${failures.length} failures`);
    console.log(`[fuzz] ${runStats.at(-1)}`);
    allFailures.push(...failures);
    if (failures.length > 0) expect.fail(`${failures.length} of ${cases.length} requests failed on ${dbName}:${formatFailures(failures)}`);
  }, 300_000);
});
