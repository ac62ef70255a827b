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
export declare function installKernel(options?: { dataDir?: string; projectRoot?: string }): { file: string; changed: boolean };
