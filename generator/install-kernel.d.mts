export declare const KERNEL_NAME: string;
export declare const KERNEL_DISPLAY_NAME: string;
export declare function kernelSpec(projectRoot?: string): {
  argv: string[];
  display_name: string;
  language: string;
  env: Record<string, string>;
  metadata: Record<string, unknown>;
};
export declare function jupyterDataDir(): string;
/** Emits the workspace packages' declarations into .cache/types, where tslab's TypeScript reads them. */
export declare function buildKernelTypes(projectRoot?: string): void;
/** Registers the kernel; unless `buildTypes` is false, refreshes the declarations first. */
export declare function installKernel(options?: { dataDir?: string; projectRoot?: string; buildTypes?: boolean }): { file: string; changed: boolean };
