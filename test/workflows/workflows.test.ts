import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../generator/snippets";

// The GitHub Actions workflows are checked against SchemaStore's workflow schema (see SOURCE.md), and
// the deploy workflow against what the site needs: Astro's official action, Pages permissions, and
// the BASE_PATH / SITE_URL the build reads (shared/project.mjs).
const dir = join(projectRoot, ".github", "workflows");
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const schema = JSON.parse(readFileSync(join(__dirname, "github-workflow.schema.json"), "utf8"));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const load = (f: string) => parse(readFileSync(join(dir, f), "utf8")) as Record<string, any>;

describe("GitHub Actions workflows", () => {
  it("exist: deploy, test, and the nightly full tests", () => {
    expect(files).toEqual(expect.arrayContaining(["deploy.yml", "ci.yml", "full.yml"]));
  });

  it("run npm test on every push, and npm run test:full on a schedule", () => {
    const steps = (f: string) => Object.values(load(f).jobs as Record<string, any>).flatMap((job) => job.steps.map((s: { run?: string }) => s.run));
    expect(load("ci.yml").on).toHaveProperty("push");
    expect(steps("ci.yml")).toContain("npm test");
    expect(load("full.yml").on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(steps("full.yml")).toContain("npm run test:full");
  });

  it.each(files)("%s is valid against the workflow schema", (f) => {
    const ok = validate(load(f));
    expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it.each(files)("%s gives every job a timeout", (f) => {
    for (const [name, job] of Object.entries(load(f).jobs as Record<string, any>)) expect(job["timeout-minutes"], name).toBeGreaterThan(0);
  });

  it("deploy.yml builds with withastro/action, deploys to Pages and sets BASE_PATH and SITE_URL", () => {
    const wf = load("deploy.yml");
    expect(wf.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const build = wf.jobs.build;
    expect(build.steps.map((s: any) => s.uses)).toContainEqual(expect.stringMatching(/^withastro\/action@v\d+$/));
    expect(Object.keys(build.env)).toEqual(expect.arrayContaining(["BASE_PATH", "SITE_URL"]));
    expect(wf.jobs.deploy.steps.map((s: any) => s.uses)).toContainEqual(expect.stringMatching(/^actions\/deploy-pages@v\d+$/));
    const project = readFileSync(join(projectRoot, "shared", "project.mjs"), "utf8");
    for (const v of ["BASE_PATH", "SITE_URL", "REPO_URL"]) expect(project).toContain(`process.env.${v}`);
  });

  it("ci.yml runs npm test with Chromium installed", () => {
    const steps = load("ci.yml").jobs.test.steps.map((s: any) => s.run ?? "").join("\n");
    expect(steps).toMatch(/chromium/i);
    expect(steps).toMatch(/npm test/);
  });
});
