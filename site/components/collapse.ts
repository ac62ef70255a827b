// Which lines of a long snippet the site folds (expressive-code's collapsible sections): the bodies of
// long top-level functions and classes, so the signature and its doc comment stay in view. Formatted
// code (Prettier) makes the shape predictable: a declaration starts at column 0 and its body closes
// with a `}` at column 0.

/** Snippets shorter than this are shown whole. */
export const LONG_SNIPPET = 24;
/** Bodies shorter than this stay open. */
export const LONG_BODY = 8;

const DECLARATION = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?\s|class\s|(?:const|let)\s+\w+(?::[^=]+)?\s*=\s*(?:async\s*)?(?:\(|\w+\s*=>|function))/;

/** 1-based inclusive line ranges to fold, e.g. [[12, 40]]. */
export function collapsedBodies(code: string): [number, number][] {
  const lines = code.split("\n");
  if (lines.length < LONG_SNIPPET) return [];
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!DECLARATION.test(lines[i]!)) continue;
    // The signature ends at the first column-0 line (the declaration's own, or a closing `) … {`) that opens the body.
    let open = i;
    while (open < lines.length && !(/\{$/.test(lines[open]!) && (open === i || /^[)}>]/.test(lines[open]!)))) {
      if (open > i && /^\S/.test(lines[open]!) && !/^[)}>]/.test(lines[open]!)) break;
      open++;
    }
    if (open >= lines.length || !/\{$/.test(lines[open]!)) continue;
    let close = open + 1;
    while (close < lines.length && !/^\}/.test(lines[close]!)) close++;
    if (close >= lines.length) continue;
    const first = open + 2; // 1-based line after the opening line
    const last = close; // 1-based line before the closing `}`
    if (last - first + 1 >= LONG_BODY) ranges.push([first, last]);
    i = close;
  }
  return ranges;
}
