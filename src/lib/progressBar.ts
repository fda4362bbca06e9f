import { SingleBar } from "cli-progress";

/** A terminal progress bar: `update(done, total, payload)` as work goes on, `stop()` once at the end. */
export interface ProgressBar {
  update(done: number, total: number, payload?: Record<string, string>): void;
  stop(): void;
}

/**
 * `[██████░░░░] 60% 6000/10000` on stderr, drawn by cli-progress: redrawn in place at most ten
 * times a second on a terminal, a line every two seconds (and at start and stop) into a pipe or
 * log. `width` is the bar in characters; `suffix` is a cli-progress format tail whose `{name}`
 * tokens come from `update`'s payload, e.g. ` ({rate} art./s)`. The percentage is rounded down.
 * `update` fits `reindexAll`'s `onProgress`; `stop` draws the last state and ends the line.
 */
export function progressBar({ width = 30, suffix = "" }: { width?: number; suffix?: string } = {}): ProgressBar {
  const bar = new SingleBar({
    format: `[{bar}] {percentage}% {value}/{total}${suffix}`,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    barsize: width,
    stream: process.stderr,
    noTTYOutput: true,
  });
  let started = false;
  return {
    update(done, total, payload = {}) {
      if (!started) {
        started = true;
        bar.start(total, done, payload);
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
