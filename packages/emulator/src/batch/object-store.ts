// Where batch and evaluation jobs read their input and write their output: a small object store
// addressed like S3 (bucket + key). The core keeps one in memory; the S3 subset the emulator serves
// (services/s3.ts) reads and writes the same store, so an object PUT with the S3 client is a job's
// input, and a job's outputs come back with GetObject.
import { Md5 } from "@smithy/md5-js";
import { utf8Bytes } from "../bytes";

/** What S3 reports about an object besides its bytes. */
export interface ObjectInfo {
  size: number;
  /** The quoted hex MD5 of the bytes: S3's ETag for an object uploaded in one part without SSE-KMS. */
  etag: string;
  lastModified: Date;
  contentType: string;
}

export interface ObjectStore {
  get(bucket: string, key: string): Promise<Uint8Array | undefined>;
  /** Writes the object (creating the bucket if need be: jobs write their outputs this way). */
  put(bucket: string, key: string, body: Uint8Array | string, opts?: { contentType?: string }): Promise<ObjectInfo>;
  /** Keys in the bucket that start with the prefix, in key order (UTF-8 binary order, as S3 lists). */
  list(bucket: string, prefix: string): Promise<string[]>;
  info(bucket: string, key: string): Promise<ObjectInfo | undefined>;
  /** True if the object existed. */
  delete(bucket: string, key: string): Promise<boolean>;
  hasBucket(bucket: string): Promise<boolean>;
  /** False if the bucket already existed. */
  createBucket(bucket: string): Promise<boolean>;
  /** "missing" or "not-empty" when it can't be deleted. */
  deleteBucket(bucket: string): Promise<"deleted" | "missing" | "not-empty">;
}

interface Stored extends ObjectInfo {
  body: Uint8Array;
}

async function md5Hex(bytes: Uint8Array): Promise<string> {
  const h = new Md5();
  h.update(bytes);
  return [...(await h.digest())].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** S3 lists keys in UTF-8 binary order; JavaScript compares UTF-16 code units, which differs above U+FFFF. */
const byUtf8 = (a: string, b: string) => compareBytes(utf8Bytes(a), utf8Bytes(b));
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** An object store in memory (the default). */
export function memoryObjectStore(opts: { now?: () => Date } = {}): ObjectStore {
  const now = opts.now ?? (() => new Date());
  const buckets = new Map<string, Map<string, Stored>>();
  const infoOf = ({ body: _body, ...info }: Stored): ObjectInfo => info;
  return {
    async get(bucket, key) {
      return buckets.get(bucket)?.get(key)?.body;
    },
    async put(bucket, key, body, o = {}) {
      let b = buckets.get(bucket);
      if (!b) buckets.set(bucket, (b = new Map()));
      const bytes = typeof body === "string" ? utf8Bytes(body) : body;
      const stored: Stored = { body: bytes, size: bytes.length, etag: `"${await md5Hex(bytes)}"`, lastModified: now(), contentType: o.contentType ?? "application/octet-stream" };
      b.set(key, stored);
      return infoOf(stored);
    },
    async list(bucket, prefix) {
      return [...(buckets.get(bucket)?.keys() ?? [])].filter((k) => k.startsWith(prefix)).sort(byUtf8);
    },
    async info(bucket, key) {
      const o = buckets.get(bucket)?.get(key);
      return o && infoOf(o);
    },
    async delete(bucket, key) {
      return buckets.get(bucket)?.delete(key) ?? false;
    },
    async hasBucket(bucket) {
      return buckets.has(bucket);
    },
    async createBucket(bucket) {
      if (buckets.has(bucket)) return false;
      buckets.set(bucket, new Map());
      return true;
    },
    async deleteBucket(bucket) {
      const b = buckets.get(bucket);
      if (!b) return "missing";
      if (b.size) return "not-empty";
      buckets.delete(bucket);
      return "deleted";
    },
  };
}

/** s3://bucket/key → { bucket, key } (key "" for the bucket itself). */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new Error(`Not an s3:// URI: ${uri}`);
  return { bucket: m[1], key: m[2] };
}
