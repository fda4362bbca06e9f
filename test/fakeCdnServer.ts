// Test support (imported only by the purgers' *.test.ts): a fake CDN API on 127.0.0.1 that records
// every request and answers from a script, else in the vendor's shape. Never used by the app.
//
// It speaks HTTP/1.1 over node:net itself because Node's HTTP parser refuses methods it does not
// know, and Varnish bans arrive as `BAN`. It handles what fetch (undici) sends: keep-alive
// connections, Content-Length bodies.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { STATUS_CODES } from "node:http";

export interface RecordedRequest {
  method: string;
  /** Request target, e.g. "/service/SVC/purge". */
  path: string;
  /** Header names in lower case; a repeated header keeps its values joined by ", ". */
  headers: Record<string, string>;
  body: string;
}

/** An answer; "hang" never answers (the client must time out). */
export type FakeReply = { status: number; headers?: Record<string, string>; body?: string } | "hang";

export interface FakeCdnServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; once used up, `answer` applies. */
  script: FakeReply[];
  /** The vendor-shaped answer; tests may replace it (e.g. a CDN that is down until told otherwise). */
  answer: (request: RecordedRequest) => FakeReply;
  /** Resolves when `count` requests have arrived in all. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Splits complete requests off the front of `buffer`; returns them and what is left. */
function parseRequests(buffer: Buffer): { requests: RecordedRequest[]; rest: Buffer } {
  const requests: RecordedRequest[] = [];
  let rest = buffer;
  for (;;) {
    const end = rest.indexOf("\r\n\r\n");
    if (end === -1) break;
    const [requestLine = "", ...lines] = rest.subarray(0, end).toString("latin1").split("\r\n");
    const [method = "", path = "/"] = requestLine.split(" ");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const length = Number(headers["content-length"] ?? 0);
    if (rest.length < end + 4 + length) break;
    const body = rest.subarray(end + 4, end + 4 + length).toString("utf8");
    requests.push({ method, path, headers, body });
    rest = rest.subarray(end + 4 + length);
  }
  return { requests, rest };
}

export async function startFakeCdnServer(answer: (request: RecordedRequest) => FakeReply): Promise<FakeCdnServer> {
  const sockets = new Set<net.Socket>();
  let waiters: { count: number; resolve: () => void }[] = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer: Buffer = Buffer.alloc(0);
    let hung = false;
    socket.on("data", (chunk: Buffer) => {
      const parsed = parseRequests(Buffer.concat([buffer, chunk]));
      buffer = parsed.rest;
      for (const request of parsed.requests) {
        fake.requests.push(request);
        waiters = waiters.filter((waiter) => {
          if (fake.requests.length < waiter.count) return true;
          waiter.resolve();
          return false;
        });
        // After a hang, the connection is dead to the client: later requests come on new ones.
        if (hung) continue;
        const reply = fake.script.shift() ?? fake.answer(request);
        if (reply === "hang") {
          hung = true;
          continue;
        }
        const body = Buffer.from(reply.body ?? "", "utf8");
        const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? "Status"}`, `content-length: ${body.length}`, "connection: keep-alive"];
        for (const [name, value] of Object.entries(reply.headers ?? {})) head.push(`${name}: ${value}`);
        socket.write(Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), body]));
      }
    });
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

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}
