// A codec is everything the emulator knows about one provider's InvokeModel bodies: which models
// speak it, its request schema and conversion to the Converse-shaped view the responders take,
// its response body and its stream chunks. invoke.ts picks one per model and never branches on
// the provider itself.
import type { CatalogModel } from "../catalog";
import type { FinishedTurn } from "../runtime/turn";
import type { Json, NonTextResult, ParsedText } from "./native";

export interface TextCodec {
  kind: "text";
  name: string;
  matches(m: CatalogModel): boolean;
  /** Checks the native body (AWS's "Malformed input request" wording) and converts it. */
  parse(body: Json, m: CatalogModel): ParsedText;
  /** The native response body. */
  response(turn: FinishedTurn, m: CatalogModel, parsed: ParsedText): Json;
  /** The native stream chunks: together exactly the non-streamed text and usage. */
  chunks(turn: FinishedTurn, m: CatalogModel, parsed: ParsedText, pieces: string[]): Json[];
}

/** Embeddings and images: one body in, one body out, no responder. */
export interface ValueCodec {
  kind: "value";
  name: string;
  matches(m: CatalogModel): boolean;
  invoke(body: Json, m: CatalogModel): NonTextResult;
  /** Latency reported in the usage headers, before injected latency. */
  latencyMs(out: NonTextResult): number;
}

export type Codec = TextCodec | ValueCodec;
