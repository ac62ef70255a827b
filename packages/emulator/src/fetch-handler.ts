// The core, fetch-style: a web Request in, a web Response out, as a service worker or a test's
// fetch mock would use it. Event streams become a ReadableStream of encoded frames.
import type { WireReply, WireRequest } from "./core";
import { MAX_BODY_BYTES } from "./core";
import { utf8Bytes } from "./bytes";

/** A web ReadableStream over a reply's frames (or its one body). */
export function replyStream(reply: WireReply): ReadableStream<Uint8Array> {
  if (!("frames" in reply)) {
    const bytes = typeof reply.body === "string" ? utf8Bytes(reply.body) : reply.body;
    return new ReadableStream({
      start(controller) {
        if (bytes.length) controller.enqueue(bytes);
        controller.close();
      },
    });
  }
  const iterator = reply.frames[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const step = await iterator.next();
      if (step.done) controller.close();
      else controller.enqueue(step.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export async function handleFetch(dispatch: (req: WireRequest) => Promise<WireReply>, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = new Uint8Array(await request.arrayBuffer());
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  const reply = await dispatch({ method: request.method, url: url.pathname + url.search, headers, body, bodyTooLarge: body.length > MAX_BODY_BYTES });
  return new Response(replyStream(reply), { status: reply.status, headers: reply.headers });
}
