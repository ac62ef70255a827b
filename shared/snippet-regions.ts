// One region mechanism for the site and the notebooks: VS Code folding markers
//   // #region name   …   // #endregion name
// Regions may nest; marker lines are never shown; a region is de-indented to its least indentation.

const START = /^\s*\/\/\s*#region\s+([\w.-]+)\s*$/;
const END = /^\s*\/\/\s*#endregion(?:\s+([\w.-]+))?\s*$/;

export class SnippetError extends Error {
  override name = "SnippetError";
}

const isMarker = (line: string) => START.test(line) || END.test(line);

/** Names of all regions in a source file, in order of appearance. Throws on unbalanced markers. */
export function listRegions(source: string, file = "<snippet>"): string[] {
  const names: string[] = [];
  const open: string[] = [];
  source.split("\n").forEach((line, i) => {
    const s = START.exec(line);
    const e = END.exec(line);
    if (s) {
      if (names.includes(s[1]!)) throw new SnippetError(`${file}:${i + 1}: region "${s[1]}" is defined twice`);
      names.push(s[1]!);
      open.push(s[1]!);
    } else if (e) {
      const top = open.pop();
      if (!top) throw new SnippetError(`${file}:${i + 1}: #endregion without #region`);
      if (e[1] && e[1] !== top) throw new SnippetError(`${file}:${i + 1}: #endregion ${e[1]} closes region "${top}"`);
    }
  });
  if (open.length) throw new SnippetError(`${file}: region "${open.at(-1)}" is never closed`);
  return names;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(min)));
}

function trimBlankEdges(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === "") a++;
  while (b > a && lines[b - 1]!.trim() === "") b--;
  return lines.slice(a, b);
}

/**
 * The text a page or a notebook shows for a snippet file (whole file without region markers) or
 * one named region of it. An unknown region is an error, never an empty block.
 */
export function extractRegion(source: string, region?: string, file = "<snippet>"): string {
  const names = listRegions(source, file);
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  let body: string[];
  if (!region) {
    body = lines.filter((l) => !isMarker(l));
  } else {
    if (!names.includes(region)) {
      const known = names.length ? names.join(", ") : "none";
      throw new SnippetError(`${file}: no region "${region}" (regions: ${known})`);
    }
    const start = lines.findIndex((l) => START.exec(l)?.[1] === region);
    let depth = 0;
    let end = lines.length;
    for (let i = start + 1; i < lines.length; i++) {
      if (START.test(lines[i]!)) depth++;
      else if (END.test(lines[i]!)) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    body = dedent(lines.slice(start + 1, end).filter((l) => !isMarker(l)));
  }
  const out = trimBlankEdges(body).join("\n");
  if (!out.trim()) throw new SnippetError(`${file}${region ? `#${region}` : ""}: snippet is empty`);
  return out;
}
