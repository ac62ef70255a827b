// The kernel's bind guard (generator/kernel-bind-guard.cjs). zeromq 6 refuses a send or a receive on a
// socket whose bind is still settling; tslab binds its sockets while its shell loop already runs, so a
// kernel_info_request that lands early killed the kernel's shell loop (seen in CI: "Socket is blocked by
// a bind or unbind operation", then "Kernel didn't respond in 60 seconds").
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/snippets";

const guard = join(projectRoot, "generator", "kernel-bind-guard.cjs");
// The zeromq that tslab loads, not whichever another package might bring.
const zeromq = createRequire(
  join(projectRoot, "node_modules", "tslab", "package.json"),
).resolve("zeromq");

/** Runs, in a Node process of its own, a send and a receive that start before their socket's bind settles. */
async function sendAndReceiveDuringBind(
  guarded: boolean,
): Promise<string[]> {
  const script = `
    const zmq = require(${JSON.stringify(zeromq)});
    if (${guarded}) require(${JSON.stringify(guard)}).guardBinds(zmq);
    // zeromq throws this refusal at once rather than rejecting, so the call itself is inside the try;
    // nothing may wait forever (a receive that was not refused waits for the dealer's message).
    const attempt = async (operation) => {
      try {
        await Promise.race([operation(), new Promise((_, no) => setTimeout(() => no({ code: "TIMEOUT", message: "no answer in 20 s" }), 20000))]);
        return "ok";
      } catch (err) {
        return err.code + " " + err.message;
      }
    };
    (async () => {
      const results = [];
      const publisher = new zmq.Publisher({ linger: 0 });
      const published = publisher.bind("tcp://127.0.0.1:0");
      results.push("send: " + (await attempt(() => publisher.send(["status", "busy"]))));
      await published;
      const router = new zmq.Router({ linger: 0 });
      const routed = router.bind("tcp://127.0.0.1:0");
      const received = attempt(() => router.receive());
      await routed;
      const dealer = new zmq.Dealer({ linger: 0, sendTimeout: 20000 });
      dealer.connect(router.lastEndpoint);
      await attempt(() => dealer.send("kernel_info_request"));
      results.push("receive: " + (await received));
      console.log(JSON.stringify(results));
      process.exit(0); // the sockets' threads may not let the process end by itself
    })();`;
  // Not synchronous: the worker runs other files meanwhile. Generous: a loaded machine is slow to start Node.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["-e", script],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout.trim());
}

describe("the kernel's bind guard", () => {
  it(
    "without it, zeromq refuses a send and a receive while the socket's bind settles (the failure it fixes)",
    { timeout: 90_000 },
    async () => {
      expect(await sendAndReceiveDuringBind(false)).toEqual([
        "send: EBUSY Socket is blocked by a bind or unbind operation",
        "receive: EBUSY Socket is blocked by a bind or unbind operation",
      ]);
    },
  );

  it(
    "with it, the send and the receive wait for the bind and then go through",
    { timeout: 90_000 },
    async () => {
      expect(await sendAndReceiveDuringBind(true)).toEqual([
        "send: ok",
        "receive: ok",
      ]);
    },
  );
});
