// Prompt IDs are 10 random characters; the store must never hand out one that is taken. A real
// collision is too rare to wait for, so the random source repeats itself here on purpose.
import { describe, expect, it, vi } from "vitest";

const queue: Buffer[] = [];
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return { ...real, randomBytes: (n: number) => queue.shift() ?? real.randomBytes(n) };
});

const { PromptStore } = await import("bedrock-emulator/src/prompts");

describe("prompt IDs", () => {
  it("draws again when the random ID is already taken", async () => {
    const zeros = Buffer.alloc(10, 0);
    const ones = Buffer.alloc(10, 1);
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
