// One load run: autocannon (programmatic API) against a URL, after a short warm-up, with the server's
// RSS sampled and, for the app, its render counter read before and after.
import autocannon from "autocannon";
import { sampleRss } from "./processes.ts";
import type { LoadFigures } from "./report.ts";

export interface LoadPlan {
  name: LoadFigures["name"];
  label: string;
  /** http://host:port; the paths are requested from it. */
  origin: string;
  /** One path, or several cycled through by every connection (the search words). */
  paths: string[];
  acceptEncoding: string | null;
  connections: number;
  durationSeconds: number;
  /** The server process whose VmRSS is sampled every 200 ms while measured. */
  serverPid: number | null;
  /** Reads the render counter (summed over routes), or null when the server has none. */
  renders?: () => Promise<number | null>;
}

let current: autocannon.Instance | undefined;

/** Stops the load run in progress, if any (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

function fire(plan: LoadPlan, durationSeconds: number): Promise<autocannon.Result> {
  const headers: Record<string, string> = plan.acceptEncoding ? { "accept-encoding": plan.acceptEncoding } : {};
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url: plan.origin,
        connections: plan.connections,
        duration: durationSeconds,
        headers,
        requests: plan.paths.map((path) => ({ method: "GET", path })),
      },
      (error: Error | null, result) => {
        current = undefined;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

/** Seconds of the warm-up before each measured run: lets the JIT, the caches and the connections settle. */
export function warmupSeconds(durationSeconds: number): number {
  return Math.max(1, Math.min(3, Math.round(durationSeconds / 4)));
}

/** Warms up, then measures `plan.durationSeconds`; latencies in ms from autocannon's histogram. */
export async function runLoad(plan: LoadPlan): Promise<LoadFigures> {
  await fire(plan, warmupSeconds(plan.durationSeconds));
  const rendersBefore = plan.renders ? await plan.renders() : null;
  const rss = plan.serverPid === null ? null : sampleRss(plan.serverPid);
  let maxRss: number | null = null;
  let result: autocannon.Result;
  try {
    result = await fire(plan, plan.durationSeconds);
  } finally {
    maxRss = rss?.stop() ?? null;
  }
  const rendersAfter = plan.renders ? await plan.renders() : null;
  const requests = result.requests.total;
  return {
    name: plan.name,
    label: plan.label,
    paths: plan.paths,
    acceptEncoding: plan.acceptEncoding,
    connections: plan.connections,
    durationSeconds: result.duration,
    requests,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    maxRssMiB: maxRss,
    renders: rendersBefore !== null && rendersAfter !== null ? rendersAfter - rendersBefore : null,
  };
}
