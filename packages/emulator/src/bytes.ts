// Bytes and text with the web platform's types only (Uint8Array, no Buffer), so the core runs in
// Node, a browser page or a worker alike. Base64 and UTF-8 come from the SDK's own small packages.
import { fromBase64, toBase64 } from "@smithy/util-base64";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

export { fromBase64, toBase64 };

/** UTF-8 bytes of a string. */
export const utf8Bytes = (text: string): Uint8Array => fromUtf8(text);

/** The string that UTF-8 bytes spell. */
export const utf8Text = (bytes: Uint8Array): string => toUtf8(bytes);

/** base64url without padding (RFC 4648 §5), as pagination tokens use it. */
export function toBase64Url(text: string): string {
  return toBase64(utf8Bytes(text)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text inside a base64url token, or undefined when the token is not base64url. */
export function fromBase64Url(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) return undefined;
  const b64 = token.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return utf8Text(fromBase64(b64 + "=".repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    return undefined;
  }
}

/** Joins byte arrays into one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Random bytes from the platform's CSPRNG (Web Crypto: Node 20+, every browser, any context). */
export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/**
 * A random RFC 4122 version-4 UUID. Web Crypto's randomUUID where the platform has it (Node; pages in a
 * secure context): it draws from a pooled source, while getRandomValues costs Node a system call
 * each time (about 12 µs, a third of a Converse request's own CPU). Elsewhere built from getRandomValues.
 */
export function randomUuid(): string {
  const c = globalThis.crypto as Crypto & { randomUUID?: () => string };
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
