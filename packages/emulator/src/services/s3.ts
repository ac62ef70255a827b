// S3, the subset the guide's chapters use (upload a data set, list and read a job's results, clean
// up): CreateBucket, HeadBucket, DeleteBucket, PutObject, GetObject, HeadObject, ListObjectsV2,
// DeleteObject, DeleteObjects. Addressed path-style (`forcePathStyle: true`); routes from the SDK's
// schemas (constraints.json), behaviour and errors from the Amazon S3 API reference. It reads and
// writes the emulator's object store, the one batch and evaluation jobs use.
import type { EmulatorRequest, Reply, Route } from "../contract";
import { defineRoutes } from "../define-routes";
import { fromBase64Url, toBase64Url } from "../bytes";
import type { ObjectInfo } from "../batch/object-store";
import { decodedBody, parseXml, s3Errors, xmlReply } from "../s3/wire";

/** S3's naming rules for general purpose buckets (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html). */
function validBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes("..") &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

function objectHeaders(info: ObjectInfo): Record<string, string> {
  return {
    etag: info.etag,
    "last-modified": info.lastModified.toUTCString(),
    "content-length": String(info.size),
    "accept-ranges": "bytes",
  };
}

async function existingBucket(req: EmulatorRequest, ctx: Parameters<Route["handle"]>[1]): Promise<string> {
  const bucket = req.params.Bucket;
  if (!(await ctx.objects.hasBucket(bucket))) throw s3Errors.noSuchBucket(bucket);
  return bucket;
}

export const s3Routes: Route[] = defineRoutes([
  {
    operation: "CreateBucket",
    async handle(req, ctx): Promise<Reply> {
      const bucket = req.params.Bucket;
      if (!validBucketName(bucket)) throw s3Errors.invalidBucketName(bucket);
      const created = await ctx.objects.createBucket(bucket);
      // S3: "In all AWS Regions except us-east-1 … you get BucketAlreadyOwnedByYou"; in us-east-1 it
      // answers 200 again (API_CreateBucket.html, Errors).
      if (!created && req.region !== "us-east-1") throw s3Errors.bucketAlreadyOwnedByYou(bucket);
      return { status: 200, body: "", contentType: "application/xml", headers: { location: `/${bucket}` } };
    },
  },
  {
    operation: "HeadBucket",
    async handle(req, ctx): Promise<Reply> {
      await existingBucket(req, ctx);
      return { status: 200, body: "", contentType: "application/xml", headers: { "x-amz-bucket-region": req.region } };
    },
  },
  {
    operation: "DeleteBucket",
    async handle(req, ctx): Promise<Reply> {
      const bucket = req.params.Bucket;
      const r = await ctx.objects.deleteBucket(bucket);
      if (r === "missing") throw s3Errors.noSuchBucket(bucket);
      if (r === "not-empty") throw s3Errors.bucketNotEmpty(bucket);
      return { status: 204, body: "", contentType: "application/xml" };
    },
  },
  {
    operation: "PutObject",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      const body = decodedBody(req.headers, req.body);
      const info = await ctx.objects.put(bucket, req.params.Key, body, { contentType: req.headers["content-type"] });
      return { status: 200, body: "", contentType: "application/xml", headers: { etag: info.etag } };
    },
  },
  {
    operation: "GetObject",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      const key = req.params.Key;
      const info = await ctx.objects.info(bucket, key);
      const body = await ctx.objects.get(bucket, key);
      if (!info || !body) throw s3Errors.noSuchKey(key);
      return { status: 200, body, contentType: info.contentType, headers: objectHeaders(info) };
    },
  },
  {
    operation: "HeadObject",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      const info = await ctx.objects.info(bucket, req.params.Key);
      if (!info) throw s3Errors.noSuchKey(req.params.Key);
      return { status: 200, body: "", contentType: info.contentType, headers: objectHeaders(info) };
    },
  },
  {
    operation: "ListObjectsV2",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      const q = req.query;
      const prefix = q.get("prefix") ?? "";
      const delimiter = q.get("delimiter") ?? "";
      const maxRaw = q.get("max-keys");
      const max = maxRaw === null ? 1000 : Number(maxRaw);
      if (!Number.isInteger(max) || max < 0) throw s3Errors.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", maxRaw!);
      const token = q.get("continuation-token");
      let after = q.get("start-after") ?? "";
      if (token !== null) {
        const decoded = fromBase64Url(token);
        if (decoded === undefined || !decoded.startsWith("after:")) throw s3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
        after = decoded.slice("after:".length);
      }
      const encode = q.get("encoding-type") === "url" ? (s: string) => encodeURIComponent(s).replace(/%2F/g, "/") : (s: string) => s;
      // Keys sharing the part up to the delimiter after the prefix roll up into one CommonPrefixes entry.
      const entries: ({ key: string } | { common: string })[] = [];
      for (const key of await ctx.objects.list(bucket, prefix)) {
        if (after && key <= after) continue;
        const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
        if (cut >= 0) {
          const common = key.slice(0, cut + delimiter.length);
          const last = entries[entries.length - 1];
          if (!(last && "common" in last && last.common === common)) entries.push({ common });
        } else entries.push({ key });
      }
      const page = entries.slice(0, max);
      const truncated = entries.length > max;
      const lastOf = (e: (typeof page)[number]) => ("key" in e ? e.key : e.common + "\uffff");
      const contents = [];
      for (const e of page) {
        if (!("key" in e)) continue;
        const info = (await ctx.objects.info(bucket, e.key))!;
        contents.push({ Key: encode(e.key), LastModified: info.lastModified.toISOString(), ETag: info.etag, Size: info.size, StorageClass: "STANDARD" });
      }
      const commons = page.filter((e): e is { common: string } => "common" in e).map((e) => ({ Prefix: encode(e.common) }));
      return xmlReply(200, "ListBucketResult", {
        Name: bucket,
        Prefix: encode(prefix),
        ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
        MaxKeys: max,
        KeyCount: page.length,
        IsTruncated: String(truncated),
        ...(contents.length ? { Contents: contents } : {}),
        ...(commons.length ? { CommonPrefixes: commons } : {}),
        ...(token !== null ? { ContinuationToken: token } : {}),
        ...(truncated && page.length ? { NextContinuationToken: toBase64Url(`after:${lastOf(page[page.length - 1])}`) } : {}),
        ...(q.get("start-after") !== null ? { StartAfter: encode(q.get("start-after")!) } : {}),
        ...(q.get("encoding-type") ? { EncodingType: q.get("encoding-type") } : {}),
      });
    },
  },
  {
    operation: "DeleteObject",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      // S3 answers 204 whether or not the key existed (unversioned bucket).
      await ctx.objects.delete(bucket, req.params.Key);
      return { status: 204, body: "", contentType: "application/xml" };
    },
  },
  {
    operation: "DeleteObjects",
    async handle(req, ctx): Promise<Reply> {
      const bucket = await existingBucket(req, ctx);
      const doc = parseXml(req.body).Delete as { Object?: { Key?: unknown }[]; Quiet?: unknown } | undefined;
      const objects = doc?.Object ?? [];
      // API_DeleteObjects.html: 1 to 1,000 keys per request.
      if (!doc || objects.length === 0 || objects.length > 1000 || objects.some((o) => typeof o?.Key !== "string")) throw s3Errors.malformedXml();
      const quiet = String(doc.Quiet ?? "false") === "true";
      const deleted: { Key: string }[] = [];
      for (const o of objects) {
        await ctx.objects.delete(bucket, o.Key as string);
        deleted.push({ Key: o.Key as string });
      }
      return xmlReply(200, "DeleteResult", quiet ? {} : { Deleted: deleted });
    },
  },
]);
