import { describe, expect, it } from "vitest";
import { inParallel } from "bedrock-guide";

// Each task waits on a promise the test resolves by hand, so what is "in flight" at any moment is
// decided by the test, not by timers.
function controlledTasks() {
  const started: number[] = [];
  const finish = new Map<number, (value: string) => void>();
  const task = (item: string, index: number) =>
    new Promise<string>((resolve) => {
      started.push(index);
      finish.set(index, (v) => resolve(v));
    });
  return { started, finish: (i: number, v: string) => finish.get(i)!(v), task };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("inParallel", () => {
  it("starts at most `limit` tasks, then the next one each time one finishes", async () => {
    const { started, finish, task } = controlledTasks();
    const done = inParallel(["a", "b", "c", "d"], 2, task);
    await settle();
    expect(started).toEqual([0, 1]);
    finish(1, "B");
    await settle();
    expect(started).toEqual([0, 1, 2]);
    finish(0, "A");
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    finish(3, "D");
    finish(2, "C");
    // Results come back in input order, whatever order the tasks finished in.
    expect(await done).toEqual(["A", "B", "C", "D"]);
  });

  it("passes each item with its index, and runs each exactly once", async () => {
    const seen: Array<[string, number]> = [];
    const out = await inParallel(["x", "y", "z"], 5, async (item, index) => {
      seen.push([item, index]);
      return `${item}${index}`;
    });
    expect(out).toEqual(["x0", "y1", "z2"]);
    expect(seen.sort()).toEqual([["x", 0], ["y", 1], ["z", 2]]);
  });

  it("with a limit above the number of items, starts them all at once", async () => {
    const { started, finish, task } = controlledTasks();
    const done = inParallel(["a", "b"], 10, task);
    await settle();
    expect(started).toEqual([0, 1]);
    finish(0, "A");
    finish(1, "B");
    expect(await done).toEqual(["A", "B"]);
  });

  it("a limit below 1 still runs everything, one at a time", async () => {
    for (const limit of [0, -3]) {
      const { started, finish, task } = controlledTasks();
      const done = inParallel(["a", "b"], limit, task);
      await settle();
      expect(started).toEqual([0]);
      finish(0, "A");
      await settle();
      expect(started).toEqual([0, 1]);
      finish(1, "B");
      expect(await done).toEqual(["A", "B"]);
    }
  });

  it("no items: no calls, an empty result", async () => {
    let calls = 0;
    expect(await inParallel([], 3, async () => ++calls)).toEqual([]);
    expect(calls).toBe(0);
  });

  it("a failing task rejects the whole run with its error", async () => {
    await expect(
      inParallel([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("ThrottlingException");
        return n;
      }),
    ).rejects.toThrow("ThrottlingException");
  });
});
