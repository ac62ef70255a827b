// The kernel's parent watcher (generator/kernel-parent-watch.cjs): Jupyter names the process that
// started a kernel in JPY_PARENT_PID, and the kernel must not outlive it (cancelling npm test once left
// a tslab kernel running after its executor was killed).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/snippets";

const watcher = join(projectRoot, "generator", "kernel-parent-watch.cjs");

// The watcher looks once a second; a child that would live 4 s gives it three or four looks.
const LIFE_MS = 4000;

/** Runs a Node process that would live LIFE_MS, with the watcher preloaded; resolves with how long it lived. */
function lifetime(parentPid: number): Promise<{ ms: number; code: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--require", watcher, "-e", `setTimeout(() => process.exit(7), ${LIFE_MS})`], {
    env: { ...process.env, JPY_PARENT_PID: String(parentPid) },
    stdio: "ignore",
  });
  const hardStop = setTimeout(() => child.kill("SIGKILL"), 15_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(hardStop);
      resolve({ ms: Date.now() - started, code });
    }),
  );
}

describe("the kernel's parent watcher", () => {
  it("ends the process soon after the process named in JPY_PARENT_PID is gone", async () => {
    const parent = spawn(process.execPath, ["-e", "setTimeout(() => {}, 300)"], { stdio: "ignore" });
    const { code } = await lifetime(parent.pid!);
    // The watcher's exit, not the timer's 7: it ended the process before its own timer did. (Its
    // lifetime in wall-clock time also counts Node's start, seconds on a loaded machine.)
    expect(code).toBe(0);
  });

  it("leaves it running while that process lives", async () => {
    const { code } = await lifetime(process.pid);
    expect(code).toBe(7); // the timer ran out: nothing ended it early
  });
});
