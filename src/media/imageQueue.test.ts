import { describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "../errors.ts";
import { createImageQueue } from "./imageQueue.ts";

/** A task that runs until `release()` is called; `started` tells whether it began. */
function gate() {
  let release = () => {};
  const state = { started: false };
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    state,
    release: () => release(),
    task: async () => {
      state.started = true;
      await done;
      return "bitti";
    },
  };
}

describe("image queue", () => {
  it("runs at most `concurrency` tasks at once and starts the waiting ones as slots free up", async () => {
    const queue = createImageQueue({ concurrency: 2, maxWaiting: 2 });
    const gates = [gate(), gate(), gate(), gate()];
    const results = gates.map((g) => queue.run(g.task));
    expect(gates.map((g) => g.state.started)).toEqual([true, true, false, false]);
    expect({ running: queue.running, waiting: queue.waiting }).toEqual({ running: 2, waiting: 2 });
    gates[0]?.release();
    await results[0];
    await Promise.resolve();
    expect(gates.map((g) => g.state.started)).toEqual([true, true, true, false]);
    for (const g of gates) g.release();
    expect(await Promise.all(results)).toEqual(["bitti", "bitti", "bitti", "bitti"]);
    expect({ running: queue.running, waiting: queue.waiting }).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses work when the line is full, without running it, and says when to retry", async () => {
    const queue = createImageQueue({ concurrency: 2, maxWaiting: 2, secondsPerImage: 3 });
    const busy = [gate(), gate(), gate(), gate()];
    const results = busy.map((g) => queue.run(g.task));
    const refused = gate();
    const refusal = await queue.run(refused.task).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceUnavailableError);
    expect(refusal).toMatchObject({ code: "unavailable", retryAfterSeconds: 6, message: expect.stringMatching(/6 saniye sonra yeniden deneyin/) });
    expect(refused.state.started).toBe(false);
    expect(queue.waiting).toBe(2);
    expect(() => queue.assertRoom()).toThrow(ServiceUnavailableError);

    // Once a slot frees up, work is taken again.
    busy[0]?.release();
    await results[0];
    await Promise.resolve();
    const next = gate();
    expect(() => queue.assertRoom()).not.toThrow();
    const accepted = queue.run(next.task);
    for (const g of [...busy, next]) g.release();
    expect(await accepted).toBe("bitti");
    await Promise.all(results);
  });

  it("with no room to wait, refuses only while every slot is busy", async () => {
    const queue = createImageQueue({ concurrency: 1, maxWaiting: 0 });
    const first = gate();
    const running = queue.run(first.task);
    await expect(queue.run(async () => "ikinci")).rejects.toBeInstanceOf(ServiceUnavailableError);
    first.release();
    await running;
    expect(await queue.run(async () => "üçüncü")).toBe("üçüncü");
  });

  it("passes a task's failure to its caller and keeps going", async () => {
    const queue = createImageQueue({ concurrency: 1, maxWaiting: 1 });
    await expect(queue.run(async () => Promise.reject(new Error("vips: bozuk")))).rejects.toThrow("vips: bozuk");
    expect(await queue.run(async () => 42)).toBe(42);
  });
});
