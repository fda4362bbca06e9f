// nginx as the yardstick: the cached article's exact bytes served as a static file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { httpRequest } from "./client.ts";
import { type ManagedProcess, startProcess } from "./processes.ts";

export const NGINX_BIN = "/usr/sbin/nginx";

/**
 * The nginx.conf of a run: one server on 127.0.0.1:`port` answering every path with `file` (text/html),
 * `workers` worker processes ("1" or "auto"), access log off, every temp path and the error log
 * under `prefix` so an unprivileged user can run it. `user`: for a run as root, whose workers would
 * otherwise drop to `nobody` and could not read the private temp dir; null otherwise (the directive
 * only matters to a root master). Keep-alive connections are not cut after
 * nginx's default 1,000 requests, since Node does not cut them either.
 */
export function nginxConfig({ prefix, port, file, workers, user }: { prefix: string; port: number; file: string; workers: "1" | "auto"; user: string | null }): string {
  return `${user ? `user ${user};\n` : ""}worker_processes ${workers};
error_log ${path.join(prefix, "error.log")} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${path.join(prefix, "client_body")};
  proxy_temp_path ${path.join(prefix, "proxy")};
  fastcgi_temp_path ${path.join(prefix, "fastcgi")};
  uwsgi_temp_path ${path.join(prefix, "uwsgi")};
  scgi_temp_path ${path.join(prefix, "scgi")};
  sendfile on;
  tcp_nopush on;
  open_file_cache max=16 inactive=60s;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:${port};
    root ${path.dirname(file)};
    location / {
      default_type "text/html; charset=utf-8";
      try_files /${path.basename(file)} =404;
    }
  }
}
`;
}

/**
 * Writes `body` and a config under `prefix` and starts nginx in the foreground on `port`;
 * resolves once it answers 200 with exactly `body.length` bytes. Throws with its error log otherwise.
 */
export async function startNginx({ prefix, port, body, workers }: { prefix: string; port: number; body: Buffer; workers: "1" | "auto" }): Promise<ManagedProcess> {
  fs.mkdirSync(prefix, { recursive: true });
  const file = path.join(prefix, "article.html");
  fs.writeFileSync(file, body);
  const conf = path.join(prefix, "nginx.conf");
  // Workers run as the current user: as root, nginx would otherwise switch them to nobody.
  const user = process.getuid?.() === 0 ? os.userInfo().username : null;
  fs.writeFileSync(conf, nginxConfig({ prefix, port, file, workers, user }));
  // -e: the error log before the config is read (the compiled-in default is not writable to us).
  const proc = startProcess(
    `nginx (worker_processes ${workers})`,
    NGINX_BIN,
    ["-p", prefix, "-e", path.join(prefix, "error.log"), "-c", conf, "-g", `daemon off; pid ${path.join(prefix, "nginx.pid")};`],
    {
      env: process.env,
      logFile: path.join(prefix, "stdout.log"),
    },
  );
  let exited: number | string | undefined;
  void proc.exited.then((code) => (exited = code));
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exited !== undefined) break;
    try {
      const answer = await httpRequest(url, { timeoutMs: 2000 });
      if (answer.status === 200 && answer.body.equals(body)) return proc;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await proc.stop();
  const log = fs.existsSync(path.join(prefix, "error.log")) ? fs.readFileSync(path.join(prefix, "error.log"), "utf8") : "";
  throw new Error(`nginx did not serve the article bytes on ${url}: ${log.trim().split("\n").slice(-5).join(" / ")}`);
}
