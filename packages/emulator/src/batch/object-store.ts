// Where batch jobs read their input and write their output: a small object store addressed like S3
// (bucket + key). The core keeps one in memory; tests and notebooks put input objects in it and read
// the outputs back. No S3 wire protocol: the S3 client does not talk to it (yet).
import { utf8Bytes } from "../bytes";

export interface ObjectStore {
  get(bucket: string, key: string): Promise<Uint8Array | undefined>;
  put(bucket: string, key: string, body: Uint8Array | string): Promise<void>;
  /** Keys in the bucket that start with the prefix, in key order. */
  list(bucket: string, prefix: string): Promise<string[]>;
}

/** An object store in memory (the default). */
export function memoryObjectStore(): ObjectStore {
  const buckets = new Map<string, Map<string, Uint8Array>>();
  return {
    async get(bucket, key) {
      return buckets.get(bucket)?.get(key);
    },
    async put(bucket, key, body) {
      let b = buckets.get(bucket);
      if (!b) buckets.set(bucket, (b = new Map()));
      b.set(key, typeof body === "string" ? utf8Bytes(body) : body);
    },
    async list(bucket, prefix) {
      return [...(buckets.get(bucket)?.keys() ?? [])].filter((k) => k.startsWith(prefix)).sort();
    },
  };
}

/** s3://bucket/key → { bucket, key } (key "" for the bucket itself). */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new Error(`Not an s3:// URI: ${uri}`);
  return { bucket: m[1], key: m[2] };
}
