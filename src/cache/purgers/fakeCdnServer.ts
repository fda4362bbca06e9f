// Test support (imported only by the purgers' *.test.ts): a fake CDN API on 127.0.0.1 that records
// every request and answers from a script, else in the vendor's shape. Never used by the app.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/service/SVC/purge". */
  path: string;
  /** Lower-case header names, as Node gives them. */
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An answer; "hang" never answers (the client must time out). */
export type FakeReply = { status: number; headers?: Record<string, string>; body?: string } | "hang";

export interface FakeCdnServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; once used up, the vendor-shaped answer applies. */
  script: FakeReply[];
  /** Used when `script` is empty; tests may replace it (e.g. a CDN that is down until told otherwise). */
  answer: (request: RecordedRequest) => FakeReply;
  /** Resolves when `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeCdnServer(answer: (request: RecordedRequest) => FakeReply): Promise<FakeCdnServer> {
  const sockets = new Set<Socket>();
  let waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      fake.requests.push(request);
      waiters = waiters.filter((waiter) => {
        if (fake.requests.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
      const reply = fake.script.shift() ?? fake.answer(request);
      if (reply === "hang") return;
      res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? "");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const fake: FakeCdnServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    script: [],
    answer,
    waitForRequests(count) {
      if (fake.requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** JSON answer helper. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}
