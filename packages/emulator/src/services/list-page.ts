// Paging for the List operations the emulator serves: AWS's `maxResults` (default 1000 here) and a
// `nextToken` that, in the emulator, carries the next page's offset. Real tokens are opaque; so are these.
import { fromBase64Url, toBase64Url } from "../bytes";
import { errors } from "../errors";

export interface ListWindow {
  start: number;
  max: number;
}

/** Where the requested page starts and how long it is; a token the emulator did not write is refused. */
export function listWindow(query: URLSearchParams): ListWindow {
  const maxRaw = query.get("maxResults");
  const token = query.get("nextToken");
  let start = 0;
  if (token !== null) {
    start = Number((fromBase64Url(token) ?? "").replace(/^offset:/, ""));
    if (!Number.isInteger(start) || start < 0)
      throw errors.validation("The nextToken is not valid.");
  }
  return { start, max: maxRaw === null ? 1000 : Number(maxRaw) };
}

/** The window's items, and `{ nextToken }` to spread into the reply when more follow. */
export function listPage<T>(
  { start, max }: ListWindow,
  items: T[],
): { page: T[]; more: { nextToken?: string } } {
  const more =
    start + max < items.length
      ? { nextToken: toBase64Url(`offset:${start + max}`) }
      : {};
  return { page: items.slice(start, start + max), more };
}
