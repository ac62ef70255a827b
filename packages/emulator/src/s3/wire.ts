// S3's wire format for the subset the emulator serves: its XML bodies (fast-xml-parser builds and
// parses them), its error document and the aws-chunked request bodies the current SDK sends with
// its default checksums. Shapes and wording from the Amazon S3 API reference
// (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, API_ListObjectsV2.html,
// API_DeleteObjects.html, read 2026-12-05).
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { BedrockError } from "../errors";
import { randomBytes, utf8Text } from "../bytes";
import type { WireReply } from "../contract";

export const S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An S3 error: its code, status and message, plus the fields S3 adds to the document (Key, BucketName…). */
export class S3Error extends BedrockError {
  constructor(
    code: string,
    status: number,
    message: string,
    public readonly fields: Record<string, string> = {},
  ) {
    super(code, status, message);
  }
}

/** The S3 errors the subset answers, with the API reference's status and message. */
export const s3Errors = {
  noSuchBucket: (bucket: string) => new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", { BucketName: bucket }),
  noSuchKey: (key: string) => new S3Error("NoSuchKey", 404, "The specified key does not exist.", { Key: key }),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    new S3Error("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.", { BucketName: bucket }),
  bucketNotEmpty: (bucket: string) => new S3Error("BucketNotEmpty", 409, "The bucket you tried to delete is not empty", { BucketName: bucket }),
  invalidBucketName: (bucket: string) => new S3Error("InvalidBucketName", 400, "The specified bucket is not valid.", { BucketName: bucket }),
  malformedXml: () => new S3Error("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema"),
  invalidArgument: (message: string, name: string, value: string) => new S3Error("InvalidArgument", 400, message, { ArgumentName: name, ArgumentValue: value }),
  incompleteBody: () => new S3Error("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header"),
  notImplemented: (what: string) =>
    new S3Error("NotImplemented", 501, `A header you provided implies functionality that is not implemented. (The Bedrock emulator serves a subset of S3: ${what} is not part of it.)`),
};

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false });
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === "Object" });

const hexId = (n: number) => [...randomBytes(n)].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();

/** An XML reply: `root` is the document element, `body` its content in fast-xml-parser's object form. */
export function xmlReply(status: number, root: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build({ [root]: { "@_xmlns": S3_XMLNS, ...body } });
  return { status, body: xml, contentType: "application/xml", headers: { "x-amz-request-id": hexId(8), ...headers } };
}

/** S3's error document (no body for HEAD: the client then reads the status alone, as from S3). */
export function s3ErrorReply(err: BedrockError, method: string): WireReply {
  const requestId = hexId(8);
  const headers = { "x-amz-request-id": requestId, "content-type": "application/xml" };
  if (method === "HEAD") return { status: err.status, headers, body: "" };
  const fields = err instanceof S3Error ? err.fields : {};
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + builder.build({ Error: { Code: err.type, Message: err.message, ...fields, RequestId: requestId } });
  return { status: err.status, headers, body: xml };
}

/** Parses an XML request body; malformed → MalformedXML, as S3 answers. */
export function parseXml(body: Uint8Array): Record<string, unknown> {
  try {
    const v = parser.parse(utf8Text(body), true);
    if (v && typeof v === "object") return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw s3Errors.malformedXml();
}

/**
 * The object's bytes from a PutObject body. The current SDK streams bodies as `aws-chunked` with the
 * checksum in a trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER): hex size, CRLF, data, CRLF, …, a 0-size
 * chunk, then the trailer lines. S3 stores the decoded bytes; `x-amz-decoded-content-length` gives
 * their length.
 */
export function decodedBody(headers: Record<string, string>, body: Uint8Array): Uint8Array {
  const encodings = (headers["content-encoding"] ?? "").split(",").map((s) => s.trim());
  if (!encodings.includes("aws-chunked")) return body;
  const parts: Uint8Array[] = [];
  let at = 0;
  const line = (): string => {
    const end = body.indexOf(0x0a, at);
    if (end < 0 || body[end - 1] !== 0x0d) throw s3Errors.incompleteBody();
    const text = utf8Text(body.subarray(at, end - 1));
    at = end + 1;
    return text;
  };
  while (true) {
    const size = parseInt(line().split(";")[0], 16);
    if (!Number.isInteger(size) || size < 0 || at + size > body.length) throw s3Errors.incompleteBody();
    if (size === 0) break;
    parts.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  const declared = headers["x-amz-decoded-content-length"];
  if (declared !== undefined && Number(declared) !== out.length) throw s3Errors.incompleteBody();
  return out;
}
