import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json";

// Shell commands are the one kind of code a page may type itself (the reader runs them in a
// terminal). They must still be real: every npm script exists, and every variable they set is one
// the project or the AWS SDK actually reads.
const root = join(__dirname, "..", "..");
const docs = join(root, "site", "content", "docs");
const FENCE = "`".repeat(3);

function pages(): string[] {
  return readdirSync(docs, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mdx"));
}

function shellBlocks(mdx: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of mdx.split("\n")) {
    if (current === undefined && (line.trim() === `${FENCE}bash` || line.trim() === `${FENCE}sh`)) current = [];
    else if (current !== undefined && line.trim() === FENCE) {
      blocks.push(current);
      current = undefined;
    } else if (current !== undefined) current.push(line);
  }
  return blocks;
}

/** Variables the project's own code reads, found in its sources. */
function variablesTheProjectReads(): Set<string> {
  const names = new Set<string>();
  for (const dir of ["snippets", "packages/bedrock-guide", "packages/emulator/src", "generator", "scripts"]) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })) {
      if (!/\.(ts|mts|mjs)$/.test(file)) continue;
      for (const m of readFileSync(join(root, dir, file), "utf8").matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
    }
  }
  return names;
}

// Read by the AWS SDK's own configuration chain rather than by this project.
const SDK_VARIABLES = ["AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL"];

describe("shell commands in the pages", () => {
  const commands = pages().flatMap((page) =>
    shellBlocks(readFileSync(join(docs, page), "utf8")).flatMap((block) => block.filter((l) => l.trim() && !l.trim().startsWith("#")).map((line) => ({ page, line: line.trim() }))),
  );
  const known = variablesTheProjectReads();
  for (const v of SDK_VARIABLES) known.add(v);

  it("finds the commands the pages show", () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
    expect(known.has("BEDROCK_GUIDE_MODE")).toBe(true);
  });

  it("only sets variables something reads, and only runs npm scripts that exist", () => {
    const scripts = Object.keys(pkg.scripts);
    const problems: string[] = [];
    for (const { page, line } of commands) {
      const words = line.split(/\s+/);
      const assignments = words.filter((w) => /^[A-Z_][A-Z0-9_]*=/.test(w));
      for (const a of assignments) {
        const name = a.slice(0, a.indexOf("="));
        if (!known.has(name)) problems.push(`${page}: ${name} is read by nothing`);
      }
      const [command, sub, script] = words.slice(assignments.length);
      if (command !== "npm") continue;
      const target = sub === "run" ? script : sub;
      if (!["install", "ci", "test", "start"].includes(target) && !scripts.includes(target)) problems.push(`${page}: npm ${sub} ${script ?? ""} has no script`);
      if ((sub === "start" || sub === "test") && !scripts.includes(sub)) problems.push(`${page}: no ${sub} script`);
    }
    expect(problems).toEqual([]);
  });
});
