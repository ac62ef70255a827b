export declare const KERNEL_NAME: string;
export declare const KERNEL_DISPLAY_NAME: string;
export declare function kernelSpec(projectRoot?: string): {
  argv: string[];
  display_name: string;
  language: string;
  env: Record<string, string>;
  metadata: Record<string, unknown>;
};
export declare const DATA_DIR_COMMANDS: [string, string[]][];
export declare function jupyterDataDir(commands?: [string, string[]][]): string;
/** Emits the workspace packages' declarations into .cache/types, where tslab's TypeScript reads them. */
export declare function buildKernelTypes(projectRoot?: string): void;
/** Registers the kernel; unless `buildTypes` is false, refreshes the declarations first. */
export declare function installKernel(options?: { dataDir?: string; projectRoot?: string; buildTypes?: boolean }): { file: string; changed: boolean };
/** The install script's command line: registers the kernel and logs what happened; never throws. */
export declare function cli(options?: { dataDir?: string; projectRoot?: string; buildTypes?: boolean }): void;
