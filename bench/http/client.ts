// A plain HTTP/1.1 client for the harness's own requests (node:http, so the bytes are exactly what the
// server sent: no Accept-Encoding is added and nothing is decoded behind our back).
import http from "node:http";
import zlib from "node:zlib";

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent (still compressed if the server compressed it). */
  body: Buffer;
}

/** One request; rejects on a network error or after `timeoutMs` (30 s) without an answer. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: options.agent, timeout: options.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The body as text, decoded from br/gzip/deflate per its Content-Encoding. */
export function bodyText(answer: HttpAnswer): string {
  const encoding = String(answer.headers["content-encoding"] ?? "identity").toLowerCase();
  const raw =
    encoding === "br"
      ? zlib.brotliDecompressSync(answer.body)
      : encoding === "gzip"
        ? zlib.gunzipSync(answer.body)
        : encoding === "deflate"
          ? zlib.inflateSync(answer.body)
          : answer.body;
  return raw.toString("utf8");
}

/** GET `url` and parse its JSON; throws with the status and the start of the body otherwise. */
export async function getJson(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<unknown> {
  const answer = await httpRequest(url, { headers: { accept: "application/json", ...headers } });
  const text = bodyText(answer);
  if (answer.status !== 200) throw new Error(`GET ${url}: ${answer.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}
