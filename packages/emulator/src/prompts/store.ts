// Prompt Management state for one emulator instance: prompts, their working draft (DRAFT) and
// immutable numbered versions. In memory by default; with a persistence (./persistence.ts: files in
// Node, IndexedDB in a page) every change is saved before the caller gets its answer, and loaded
// again on the next start.
//
// Loaded by tslab notebooks (TypeScript 5.0, CommonJS): keep the syntax plain, no top-level await,
// no import.meta, no ESM-only dependencies.

import { errors } from "../errors";
import { randomBytes } from "../bytes";
import type { PromptPersistence } from "./persistence";
import { clone } from "./types";
import { decodeToken, encodeToken } from "./page-tokens";

export { clone };
import type { PromptDraftInput, PromptRecord, PromptSummary, PromptView, Snapshot, StoreFile } from "./types";
import { isOwnAccount, parsePromptArn, parsePromptIdentifier, promptArn, type PromptRef } from "./identifiers";

export interface PromptStoreOptions {
  /** Where the store is saved. Without one it lives only in memory. */
  persistence?: PromptPersistence;
  /** Region used when a caller doesn't name one. */
  region?: string;
  /** Clock, so tests can control timestamps. */
  now?: () => Date;
}

export interface ListPromptsInput {
  promptIdentifier?: string;
  maxResults?: number;
  nextToken?: string;
}

/** ListPrompts page size when maxResults is absent (the model caps one page's summaries at 10). */
export const DEFAULT_PAGE_SIZE = 10;

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MAX_CLIENT_TOKENS = 1000;

export class PromptStore {
  readonly region: string;
  /** Where the store is saved (a file path, an IndexedDB key), or undefined when in memory. */
  readonly where: string | undefined;
  private readonly persistence: PromptPersistence | undefined;
  private loading: Promise<void> | undefined;
  private readonly now: () => Date;
  private prompts = new Map<string, PromptRecord>();
  private clientTokens: Record<string, { id: string; version: string }> = {};
  private nextSeq = 1;
  // Persistence bookkeeping: every mutation bumps `generation`; a write records the generation it
  // captured. Callers wait until a write that includes their change has landed. Writes never overlap.
  private generation = 0;
  private writtenGeneration = 0;
  private inflight: Promise<void> | null = null;

  constructor(opts: PromptStoreOptions = {}) {
    this.region = opts.region ?? "us-east-1";
    this.now = opts.now ?? (() => new Date());
    this.persistence = opts.persistence;
    this.where = opts.persistence?.where;
    // A persistence that reads synchronously (files) fills the store now, so a damaged file fails
    // the start; one that reads asynchronously (IndexedDB) fills it before the first request (ready()).
    const saved = opts.persistence?.load();
    if (saved instanceof Promise) {
      this.loading = saved.then((text) => {
        if (text !== undefined) this.restore(text);
      });
      // Reported by ready(), on the first request; not as an unhandled rejection before it.
      this.loading.catch(() => undefined);
    } else if (saved !== undefined) this.restore(saved);
  }

  /** Resolves once the saved prompts are loaded (at once for memory and files); rejects if they can't be. */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  // ------------------------------------------------------------------ reads

  /** GetPrompt. `version` undefined or "DRAFT" means the working draft. */
  get(region: string | undefined, identifier: string, version?: string, metadataOnly = false): PromptView {
    const ref = parsePromptIdentifier(identifier);
    const record = this.find(region, ref);
    const wanted = version ?? ref.version ?? "DRAFT";
    const snap = this.snapshotOf(record, wanted);
    const view = this.view(record, wanted, snap);
    if (metadataOnly) delete view.variants;
    return view;
  }

  /** ListPrompts: every prompt's DRAFT, or (with promptIdentifier) that prompt's DRAFT and versions. */
  list(region: string | undefined, input: ListPromptsInput = {}): { promptSummaries: PromptSummary[]; nextToken?: string } {
    const r = region ?? this.region;
    const pageSize = input.maxResults ?? DEFAULT_PAGE_SIZE;
    // Each entry carries a sort key; the token is the key of the last entry returned, so pages stay
    // correct when prompts are created or deleted between calls.
    let entries: { key: number; summary: PromptSummary }[];
    let scope: string;
    if (input.promptIdentifier !== undefined) {
      const record = this.find(r, parsePromptIdentifier(input.promptIdentifier));
      scope = `v.${record.id}`;
      entries = [{ key: 0, summary: this.summary(record, "DRAFT", record.draft) }];
      for (const n of Object.keys(record.versions).map(Number).sort((a, b) => a - b)) {
        entries.push({ key: n, summary: this.summary(record, String(n), record.versions[String(n)]) });
      }
    } else {
      scope = "p";
      entries = [...this.prompts.values()]
        .filter((p) => p.region === r)
        .sort((a, b) => a.seq - b.seq)
        .map((p) => ({ key: p.seq, summary: this.summary(p, "DRAFT", p.draft) }));
    }
    let after = -1;
    if (input.nextToken !== undefined) after = decodeToken(input.nextToken, scope);
    const rest = entries.filter((e) => e.key > after);
    const page = rest.slice(0, pageSize);
    const out: { promptSummaries: PromptSummary[]; nextToken?: string } = {
      promptSummaries: page.map((e) => e.summary),
    };
    if (rest.length > page.length) out.nextToken = encodeToken(scope, page[page.length - 1].key);
    return out;
  }

  /** Finds the snapshot a Converse call runs: a version, or the DRAFT for an ARN with no version. */
  resolveArn(arn: string): { view: PromptView; record: { id: string; region: string } } {
    const ref = parsePromptArn(arn);
    if (!ref) throw errors.validation(`The provided model identifier is invalid.`);
    const { region, account, id, version } = ref;
    const record = this.prompts.get(id);
    if (!record || record.region !== region || !isOwnAccount(account)) {
      throw errors.notFound(`Prompt ${arn} not found. Check the prompt ARN and the Region of your client.`);
    }
    const wanted = version ?? "DRAFT";
    return { view: this.view(record, wanted, this.snapshotOf(record, wanted)), record: { id, region } };
  }

  // ------------------------------------------------------------------ writes

  /** CreatePrompt. Throws ConflictException when the name is taken in the region. */
  async create(
    region: string | undefined,
    input: PromptDraftInput & { tags?: Record<string, string>; clientToken?: string },
  ): Promise<PromptView> {
    const r = region ?? this.region;
    const tokenKey = input.clientToken ? `create:${r}:${input.clientToken}` : undefined;
    if (tokenKey && this.clientTokens[tokenKey]) {
      const seen = this.prompts.get(this.clientTokens[tokenKey].id);
      if (seen) {
        await this.settle();
        return this.view(seen, "DRAFT", seen.draft);
      }
    }
    this.assertNameFree(r, input.name);
    const at = this.timestamp();
    const record: PromptRecord = {
      id: this.newId(),
      region: r,
      seq: this.nextSeq++,
      tags: clone(input.tags ?? {}),
      draft: { ...draftFields(input), createdAt: at, updatedAt: at },
      versions: {},
      nextVersion: 1,
    };
    this.prompts.set(record.id, record);
    if (tokenKey) this.rememberToken(tokenKey, record.id, "DRAFT");
    await this.persist();
    return this.view(record, "DRAFT", record.draft);
  }

  /** UpdatePrompt: replaces the working draft (fields left out are cleared); versions never change. */
  async update(region: string | undefined, identifier: string, input: PromptDraftInput): Promise<PromptView> {
    const record = this.find(region, parsePromptIdentifier(identifier));
    this.assertNameFree(record.region, input.name, record.id);
    record.draft = { ...draftFields(input), createdAt: record.draft.createdAt, updatedAt: this.timestamp() };
    await this.persist();
    return this.view(record, "DRAFT", record.draft);
  }

  /**
   * CreatePromptVersion: freezes a copy of the draft as the next number. The number is taken
   * synchronously, so concurrent calls get distinct, consecutive numbers.
   */
  async createVersion(
    region: string | undefined,
    identifier: string,
    input: { description?: string; tags?: Record<string, string>; clientToken?: string } = {},
  ): Promise<PromptView> {
    const record = this.find(region, parsePromptIdentifier(identifier));
    const tokenKey = input.clientToken ? `version:${record.id}:${input.clientToken}` : undefined;
    if (tokenKey && this.clientTokens[tokenKey]) {
      const v = this.clientTokens[tokenKey].version;
      if (record.versions[v]) {
        await this.settle();
        return this.view(record, v, record.versions[v]);
      }
    }
    const version = String(record.nextVersion++);
    const at = this.timestamp();
    const snap: Snapshot = {
      ...clone(record.draft),
      // The version's own description replaces the draft's when given (AWS keeps it on the version).
      description: input.description ?? record.draft.description,
      createdAt: at,
      updatedAt: at,
    };
    if (snap.description === undefined) delete snap.description;
    if (input.tags) snap.tags = clone(input.tags);
    record.versions[version] = snap;
    if (tokenKey) this.rememberToken(tokenKey, record.id, version);
    await this.persist();
    return this.view(record, version, snap);
  }

  /** DeletePrompt: the whole prompt, or one numbered version. */
  async delete(region: string | undefined, identifier: string, version?: string): Promise<{ id: string; version?: string }> {
    const record = this.find(region, parsePromptIdentifier(identifier));
    if (version !== undefined) {
      version = String(Number(version));
      if (!record.versions[version]) {
        throw errors.notFound(`Version ${version} of prompt ${record.id} doesn't exist.`);
      }
      delete record.versions[version];
      await this.persist();
      return { id: record.id, version };
    }
    this.prompts.delete(record.id);
    for (const [k, v] of Object.entries(this.clientTokens)) if (v.id === record.id) delete this.clientTokens[k];
    await this.persist();
    return { id: record.id };
  }

  // ------------------------------------------------------------------ tags

  /** The prompt (and version, if the ARN names one) that a tagging call's resourceArn points at. */
  private tagTarget(arn: string): { tags: Record<string, string>; set(tags: Record<string, string>): void } {
    const ref = parsePromptArn(arn);
    const record = ref ? this.prompts.get(ref.id) : undefined;
    if (!ref || !record || record.region !== ref.region || !isOwnAccount(ref.account)) {
      throw errors.notFound(`The resource ${arn} doesn't exist. Check the ARN and the Region of your client.`);
    }
    const version = ref.version;
    if (version === undefined) return { tags: record.tags, set: (tags) => void (record.tags = tags) };
    const snap = record.versions[String(Number(version))];
    if (!snap) throw errors.notFound(`Version ${Number(version)} of prompt ${record.id} doesn't exist.`);
    return { tags: snap.tags ?? {}, set: (tags) => void (snap.tags = tags) };
  }

  /** ListTagsForResource. */
  tagsOf(arn: string): Record<string, string> {
    return clone(this.tagTarget(arn).tags);
  }

  /** TagResource: adds or overwrites the given keys. */
  async tag(arn: string, tags: Record<string, string>): Promise<void> {
    const target = this.tagTarget(arn);
    target.set({ ...target.tags, ...clone(tags) });
    await this.persist();
  }

  /** UntagResource: removes the given keys; unknown keys are ignored, as AWS does. */
  async untag(arn: string, keys: string[]): Promise<void> {
    const target = this.tagTarget(arn);
    const kept = { ...target.tags };
    for (const k of keys) delete kept[k];
    target.set(kept);
    await this.persist();
  }

  /** Waits for every pending write (e.g. before a test reads the file or the emulator stops). */
  async flush(): Promise<void> {
    await this.settle();
  }

  /** Number of prompts in a region (or all regions). */
  count(region?: string): number {
    let n = 0;
    for (const p of this.prompts.values()) if (region === undefined || p.region === region) n++;
    return n;
  }

  // ------------------------------------------------------------------ internals

  private find(region: string | undefined, ref: PromptRef): PromptRecord {
    const r = ref.region ?? region ?? this.region;
    const record = this.prompts.get(ref.id);
    if (!record || record.region !== r || !isOwnAccount(ref.account)) {
      throw errors.notFound(`Prompt ${ref.id} doesn't exist.`);
    }
    return record;
  }

  private snapshotOf(record: PromptRecord, version: string): Snapshot {
    if (version === "DRAFT") return record.draft;
    const snap = record.versions[String(Number(version))];
    if (!snap) throw errors.notFound(`Version ${version} of prompt ${record.id} doesn't exist.`);
    return snap;
  }

  private view(record: PromptRecord, version: string, snap: Snapshot): PromptView {
    const v: PromptView = this.summary(record, version, snap);
    if (snap.customerEncryptionKeyArn !== undefined) v.customerEncryptionKeyArn = snap.customerEncryptionKeyArn;
    if (snap.defaultVariant !== undefined) v.defaultVariant = snap.defaultVariant;
    v.variants = clone(snap.variants);
    return v;
  }

  private summary(record: PromptRecord, version: string, snap: Snapshot): PromptSummary {
    const s: PromptSummary = {
      name: snap.name,
      id: record.id,
      arn: promptArn(record.region, record.id, version),
      version,
      createdAt: snap.createdAt,
      updatedAt: snap.updatedAt,
    };
    if (snap.description !== undefined) s.description = snap.description;
    return s;
  }

  private assertNameFree(region: string, name: string, exceptId?: string): void {
    for (const p of this.prompts.values()) {
      if (p.region === region && p.draft.name === name && p.id !== exceptId) {
        throw errors.conflict(`A prompt named ${name} already exists (${p.id}). Use another name, or update that prompt.`);
      }
    }
  }

  // The SDK sends a fresh clientToken with every call, so keep only the recent ones: they exist
  // to make a retried request idempotent, which happens within seconds.
  private rememberToken(key: string, id: string, version: string): void {
    this.clientTokens[key] = { id, version };
    const keys = Object.keys(this.clientTokens);
    for (let i = 0; i < keys.length - MAX_CLIENT_TOKENS; i++) delete this.clientTokens[keys[i]];
  }

  private newId(): string {
    for (;;) {
      const bytes = randomBytes(10);
      let id = "";
      for (let i = 0; i < 10; i++) id += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
      if (!this.prompts.has(id)) return id;
    }
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  // ------------------------------------------------------------------ persistence

  private restore(text: string): void {
    let data: StoreFile;
    try {
      data = JSON.parse(text) as StoreFile;
    } catch {
      throw new Error(
        `${this.where} is not valid JSON. The emulator only ever replaces it whole, so it was edited or damaged outside it. Move it away to start with no prompts.`,
      );
    }
    if (!data || data.format !== "bedrock-emulator-prompts" || data.formatVersion !== 1 || !Array.isArray(data.prompts)) {
      throw new Error(`${this.where} is not a Bedrock emulator prompt store (format bedrock-emulator-prompts v1).`);
    }
    for (const p of data.prompts) this.prompts.set(p.id, p);
    this.clientTokens = data.clientTokens ?? {};
    this.nextSeq = data.nextSeq ?? data.prompts.length + 1;
  }

  /** Records a mutation and resolves once a write containing it has reached the disk. */
  private persist(): Promise<void> {
    this.generation++;
    return this.settle();
  }

  private async settle(): Promise<void> {
    if (!this.persistence) return;
    const wanted = this.generation;
    while (this.writtenGeneration < wanted) {
      if (this.inflight) {
        await this.inflight;
        continue;
      }
      const target = this.generation;
      const body = this.serialise();
      this.inflight = this.persistence.save(body)
        .then(() => {
          this.writtenGeneration = Math.max(this.writtenGeneration, target);
        })
        .finally(() => {
          this.inflight = null;
        });
      await this.inflight;
    }
  }

  private serialise(): string {
    const data: StoreFile = {
      format: "bedrock-emulator-prompts",
      formatVersion: 1,
      savedAt: this.timestamp(),
      nextSeq: this.nextSeq,
      prompts: [...this.prompts.values()],
      clientTokens: this.clientTokens,
    };
    return JSON.stringify(data, null, 1);
  }
}

function draftFields(input: PromptDraftInput): Omit<Snapshot, "createdAt" | "updatedAt"> {
  const d: Omit<Snapshot, "createdAt" | "updatedAt"> = { name: input.name, variants: clone(input.variants ?? []) };
  if (input.description !== undefined) d.description = input.description;
  if (input.customerEncryptionKeyArn !== undefined) d.customerEncryptionKeyArn = input.customerEncryptionKeyArn;
  if (input.defaultVariant !== undefined) d.defaultVariant = input.defaultVariant;
  return d;
}
