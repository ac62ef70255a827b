// Prompt IDs are 10 random characters; the store must never hand out one that is taken. A real
// collision is too rare to wait for, so the random source repeats itself here on purpose.
import { describe, expect, it, vi } from "vitest";

const queue: Uint8Array[] = [];
// The store draws from Web Crypto (the core runs in Node and in pages alike).
const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
  const next = queue.shift();
  if (next && array instanceof Uint8Array && array.length === next.length) {
    array.set(next);
    return array;
  }
  return real(array as never) as T;
});

const { PromptStore } = await import("../../packages/emulator/src/prompts");

describe("prompt IDs", () => {
  it("draws again when the random ID is already taken", async () => {
    const zeros = new Uint8Array(10).fill(0);
    const ones = new Uint8Array(10).fill(1);
    // Byte 0 maps to "A" and byte 1 to "B" in the ID alphabet (A-Z then 0-9): worked out by hand.
    queue.push(zeros, zeros, ones);
    const store = new PromptStore();
    const a = await store.create("us-east-1", { name: "first" });
    const b = await store.create("us-east-1", { name: "second" });
    expect(a.id).toBe("AAAAAAAAAA");
    expect(b.id).toBe("BBBBBBBBBB");
    expect(queue).toHaveLength(0);
  });
});
