// Background rounds (the scheduler, the media sweep): one at a time, on a timer that never keeps
// the process alive, stopped cleanly at shutdown.

export interface Repeating {
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `round` now and then every `everyMs` milliseconds on an unref'd timer. A tick that comes
 * while the previous round still runs is skipped (a slow round never piles up). `onError`
 * receives whatever a round throws; the next tick runs as usual.
 */
export function repeatEvery(everyMs: number, round: () => Promise<void>, onError: (error: unknown) => void): Repeating {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = round()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
