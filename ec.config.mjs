// @ts-check
// Expressive Code settings for the guide's code blocks (Starlight reads this file; the <Code> component
// needs it here rather than in astro.config.mjs because plugins are functions).
import { defineEcConfig } from "@astrojs/starlight/expressive-code";
import { pluginCollapsibleSections } from "@expressive-code/plugin-collapsible-sections";

export default defineEcConfig({
  plugins: [pluginCollapsibleSections()],
  // 13 px code: a 76-character line (.prettierrc's printWidth) fits Starlight's content column at
  // 1280 px with the table of contents shown. Comments and strings Prettier cannot break wrap instead
  // of scrolling, keeping their indentation.
  styleOverrides: { codeFontSize: "0.8125rem", codeLineHeight: "1.5" },
  defaultProps: { wrap: true, preserveIndent: true },
});
