// ListPrompts pagination tokens: the scope of the listing and the sort key of the last entry returned,
// so pages stay right when prompts are created or deleted between calls.
import { errors } from "../errors";
import { fromBase64Url, toBase64Url } from "../bytes";

export function encodeToken(scope: string, key: number): string {
  return toBase64Url(`${scope}|${key}`);
}

export function decodeToken(token: string, scope: string): number {
  const text = fromBase64Url(token) ?? "";
  const bar = text.lastIndexOf("|");
  const key = Number(text.slice(bar + 1));
  if (bar < 0 || text.slice(0, bar) !== scope || !Number.isInteger(key) || key < 0) {
    throw errors.validation("The nextToken is invalid. Use the nextToken from the previous ListPrompts response unchanged.");
  }
  return key;
}

