import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findLeaks, DOCUMENTATION_ACCOUNTS } from "./leak-patterns";

// Nothing the guide publishes may carry a credential or a real AWS account number: the notebooks
// (with their outputs), the lessons, the pages, the data files and the built site. Executed
// notebooks are the risky part: a live run would print whatever the SDK returned.
const root = join(__dirname, "..", "..");
const SCANNED = ["notebooks", "snippets", "site", "data", "scripts", "README.md", "packages/emulator/README.md"];
const TEXT = new Set([".ts", ".mts", ".mjs", ".js", ".json", ".md", ".mdx", ".ipynb", ".svg", ".html", ".css", ".txt", ".xml", ".astro", ".yml", ".yaml"]);

function committedFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--", ...SCANNED], { cwd: root, encoding: "utf8", timeout: 10_000 });
  return out.split("\0").filter((f) => f && TEXT.has(extname(f)) && existsSync(join(root, f)));
}

/** A built site (npm run build), if there is one: every text file under it. */
function builtSiteFiles(): string[] {
  const dist = join(root, "dist");
  if (!existsSync(dist) || !statSync(dist).isDirectory()) return [];
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .map((f) => join(dist, f))
    .filter((f) => TEXT.has(extname(f)) && statSync(f).isFile())
    .map((f) => relative(root, f));
}

/** A notebook's text: sources and text outputs. Embedded PNGs are base64 and skipped. */
function scannableText(file: string): string {
  const raw = readFileSync(join(root, file), "utf8");
  if (!file.endsWith(".ipynb")) return raw;
  const nb = JSON.parse(raw) as { cells: Array<{ source: string | string[]; outputs?: Array<Record<string, unknown>> }> };
  const join_ = (v: unknown) => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");
  return nb.cells
    .flatMap((cell) => [
      join_(cell.source),
      ...(cell.outputs ?? []).flatMap((o) => [
        join_(o.text),
        ...Object.entries((o.data ?? {}) as Record<string, unknown>)
          .filter(([mime]) => !mime.startsWith("image/") || mime === "image/svg+xml")
          .map(([, v]) => join_(v)),
      ]),
    ])
    .join("\n");
}

describe("leak patterns", () => {
  it("finds access key IDs, long-term (AKIA) and temporary (ASIA)", () => {
    // AWS's documentation example key ID, and a temporary one shaped like it.
    expect(findLeaks("aws_access_key_id = AKIAIOSFODNN7EXAMPLE").map((l) => l.kind)).toEqual(["access-key"]);
    expect(findLeaks('"AccessKeyId": "ASIAIOSFODNN7EXAMPLE"').map((l) => l.kind)).toEqual(["access-key"]);
    // Not a key: too short, or part of a longer word.
    expect(findLeaks("AKIA1234 and XAKIAIOSFODNN7EXAMPLEX")).toEqual([]);
  });

  it("finds 12-digit account numbers except AWS's documentation placeholders", () => {
    expect(findLeaks("arn:aws:iam::210987654321:role/Dev").map((l) => l.match)).toEqual(["210987654321"]);
    for (const placeholder of DOCUMENTATION_ACCOUNTS) expect(findLeaks(`arn:aws:iam::${placeholder}:role/Dev`)).toEqual([]);
    // A hash whose hex happens to hold 12 digits in a row is not an account number (this one is a
    // real outputs environment hash that the first version of the pattern flagged).
    expect(findLeaks('"environment": "28cd7693c2b00f3df363813707f248fd083b31cfc88abd4d64be355660845490"')).toEqual([]);
    expect(findLeaks('"Account": "210987654321"').map((l) => l.match)).toEqual(["210987654321"]);
    // Longer digit runs (timestamps in ms, token counts) and decimals are not account numbers.
    expect(findLeaks("1764028800000 0.000123456789012 12345678901")).toEqual([]);
  });

  it("finds a secret access key assigned in a config or env file", () => {
    expect(findLeaks("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").map((l) => l.kind)).toEqual(["secret-key"]);
  });
});

describe("no secrets in what the guide publishes", () => {
  it("finds no access keys or real account numbers in notebooks, snippets, pages, data and the built site", () => {
    const files = [...committedFiles(), ...builtSiteFiles()];
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(".ipynb"))).toBe(true);
    const leaks = files.flatMap((file) => findLeaks(scannableText(file)).map((l) => `${file}: ${l.kind} ${l.match.slice(0, 4)}…`));
    expect(leaks).toEqual([]);
  });

  it("keeps .env files out of git", () => {
    const ignored = (path: string) => {
      try {
        execFileSync("git", ["check-ignore", "-q", path], { cwd: root, timeout: 10_000 });
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored(".env")).toBe(true);
    expect(ignored(".env.local")).toBe(true);
    expect(ignored("snippets/.env")).toBe(true);
  });
});
