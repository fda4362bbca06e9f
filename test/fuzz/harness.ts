// Types and request builders shared by the fuzz table (cases.ts) and its runner (badInputs.test.ts).
import crypto from "node:crypto";
import http from "node:http";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";

/** Who sends a request: nobody, or a signed-in user of a role (session cookie under /yonetim, Bearer token under /api). */
export type Who = "anon" | "reporter" | "editor" | "admin";

/** What a route needs: anyone, any newsroom user, an editor (or admin), an admin. */
export type Need = "public" | "signedIn" | "editor" | "admin";

/** The users, articles and credentials the cases aim at; ids may be replaced when a case destroys one. */
export interface World {
  app: FastifyInstance;
  db: Kysely<Database>;
  /** Base URL of the app listening on 127.0.0.1, for the cases sent over a real socket. */
  baseUrl: string;
  ids: {
    /** Drafts owned by the reporter, by another reporter and by the editor. */
    draftR: number;
    draftR2: number;
    draftE: number;
    published: number;
    published2: number;
    image: number;
    reporterUser: number;
    /** A reporter whom admin cases aim at (role, disabling, tokens), never one of the senders. */
    victimUser: number;
    victimToken: number;
  };
  /** The canonical path of `ids.published`, e.g. `/haber/gundem/ankara-da-kar-3.html`. */
  publishedPath: () => string;
  /** A file the app serves: a picture variant under /medya/ and a bundle under /static/. */
  mediaPath: string;
  staticPath: string;
  /** A user that exists and that only sign-in cases use, with its password. */
  signInUser: { email: string; password: string };
  session(who: Who): { cookie: string; csrf: string } | null;
  token(who: Who): string | null;
  /** The article's current version (cases that must not fail on a stale version read it first). */
  version(articleId: number): Promise<number>;
  /** A fresh sign-in form for `ip`: its cookie header and CSRF token. */
  signInPage(ip: string): Promise<{ cookie: string; csrf: string }>;
}

/** The methods the app routes. */
export type Method = "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE" | "OPTIONS";

export interface FuzzRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress?: string;
  /** "none": the request carries no session or token of its sender (the case brings its own, e.g. a bad Authorization). */
  auth?: "none";
  /** "http": over a real socket, for limits app.inject() does not go through (header and URL sizes). */
  transport?: "http";
}

export interface Ctx {
  w: World;
  who: Who;
  /** The sender's CSRF token ("" when anonymous). */
  csrf: string;
}

/** Statuses a case must get: a list, or any 4xx. Without it, any status but a 5xx passes. */
export type Expectation = number[] | "4xx";

export interface FuzzCase {
  /** Short summary of the input, for the failure list. */
  label: string;
  who?: Who[];
  build: (ctx: Ctx) => FuzzRequest | Promise<FuzzRequest>;
  expect?: Expectation;
}

export interface RouteSpec {
  need: Need;
  /** Who sends the route's cases unless a case says otherwise. */
  who: Who[];
  /** A well-formed request, harmless when accepted, that the generic cases spoil with headers and query junk. */
  sample(ctx: Ctx): FuzzRequest | Promise<FuzzRequest>;
  cases: FuzzCase[];
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// ---- bodies ----

export type FormFields = Record<string, string | string[]>;

/** Percent-encodes the UTF-8 bytes of `text` (lone surrogates become U+FFFD); never throws, unlike encodeURIComponent. */
export function pct(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function encodeForm(fields: FormFields): string {
  return Object.entries(fields)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${pct(k)}=${pct(x)}`))
    .join("&");
}

/** An urlencoded form body; the sender's CSRF token comes first unless `csrf: false`. */
export function form(ctx: Ctx, fields: FormFields, { csrf = true } = {}): Pick<FuzzRequest, "headers" | "payload"> {
  return {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: encodeForm(csrf ? { _csrf: ctx.csrf, ...fields } : fields),
  };
}

export function json(value: unknown): Pick<FuzzRequest, "headers" | "payload"> {
  return { headers: { "content-type": "application/json" }, payload: JSON.stringify(value) };
}

export function rawBody(contentType: string, payload: string | Buffer): Pick<FuzzRequest, "headers" | "payload"> {
  return { headers: { "content-type": contentType }, payload };
}

export type Part = { name: string; value: string } | { name: string; filename: string; contentType: string; data: Buffer };

/** A multipart/form-data body, built by hand so that it can also be wrong on purpose. */
export function multipart(parts: Part[]): Pick<FuzzRequest, "headers" | "payload"> {
  const boundary = `----fuzz${crypto.randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ("data" in part) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`),
        part.data,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) };
}

/** Joins a method, a URL and a body into a request. */
export function req(method: Method, url: string, body: Pick<FuzzRequest, "headers" | "payload"> = {}, extra: Partial<FuzzRequest> = {}): FuzzRequest {
  return { method, url, ...extra, headers: { ...body.headers, ...extra.headers }, payload: body.payload };
}

// ---- sending ----

/** Adds the sender's credentials: the session cookie under /yonetim, the Bearer token under /api. */
export function withCredentials(w: World, who: Who, request: FuzzRequest): FuzzRequest {
  if (request.auth === "none" || who === "anon") return request;
  const headers = { ...request.headers };
  if (request.url.startsWith("/api/")) {
    const token = w.token(who);
    if (token && headers.authorization === undefined) headers.authorization = `Bearer ${token}`;
  } else if (request.url.startsWith("/yonetim")) {
    const session = w.session(who);
    if (session) headers.cookie = headers.cookie ? `${session.cookie}; ${headers.cookie}` : session.cookie;
  }
  return { ...request, headers };
}

function overHttp(baseUrl: string, request: FuzzRequest): Promise<Response> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = http.request({ host: hostname, port, method: request.method, path: request.url, headers: request.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    r.on("error", reject);
    if (request.payload !== undefined) r.write(request.payload);
    r.end();
  });
}

export async function send(w: World, request: FuzzRequest): Promise<Response> {
  if (request.transport === "http") return overHttp(w.baseUrl, request);
  const res = await w.app.inject({
    method: request.method,
    url: request.url,
    headers: request.headers,
    payload: request.payload,
    remoteAddress: request.remoteAddress,
  });
  const headers: Response["headers"] = {};
  for (const [name, value] of Object.entries(res.headers)) headers[name] = typeof value === "number" ? String(value) : value;
  return { status: res.statusCode, headers, body: res.body };
}
