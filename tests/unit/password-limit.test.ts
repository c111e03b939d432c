import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { createHashGate, HASH_LIMITS, PasswordHashBusyError } from "@/lib/auth/password";

/** A task that finishes when the test says so, recording how many ran at once. */
function tasks() {
  let running = 0;
  let peak = 0;
  const pending: (() => void)[] = [];
  const task = () =>
    new Promise<string>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      pending.push(() => {
        running--;
        resolve("done");
      });
    });
  const finishOne = async () => {
    pending.shift()?.();
    // Let the gate hand the slot to the next waiter.
    await new Promise((r) => setTimeout(r, 0));
  };
  return { task, finishOne, get peak() { return peak; }, get running() { return running; } };
}

describe("password hashing gate", () => {
  it("defaults to half the cores, a queue of 8 and a 2 s wait", () => {
    expect(HASH_LIMITS).toEqual({ concurrency: Math.max(1, Math.floor(availableParallelism() / 2)), queue: 8, waitMs: 2000 });
  });

  it("runs at most `concurrency` at once, queues up to `queue`, and refuses the rest at once", async () => {
    const run = createHashGate({ concurrency: 2, queue: 1, waitMs: 10_000 });
    const t = tasks();
    const results = [run(t.task), run(t.task), run(t.task), run(t.task)].map((p) => p.then((v) => v, (e: unknown) => e));
    const refused = await results[3];
    expect(refused).toBeInstanceOf(PasswordHashBusyError);
    expect(t.running).toBe(2);
    await t.finishOne(); // the queued one takes the freed slot
    expect(t.running).toBe(2);
    await t.finishOne();
    await t.finishOne();
    expect(await Promise.all(results.slice(0, 3))).toEqual(["done", "done", "done"]);
    expect(t.peak).toBe(2);
  });

  it("gives up on a waiter after waitMs", async () => {
    const run = createHashGate({ concurrency: 1, queue: 4, waitMs: 30 });
    const t = tasks();
    const first = run(t.task);
    const started = Date.now();
    await expect(run(t.task)).rejects.toBeInstanceOf(PasswordHashBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    await t.finishOne();
    expect(await first).toBe("done");
    // The timed-out waiter left no trace: the next one runs straight away.
    const next = run(t.task);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.running).toBe(1);
    await t.finishOne();
    expect(await next).toBe("done");
  });

  it("frees the slot when a task fails", async () => {
    const run = createHashGate({ concurrency: 1, queue: 1, waitMs: 1000 });
    const failing = run(() => Promise.reject(new Error("boom")));
    const after = run(() => Promise.resolve("ok"));
    await expect(failing).rejects.toThrow("boom");
    expect(await after).toBe("ok");
  });

  it("with no queue refuses whatever finds every slot taken", async () => {
    const run = createHashGate({ concurrency: 1, queue: 0, waitMs: 1000 });
    const t = tasks();
    const first = run(t.task);
    await expect(run(t.task)).rejects.toBeInstanceOf(PasswordHashBusyError);
    await t.finishOne();
    expect(await first).toBe("done");
  });
});
