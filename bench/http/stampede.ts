// The stampede: many readers asking at once for an article whose cached page an edit has just dropped.
import http from "node:http";
import { bodyText, httpRequest } from "./client.ts";

export interface StampedeAnswers {
  statuses: Record<string, number>;
  errors: number;
  /** Answers whose decoded body contains `marker`. */
  fresh: number;
  seconds: number;
}

/**
 * Opens `count` connections at once (no keep-alive, no socket limit) and sends one GET `url` on each,
 * with `headers`; counts statuses, network errors, and bodies carrying `marker` (the edit's text).
 */
export async function fireAtOnce(url: string, count: number, headers: http.OutgoingHttpHeaders, marker: string): Promise<StampedeAnswers> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const statuses: Record<string, number> = {};
  let errors = 0;
  let fresh = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: count }, async () => {
        try {
          const answer = await httpRequest(url, { headers, agent, timeoutMs: 60_000 });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status === 200 && bodyText(answer).includes(marker)) fresh++;
        } catch {
          errors++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { statuses, errors, fresh, seconds: Math.round(performance.now() - started) / 1000 };
}
