// The app under test: `node bin/haberci.js serve` as a child process, and its CLI for users and tokens.
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { httpRequest } from "./client.ts";
import { type ManagedProcess, startProcess } from "./processes.ts";

const ROOT = path.join(import.meta.dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "haberci.js");

export interface AppSettings {
  /** DATABASE_URL. */
  databaseUrl: string;
  /** DATA_DIR: media and anything else the app writes. */
  dataDir: string;
  metricsToken: string;
}

export interface RunningApp {
  process: ManagedProcess;
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
}

/** The environment every app command of the run gets: the parent's, with the run's settings on top. */
export function appEnv(settings: AppSettings, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: settings.databaseUrl,
    DATA_DIR: settings.dataDir,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // As the README advises for production (and npm start sets): glibc arenas, not leftovers, in the RSS figure.
    MALLOC_ARENA_MAX: "2",
    WEATHER_PROVIDER: "off",
    METRICS_TOKEN: settings.metricsToken,
    ...extra,
  };
  // The cached runs use the app's default cache size, whatever the calling shell exports.
  if (!("PAGE_CACHE_MB" in extra)) delete env.PAGE_CACHE_MB;
  return env;
}

/**
 * Starts `haberci serve` on 127.0.0.1:`port` (with `--demo` when asked) and waits until GET / answers
 * 200, for at most `readyTimeoutMs` (demo seeding draws pictures, so the default is three minutes).
 * `extraEnv` e.g. {PAGE_CACHE_MB: "0"}. Throws with the end of the app's log if it exits or never answers.
 */
export async function startApp(options: {
  name: string;
  port: number;
  settings: AppSettings;
  demo: boolean;
  logFile: string;
  extraEnv?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<RunningApp> {
  const url = `http://127.0.0.1:${options.port}`;
  const env = appEnv(options.settings, { PORT: String(options.port), PUBLIC_URL: url, ...options.extraEnv });
  const proc = startProcess(options.name, process.execPath, [BIN, "serve", ...(options.demo ? ["--demo"] : [])], { env, logFile: options.logFile, cwd: ROOT });
  let exitedWith: number | string | undefined;
  void proc.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`${options.name} exited (${exitedWith}) before answering; its log:\n${proc.logTail()}`);
    try {
      const answer = await httpRequest(`${url}/`, { timeoutMs: 5000 });
      if (answer.status === 200) return { process: proc, url };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await proc.stop();
  throw new Error(`${options.name} did not answer GET / within ${Math.round((options.readyTimeoutMs ?? 180_000) / 1000)} s; its log:\n${proc.logTail()}`);
}

/**
 * Runs `haberci <args…>` to its end with the run's environment; `stdin` is written and closed.
 * Resolves with stdout; rejects with stderr's last lines on a non-zero exit.
 */
export function runCli(args: readonly string[], settings: AppSettings, stdin = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: appEnv(settings), cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`haberci ${args.join(" ")} exited ${code}: ${(err || out).trim().split("\n").slice(-3).join(" / ")}`));
    });
    child.stdin.end(stdin);
  });
}

/** What the app logged at level error or fatal (pino JSON lines), for the record. */
export interface AppErrors {
  count: number;
  /** Up to five distinct messages (the error's message when there is one), most frequent first. */
  messages: { message: string; count: number }[];
}

/** Reads pino's JSON lines of `logText` and counts those at level ≥ 50 (error, fatal) by message. */
export function appErrors(logText: string): AppErrors {
  const byMessage = new Map<string, number>();
  let count = 0;
  for (const line of logText.split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof entry !== "object" || entry === null || !("level" in entry) || typeof entry.level !== "number" || entry.level < 50) continue;
    count++;
    const err = "err" in entry && typeof entry.err === "object" && entry.err !== null && "message" in entry.err ? String(entry.err.message) : "";
    const msg = "msg" in entry ? String(entry.msg) : "";
    const message = (err || msg || "(no message)").split("\n")[0]?.slice(0, 200) ?? "";
    byMessage.set(message, (byMessage.get(message) ?? 0) + 1);
  }
  const messages = [...byMessage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([message, n]) => ({ message, count: n }));
  return { count, messages };
}
