// Types for groups.mjs (plain JavaScript, since Stryker's config imports it).
export interface MutationGroup {
  /** Globs of the files Stryker mutates; "!" leaves files out. */
  mutate: string[];
  /** Globs of the test files that run; "!" leaves files out. */
  tests: string[];
}
export declare const groups: Record<string, MutationGroup>;
export declare function currentGroup(env?: NodeJS.ProcessEnv): MutationGroup & { name: string };
