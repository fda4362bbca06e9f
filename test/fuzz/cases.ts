// The fuzz table: for every route of the app, bad inputs (path parameters, query strings, JSON,
// form and multipart bodies, headers), who sends them, and where issue 9 says what the answer must
// be. Generic spoilers (GENERIC) are applied to every route's sample request on top; fast-check adds
// generated strings and numbers with a fixed seed (generatedCases).
import fc from "fast-check";
import { readHeadlineOrder } from "../../src/news/homeControl.ts";
import { brandAssets } from "../../src/settings/brand.ts";
import {
  type Ctx,
  type Expectation,
  type FormFields,
  type FuzzCase,
  type FuzzRequest,
  type Method,
  type Part,
  type RouteSpec,
  type Who,
  encodeForm,
  form,
  json,
  multipart,
  pct,
  rawBody,
  req,
} from "./harness.ts";

export const SEED = 20261127;

// ---- values ----

/** Path parameter values that are not a valid id; `range` marks those the issue says must be 404 or 400. */
const BAD_IDS: Array<{ v: string; range?: true }> = [
  { v: "0", range: true },
  { v: "-1", range: true },
  { v: "2147483648", range: true },
  { v: "9999999999", range: true },
  { v: "1e10", range: true },
  { v: "1.5", range: true },
  { v: "abc", range: true },
  { v: "%00", range: true },
  { v: "1%00" }, // may be read as 1 once control characters are removed at the edge (allowed by issue 9)
  { v: "9".repeat(300), range: true },
  { v: "..%2f..%2fetc%2fpasswd", range: true },
  { v: "%D9%A3", range: true }, // Arabic-Indic digit three
  { v: "0x10" },
  { v: "+1" },
  { v: "%201" },
];

/** A few of BAD_IDS, all out of range, for routes where the full list would only repeat the same validator
 * and for routes that act: "+1" or "0x10" may name a real row, and acting on it is no bad input. */
const SOME_BAD_IDS = BAD_IDS.filter((b) => ["0", "2147483648", "9999999999", "1e10", "abc", "%00"].includes(b.v));

const NUL = "\u0000";
const NFD_TITLE = "Gökçeada açıklarında şişe postası bulundu".normalize("NFD");
const CYRILLIC = "Путин";
const CONTROL = "Ankara\u0007\u001b[31m haberi";
const BIDI = "\u202eİstanbul\u202c";
const long = (n: number, ch = "a") => ch.repeat(n);

/** Dates the issue lists as out of range (and a few neighbours). */
const BAD_DAYS = ["0000-01-01", "2031-02-30", "2026-13-01", "2026-00-10", "9999-12-31", "-000001-01-01", "275760-09-14", "2026-1-1", "2026-02-29"];
const BAD_LOCAL_TIMES = [
  { v: "2031-02-30T10:00", bad: true },
  { v: "2026-12-01T24:00", bad: true },
  { v: "2026-12-01T23:60", bad: true },
  { v: "now", bad: true },
  { v: "2020-01-01T10:00", bad: true }, // in the past
  { v: "9999-12-31T10:00", bad: true }, // more than a year ahead
  { v: "0000-01-01T00:00", bad: true },
  { v: "", bad: true },
  { v: "2026-12-01T10:00:00.000Z", bad: true },
];
const BAD_ISO_TIMES = [
  "2031-02-30T10:00:00Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-11-27T24:00:00Z",
  "2020-01-01T00:00:00Z",
  "now",
  "",
  "2026-12-01",
  "+275760-09-13T00:00:00Z",
];

const PNG_1X1 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

// ---- helpers ----

const articleForm = (extra: FormFields = {}): FormFields => ({
  title: "Fuzz: Ankara'da kar yağışı",
  spot: "Kısa özet.",
  body: "<p>Metin.</p>",
  category: "gundem",
  source: "haberci",
  tags: "Ankara",
  ...extra,
});

const articleJson = (extra: Record<string, unknown> = {}) => ({ title: "Fuzz: İzmir'de fırtına", category: "gundem", ...extra });

const c = (label: string, build: FuzzCase["build"], expect?: Expectation, who?: Who[]): FuzzCase => ({ label, build, expect, who });

/** One case per bad id; out-of-range ids must be answered 404 (a page) or 400. */
function idCases(route: (id: string, ctx: Ctx) => FuzzRequest | Promise<FuzzRequest>, ids = BAD_IDS, who?: Who[]): FuzzCase[] {
  return ids.map((b) => c(`id ${b.v.length > 20 ? `${b.v.slice(0, 12)}…(${b.v.length})` : b.v}`, (ctx) => route(b.v, ctx), b.range ? [400, 404] : undefined, who));
}

/** The stamp of the manşet as stored now: what the manşet page would carry. */
async function headlinesStamp(ctx: Ctx): Promise<string> {
  return (await readHeadlineOrder(ctx.w.db)).stamp;
}

let ipCounter = 0;
/** A fresh client address per sign-in case, so that one case's lock does not hide the next. */
function freshIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** A sign-in post from a fresh address with a valid sign-in cookie and token unless told otherwise. */
function signInCase(
  label: string,
  fields: (ctx: Ctx, token: string) => FormFields,
  expect?: Expectation,
  opts: { cookie?: boolean; headers?: Record<string, string>; body?: "form" | "json" | "multipart" } = {},
): FuzzCase {
  return c(
    label,
    async (ctx) => {
      const ip = freshIp();
      const page = await ctx.w.signInPage(ip);
      const f = fields(ctx, page.csrf);
      const body =
        opts.body === "json"
          ? json(f)
          : opts.body === "multipart"
            ? multipart(Object.entries(f).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value }))))
            : rawBody("application/x-www-form-urlencoded", encodeForm(f));
      return req("POST", "/yonetim/giris", body, { remoteAddress: ip, headers: { ...(opts.cookie === false ? {} : { cookie: page.cookie }), ...opts.headers } });
    },
    expect,
  );
}

function imagePart(data = PNG_1X1, filename = "resim.png", contentType = "image/png"): Part {
  return { name: "file", filename, contentType, data };
}

/** Bad multipart uploads, shared by /yonetim/medya (CSRF in a field) and /api/v1/images (Bearer). */
function uploadCases(url: string, withCsrf: boolean): FuzzCase[] {
  const csrfParts = (ctx: Ctx): Part[] => (withCsrf ? [{ name: "_csrf", value: ctx.csrf }] : []);
  const meta: Part[] = [
    { name: "caption", value: "Altyazı" },
    { name: "credit", value: "AA" },
    { name: "alt", value: "Bir görsel" },
  ];
  const cases: FuzzCase[] = [
    c(
      "multipart with 12 fields",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: "x" }))])),
      "4xx",
    ),
    c(
      "multipart with 12 fields and a file",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, ...Array.from({ length: 9 }, (_, i) => ({ name: `f${i}`, value: "x" })), imagePart()])),
      "4xx",
    ),
    c("multipart without a file", (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta])), [400]),
    c(
      "multipart with a text file named .png",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, imagePart(Buffer.from("merhaba dünya"), "metin.png")])),
      [400],
    ),
    c("multipart with a truncated PNG", (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, imagePart(PNG_1X1.subarray(0, 40))])), [400]),
    c("multipart with an empty file", (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, imagePart(Buffer.alloc(0))])), [400]),
    c("multipart with two files", (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, imagePart(), imagePart()])), "4xx"),
    c(
      "multipart with a 10,001-character caption",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), { name: "caption", value: long(10_001) }, { name: "alt", value: "x" }, imagePart()])),
      "4xx",
    ),
    c(
      "multipart with an empty alt",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), { name: "caption", value: "x" }, { name: "alt", value: "" }, imagePart()])),
      [400],
    ),
    c(
      "multipart with NUL in alt and ../ in the file name",
      (ctx) => req("POST", url, multipart([...csrfParts(ctx), { name: "alt", value: `a${NUL}b` }, imagePart(PNG_1X1.subarray(0, 30), "../../etc/passwd")])),
      [400],
    ),
    c(
      "multipart with a broken boundary",
      (ctx) =>
        req("POST", url, {
          headers: { "content-type": "multipart/form-data; boundary=xyz" },
          payload: `--abc\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${ctx.csrf}\r\n`,
        }),
      "4xx",
    ),
    c("multipart without a boundary", () => req("POST", url, rawBody("multipart/form-data", "--x\r\n\r\n")), "4xx"),
    c("urlencoded body instead of multipart", (ctx) => req("POST", url, form(ctx, { caption: "x", alt: "y" })), "4xx"),
    c("JSON body instead of multipart", (ctx) => req("POST", url, json({ _csrf: ctx.csrf, file: "aGVsbG8=", alt: "x" })), "4xx"),
    c("a 21 MB file (over the upload limit)", (ctx) => req("POST", url, multipart([...csrfParts(ctx), ...meta, imagePart(Buffer.alloc(21 * 1_048_576, 7))])), "4xx"),
  ];
  if (withCsrf) {
    cases.push(
      c("multipart without the CSRF token", () => req("POST", url, multipart([...meta, imagePart()])), [403]),
      c("multipart with a wrong CSRF token", () => req("POST", url, multipart([{ name: "_csrf", value: "yanlis" }, ...meta, imagePart()])), [403]),
      c(
        "multipart with the CSRF token after 11 other fields",
        (ctx) => req("POST", url, multipart([...Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: "x" })), { name: "_csrf", value: ctx.csrf }])),
        "4xx",
      ),
    );
  }
  return cases;
}

/** JSON bodies that are not what a route declared, for any JSON route. */
function malformedJsonCases(method: Method, url: (ctx: Ctx) => string | Promise<string>, expect: Expectation = [400], who?: Who[]): FuzzCase[] {
  return [
    c("invalid JSON `{`", async (ctx) => req(method, await url(ctx), rawBody("application/json", "{")), expect, who),
    c("invalid JSON, cut in a string", async (ctx) => req(method, await url(ctx), rawBody("application/json", '{"title":"Ank')), expect, who),
    c("JSON `null`", async (ctx) => req(method, await url(ctx), rawBody("application/json", "null")), undefined, who),
    c("JSON array", async (ctx) => req(method, await url(ctx), rawBody("application/json", "[1,2]")), expect, who),
    c("JSON string", async (ctx) => req(method, await url(ctx), rawBody("application/json", '"baslik"')), expect, who),
    c("empty body with content-type JSON", async (ctx) => req(method, await url(ctx), rawBody("application/json", "")), undefined, who),
    c("__proto__ in JSON", async (ctx) => req(method, await url(ctx), rawBody("application/json", '{"__proto__":{"isAdmin":true},"title":"x"}')), expect, who),
    c("constructor.prototype in JSON", async (ctx) => req(method, await url(ctx), rawBody("application/json", '{"constructor":{"prototype":{"x":1}}}')), expect, who),
    c("JSON nested 5,000 deep", async (ctx) => req(method, await url(ctx), rawBody("application/json", `${"[".repeat(5000)}${"]".repeat(5000)}`)), expect, who),
    c("JSON with content-type text/plain", async (ctx) => req(method, await url(ctx), rawBody("text/plain", '{"title":"x"}')), "4xx", who),
    c("JSON with content-type application/xml", async (ctx) => req(method, await url(ctx), rawBody("application/xml", "<a/>")), "4xx", who),
    c(
      "JSON in latin1 with a charset",
      async (ctx) => req(method, await url(ctx), rawBody("application/json; charset=latin1", Buffer.from('{"title":"\xfc"}', "latin1"))),
      undefined,
      who,
    ),
    c("1.5 MB JSON body", async (ctx) => req(method, await url(ctx), rawBody("application/json", JSON.stringify({ title: long(1_500_000) }))), "4xx", who),
  ];
}

/** Bad fields of the article JSON, shared by create (POST) and edit (PATCH); `base` adds what the route needs (version). */
function articleFieldCases(method: Method, url: (ctx: Ctx) => string | Promise<string>, base: (ctx: Ctx) => Promise<Record<string, unknown>>): FuzzCase[] {
  const f = (label: string, fields: Record<string, unknown>, expect?: Expectation) =>
    c(label, async (ctx) => req(method, await url(ctx), json({ ...(await base(ctx)), ...fields })), expect);
  return [
    f("title 123 (a number)", { title: 123 }, [400]),
    f("title true", { title: true }, [400]),
    f("title null", { title: null }, [400]),
    f("title an object", { title: { tr: "Başlık" } }, [400]),
    f("title an array", { title: ["a", "b"] }, [400]),
    f("title empty", { title: "" }, [400]),
    f("title only spaces", { title: "   " }, [400]),
    f("title 201 characters", { title: long(201) }, [400]),
    f("title 100,000 characters", { title: long(100_000) }, [400]),
    f("title with NUL", { title: `Ankara${NUL} haberi` }),
    f("title with control characters", { title: CONTROL }),
    f("title in NFD", { title: NFD_TITLE }),
    f("title with bidi overrides", { title: BIDI }),
    f("title in Cyrillic", { title: "Путин Анкарада" }),
    f("title of emoji only", { title: "🔥🔥🔥" }),
    f("title only combining marks", { title: "\u0301\u0308\u0327" }),
    f("tags [1, 2]", { tags: [1, 2] }, [400]),
    f("tags a string", { tags: "Ankara, Kar" }, [400]),
    f("tags [null]", { tags: [null] }, [400]),
    f("tags [[]]", { tags: [[]] }, [400]),
    f('tags [""]', { tags: [""] }, [400]),
    f("21 tags", { tags: Array.from({ length: 21 }, (_, i) => `Etiket ${i}`) }, [400]),
    f("a 61-character tag", { tags: [long(61)] }, [400]),
    f("tag in Cyrillic", { tags: [CYRILLIC] }),
    f("tag of punctuation only", { tags: ["!!!"] }),
    f("tag with NUL", { tags: [`a${NUL}b`] }),
    f("tag in NFD", { tags: ["Gökçeada".normalize("NFD")] }),
    f("authors [] (an agency item, signed by its source)", { authors: [] }),
    f("authors a string", { authors: "ayse-yilmaz" }, [400]),
    f("authors [1]", { authors: [1] }, [400]),
    f("authors twice the same", { authors: ["yok-boyle", "yok-boyle"] }, [400]),
    f("7 authors", { authors: Array.from({ length: 7 }, (_, i) => `yazar-${i}`) }, [400]),
    f("author that does not exist", { authors: ["yok-boyle"] }, [400]),
    f("author in capitals", { authors: ["AYSE"] }, [400]),
    f("author with NUL", { authors: [`a${NUL}b`] }, [400]),
    f("imageId 2147483648", { imageId: 2147483648 }, [400]),
    f("imageId 1e10", { imageId: 1e10 }, [400]),
    f("imageId 9007199254740992", { imageId: 9007199254740992 }, [400]),
    f("imageId 1e308", { imageId: 1e308 }, [400]),
    f("imageId -1", { imageId: -1 }, [400]),
    f("imageId 0", { imageId: 0 }, [400]),
    f("imageId 1.5", { imageId: 1.5 }, [400]),
    f('imageId "1" (a string)', { imageId: "1" }, [400]),
    f("imageId 999999 (no such image)", { imageId: 999_999 }, "4xx"),
    f('isBreaking "true" (a string)', { isBreaking: "true" }, [400]),
    f("isBreaking 1", { isBreaking: 1 }, [400]),
    f("category 123", { category: 123 }, [400]),
    f("category that does not exist", { category: "yok-boyle" }, "4xx"),
    f("category in capitals", { category: "GUNDEM" }, "4xx"),
    f("source that does not exist", { source: "yok" }, "4xx"),
    f("spot 601 characters", { spot: long(601) }, [400]),
    f("spot with NUL", { spot: `Özet${NUL}` }),
    f("body 200,001 characters", { body: long(200_001) }, [400]),
    f("body with NUL", { body: `<p>Metin${NUL} devam</p>` }),
    f("body with a NUL inside a tag", { body: `<p${NUL} onclick="x">Metin</p>` }),
    f("body 1e308 (a number)", { body: 1e308 }, [400]),
    f("seoTitle 121 characters", { seoTitle: long(121) }, [400]),
    f("seoDescription 321 characters", { seoDescription: long(321) }, [400]),
    f("imageCaption 501 characters", { imageCaption: long(501) }, [400]),
    f("imageAlt with NUL", { imageAlt: `alt${NUL}` }),
    f("unknown property", { foo: 1 }, [400]),
    f("unknown property status: published", { status: "published" }, [400]),
    f("unknown property id", { id: 1 }, [400]),
  ];
}

/** Bad fields of the add-user form; `undefined` leaves the field out, USE_REPORTER puts in an e-mail that exists. */
const USER_FORM_FAULTS: Array<[string, Record<string, string | string[] | undefined>]> = [
  ["e-mail of 255 characters", { email: `${long(243)}@haberci.test` }],
  ["e-mail without @", { email: "haberci.test" }],
  ["e-mail with NUL", { email: `yeni${NUL}@haberci.test` }],
  ["e-mail with CR/LF", { email: "yeni@haberci.test\r\nBcc: x@y" }],
  ["e-mail twice", { email: ["a@haberci.test", "b@haberci.test"] }],
  ["e-mail of a user who exists", { email: "USE_REPORTER" }],
  ["name empty", { name: "" }],
  ["name of 10,000 characters", { name: long(10_000) }],
  ["name with NUL", { name: `Ad${NUL}Soyad` }],
  ["role root", { role: "root" }],
  ["role twice", { role: ["muhabir", "yonetici"] }],
  ["password of 9 characters", { password: "kisa-parl" }],
  ["password of 201 characters", { password: long(201) }],
  ["password missing", { password: undefined }],
];

/** The identity settings form's fields (multipart): an empty site name unless `fields` says otherwise. */
function settingsParts(ctx: Ctx, fields: Record<string, string>): Part[] {
  const all: Record<string, string> = { version: "0", siteName: "", logo: "mevcut", defaultShareImageId: "", socialProfiles: "", ...fields };
  return [{ name: "_csrf", value: ctx.csrf }, ...Object.entries(all).map(([name, value]) => ({ name, value }))];
}

/** The künye form's fields, with a stale version unless `fields` says otherwise (`undefined` leaves a field out). */
function kunyeFields(fields: Record<string, string | string[] | undefined>): FormFields {
  const all: Record<string, string | string[] | undefined> = {
    version: "7",
    owner: "Fuzz Medya A.Ş.",
    editorInChief: "Deniz Kaya",
    address: "Ankara",
    email: "iletisim@haberci.test",
    phone: "+90 312 555 00 00",
    eTebligat: "fuzz@hs01.kep.tr",
    hostName: "Sunucu A.Ş.",
    hostAddress: "İstanbul",
    ...fields,
  };
  const out: FormFields = {};
  for (const [name, value] of Object.entries(all)) if (value !== undefined) out[name] = value;
  return out;
}

// ---- the table ----

const publicWho: Who[] = ["anon"];
const writers: Who[] = ["anon", "reporter", "editor"];
const admins: Who[] = ["anon", "reporter", "admin"];

const get = (url: string) => req("GET", url);

export const ROUTES: Record<string, RouteSpec> = {
  // ---------- reader pages ----------
  "GET /": {
    need: "public",
    who: publicWho,
    sample: () => get("/"),
    cases: [c("utm query with CR/LF", () => get("/?utm_source=%0D%0ASet-Cookie:%20x=1")), c("page query ?sayfa=-1", () => get("/?sayfa=-1"))],
  },
  "GET /robots.txt": { need: "public", who: publicWho, sample: () => get("/robots.txt"), cases: [c("query junk", () => get("/robots.txt?%ff=%00"))] },
  // ---------- feeds, sitemaps, permanent id addresses (src/feeds) ----------
  "GET /rss/:file": {
    need: "public",
    who: publicWho,
    sample: () => get("/rss/gundem.xml"),
    cases: [
      ...["yok-boyle.xml", "gundem.rss", "GUNDEM.xml", "gundem", ".xml", "%00.xml", "..%2f..%2fetc%2fpasswd", `${long(201)}.xml`].map((file) =>
        c(`feed file ${file.slice(0, 40)}`, () => get(`/rss/${file}`), [404]),
      ),
      c("feed file in NFD", () => get(`/rss/${pct("gündem".normalize("NFD"))}.xml`), [404]),
      // The edge removes control characters: the same feed.
      c("feed file with NUL", () => get("/rss/gundem.xml%00")),
      c("feed with a query", () => get("/rss/manset.json?utm_source=%0D%0AX:%20y")),
    ],
  },
  "GET /rss/etiket/:file": {
    need: "public",
    who: publicWho,
    sample: () => get("/rss/etiket/ankara.atom"),
    cases: [
      ...["yok-boyle.xml", "ankara.html", "%00.json", "..%2f..%2fyonetim.xml", `${long(201)}.xml`].map((file) =>
        c(`tag feed file ${file.slice(0, 40)}`, () => get(`/rss/etiket/${file}`), [404]),
      ),
      c("tag feed in Cyrillic", () => get(`/rss/etiket/${pct("путин")}.xml`), [404]),
    ],
  },
  "GET /rss/yazar/:file": {
    need: "public",
    who: publicWho,
    sample: () => get("/rss/yazar/fuzz-editor.xml"),
    cases: [
      ...["yok-boyle.xml", "deniz.html", "%00.atom", "..%2f..%2fyonetim.json", `${long(201)}.xml`].map((file) =>
        c(`author feed file ${file.slice(0, 40)}`, () => get(`/rss/yazar/${file}`), [404]),
      ),
    ],
  },
  "GET /sitemap.xml": { need: "public", who: publicWho, sample: () => get("/sitemap.xml"), cases: [c("query junk", () => get("/sitemap.xml?%ff=%00"))] },
  "GET /sitemap-news.xml": { need: "public", who: publicWho, sample: () => get("/sitemap-news.xml"), cases: [c("query junk", () => get("/sitemap-news.xml?a=%0D%0Ab"))] },
  "GET /sitemap/:file": {
    need: "public",
    who: publicWho,
    sample: () => get("/sitemap/kategoriler.xml"),
    cases: [
      ...[
        "haber-2026-13.xml",
        "haber-0000-01.xml",
        "haber-2026-11-0.xml",
        "haber-2026-11-99999.xml",
        "haber-2026-11-1.xml",
        "etiketler-0.xml",
        "etiketler-999.xml",
        "yok.xml",
        "%00.xml",
        "..%2f..%2fetc",
      ].map((file) => c(`sitemap file ${file}`, () => get(`/sitemap/${file}`), [404])),
      c("a month without articles", () => get("/sitemap/haber-1999-01.xml"), [404]),
      c("sitemap file of 201 characters", () => get(`/sitemap/${long(201)}`), [404]),
    ],
  },
  "GET /h/:id": {
    need: "public",
    who: publicWho,
    sample: (ctx) => get(`/h/${ctx.w.ids.published}`),
    cases: [...idCases((id) => get(`/h/${id}`)), c("id of a draft", (ctx) => get(`/h/${ctx.w.ids.draftR}`), [404])],
  },
  "GET /favicon.ico": { need: "public", who: publicWho, sample: () => get("/favicon.ico"), cases: [c("query junk", () => get("/favicon.ico?%ff=%00"))] },
  "GET /favicon.svg": { need: "public", who: publicWho, sample: () => get("/favicon.svg"), cases: [c("query junk", () => get("/favicon.svg?v=%00"))] },
  "GET /apple-touch-icon.png": {
    need: "public",
    who: publicWho,
    sample: () => get("/apple-touch-icon.png"),
    cases: [c("query junk", () => get("/apple-touch-icon.png?%ff"))],
  },
  "GET /apple-touch-icon-precomposed.png": {
    need: "public",
    who: publicWho,
    sample: () => get("/apple-touch-icon-precomposed.png"),
    cases: [c("query junk", () => get("/apple-touch-icon-precomposed.png?a=%0D%0A"))],
  },
  "GET /marka/*": {
    need: "public",
    who: publicWho,
    sample: async () => get((await brandAssets()).faviconSvg.path),
    cases: [
      c("path traversal", () => get("/marka/..%2f..%2fetc%2fpasswd"), [404]),
      c("NUL in the name", () => get("/marka/logo.%00.svg"), [404]),
      c("a 2,000-character name", () => get(`/marka/${long(2000)}.svg`), [404]),
    ],
  },
  "GET /site.webmanifest": { need: "public", who: publicWho, sample: () => get("/site.webmanifest"), cases: [c("query junk", () => get("/site.webmanifest?%ff=%00"))] },
  "GET /ads.txt": { need: "public", who: publicWho, sample: () => get("/ads.txt"), cases: [c("query junk", () => get("/ads.txt?x=%0D%0ASet-Cookie:%20a=1"))] },
  "GET /son-dakika/": { need: "public", who: publicWho, sample: () => get("/son-dakika/"), cases: [c("?sayfa=2147483648", () => get("/son-dakika/?sayfa=2147483648"))] },
  "GET /kunye/": { need: "public", who: publicWho, sample: () => get("/kunye/"), cases: [c("query junk", () => get("/kunye/?%ff=%00"))] },
  "GET /kunye": {
    need: "public",
    who: publicWho,
    sample: () => get("/kunye"),
    cases: [c("redirect with CR/LF in the query", () => get("/kunye?a=%0D%0ALocation:%20https://evil.example"))],
  },
  "GET /iletisim/": { need: "public", who: publicWho, sample: () => get("/iletisim/"), cases: [c("query junk", () => get("/iletisim/?x=%0D%0ASet-Cookie:%20a=1"))] },
  "GET /iletisim": {
    need: "public",
    who: publicWho,
    sample: () => get("/iletisim"),
    cases: [c("redirect with a 2,000-character query", () => get(`/iletisim?utm_source=${long(2000)}`))],
  },
  "GET /son-dakika": {
    need: "public",
    who: publicWho,
    sample: () => get("/son-dakika"),
    cases: [
      c("redirect with CR/LF in the query", () => get("/son-dakika?a=%0D%0ALocation:%20https://evil.example")),
      c("redirect with a 2,000-character query", () => get(`/son-dakika?utm_source=${long(2000)}`)),
    ],
  },
  "GET /haber/:category": {
    need: "public",
    who: publicWho,
    sample: () => get("/haber/gundem"),
    cases: [
      c("category in capitals", () => get("/haber/GUNDEM"), [301, 404]),
      c("category with ü", () => get(`/haber/${pct("gündem")}`)),
      c("category in NFD", () => get(`/haber/${pct("gündem".normalize("NFD"))}`)),
      c("category %00", () => get("/haber/%00"), [404]),
      c("category ..%2f", () => get("/haber/..%2f..%2fyonetim"), [404]),
      c("category 201 characters", () => get(`/haber/${long(201)}`), [404]),
      c("category 301 characters", () => get(`/haber/${long(301)}`), [404, 414]),
      c("category invalid UTF-8 %ff", () => get("/haber/%ff%fe"), [400, 404]),
      c("redirect with CR/LF in the query", () => get("/haber/gundem?sayfa=2%0D%0AX:%20y")),
    ],
  },
  "GET /haber/:category/": {
    need: "public",
    who: publicWho,
    sample: () => get("/haber/gundem/"),
    cases: [
      c("category that does not exist", () => get("/haber/yok-boyle/"), [404]),
      c("category in capitals", () => get("/haber/GUNDEM/"), [301, 404]),
      c("category in NFD", () => get(`/haber/${pct("gündem".normalize("NFD"))}/`)),
      c("category %00", () => get("/haber/%00/"), [404]),
      c("category of hyphens", () => get("/haber/---/"), [404]),
      c("category 201 characters", () => get(`/haber/${long(201)}/`), [404]),
      c("?sayfa=2147483648", () => get("/haber/gundem/?sayfa=2147483648")),
      c("?sayfa=1&sayfa=2", () => get("/haber/gundem/?sayfa=1&sayfa=2")),
    ],
  },
  "GET /haber/:category/:file": {
    need: "public",
    who: publicWho,
    sample: (ctx) => get(ctx.w.publishedPath()),
    cases: [
      ...["x-2147483648.html", "x-9999999999.html", "x-0.html", "x--1.html", "x-1e10.html", "x-99999999999999999999.html", "x-1.5.html"].map((file) =>
        c(`article file ${file}`, () => get(`/haber/gundem/${file}`), [404]),
      ),
      ...["2147483648.sayfa.html", "99999999999999999999.sayfa.html", "-1.sayfa.html", "0.sayfa.html", "1e3.sayfa.html", "100001.sayfa.html"].map((file) =>
        c(`page file ${file}`, () => get(`/haber/gundem/${file}`), [404]),
      ),
      c("page 999 of a category", () => get("/haber/gundem/999.sayfa.html"), [404]),
      c("article file %00.html", () => get("/haber/gundem/%00.html"), [404]),
      c("article file with NUL before .html", (ctx) => get(`${ctx.w.publishedPath().replace(".html", "%00.html")}`)),
      c("article file .HTML", (ctx) => get(ctx.w.publishedPath().replace(".html", ".HTML"))),
      c("article file 301 characters", () => get(`/haber/gundem/${long(296)}.html`), [404, 414]),
      c("article with the right id in another category", (ctx) => get(ctx.w.publishedPath().replace("/gundem/", "/spor/")), [301]),
      c("article of a draft", (ctx) => get(`/haber/gundem/taslak-${ctx.w.ids.draftR}.html`), [404]),
      c("article file in NFD", (ctx) => get(`/haber/gundem/${pct("gökçeada".normalize("NFD"))}-${ctx.w.ids.published}.html`)),
      c("article file ..%2f", () => get("/haber/gundem/..%2f..%2f..%2fetc%2fpasswd"), [404]),
      c("article with CR/LF in the query", (ctx) => get(`${ctx.w.publishedPath()}?utm_source=%0D%0AX:%20y`)),
      c("category in capitals with an article", (ctx) => get(ctx.w.publishedPath().replace("/gundem/", "/GUNDEM/")), [301, 404]),
    ],
  },
  "GET /haber-parca/:id": {
    need: "public",
    who: publicWho,
    sample: (ctx) => get(`/haber-parca/${ctx.w.ids.published}`),
    cases: [...idCases((id) => get(`/haber-parca/${id}`)), c("fragment of a draft", (ctx) => get(`/haber-parca/${ctx.w.ids.draftR}`), [404])],
  },
  "GET /etiket/:tag/": {
    need: "public",
    who: publicWho,
    sample: () => get("/etiket/ankara/"),
    cases: [
      ...["0", "-1", "2147483648", "1e10", "abc", "100001", "1.5"].map((s) => c(`?sayfa=${s}`, () => get(`/etiket/ankara/?sayfa=${s}`), [400, 404])),
      c("?sayfa=1&sayfa=2", () => get("/etiket/ankara/?sayfa=1&sayfa=2"), [400, 404]),
      c("?sayfa=999 (past the last page)", () => get("/etiket/ankara/?sayfa=999")),
      c("tag that does not exist", () => get("/etiket/yok-boyle/"), [404]),
      c("tag %00", () => get("/etiket/%00/"), [404]),
      c("tag in Cyrillic", () => get(`/etiket/${pct("путин")}/`), [404]),
      c("tag in NFD", () => get(`/etiket/${pct("gökçeada".normalize("NFD"))}/`), [404]),
      c("tag 201 characters", () => get(`/etiket/${long(201)}/`), [404]),
    ],
  },
  "GET /etiket/:tag": {
    need: "public",
    who: publicWho,
    sample: () => get("/etiket/ankara"),
    cases: [
      c("redirect keeps ?sayfa=2 with CR/LF", () => get("/etiket/ankara?sayfa=2%0D%0AX:%20y")),
      c("tag %00", () => get("/etiket/%00"), [404]),
      c("tag in capitals", () => get("/etiket/ANKARA"), [301, 404]),
      c("tag 301 characters", () => get(`/etiket/${long(301)}`), [404, 414]),
    ],
  },
  "GET /yazar/:author/": {
    need: "public",
    who: publicWho,
    // The fuzz world's victim user has a profile (every user does), with no article.
    sample: () => get("/yazar/fuzz-hedef/"),
    cases: [
      c("author that does not exist", () => get("/yazar/yok-boyle/"), [404]),
      c("author in capitals", () => get("/yazar/AYSE/"), [404]),
      c("author %00", () => get("/yazar/%00/"), [404]),
      c("author in NFD", () => get(`/yazar/${pct("gökçe".normalize("NFD"))}/`), [404]),
      c("author 201 characters", () => get(`/yazar/${long(201)}/`), [404]),
      c("?sayfa=2147483648 (ignored)", () => get("/yazar/yok-boyle/?sayfa=2147483648"), [404]),
    ],
  },
  "GET /yazar/:author/:file": {
    need: "public",
    who: publicWho,
    sample: () => get("/yazar/fuzz-hedef/1.sayfa.html"),
    cases: [
      ...["2147483648.sayfa.html", "0.sayfa.html", "-1.sayfa.html", "1e3.sayfa.html", "x-1.html", "%00.html", "..%2f..%2fetc%2fpasswd"].map((file) =>
        c(`file ${file}`, () => get(`/yazar/yok-boyle/${file}`), [404]),
      ),
      c("page 2 of an author with one page", () => get("/yazar/fuzz-hedef/2.sayfa.html"), [404]),
      c("file 301 characters", () => get(`/yazar/yok-boyle/${long(301)}`), [404, 414]),
    ],
  },
  "GET /yazar/:author": {
    need: "public",
    who: publicWho,
    sample: () => get("/yazar/fuzz-hedef"),
    cases: [
      c("redirect with CR/LF in the query", () => get("/yazar/yok-boyle?x=%0D%0AX:%20y"), [301]),
      c("author %00", () => get("/yazar/%00"), [404]),
      c("author 301 characters", () => get(`/yazar/${long(301)}`), [404, 414]),
    ],
  },
  "GET /arama": {
    need: "public",
    who: publicWho,
    sample: () => get("/arama?q=kar"),
    cases: [
      ...BAD_DAYS.map((d) => c(`baslangic=${d}`, () => get(`/arama?q=kar&baslangic=${d}`), d === "0000-01-01" || d === "2031-02-30" ? [400] : undefined)),
      ...BAD_DAYS.slice(0, 4).map((d) => c(`bitis=${d}`, () => get(`/arama?q=kar&bitis=${d}`), d === "0000-01-01" || d === "2031-02-30" ? [400] : undefined)),
      c("baslangic after bitis", () => get("/arama?q=kar&baslangic=2026-12-01&bitis=2026-01-01")),
      ...["0", "501", "2147483648", "1e10", "-1", "abc"].map((s) => c(`sayfa=${s}`, () => get(`/arama?q=kar&sayfa=${s}`), [400])),
      c("q=a&q=b (an array)", () => get("/arama?q=a&q=b")),
      c("q with NUL", () => get("/arama?q=kar%00yagisi")),
      c("q in NFD", () => get(`/arama?q=${pct(NFD_TITLE)}`)),
      c("q of 20,000 characters", () => get(`/arama?q=${long(20_000, "ş")}`)),
      c("q of FTS syntax", () => get(`/arama?q=${pct('"kar" AND NEAR(a b) OR * ^ -x :')}`)),
      c("q only combining marks", () => get(`/arama?q=${pct("\u0301\u0308")}`)),
      c("q of invalid UTF-8", () => get("/arama?q=%ff%fe%fd")),
      c("q with bidi override", () => get(`/arama?q=${pct(BIDI)}`)),
      c("kategori %00", () => get("/arama?q=kar&kategori=%00")),
      c("kategori 101 characters", () => get(`/arama?q=kar&kategori=${long(101)}`)),
      c("kategori=a&kategori=b", () => get("/arama?q=kar&kategori=gundem&kategori=spor")),
    ],
  },
  "GET /hava-durumu/": {
    need: "public",
    who: publicWho,
    sample: () => get("/hava-durumu/"),
    cases: [
      ...["00", "82", "99", "%00", "1", "aa", "0x"].map((il) => c(`il=${il}`, () => get(`/hava-durumu/?il=${il}`), [400, 404])),
      c("il=06&il=34", () => get("/hava-durumu/?il=06&il=34")),
      c("sirala=bad", () => get("/hava-durumu/?sirala=bad"), [400]),
      c("sirala=ad&sirala=sicaklik", () => get("/hava-durumu/?sirala=ad&sirala=sicaklik")),
    ],
  },
  "GET /hava-durumu": {
    need: "public",
    who: publicWho,
    sample: () => get("/hava-durumu"),
    cases: [c("redirect with CR/LF in the query", () => get("/hava-durumu?il=06%0D%0AX:%20y"))],
  },
  "GET /hava-durumu/:slug/": {
    need: "public",
    who: publicWho,
    sample: () => get("/hava-durumu/ankara/"),
    cases: [
      c("province that does not exist", () => get("/hava-durumu/atlantis/"), [404]),
      c("province with ı", () => get(`/hava-durumu/${pct("ığdır")}/`), [301, 404]),
      c("province in NFD", () => get(`/hava-durumu/${pct("şanlıurfa".normalize("NFD"))}/`), [301, 404]),
      c("province %00", () => get("/hava-durumu/%00/"), [404]),
      c("province 41 characters", () => get(`/hava-durumu/${long(41)}/`), [404]),
      c("province ..%2f", () => get("/hava-durumu/..%2f..%2f/"), [404]),
    ],
  },

  // ---------- files ----------
  "GET /static/*": {
    need: "public",
    who: publicWho,
    sample: (ctx) => get(ctx.w.staticPath),
    cases: [
      c("..%2f out of the bundle", () => get("/static/..%2f..%2fpackage.json"), [404]),
      c("%2e%2e/ out of the bundle", () => get("/static/%2e%2e/%2e%2e/package.json"), [404]),
      c("the bundle directory", () => get("/static/"), [404]),
      c("a bundle name with NUL", (ctx) => get(`${ctx.w.staticPath}%00`), [404]),
      c("a bundle name of 2,000 characters", () => get(`/static/${long(2000)}.js`), [404, 414]),
    ],
  },
  "GET /medya/*": {
    need: "public",
    who: publicWho,
    sample: (ctx) => get(ctx.w.mediaPath),
    cases: [
      c("..%2f out of the media directory", () => get("/medya/..%2f..%2f..%2fetc%2fpasswd"), [400, 403, 404]),
      c("%2e%2e/ out of the media directory", () => get("/medya/%2e%2e/%2e%2e/%2e%2e/etc/passwd"), [400, 403, 404]),
      c("..\\ out of the media directory", () => get("/medya/..%5c..%5c..%5cetc%5cpasswd"), [400, 403, 404]),
      c("the media directory itself", () => get("/medya/"), [403, 404]),
      c("a year directory", (ctx) => get(ctx.w.mediaPath.replace(/[^/]+$/, "")), [403, 404]),
      c("a file name with NUL", (ctx) => get(`${ctx.w.mediaPath}%00`), [400, 404]),
      c("a file that does not exist", () => get("/medya/2026/11/yok-480.webp"), [404]),
      c("a Range past the end", (ctx) => req("GET", ctx.w.mediaPath, {}, { headers: { range: "bytes=999999999-" } }), [416]),
      c("a malformed Range", (ctx) => req("GET", ctx.w.mediaPath, {}, { headers: { range: "bytes=-1--5,a-b" } })),
    ],
  },

  // ---------- public API ----------
  "GET /api/v1/articles": {
    need: "public",
    who: publicWho,
    sample: () => get("/api/v1/articles"),
    cases: [
      ...["0", "100001", "2147483648", "1e10", "-1", "abc", "1.5"].map((s) => c(`page=${s}`, () => get(`/api/v1/articles?page=${s}`), [400])),
      ...["0", "51", "1e308", "-1", "9007199254740993"].map((s) => c(`limit=${s}`, () => get(`/api/v1/articles?limit=${s}`), [400])),
      c("page=1&page=2", () => get("/api/v1/articles?page=1&page=2"), [400]),
      c("category %00", () => get("/api/v1/articles?category=%00"), [400]),
      c("category in capitals", () => get("/api/v1/articles?category=GUNDEM"), [400]),
      c("category that does not exist", () => get("/api/v1/articles?category=yok-boyle")),
      c("tag=a&tag=b", () => get("/api/v1/articles?tag=a&tag=b"), [400]),
      c("tag 201 characters", () => get(`/api/v1/articles?tag=${long(201)}`), [400]),
    ],
  },
  "GET /api/v1/articles/:id": {
    need: "public",
    who: ["anon", "reporter"],
    sample: (ctx) => get(`/api/v1/articles/${ctx.w.ids.published}`),
    cases: [
      ...idCases((id) => get(`/api/v1/articles/${id}`)),
      c("a reporter's token reads another reporter's draft", (ctx) => get(`/api/v1/articles/${ctx.w.ids.draftR2}`), [403, 404], ["reporter"]),
      c("anonymous reads a draft", (ctx) => get(`/api/v1/articles/${ctx.w.ids.draftR}`), [404], ["anon"]),
      c(
        "Authorization: Bearer (no token)",
        (ctx) => req("GET", `/api/v1/articles/${ctx.w.ids.published}`, {}, { auth: "none", headers: { authorization: "Bearer" } }),
        [401],
        ["anon"],
      ),
      c(
        "Authorization: Basic",
        (ctx) => req("GET", `/api/v1/articles/${ctx.w.ids.published}`, {}, { auth: "none", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } }),
        [401],
        ["anon"],
      ),
      c(
        "Authorization: unknown token",
        (ctx) => req("GET", `/api/v1/articles/${ctx.w.ids.published}`, {}, { auth: "none", headers: { authorization: "Bearer hbr_yanlis" } }),
        [401],
        ["anon"],
      ),
      c(
        "Authorization: 5,000-character token",
        (ctx) => req("GET", `/api/v1/articles/${ctx.w.ids.published}`, {}, { auth: "none", headers: { authorization: `Bearer hbr_${long(5000)}` } }),
        [401],
        ["anon"],
      ),
      c(
        "Authorization: token with NUL",
        (ctx) => req("GET", `/api/v1/articles/${ctx.w.ids.published}`, {}, { auth: "none", headers: { authorization: "Bearer hbr_a\u0000b" } }),
        "4xx",
        ["anon"],
      ),
    ],
  },
  "POST /api/v1/articles/:id/views": {
    need: "public",
    who: publicWho,
    sample: (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/views`),
    cases: [
      ...idCases((id) => req("POST", `/api/v1/articles/${id}/views`)),
      c("views of a draft", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftR}/views`), [404]),
      // The reader's headers only feed the view's key (news/viewRules.ts): odd ones are counted or skipped, never an error.
      c(
        "a 10,000-character user agent",
        (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/views`, {}, { headers: { "user-agent": `Mozilla/5.0 ${"x".repeat(10_000)}` } }),
        [204],
      ),
      c(
        "a crawler's view",
        (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/views`, {}, { headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" } }),
        [204],
      ),
      c("a prefetch", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/views`, {}, { headers: { "sec-purpose": "prefetch;prerender" } }), [204]),
      // The route takes no body: ignoring one is fine, as long as it is no 5xx.
      ...malformedJsonCases("POST", (ctx) => `/api/v1/articles/${ctx.w.ids.published}/views`).map((m) => ({ ...m, expect: undefined })),
    ],
  },
  "GET /api/v1/search": {
    need: "public",
    who: publicWho,
    sample: () => get("/api/v1/search?q=kar"),
    cases: [
      ...BAD_DAYS.map((d) => c(`from=${d}`, () => get(`/api/v1/search?q=kar&from=${d}`), d === "9999-12-31" || d === "2026-02-29" ? undefined : [400])),
      ...BAD_DAYS.slice(0, 3).map((d) => c(`to=${d}`, () => get(`/api/v1/search?q=kar&to=${d}`), [400])),
      ...["0", "501", "2147483648", "1e10", "-1"].map((s) => c(`page=${s}`, () => get(`/api/v1/search?q=kar&page=${s}`), [400])),
      c("q=a&q=b", () => get("/api/v1/search?q=a&q=b"), [400]),
      c("q with NUL", () => get("/api/v1/search?q=%00")),
      c("q of 20,000 characters", () => get(`/api/v1/search?q=${long(20_000)}`)),
      c("q in NFD", () => get(`/api/v1/search?q=${pct("şişe".normalize("NFD"))}`)),
      c("category %00", () => get("/api/v1/search?q=kar&category=%00"), [400]),
    ],
  },
  "GET /api/v1/weather": { need: "public", who: publicWho, sample: () => get("/api/v1/weather"), cases: [c("?plate=00", () => get("/api/v1/weather?plate=00"))] },
  "GET /api/v1/weather/:plate": {
    need: "public",
    who: publicWho,
    sample: () => get("/api/v1/weather/06"),
    cases: ["00", "82", "999", "%00", "a", "1", "6%00", "-1"].map((p) => c(`plate ${p}`, () => get(`/api/v1/weather/${p}`), [400, 404])),
  },
  "GET /api/v1/openapi.json": {
    need: "public",
    who: publicWho,
    sample: () => get("/api/v1/openapi.json"),
    cases: [c("?format=yaml", () => get("/api/v1/openapi.json?format=yaml"))],
  },
  "GET /api/v1/docs": {
    need: "public",
    who: publicWho,
    sample: () => get("/api/v1/docs"),
    cases: [c("?url=javascript:", () => get("/api/v1/docs?url=javascript:alert(1)"))],
  },

  // ---------- newsroom API ----------
  "POST /api/v1/articles": {
    need: "signedIn",
    who: writers,
    sample: () => req("POST", "/api/v1/articles", json(articleJson({ title: "" }))),
    cases: [
      ...articleFieldCases(
        "POST",
        () => "/api/v1/articles",
        async () => articleJson(),
      ),
      ...malformedJsonCases("POST", () => "/api/v1/articles"),
      c("missing title", () => req("POST", "/api/v1/articles", json({ category: "gundem" })), [400]),
      c("missing category", () => req("POST", "/api/v1/articles", json({ title: "Başlık" })), [400]),
      c("form body instead of JSON", () => req("POST", "/api/v1/articles", rawBody("application/x-www-form-urlencoded", "title=x&category=gundem")), "4xx"),
    ],
  },
  "PATCH /api/v1/articles/:id": {
    need: "signedIn",
    who: writers,
    sample: (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.draftR}`, json({ version: 999, title: "Eski sürüm" })),
    cases: [
      ...["2147483648", "1e308", "9007199254740993", "0", "-1", '"1"', "1.5", "null", '"abc"', "[1]"].map((v) =>
        c(`version ${v}`, (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.draftR}`, rawBody("application/json", `{"version":${v},"title":"Sürüm denemesi"}`)), [400]),
      ),
      c("missing version", (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.draftR}`, json({ title: "Sürümsüz" })), [400]),
      c("stale version", (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.draftR}`, json({ version: 999, title: "Eski" })), [409]),
      c(
        "a reporter edits another reporter's draft",
        async (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.draftR2}`, json({ version: await ctx.w.version(ctx.w.ids.draftR2), title: "Başkasının" })),
        [403],
        ["reporter"],
      ),
      c(
        "a reporter edits a published article",
        async (ctx) => req("PATCH", `/api/v1/articles/${ctx.w.ids.published}`, json({ version: await ctx.w.version(ctx.w.ids.published), title: "Yayında" })),
        [403],
        ["reporter"],
      ),
      ...articleFieldCases(
        "PATCH",
        (ctx) => `/api/v1/articles/${ctx.w.ids.draftR}`,
        async (ctx) => ({ version: await ctx.w.version(ctx.w.ids.draftR) }),
      ),
      ...malformedJsonCases("PATCH", (ctx) => `/api/v1/articles/${ctx.w.ids.draftR}`),
      ...idCases((id) => req("PATCH", `/api/v1/articles/${id}`, json({ version: 1, title: "x" }))),
    ],
  },
  "POST /api/v1/articles/:id/publish": {
    need: "editor",
    who: writers,
    sample: (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, json({ version: 999 })),
    cases: [
      ...BAD_ISO_TIMES.map((at) =>
        c(
          `at ${at || "(empty)"}`,
          async (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, json({ at, version: await ctx.w.version(ctx.w.ids.draftE) })),
          [400],
        ),
      ),
      c("at 123 (a number)", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, json({ at: 123 })), [400]),
      ...["2147483648", "1e308", '"1"', "0", "1.5"].map((v) =>
        c(`version ${v}`, (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, rawBody("application/json", `{"version":${v}}`)), [400]),
      ),
      c("stale version", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, json({ version: 999 })), [409]),
      c("unknown property", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/publish`, json({ version: 999, force: true })), [400]),
      c("a reporter publishes their own draft", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftR}/publish`, json({})), [403], ["reporter"]),
      ...malformedJsonCases("POST", (ctx) => `/api/v1/articles/${ctx.w.ids.draftE}/publish`, [400]).filter(
        (m) => m.label !== "JSON `null`" && m.label !== "empty body with content-type JSON",
      ),
      ...idCases((id) => req("POST", `/api/v1/articles/${id}/publish`, json({ version: 1 })), SOME_BAD_IDS),
    ],
  },
  "POST /api/v1/articles/:id/unpublish": {
    need: "editor",
    who: ["anon", "reporter"],
    sample: (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/unpublish`, rawBody("application/json", "{")),
    cases: [
      ...idCases((id) => req("POST", `/api/v1/articles/${id}/unpublish`), SOME_BAD_IDS, ["anon", "reporter", "editor"]),
      c("unpublish a draft", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.draftE}/unpublish`), "4xx", ["editor"]),
      c("JSON body with version 1e308", (ctx) => req("POST", `/api/v1/articles/${ctx.w.ids.published}/unpublish`, json({ version: 1e308 }))),
      ...malformedJsonCases("POST", (ctx) => `/api/v1/articles/${ctx.w.ids.published}/unpublish`, "4xx").filter(
        (m) => m.label !== "JSON `null`" && m.label !== "empty body with content-type JSON",
      ),
    ],
  },
  "POST /api/v1/images": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => req("POST", "/api/v1/images", multipart([{ name: "alt", value: "x" }])),
    cases: [...uploadCases("/api/v1/images", false), c("no body at all", () => req("POST", "/api/v1/images"), [400])],
  },

  // ---------- newsroom: sign-in ----------
  "GET /yonetim/giris": {
    need: "public",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/giris"),
    cases: [
      c("sonra with CR/LF", () => get("/yonetim/giris?sonra=/yonetim/%0D%0ASet-Cookie:%20x=1")),
      c("sonra 501 characters", () => get(`/yonetim/giris?sonra=/yonetim/${long(493)}`), [400]),
      c("sonra twice", () => get("/yonetim/giris?sonra=/yonetim/&sonra=//evil.example")),
      c("sonra javascript:", () => get("/yonetim/giris?sonra=javascript:alert(1)")),
      c("sonra with NUL", () => get("/yonetim/giris?sonra=/yonetim/%00")),
    ],
  },
  "POST /yonetim/giris": {
    need: "public",
    who: ["anon"],
    sample: (ctx) => req("POST", "/yonetim/giris", form(ctx, { email: "yok@haberci.test", password: "yanlis-parola-1" }, { csrf: false }), { remoteAddress: freshIp() }),
    cases: [
      // Valid credentials first: the wrong-password cases below lock the account for 15 minutes.
      signInCase("valid sign-in with CR/LF in sonra", (ctx, t) => ({
        _csrf: t,
        email: ctx.w.signInUser.email,
        password: ctx.w.signInUser.password,
        sonra: "/yonetim/\r\nSet-Cookie: x=1",
      })),
      signInCase("valid sign-in with NUL in sonra", (ctx, t) => ({
        _csrf: t,
        email: ctx.w.signInUser.email,
        password: ctx.w.signInUser.password,
        sonra: `/yonetim/${NUL}`,
      })),
      signInCase("valid sign-in with sonra /yonetim/../..//evil", (ctx, t) => ({
        _csrf: t,
        email: ctx.w.signInUser.email,
        password: ctx.w.signInUser.password,
        sonra: "/yonetim/../..//evil.example",
      })),
      signInCase("valid sign-in as multipart", (ctx, t) => ({ _csrf: t, email: ctx.w.signInUser.email, password: ctx.w.signInUser.password }), undefined, {
        body: "multipart",
      }),
      signInCase("valid sign-in, e-mail in NFD capitals", (ctx, t) => ({
        _csrf: t,
        email: ctx.w.signInUser.email.toLocaleUpperCase("tr").normalize("NFD"),
        password: ctx.w.signInUser.password,
      })),
      signInCase("no CSRF token", (ctx) => ({ email: ctx.w.signInUser.email, password: ctx.w.signInUser.password }), [400, 403]),
      signInCase("wrong CSRF token", (ctx) => ({ _csrf: "yanlis", email: ctx.w.signInUser.email, password: ctx.w.signInUser.password }), [403]),
      signInCase("no sign-in cookie", (ctx, t) => ({ _csrf: t, email: ctx.w.signInUser.email, password: ctx.w.signInUser.password }), [403], { cookie: false }),
      signInCase("e-mail of 255 characters", (_ctx, t) => ({ _csrf: t, email: `${long(243)}@haberci.test`, password: "yanlis-parola-1" }), [400]),
      signInCase("e-mail of 100,000 characters", (_ctx, t) => ({ _csrf: t, email: `${long(100_000)}@x.test`, password: "yanlis-parola-1" }), [400]),
      signInCase("e-mail with NUL", (_ctx, t) => ({ _csrf: t, email: `a${NUL}@haberci.test`, password: "yanlis-parola-1" }), "4xx"),
      signInCase("e-mail twice", (_ctx, t) => ({ _csrf: t, email: ["yok@haberci.test", "b@haberci.test"], password: "yanlis-parola-1" }), "4xx"),
      signInCase("e-mail missing", (_ctx, t) => ({ _csrf: t, password: "yanlis-parola-1" }), "4xx"),
      signInCase("password of 10,000 characters", (_ctx, t) => ({ _csrf: t, email: "yok@haberci.test", password: long(10_000) }), "4xx"),
      signInCase("password twice", (_ctx, t) => ({ _csrf: t, email: "yok@haberci.test", password: ["yanlis-parola-1", "x"] }), "4xx"),
      signInCase("CSRF token twice", (_ctx, t) => ({ _csrf: [t, "yanlis"], email: "yok@haberci.test", password: "yanlis-parola-1" }), "4xx"),
      signInCase("wrong password as JSON", (_ctx, t) => ({ _csrf: t, email: "yok@haberci.test", password: "yanlis-parola-1" }), "4xx", { body: "json" }),
      signInCase("wrong password", (ctx, t) => ({ _csrf: t, email: ctx.w.signInUser.email, password: "yanlis-parola-1" }), [401]),
      signInCase("wrong password with a 6,000-character X-Forwarded-For", (ctx, t) => ({ _csrf: t, email: ctx.w.signInUser.email, password: "yanlis-parola-1" }), [401], {
        headers: {
          "x-forwarded-for": Array.from({ length: 600 }, (_, i) => `10.1.${i % 250}.1`)
            .join(",")
            .slice(0, 6000),
        },
      }),
      c(
        "3 MB form body",
        () => req("POST", "/yonetim/giris", rawBody("application/x-www-form-urlencoded", `email=${long(3 * 1_048_576)}`), { remoteAddress: freshIp() }),
        "4xx",
      ),
      c("text/plain body", () => req("POST", "/yonetim/giris", rawBody("text/plain", "email=a&password=b"), { remoteAddress: freshIp() }), "4xx"),
    ],
  },
  "POST /yonetim/cikis": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => req("POST", "/yonetim/cikis", rawBody("application/x-www-form-urlencoded", "_csrf=yanlis")),
    cases: [
      c("no CSRF token", () => req("POST", "/yonetim/cikis", rawBody("application/x-www-form-urlencoded", "")), [403]),
      c("wrong CSRF token", () => req("POST", "/yonetim/cikis", rawBody("application/x-www-form-urlencoded", "_csrf=yanlis")), [403]),
      c("multipart without the CSRF token", () => req("POST", "/yonetim/cikis", multipart([{ name: "x", value: "1" }])), [403]),
      c("multipart with a wrong CSRF token", () => req("POST", "/yonetim/cikis", multipart([{ name: "_csrf", value: "yanlis" }])), [403]),
      c("JSON without the CSRF token", () => req("POST", "/yonetim/cikis", json({})), [403, 415]),
      c("no body at all", () => req("POST", "/yonetim/cikis"), [403]),
    ],
  },

  // ---------- newsroom pages ----------
  "GET /yonetim": {
    need: "signedIn",
    who: ["anon", "reporter", "editor"],
    sample: () => get("/yonetim/"),
    cases: [
      c("durum=bad", () => get("/yonetim/?durum=bad"), [400]),
      c("durum twice", () => get("/yonetim/?durum=draft&durum=review")),
      c("q with NUL", () => get("/yonetim/?q=%00")),
      c("q of 20,000 characters", () => get(`/yonetim/?q=${long(20_000)}`)),
      c("q in NFD", () => get(`/yonetim/?q=${pct(NFD_TITLE)}`)),
      c("mesaj=__proto__", () => get("/yonetim/?mesaj=__proto__")),
      c("mesaj=constructor", () => get("/yonetim/?mesaj=constructor")),
      c("mesaj=toString", () => get("/yonetim/?mesaj=toString")),
    ],
  },
  "GET /yonetim/haber/yeni": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/haber/yeni"),
    cases: [
      c("mesaj=__proto__", () => get("/yonetim/haber/yeni?mesaj=__proto__")),
      c("?kategori=%00", () => get("/yonetim/haber/yeni?kategori=%00")),
      // A picture chosen in the media picker: a bad id is a 400, an id with no picture leaves the form as it was.
      ...SOME_BAD_IDS.map((b) => c(`gorsel=${b.v}`, () => get(`/yonetim/haber/yeni?gorsel=${b.v}`), [400])),
      c("gorsel of no picture", () => get("/yonetim/haber/yeni?gorsel=2147483000"), [200], ["reporter"]),
      c("gorsel twice", () => get("/yonetim/haber/yeni?gorsel=1&gorsel=2"), [400], ["reporter"]),
    ],
  },
  "GET /yonetim/haber/:id": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}`),
    cases: [
      ...idCases((id) => get(`/yonetim/haber/${id}`)),
      c("a reporter opens another reporter's draft", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR2}`), [403], ["reporter"]),
      c("mesaj=__proto__", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}?mesaj=__proto__`)),
      c("mesaj=constructor", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}?mesaj=constructor`)),
      c("gorsel=abc", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}?gorsel=abc`), [400]),
      c("gorsel of no picture", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}?gorsel=2147483000`), [200], ["reporter"]),
    ],
  },
  "POST /yonetim/haber/yeni": {
    need: "signedIn",
    who: writers,
    sample: (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ title: "" }))),
    cases: [
      ...newArticleFormCases(),
      ...BAD_LOCAL_TIMES.map((t) =>
        c(
          `new article, schedule at ${t.v || "(empty)"}`,
          (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ action: "schedule", at: t.v }))),
          [400],
          ["editor"],
        ),
      ),
      c("a reporter publishes a new article", (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ action: "publish" }))), [403], ["reporter"]),
      c(
        "a reporter schedules a new article",
        (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ action: "schedule", at: "2026-12-01T10:00" }))),
        [403],
        ["reporter"],
      ),
      c("no CSRF token", (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm(), { csrf: false })), [403]),
      c("wrong CSRF token", (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, { _csrf: "yanlis", ...articleForm() }, { csrf: false })), [403]),
      c(
        "CSRF token in the header only, wrong",
        (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm(), { csrf: false }), { headers: { "x-csrf-token": "yanlis" } }),
        [403],
      ),
      c(
        "multipart without the CSRF token",
        () => req("POST", "/yonetim/haber/yeni", multipart(Object.entries(articleForm()).map(([name, value]) => ({ name, value: String(value) })))),
        [403],
      ),
      c(
        "multipart with 12 fields",
        (ctx) =>
          req("POST", "/yonetim/haber/yeni", multipart([{ name: "_csrf", value: ctx.csrf }, ...Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: "x" }))])),
        "4xx",
      ),
      c("JSON body with the CSRF token", (ctx) => req("POST", "/yonetim/haber/yeni", json({ _csrf: ctx.csrf, ...articleForm(), title: 123 })), [400, 415]),
      c("text/plain body", () => req("POST", "/yonetim/haber/yeni", rawBody("text/plain", "title=x")), "4xx"),
      c("3 MB form body", (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ body: long(3 * 1_048_576) }))), "4xx"),
    ],
  },
  "POST /yonetim/haber/:id": {
    need: "signedIn",
    who: writers,
    sample: (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}`, form(ctx, articleForm({ version: "999" }))),
    cases: [
      ...["2147483648", "1e308", "0", "-1", "abc", "1.5", ""].map((v) =>
        c(
          `version ${v || "(empty)"}`,
          (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}`, form(ctx, articleForm({ version: v, title: "Sürüm denemesi" }))),
          [400],
        ),
      ),
      c("version missing", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}`, form(ctx, articleForm({ title: "Sürümsüz" }))), [400]),
      c("version twice", async (ctx) =>
        req(
          "POST",
          `/yonetim/haber/${ctx.w.ids.draftR}`,
          form(ctx, articleForm({ version: [String(await ctx.w.version(ctx.w.ids.draftR)), "999"], title: "İki sürüm" })),
        ),
      ),
      c("stale version", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}`, form(ctx, articleForm({ version: "999", title: "Eski" }))), [409]),
      c(
        "a reporter presses publish with a new title (issue 9)",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), title: "Yetkisiz yeni başlık", action: "publish" })),
          ),
        [403],
        ["reporter"],
      ),
      c(
        "a reporter presses schedule",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), title: "Zamanlama denemesi", action: "schedule", at: "2026-12-01T10:00" })),
          ),
        [403],
        ["reporter"],
      ),
      c(
        "a reporter edits another reporter's draft",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR2}`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR2)), title: "Başkasının taslağı" })),
          ),
        [403],
        ["reporter"],
      ),
      ...BAD_LOCAL_TIMES.map((t) =>
        c(
          `schedule at ${t.v || "(empty)"} with a new title`,
          async (ctx) =>
            req(
              "POST",
              `/yonetim/haber/${ctx.w.ids.draftE}`,
              form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftE)), title: `Zamanlanamayan ${t.v}`, action: "schedule", at: t.v })),
            ),
          [400],
          ["editor"],
        ),
      ),
      c(
        "action unpublish on a draft",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftE}`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftE)), title: "Yayından kaldır", action: "unpublish" })),
          ),
        "4xx",
        ["editor"],
      ),
      c(
        "action that does not exist",
        async (ctx) =>
          req("POST", `/yonetim/haber/${ctx.w.ids.draftE}`, form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftE)), action: "yok-boyle" }))),
        [400],
        ["editor"],
      ),
      ...editFormFieldCases(),
      c(
        "no CSRF token",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), title: "CSRF yok" }), { csrf: false }),
          ),
        [403],
      ),
      c(
        "multipart without the CSRF token",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}`,
            multipart(
              Object.entries(articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), title: "Multipart CSRF yok" })).map(([name, value]) => ({
                name,
                value: String(value),
              })),
            ),
          ),
        [403],
      ),
      ...idCases((id, ctx) => req("POST", `/yonetim/haber/${id}`, form(ctx, articleForm({ version: "1" }))), SOME_BAD_IDS),
      // Sending back needs a reason (trimmed, at most 1,000 characters); the draft is not in review either.
      ...["", "   ", long(1001, "ş"), long(5000)].map((reason) =>
        c(
          `return with reason of ${[...reason].length} characters`,
          async (ctx) =>
            req(
              "POST",
              `/yonetim/haber/${ctx.w.ids.draftR}`,
              form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), action: "return", returnReason: reason })),
            ),
          [400],
          ["editor"],
        ),
      ),
    ],
  },
  "POST /yonetim/haber/yeni/otomatik-kayit": {
    need: "signedIn",
    who: writers,
    sample: (ctx) =>
      req("POST", "/yonetim/haber/yeni/otomatik-kayit", form(ctx, articleForm({ title: "", draftKey: "00000000-0000-4000-8000-000000000001" })), {
        headers: { accept: "application/json" },
      }),
    cases: [
      ...["", "bozuk", "00000000-0000-4000-8000-00000000000G", "00000000-0000-4000-8000-0000000000011", `${NUL}0000000-0000-4000-8000-000000000001`].map((key) =>
        c(
          `draft key ${JSON.stringify(key)}`,
          (ctx) =>
            req("POST", "/yonetim/haber/yeni/otomatik-kayit", form(ctx, articleForm({ title: "Anahtar denemesi", draftKey: key })), {
              headers: { accept: "application/json" },
            }),
          [400],
        ),
      ),
      c(
        "no draft key",
        (ctx) => req("POST", "/yonetim/haber/yeni/otomatik-kayit", form(ctx, articleForm({ title: "Anahtarsız" })), { headers: { accept: "application/json" } }),
        [400],
      ),
      c(
        "title 201 characters",
        (ctx) =>
          req("POST", "/yonetim/haber/yeni/otomatik-kayit", form(ctx, articleForm({ title: long(201), draftKey: "00000000-0000-4000-8000-000000000002" })), {
            headers: { accept: "application/json" },
          }),
        [400],
      ),
      c(
        "no CSRF token",
        (ctx) =>
          req("POST", "/yonetim/haber/yeni/otomatik-kayit", form(ctx, articleForm({ draftKey: "00000000-0000-4000-8000-000000000003" }), { csrf: false }), {
            headers: { accept: "application/json" },
          }),
        [403],
      ),
    ],
  },
  "POST /yonetim/haber/:id/otomatik-kayit": {
    need: "signedIn",
    who: writers,
    sample: (ctx) =>
      req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`, form(ctx, articleForm({ version: "999" })), { headers: { accept: "application/json" } }),
    cases: [
      ...["2147483648", "1e308", "0", "abc", ""].map((v) =>
        c(
          `version ${v || "(empty)"}`,
          (ctx) =>
            req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`, form(ctx, articleForm({ version: v, title: "Otomatik" })), {
              headers: { accept: "application/json" },
            }),
          [400],
        ),
      ),
      c(
        "stale version",
        (ctx) =>
          req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`, form(ctx, articleForm({ version: "999" })), { headers: { accept: "application/json" } }),
        [409],
      ),
      c(
        "title 201 characters",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), title: long(201) })),
            { headers: { accept: "application/json" } },
          ),
        [400],
      ),
      c(
        "imageId 2147483648",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), imageId: "2147483648" })),
            { headers: { accept: "application/json" } },
          ),
        [400],
      ),
      c(
        "a reporter autosaves another reporter's draft",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR2}/otomatik-kayit`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR2)), title: "Başkasının" })),
            { headers: { accept: "application/json" } },
          ),
        [403],
        ["reporter"],
      ),
      c(
        "no CSRF token",
        async (ctx) =>
          req(
            "POST",
            `/yonetim/haber/${ctx.w.ids.draftR}/otomatik-kayit`,
            form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)) }), { csrf: false }),
            { headers: { accept: "application/json" } },
          ),
        [403],
      ),
      ...idCases(
        (id, ctx) => req("POST", `/yonetim/haber/${id}/otomatik-kayit`, form(ctx, articleForm({ version: "1" })), { headers: { accept: "application/json" } }),
        SOME_BAD_IDS,
      ),
    ],
  },
  "GET /yonetim/haber/:id/onizleme": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}/onizleme`),
    cases: [
      ...idCases((id) => get(`/yonetim/haber/${id}/onizleme`), SOME_BAD_IDS),
      c("a reporter previews another reporter's draft", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR2}/onizleme`), [403], ["reporter"]),
    ],
  },
  "POST /yonetim/haber/:id/sil": {
    need: "signedIn",
    who: writers,
    sample: (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, form(ctx, { version: "999" })),
    cases: [
      ...["2147483648", "1e308", "abc", "0", ""].map((v) =>
        c(`version ${v || "(empty)"}`, (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, form(ctx, { version: v })), [400]),
      ),
      c("version missing", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, form(ctx, {})), [400]),
      c("stale version", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, form(ctx, { version: "999" })), [409]),
      c(
        "a reporter deletes another reporter's draft",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR2}/sil`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR2)) })),
        [403],
        ["reporter"],
      ),
      c(
        "a reporter deletes a published article",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/sil`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.published)) })),
        [403],
        ["reporter"],
      ),
      c(
        "no CSRF token, right version",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR)) }, { csrf: false })),
        [403],
      ),
      c(
        "multipart without the CSRF token, right version",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/sil`, multipart([{ name: "version", value: String(await ctx.w.version(ctx.w.ids.draftR)) }])),
        [403],
      ),
      ...idCases((id, ctx) => req("POST", `/yonetim/haber/${id}/sil`, form(ctx, { version: "1" })), SOME_BAD_IDS),
    ],
  },
  "GET /yonetim/haber/:id/surumler": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}/surumler`),
    cases: [
      ...["0", "2147483648", "1e10", "abc", "-1"].map((v) => c(`a=${v}&b=1`, (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}/surumler?a=${v}&b=1`), [400, 404])),
      c("a=1&a=2&b=1", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}/surumler?a=1&a=2&b=1`)),
      c("a=1&b=999 (no such revision)", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR}/surumler?a=1&b=999`), [400, 404]),
      c("a reporter lists another reporter's revisions", (ctx) => get(`/yonetim/haber/${ctx.w.ids.draftR2}/surumler`), [403], ["reporter"]),
      ...idCases((id) => get(`/yonetim/haber/${id}/surumler`), SOME_BAD_IDS),
    ],
  },
  "POST /yonetim/haber/:id/surumler/:revision/geri-yukle": {
    need: "signedIn",
    who: writers,
    sample: (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/surumler/1/geri-yukle`, form(ctx, { version: "999" })),
    cases: [
      ...BAD_IDS.filter((b) => b.range).map((b) =>
        c(
          `revision ${b.v.length > 20 ? `${b.v.slice(0, 12)}…` : b.v}`,
          async (ctx) =>
            req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/surumler/${b.v}/geri-yukle`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR)) })),
          [400, 404],
        ),
      ),
      c(
        "revision 999 (no such revision)",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/surumler/999/geri-yukle`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR)) })),
        [400, 404],
      ),
      ...["2147483648", "1e308", "abc", ""].map((v) =>
        c(`version ${v || "(empty)"}`, (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/surumler/1/geri-yukle`, form(ctx, { version: v })), [400]),
      ),
      c(
        "a reporter restores another reporter's draft",
        async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR2}/surumler/1/geri-yukle`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR2)) })),
        [403],
        ["reporter"],
      ),
      c(
        "no CSRF token",
        async (ctx) =>
          req("POST", `/yonetim/haber/${ctx.w.ids.draftR}/surumler/1/geri-yukle`, form(ctx, { version: String(await ctx.w.version(ctx.w.ids.draftR)) }, { csrf: false })),
        [403],
      ),
      ...idCases((id, ctx) => req("POST", `/yonetim/haber/${id}/surumler/1/geri-yukle`, form(ctx, { version: "1" })), SOME_BAD_IDS),
    ],
  },
  "GET /yonetim/etiketler": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => req("GET", "/yonetim/etiketler?q=an", {}, { headers: { accept: "application/json" } }),
    cases: [
      c("q missing", () => req("GET", "/yonetim/etiketler", {}, { headers: { accept: "application/json" } }), [400]),
      c("q 101 characters", () => req("GET", `/yonetim/etiketler?q=${long(101)}`, {}, { headers: { accept: "application/json" } }), [400]),
      c("q=a&q=b", () => req("GET", "/yonetim/etiketler?q=a&q=b", {}, { headers: { accept: "application/json" } }), [400]),
      c("q with NUL", () => req("GET", "/yonetim/etiketler?q=%00", {}, { headers: { accept: "application/json" } })),
      c("q in NFD", () => req("GET", `/yonetim/etiketler?q=${pct("gö".normalize("NFD"))}`, {}, { headers: { accept: "application/json" } })),
      c("q missing, HTML", () => get("/yonetim/etiketler"), [400]),
    ],
  },
  "GET /yonetim/medya": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/medya"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/medya?mesaj=__proto__"))],
  },
  "POST /yonetim/medya": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) =>
      req(
        "POST",
        "/yonetim/medya",
        multipart([
          { name: "_csrf", value: ctx.csrf },
          { name: "alt", value: "x" },
        ]),
      ),
    cases: uploadCases("/yonetim/medya", true),
  },
  "GET /yonetim/medya/sec": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/medya/sec?q=kar"),
    cases: [
      // Days are checked by the picker's search: a bad one is the form again with a field error (400), never a 500.
      ...BAD_DAYS.map((d) => c(`bas=${d}`, () => get(`/yonetim/medya/sec?bas=${d}`), d === "9999-12-31" ? undefined : [400])),
      ...BAD_DAYS.map((d) => c(`bit=${d}`, () => get(`/yonetim/medya/sec?bit=${d}`), d === "9999-12-31" ? undefined : [400])),
      c("bas after bit", () => get("/yonetim/medya/sec?bas=2026-12-01&bit=2026-11-01"), [200], ["reporter"]),
      c("bas=%00 (read as blank once control characters are removed)", () => get("/yonetim/medya/sec?bas=%00")),
      c("bas of 21 characters", () => get(`/yonetim/medya/sec?bas=${long(21, "1")}`), [400]),
      c("q of 201 characters", () => get(`/yonetim/medya/sec?q=${long(201)}`), [400]),
      c("q of LIKE wildcards", () => get("/yonetim/medya/sec?q=%25%5F%5C"), [200], ["reporter"]),
      c("q NUL", () => get("/yonetim/medya/sec?q=%00"), [200], ["reporter"]),
      c("q NFD", () => get(`/yonetim/medya/sec?q=${encodeURIComponent(NFD_TITLE)}`), [200], ["reporter"]),
      ...["0", "-1", "abc", "2147483648", "1.5"].map((v) => c(`yukleyen=${v}`, () => get(`/yonetim/medya/sec?yukleyen=${v}`), [400])),
      c("yukleyen of nobody", () => get("/yonetim/medya/sec?yukleyen=2147483000"), [200], ["reporter"]),
      ...["0", "-1", "501", "abc", "1e3"].map((v) => c(`sayfa=${v}`, () => get(`/yonetim/medya/sec?sayfa=${v}`), [400])),
      c("sayfa=500", () => get("/yonetim/medya/sec?sayfa=500"), [200], ["reporter"]),
      c("haber=abc", () => get("/yonetim/medya/sec?haber=abc"), [400]),
      c("an unknown parameter", () => get("/yonetim/medya/sec?utm_source=x"), [400]),
    ],
  },
  "POST /yonetim/medya/sec": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) =>
      req(
        "POST",
        "/yonetim/medya/sec",
        multipart([
          { name: "_csrf", value: ctx.csrf },
          { name: "alt", value: "x" },
        ]),
      ),
    cases: [
      ...uploadCases("/yonetim/medya/sec", true),
      c(
        "haber=abc",
        (ctx) =>
          req(
            "POST",
            "/yonetim/medya/sec",
            multipart([{ name: "_csrf", value: ctx.csrf }, { name: "alt", value: "Bir görsel" }, { name: "haber", value: "abc" }, imagePart()]),
          ),
        [400],
      ),
    ],
  },
  "GET /yonetim/manset": {
    need: "editor",
    who: ["anon", "reporter", "editor"],
    sample: () => get("/yonetim/manset"),
    cases: [
      c("mesaj=__proto__", () => get("/yonetim/manset?mesaj=__proto__")),
      // The two searches take any words up to the search's limit; past it, 400.
      ...["ara", "sdara"].flatMap((name) => [
        c(`${name} too long`, () => get(`/yonetim/manset?${name}=${long(201)}`), [400], ["editor"]),
        c(`${name} NUL and bidi`, () => get(`/yonetim/manset?${name}=${pct(`a${NUL}${BIDI}`)}`), [200], ["editor"]),
        c(`${name} FTS syntax`, () => get(`/yonetim/manset?${name}=${pct('"* OR NEAR( ) : -')}`), [200], ["editor"]),
        c(`${name} twice`, () => get(`/yonetim/manset?${name}=a&${name}=b`), undefined, ["editor"]),
      ]),
    ],
  },
  "POST /yonetim/manset": {
    need: "editor",
    who: ["anon", "reporter", "editor"],
    sample: async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: "abc", stamp: await headlinesStamp(ctx) })),
    cases: [
      ...["9007199254740992", "2147483648", "-1", "0", "abc", "1e10", "1.5", ""].map((s) =>
        c(
          `slot ${s || "(empty)"}`,
          async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published), s], stamp: await headlinesStamp(ctx) })),
          [400],
        ),
      ),
      ...["up", "down", "remove", "add"].flatMap((button) =>
        ["0", "2147483648", "abc", ""].map((v) =>
          c(
            `${button} ${v || "(empty)"}`,
            async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published)], stamp: await headlinesStamp(ctx), [button]: v })),
            [400],
          ),
        ),
      ),
      c("add a draft", async (ctx) => req("POST", "/yonetim/manset", form(ctx, { stamp: await headlinesStamp(ctx), add: String(ctx.w.ids.draftE) })), "4xx"),
      c("add an article that does not exist", async (ctx) => req("POST", "/yonetim/manset", form(ctx, { stamp: await headlinesStamp(ctx), add: "999999" })), "4xx"),
      c("move an article not in the manşet", async (ctx) => req("POST", "/yonetim/manset", form(ctx, { stamp: await headlinesStamp(ctx), up: "999999" }))),
      c("no stamp", (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published)] })), [400]),
      c("stamp too long", (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published)], stamp: long(65) })), [400]),
      c("stale stamp", (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published)], stamp: "0000000000000000" })), [409], ["editor"]),
      c("ara too long", async (ctx) => req("POST", "/yonetim/manset", form(ctx, { stamp: await headlinesStamp(ctx), ara: long(201) })), [400]),
      c("slot of a draft", async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.draftE)], stamp: await headlinesStamp(ctx) })), "4xx"),
      c(
        "slot of an article that does not exist",
        async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published), "999999"], stamp: await headlinesStamp(ctx) })),
        "4xx",
      ),
      c("the same article twice", async (ctx) =>
        req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published), String(ctx.w.ids.published)], stamp: await headlinesStamp(ctx) })),
      ),
      c(
        "an empty slot among filled ones",
        async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published), "", "abc"], stamp: await headlinesStamp(ctx) })),
        [400],
      ),
      c(
        "six slots",
        async (ctx) =>
          req(
            "POST",
            "/yonetim/manset",
            form(ctx, { slot: [ctx.w.ids.published, ctx.w.ids.published2, 999991, 999992, 999993, 999994].map(String), stamp: await headlinesStamp(ctx) }),
          ),
        [400],
      ),
      c(
        "no CSRF token",
        async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published2)], stamp: await headlinesStamp(ctx) }, { csrf: false })),
        [403],
      ),
    ],
  },
  "POST /yonetim/haber/:id/son-dakika": {
    need: "editor",
    who: ["anon", "reporter", "editor"],
    sample: (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "1", until: "now" })),
    cases: [
      // Every bad end time is refused with the form shown again (400), the past one included.
      ...BAD_LOCAL_TIMES.filter((t) => t.v !== "" && !t.v.startsWith("9999")).map((t) =>
        c(`until ${t.v}`, (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "1", until: t.v })), [400]),
      ),
      c("until 9999-12-31T10:00", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "1", until: "9999-12-31T10:00" }))),
      c("sdara too long", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "0", sdara: long(201) })), [400]),
      c(
        "until refused with a search kept",
        (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "1", until: "yarın", sdara: `"* ${NUL}` })),
        [400],
        ["editor"],
      ),
      c("breaking on a draft", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftE}/son-dakika`, form(ctx, { breaking: "1" })), undefined, ["editor"]),
      c("no CSRF token", (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.published}/son-dakika`, form(ctx, { breaking: "1" }, { csrf: false })), [403]),
      ...idCases((id, ctx) => req("POST", `/yonetim/haber/${id}/son-dakika`, form(ctx, { breaking: "1" })), SOME_BAD_IDS),
    ],
  },

  // ---------- admins ----------
  "GET /yonetim/ayarlar": {
    need: "admin",
    who: ["anon", "editor", "admin"],
    sample: () => get("/yonetim/ayarlar"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/ayarlar?mesaj=__proto__"))],
  },
  "POST /yonetim/ayarlar/kimlik": {
    need: "admin",
    who: admins,
    // An empty site name: refused, nothing changes.
    sample: (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, {}))),
    cases: [
      c("site name of 10,000 characters", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: long(10_000) }))), [400]),
      c("site name with NUL only", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: NUL }))), [400]),
      c("logo id out of range", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", logo: "99999999999" }))), [400]),
      c("logo choice unknown", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", logo: "__proto__" }))), [400]),
      c(
        "share image that does not exist",
        (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", defaultShareImageId: "2147483647" }))),
        [400],
      ),
      c("version -1", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", version: "-1" }))), [400]),
      c("stale version", (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", version: "7" }))), [409]),
      c(
        "social profile javascript:",
        (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart(settingsParts(ctx, { siteName: "Haberci", socialProfiles: "javascript:alert(1)" }))),
        [400],
      ),
      c(
        "SVG logo with a script",
        (ctx) =>
          req(
            "POST",
            "/yonetim/ayarlar/kimlik",
            multipart([
              ...settingsParts(ctx, { siteName: "Haberci" }),
              { name: "logoFile", filename: "logo.svg", contentType: "image/svg+xml", data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
            ]),
          ),
        [400],
      ),
      c(
        "logo that is text",
        (ctx) =>
          req(
            "POST",
            "/yonetim/ayarlar/kimlik",
            multipart([
              ...settingsParts(ctx, { siteName: "Haberci" }),
              { name: "logoFile", filename: "logo.png", contentType: "image/png", data: Buffer.from("bu bir logo değil") },
            ]),
          ),
        [400],
      ),
      c(
        "unknown field",
        (ctx) => req("POST", "/yonetim/ayarlar/kimlik", multipart([...settingsParts(ctx, { siteName: "Haberci" }), { name: "isAdmin", value: "1" }])),
        [400],
      ),
      c(
        "urlencoded instead of multipart",
        (ctx) => req("POST", "/yonetim/ayarlar/kimlik", form(ctx, { version: "0", siteName: "", logo: "mevcut", defaultShareImageId: "", socialProfiles: "" })),
        [400],
      ),
    ],
  },
  "POST /yonetim/ayarlar/ads-txt": {
    need: "admin",
    who: admins,
    // A stale version: refused, nothing changes.
    sample: (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { version: "5", text: "ornek.com, 1, DIRECT" })),
    cases: [
      c("text of 600,000 characters (over the 512 KB limit)", (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { version: "0", text: long(600_000) })), [400]),
      c(
        "text of 1,100,000 characters (over the form's bound)",
        (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { version: "0", text: long(1_100_000) })),
        [400],
      ),
      c("version missing", (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { text: "x" })), [400]),
      c("version not a number", (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { version: "bir", text: "x" })), [400]),
      c("text twice", (ctx) => req("POST", "/yonetim/ayarlar/ads-txt", form(ctx, { version: "5", text: ["a", "b"] })), [400]),
    ],
  },
  "GET /yonetim/kunye": {
    need: "admin",
    who: ["anon", "editor", "admin"],
    sample: () => get("/yonetim/kunye"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/kunye?mesaj=__proto__"))],
  },
  "POST /yonetim/kunye": {
    need: "admin",
    who: admins,
    // A stale version: refused, nothing changes.
    sample: (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ version: "5" }))),
    cases: [
      c("e-mail without a domain", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ email: "iletisim@" }))), [400]),
      c("e-mail with CR/LF", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ email: "a@haberci.test\r\nBcc: x@y" }))), [400]),
      c("KEP address on an ordinary domain", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ eTebligat: "haberci@gmail.com" }))), [400]),
      c("phone of letters", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ phone: "bizi arayın" }))), [400]),
      c("phone of 40 digits", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ phone: "9".repeat(40) }))), [400]),
      c("owner of 201 characters (over the limit)", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ owner: long(201) }))), [400]),
      c("owner of 10,000 characters (over the form's bound)", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ owner: long(10_000) }))), [400]),
      c("owner with NUL only", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ owner: NUL, editorInChief: "x\ny" }))), [400]),
      c("address of 2,600 characters", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ address: long(2_600) }))), [400]),
      c("contact with a role and no name", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ contactRole: ["Editör"], contactName: [""] }))), [400]),
      c(
        "contact reach neither e-mail nor phone",
        (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ contactRole: ["Editör"], contactName: ["Ece"], contactReach: ["<script>"] }))),
        [400],
      ),
      c(
        "21 contacts",
        (ctx) =>
          req(
            "POST",
            "/yonetim/kunye",
            form(ctx, kunyeFields({ contactRole: Array(21).fill("Muhabir"), contactName: Array(21).fill("Ad"), contactReach: Array(21).fill("") })),
          ),
        [400],
      ),
      c("41 contact rows (over the form's bound)", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ contactRole: Array(41).fill("") }))), [400]),
      c("owner twice", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ owner: ["a", "b"] }))), [400]),
      c("version missing", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ version: undefined }))), [400]),
      c("version -1", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ version: "-1" }))), [400]),
      c("unknown field", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ isAdmin: "1" }))), [400]),
      c("no CSRF token", (ctx) => req("POST", "/yonetim/kunye", form(ctx, kunyeFields({ version: "0" }), { csrf: false })), [403]),
    ],
  },
  "GET /yonetim/kullanicilar": {
    need: "admin",
    who: ["anon", "editor", "admin"],
    sample: () => get("/yonetim/kullanicilar"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/kullanicilar?mesaj=__proto__"))],
  },
  "POST /yonetim/kullanicilar": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", "/yonetim/kullanicilar", form(ctx, { email: "", name: "", role: "muhabir", password: "" })),
    cases: [
      ...USER_FORM_FAULTS.map(([label, fields]) =>
        c(
          label,
          (ctx) => {
            const base: FormFields = {
              email: `yeni-${label.replace(/[^a-z0-9]/gi, "").toLowerCase()}@haberci.test`,
              name: "Yeni Kişi",
              role: "muhabir",
              password: "yeni-parola-uzun-1",
            };
            for (const [k, v] of Object.entries(fields)) {
              if (v === undefined) delete base[k];
              else base[k] = v === "USE_REPORTER" ? "fuzzmuhabir-muhabir@haberci.test" : v;
            }
            return req("POST", "/yonetim/kullanicilar", form(ctx, base));
          },
          label === "e-mail of a user who exists" ? "4xx" : label.includes("NUL") ? undefined : [400],
        ),
      ),
      c(
        "no CSRF token",
        (ctx) =>
          req(
            "POST",
            "/yonetim/kullanicilar",
            form(ctx, { email: "csrfsiz@haberci.test", name: "Yeni", role: "yonetici", password: "yeni-parola-uzun-1" }, { csrf: false }),
          ),
        [403],
      ),
    ],
  },
  "POST /yonetim/kullanicilar/:id/rol": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/rol`, form(ctx, { role: "root" })),
    cases: [
      ...["root", "", "Yonetici", "yönetici"].map((r) =>
        c(`role ${JSON.stringify(r)}`, (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/rol`, form(ctx, { role: r })), [400]),
      ),
      c("role with NUL", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/rol`, form(ctx, { role: "muhabir\u0000" }))),
      c("role twice", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/rol`, form(ctx, { role: ["yonetici", "muhabir"] })), [400]),
      c("no CSRF token", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/rol`, form(ctx, { role: "yonetici" }, { csrf: false })), [403]),
      c("user that does not exist", (ctx) => req("POST", "/yonetim/kullanicilar/999999/rol", form(ctx, { role: "editor" })), [404]),
      ...idCases((id, ctx) => req("POST", `/yonetim/kullanicilar/${id}/rol`, form(ctx, { role: "editor" })), SOME_BAD_IDS),
    ],
  },
  "POST /yonetim/kullanicilar/:id/durum": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", "/yonetim/kullanicilar/999999/durum", form(ctx, { disabled: "1" })),
    cases: [
      c("no CSRF token", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/durum`, form(ctx, { disabled: "1" }, { csrf: false })), [403]),
      c("disabled twice", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/durum`, form(ctx, { disabled: ["0", "1"] }))),
      c("user that does not exist", (ctx) => req("POST", "/yonetim/kullanicilar/999999/durum", form(ctx, { disabled: "1" })), [404]),
      ...idCases((id, ctx) => req("POST", `/yonetim/kullanicilar/${id}/durum`, form(ctx, { disabled: "1" })), SOME_BAD_IDS),
    ],
  },
  "POST /yonetim/kullanicilar/:id/anahtar": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", "/yonetim/kullanicilar/999999/anahtar", form(ctx, { name: "x" })),
    cases: [
      c("label of 101 characters", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/anahtar`, form(ctx, { name: long(101) })), [400]),
      c("label of 100,000 characters", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/anahtar`, form(ctx, { name: long(100_000) })), [400]),
      c("label with NUL", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/anahtar`, form(ctx, { name: `a${NUL}b` }))),
      c("no CSRF token", (ctx) => req("POST", `/yonetim/kullanicilar/${ctx.w.ids.victimUser}/anahtar`, form(ctx, { name: "csrfsiz" }, { csrf: false })), [403]),
      c("user that does not exist", (ctx) => req("POST", "/yonetim/kullanicilar/999999/anahtar", form(ctx, { name: "x" })), [404]),
      ...idCases((id, ctx) => req("POST", `/yonetim/kullanicilar/${id}/anahtar`, form(ctx, { name: "x" })), SOME_BAD_IDS),
    ],
  },
  "POST /yonetim/anahtarlar/:id/iptal": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", "/yonetim/anahtarlar/999999/iptal", form(ctx, {})),
    cases: [
      c("no CSRF token", (ctx) => req("POST", `/yonetim/anahtarlar/${ctx.w.ids.victimToken}/iptal`, form(ctx, {}, { csrf: false })), [403]),
      c(
        "wrong CSRF token in the header",
        (ctx) =>
          req("POST", `/yonetim/anahtarlar/${ctx.w.ids.victimToken}/iptal`, rawBody("application/x-www-form-urlencoded", ""), { headers: { "x-csrf-token": "yanlis" } }),
        [403],
      ),
      c("token that does not exist", (ctx) => req("POST", "/yonetim/anahtarlar/999999/iptal", form(ctx, {})), [404]),
      ...idCases((id, ctx) => req("POST", `/yonetim/anahtarlar/${id}/iptal`, form(ctx, {})), SOME_BAD_IDS),
    ],
  },
  "GET /yonetim/denetim": {
    need: "admin",
    who: ["anon", "editor", "admin"],
    sample: () => get("/yonetim/denetim"),
    cases: ["0", "100001", "1e10", "abc", "-1", "2147483648"]
      .map((s) => c(`sayfa=${s}`, () => get(`/yonetim/denetim?sayfa=${s}`), [400]))
      .concat([c("sayfa=1&sayfa=2", () => get("/yonetim/denetim?sayfa=1&sayfa=2"), [400])]),
  },

  // ---------- author profiles ----------
  "GET /yonetim/profil": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/profil"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/profil?mesaj=__proto__"))],
  },
  "POST /yonetim/profil": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) => req("POST", "/yonetim/profil", form(ctx, { name: "" })),
    cases: profileFormCases("/yonetim/profil"),
  },
  "GET /yonetim/kullanicilar/:id/profil": {
    need: "admin",
    who: admins,
    sample: (ctx) => get(`/yonetim/kullanicilar/${ctx.w.ids.victimUser}/profil`),
    cases: [
      c("user that does not exist", () => get("/yonetim/kullanicilar/999999/profil"), [404]),
      ...idCases((id) => get(`/yonetim/kullanicilar/${id}/profil`), SOME_BAD_IDS),
    ],
  },
  "POST /yonetim/kullanicilar/:id/profil": {
    need: "admin",
    who: admins,
    sample: (ctx) => req("POST", "/yonetim/kullanicilar/999999/profil", form(ctx, { name: "x", stamp: "0" })),
    cases: [
      c("user that does not exist", (ctx) => req("POST", "/yonetim/kullanicilar/999999/profil", form(ctx, { name: "x", stamp: "0" })), [404]),
      ...idCases((id, ctx) => req("POST", `/yonetim/kullanicilar/${id}/profil`, form(ctx, { name: "x", stamp: "0" })), SOME_BAD_IDS),
      ...profileFormCases("/yonetim/kullanicilar/VICTIM/profil"),
    ],
  },

  // ---------- own password ----------
  "GET /yonetim/parola": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: () => get("/yonetim/parola"),
    cases: [c("mesaj=__proto__", () => get("/yonetim/parola?mesaj=__proto__"))],
  },
  "POST /yonetim/parola": {
    need: "signedIn",
    who: ["anon", "reporter"],
    sample: (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "", next: "" })),
    cases: [
      c("wrong current password", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "yanlis-parola-1", next: "yeni-parola-uzun-1" })), "4xx"),
      c("new password of 9 characters", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "yanlis-parola-1", next: "kisa-parl" })), [400]),
      c("new password of 201 characters", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "yanlis-parola-1", next: long(201) })), [400]),
      c("new password with NUL, wrong current", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "yanlis-parola-1", next: `yeni${NUL}parola-uzun` })), "4xx"),
      c("fields missing", (ctx) => req("POST", "/yonetim/parola", form(ctx, {})), [400]),
      c("current twice", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: ["a", "b"], next: "yeni-parola-uzun-1" })), "4xx"),
      c("current of 1,000,000 characters", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: long(1_000_000), next: "yeni-parola-uzun-1" })), "4xx"),
      c("no CSRF token", (ctx) => req("POST", "/yonetim/parola", form(ctx, { current: "yanlis-parola-1", next: "yeni-parola-uzun-1" }, { csrf: false })), [403]),
    ],
  },
};

/** Bad fields of the author profile form at `path` (VICTIM: the fuzz world's victim user); none is saved. */
function profileFormCases(path: string): FuzzCase[] {
  const at = (ctx: Ctx) => path.replace("VICTIM", String(ctx.w.ids.victimUser));
  const f = (label: string, fields: FormFields, expect?: Expectation) =>
    c(label, (ctx) => req("POST", at(ctx), form(ctx, { name: "Profil Adı", stamp: "0", ...fields })), expect);
  return [
    c("no stamp (which profile the form was opened on)", (ctx) => req("POST", at(ctx), form(ctx, { name: "Profil Adı" })), [400]),
    f("stamp of 10,000 characters", { stamp: long(10_000) }, [400]),
    f("stamp of another profile (a stale form)", { stamp: "0000000000000000" }, [409]),
    f("name empty", { name: "" }, [400]),
    f("name of 10,000 characters", { name: long(10_000) }, [400]),
    f("name twice", { name: ["A", "B"] }, [400]),
    f("name of emoji only", { name: "🔥🔥" }, [400]),
    f("slug of punctuation only", { slug: "!!!", name: "" }, [400]),
    f("bio of 601 characters", { bio: long(601) }, [400]),
    f("bio of 100,000 characters", { bio: long(100_000) }, [400]),
    f("bio with NUL", { bio: `Bio${NUL}`, name: "" }, [400]),
    f("imageId 2147483648", { imageId: "2147483648" }, [400]),
    f("imageId abc", { imageId: "abc" }, [400]),
    f("imageId 999999 (no such image)", { imageId: "999999" }, [400]),
    f("link javascript:", { links: "javascript:alert(1)" }, [400]),
    f("link without a scheme", { links: "example.org" }, [400]),
    f("six links", { links: ["https://a.example", "https://b.example", "https://c.example", "https://d.example", "https://e.example", "https://f.example"] }, [400]),
    f("link of 10,000 characters", { links: `https://example.org/${long(10_000)}` }, [400]),
    f("unknown field", { role: "yonetici", name: "" }, [400]),
    c("no CSRF token", (ctx) => req("POST", at(ctx), form(ctx, { name: "CSRF'siz" }, { csrf: false })), [403]),
  ];
}

/** Bad fields of the new-article form (urlencoded). */
function newArticleFormCases(): FuzzCase[] {
  const f = (label: string, fields: FormFields, expect?: Expectation) => c(label, (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm(fields))), expect);
  return [
    f("title empty", { title: "" }, [400]),
    f("title 201 characters", { title: long(201) }, [400]),
    f("title 10,000 characters", { title: long(10_000) }, [400]),
    f("title with NUL", { title: `Ankara${NUL} haberi` }),
    f("title with control characters", { title: CONTROL }),
    f("title in NFD (issue 9)", { title: NFD_TITLE }),
    f("title in Cyrillic", { title: "Путин Анкарада" }),
    f("title twice", { title: ["Birinci başlık", "İkinci başlık"] }),
    f("spot 601 characters", { spot: long(601) }, [400]),
    f("body 200,001 characters", { body: long(200_001) }, [400]),
    f("body with NUL", { body: `<p>Metin${NUL}</p>` }),
    f("category that does not exist", { category: "yok-boyle" }, [400]),
    f("category empty", { category: "" }, [400]),
    f("source that does not exist", { source: "yok" }, [400]),
    f("21 tags", { tags: Array.from({ length: 21 }, (_, i) => `Etiket ${i}`).join(", ") }, [400]),
    f("a 61-character tag", { tags: long(61) }, [400]),
    f("tag in Cyrillic", { tags: CYRILLIC }),
    f("tag with NUL", { tags: `a${NUL}b` }),
    f("imageId 2147483648", { imageId: "2147483648" }, [400]),
    f("imageId 1e10", { imageId: "1e10" }, [400]),
    f("imageId 9007199254740992", { imageId: "9007199254740992" }, [400]),
    f("imageId -1", { imageId: "-1" }, [400]),
    f("imageId abc", { imageId: "abc" }, [400]),
    f("imageId 999999 (no such image)", { imageId: "999999" }, "4xx"),
    f("seoTitle 121 characters", { seoTitle: long(121) }, [400]),
    f("imageAlt 301 characters", { imageAlt: long(301) }, [400]),
    f("action that does not exist", { action: "yok-boyle" }, [400]),
    f("isBreaking 2", { isBreaking: "2" }),
  ];
}

/** Bad fields of the edit form on the reporter's draft, with its current version. */
function editFormFieldCases(): FuzzCase[] {
  const f = (label: string, fields: FormFields, expect?: Expectation) =>
    c(
      `edit: ${label}`,
      async (ctx) => req("POST", `/yonetim/haber/${ctx.w.ids.draftR}`, form(ctx, articleForm({ version: String(await ctx.w.version(ctx.w.ids.draftR)), ...fields }))),
      expect,
    );
  return [
    f("title empty", { title: "" }, [400]),
    f("title 201 characters", { title: long(201) }, [400]),
    f("title with NUL", { title: `Düzenleme${NUL}` }),
    f("title in NFD", { title: NFD_TITLE }),
    f("imageId 2147483648", { imageId: "2147483648" }, [400]),
    f("imageId 1e10", { imageId: "1e10" }, [400]),
    f("tags 21", { tags: Array.from({ length: 21 }, (_, i) => `E${i}`).join(",") }, [400]),
    f("category that does not exist", { category: "yok" }, [400]),
  ];
}

// ---- spoilers applied to every route ----

export interface Spoiler {
  label: string;
  /** Only for requests with these methods (default: all). */
  methods?: string[];
  /** Only for routes under this prefix. */
  prefix?: string;
  spoil(r: FuzzRequest): FuzzRequest;
  expect?: Expectation;
}

const addQuery = (url: string, q: string) => `${url}${url.includes("?") ? "&" : "?"}${q}`;

export const GENERIC: Spoiler[] = [
  { label: "as HEAD", methods: ["GET"], spoil: (r) => ({ ...r, method: "HEAD" }) },
  { label: "unknown repeated query parameters", spoil: (r) => ({ ...r, url: addQuery(r.url, "zz=1&zz=2&b%5Bc%5D=d") }) },
  { label: "20 KB query string (real socket)", spoil: (r) => ({ ...r, url: addQuery(r.url, `q=${long(20_000)}`), transport: "http" }) },
  {
    label: "20 KB cookie header (real socket)",
    spoil: (r) => ({ ...r, headers: { ...r.headers, cookie: `${r.headers?.cookie ? `${r.headers.cookie}; ` : ""}cerez=${long(20_000)}` }, transport: "http" }),
  },
  {
    label: "6,000-character X-Forwarded-For",
    spoil: (r) => ({
      ...r,
      headers: {
        ...r.headers,
        "x-forwarded-for": Array.from({ length: 500 }, (_, i) => `192.0.2.${i % 250}`)
          .join(", ")
          .slice(0, 6000),
      },
    }),
  },
  { label: "X-Forwarded-For that is not an address", spoil: (r) => ({ ...r, headers: { ...r.headers, "x-forwarded-for": "<script>, ../../, 999.999.999.999" } }) },
  {
    label: "8 KB of junk cookies",
    spoil: (r) => ({
      ...r,
      headers: {
        ...r.headers,
        cookie: `${r.headers?.cookie ? `${r.headers.cookie}; ` : ""}${Array.from({ length: 400 }, (_, i) => `c${i}=${long(10, "x")}`).join("; ")}`,
      },
    }),
  },
  {
    label: "session cookie of 5,000 characters and bad percent-encoding",
    spoil: (r) => ({ ...r, auth: "none", headers: { ...r.headers, cookie: `haberci_oturum=${long(5000)}%E0%A4%A; haberci_giris=%` } }),
  },
  { label: "malformed Authorization", prefix: "/api/", spoil: (r) => ({ ...r, auth: "none", headers: { ...r.headers, authorization: "Bearer" } }) },
  {
    label: "Authorization with a 5,000-character token",
    prefix: "/api/",
    spoil: (r) => ({ ...r, auth: "none", headers: { ...r.headers, authorization: `Bearer hbr_${long(5000)}` } }),
  },
  { label: "invalid percent-encoding in the query", spoil: (r) => ({ ...r, url: addQuery(r.url, "%E0%A4%A=1&x=%ff%fe") }) },
  { label: "NUL in the query", spoil: (r) => ({ ...r, url: addQuery(r.url, "mesaj=%00&zz=%00") }) },
  { label: "mesaj=__proto__", spoil: (r) => ({ ...r, url: addQuery(r.url, "mesaj=__proto__") }) },
  { label: "Accept: application/json", spoil: (r) => ({ ...r, headers: { ...r.headers, accept: "application/json" } }) },
  { label: "Accept: text/html;q=foo", spoil: (r) => ({ ...r, headers: { ...r.headers, accept: "text/html;q=foo, */*;q=-1" } }) },
  { label: "NUL appended to the path", spoil: (r) => ({ ...r, url: r.url.replace(/(\?|$)/, "%00$1") }) },
  {
    label: "Host header of another site",
    spoil: (r) => ({ ...r, headers: { ...r.headers, host: "evil.example:99999", "x-forwarded-host": "evil.example", "x-forwarded-proto": "javascript" } }),
  },
  {
    label: "invalid JSON body",
    methods: ["POST", "PATCH"],
    spoil: (r) => ({ ...r, headers: { ...r.headers, "content-type": "application/json" }, payload: '{"title":' }),
    expect: "4xx",
  },
  {
    label: "content-type application/octet-stream",
    methods: ["POST", "PATCH"],
    spoil: (r) => ({ ...r, headers: { ...r.headers, "content-type": "application/octet-stream" }, payload: Buffer.from([0, 1, 2, 255]) }),
    expect: "4xx",
  },
  {
    label: "content-length larger than the body",
    methods: ["POST", "PATCH"],
    spoil: (r) => ({ ...r, headers: { ...r.headers, "content-length": "999999" } }),
    expect: "4xx",
  },
];

// ---- generated with fast-check (fixed seed: the same inputs every run) ----

/** Generated inputs per route key, deterministic for SEED. */
export function generatedCases(): Record<string, FuzzCase[]> {
  const text = (n: number, seedOffset: number, maxLength = 40) => fc.sample(fc.string({ unit: "binary", maxLength }), { seed: SEED + seedOffset, numRuns: n });
  const numbers = fc.sample(
    fc
      .oneof(fc.integer(), fc.integer({ min: 2_147_483_000, max: 2_147_484_000 }), fc.double({ noNaN: false }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }))
      .map((v) => String(v)),
    { seed: SEED + 7, numRuns: 30 },
  );
  const jsonBodies = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: SEED + 8, numRuns: 25 });
  const articleish = fc.sample(
    fc.record(
      {
        title: fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.integer(), fc.constant(null)),
        category: fc.oneof(fc.constantFrom("gundem", "spor", "yok"), fc.string({ maxLength: 10 })),
        tags: fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.integer()), { maxLength: 4 }),
        imageId: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
        isBreaking: fc.oneof(fc.boolean(), fc.constantFrom("true", 1)),
      },
      { requiredKeys: ["title", "category"] },
    ),
    { seed: SEED + 9, numRuns: 30 },
  );
  const show = (s: string) => JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);
  return {
    "GET /haber/:category/:file": text(25, 1).map((s) => c(`fc file ${show(s)}`, () => get(`/haber/gundem/${pct(s)}.html`))),
    "GET /haber/:category/": text(20, 2).map((s) => c(`fc category ${show(s)}`, () => get(`/haber/${pct(s) || "-"}/`))),
    "GET /arama": text(25, 3, 80).map((s) => c(`fc q ${show(s)}`, () => get(`/arama?q=${pct(s)}`))),
    "GET /api/v1/search": text(20, 4, 80).map((s) => c(`fc q ${show(s)}`, () => get(`/api/v1/search?q=${pct(s)}&from=${pct(s.slice(0, 10))}`))),
    "GET /etiket/:tag/": text(15, 5).map((s) => c(`fc tag ${show(s)}`, () => get(`/etiket/${pct(s) || "-"}/`))),
    "GET /api/v1/articles/:id": numbers.map((n) => c(`fc id ${n}`, () => get(`/api/v1/articles/${pct(n)}`), undefined, ["anon"])),
    "GET /yonetim/haber/:id": numbers.slice(0, 15).map((n) => c(`fc id ${n}`, () => get(`/yonetim/haber/${pct(n)}`), undefined, ["editor"])),
    "POST /api/v1/articles": [
      ...jsonBodies.map((b) => c(`fc JSON body ${show(JSON.stringify(b) ?? "")}`, () => req("POST", "/api/v1/articles", json(b)), undefined, ["reporter"])),
      ...articleish.map((b) => c(`fc article ${show(JSON.stringify(b))}`, () => req("POST", "/api/v1/articles", json(b)), undefined, ["editor"])),
    ],
    "POST /yonetim/haber/yeni": text(15, 6, 80).map((s) =>
      c(`fc form title ${show(s)}`, (ctx) => req("POST", "/yonetim/haber/yeni", form(ctx, articleForm({ title: s, tags: s.slice(0, 10) }))), undefined, ["reporter"]),
    ),
    "POST /yonetim/manset": numbers
      .slice(0, 10)
      .map((n) =>
        c(
          `fc slot ${n}`,
          async (ctx) => req("POST", "/yonetim/manset", form(ctx, { slot: [String(ctx.w.ids.published), n], stamp: await headlinesStamp(ctx) })),
          undefined,
          ["editor"],
        ),
      ),
  };
}
