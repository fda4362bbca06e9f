// Bounds image work: decoding a large picture costs tens of megabytes and seconds of a core, so the process runs
// at most one picture per core, keeps a short line of waiting ones, and turns the rest away with a time to retry.
import os from "node:os";
import PQueue from "p-queue";
import { ServiceUnavailableError } from "../errors.ts";

export interface ImageQueueOptions {
  /** Pictures processed at once. */
  concurrency: number;
  /** Pictures allowed to wait for a free slot; one more is refused. */
  maxWaiting: number;
  /** Rough seconds one picture takes, used for the Retry-After estimate. */
  secondsPerImage?: number;
}

export interface ImageQueue {
  /**
   * Runs `task` when a slot is free and resolves with its result.
   * Throws ServiceUnavailableError at once (the task never runs) when every slot is busy and `maxWaiting` tasks
   * already wait.
   */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Throws the same ServiceUnavailableError `run` would throw now. Lets a route refuse before it reads a
   * 20 MB upload it could not process; it reserves nothing, so `run` may still refuse later.
   */
  assertRoom(): void;
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/**
 * A line for image work. Retry-After is the time to drain what is ahead: ⌈(running + waiting) / concurrency⌉ rounds
 * of `secondsPerImage` (2 s by default: a 50-megapixel picture took 1–2 s on one core when measured, see
 * bench/uploadMemory.ts).
 */
export function createImageQueue({ concurrency, maxWaiting, secondsPerImage = 2 }: ImageQueueOptions): ImageQueue {
  const queue = new PQueue({ concurrency });
  const assertRoom = () => {
    if (queue.pending < concurrency || queue.size < maxWaiting) return;
    const seconds = Math.max(1, Math.ceil((queue.pending + queue.size) / concurrency) * secondsPerImage);
    throw new ServiceUnavailableError(`Şu anda çok sayıda görsel işleniyor. Lütfen ${seconds} saniye sonra yeniden deneyin.`, seconds);
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      assertRoom();
      return queue.add(task);
    },
    assertRoom,
    get running() {
      return queue.pending;
    },
    get waiting() {
      return queue.size;
    },
  };
}

const cores = os.availableParallelism();

/** The process's one line for image work: one picture per core, twice as many waiting. */
export const imageQueue: ImageQueue = createImageQueue({ concurrency: cores, maxWaiting: 2 * cores });
