/// <reference lib="dom" />
// Waiting for a chapter page's "Run all" to end, as its runner reports it: every cell done, or one
// failed (Run all stops there). Shared by the in-page test and `npm run bench:site`.
import type { Page } from "playwright-core";
import type {} from "../../site/runtime/run-buttons";

export async function runAllEnded(
  page: Page,
  { timeoutMs, pollMs }: { timeoutMs: number; pollMs: number },
): Promise<string[]> {
  const states = () =>
    page.evaluate(async () =>
      (await window.bedrockGuideRunner)!.outputs().map((c) => c.state),
    );
  const deadline = Date.now() + timeoutMs;
  for (let s = await states(); ; s = await states()) {
    if (s.includes("failed") || s.every((x) => x === "done")) return s;
    if (Date.now() > deadline)
      throw new Error(
        `still running after ${timeoutMs / 1000} s: ${s.join(", ")}`,
      );
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
