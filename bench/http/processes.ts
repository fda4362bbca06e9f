// Child processes of a run (the app, nginx): started with their output in a log file, stopped on exit,
// on Ctrl-C and on failure; their memory read from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has ended. */
  stop(graceMs?: number): Promise<void>;
  /** The last `lines` lines of the log, for error messages. */
  logTail(lines?: number): string;
}

const running = new Set<ManagedProcess>();

/** Starts `command` with stdout and stderr appended to `logFile`; the process is stopped by stopAll/killAllNow. */
export function startProcess(name: string, command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string }): ManagedProcess {
  const fd = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
    child.once("error", (error) => resolve(error.message));
  });
  const managed: ManagedProcess = {
    name,
    child,
    pid,
    logFile: options.logFile,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      running.delete(managed);
    },
    logTail(lines = 20) {
      try {
        return fs.readFileSync(options.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
      } catch {
        return "";
      }
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops every process still running, gracefully. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

/** For `process.on("exit")`, where nothing can be awaited: SIGKILL to whatever still runs. */
export function killAllNow(): void {
  for (const p of running) {
    try {
      p.child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** The first port of [from, to] that 127.0.0.1 can listen on and `taken` does not hold. */
export async function freePort(from: number, to: number, taken: ReadonlySet<number>): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (taken.has(port)) continue;
    const ok = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

/** VmRSS of `pid` in MiB (from /proc/<pid>/status, given in KiB), or null when it cannot be read. */
export function readRssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time `pid` has used so far (user + system) in ms, from /proc/PID/stat (clock ticks, 100 a second on
 * Linux: 10 ms steps); null where /proc is missing. On a busy machine a build's CPU time says more than its
 * wall time, which includes waiting for a core.
 */
export function readCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14 and 15.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of `pid` every `everyMs` (200 ms by default) until `stop()`, which returns the highest in MiB. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number | null } {
  let max: number | null = readRssMiB(pid);
  const timer = setInterval(() => {
    const rss = readRssMiB(pid);
    if (rss !== null && (max === null || rss > max)) max = rss;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const last = readRssMiB(pid);
      if (last !== null && (max === null || last > max)) max = last;
      return max === null ? null : Math.round(max * 10) / 10;
    },
  };
}
