// The Jupyter kernel this checkout registers (generator/install-kernel.mjs), named in the notebooks'
// metadata, in the pages' "run it" notes (i18n.ts) and checked by `npm run doctor`. Plain .mjs: the
// install script runs it under plain Node at postinstall.
export const KERNEL_NAME = "bedrock-guide";
export const KERNEL_DISPLAY_NAME = "TypeScript (Bedrock guide)";
