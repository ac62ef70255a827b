// Labels the guide's components print, in the page's language. The notebook generator uses the same table.
import { KERNEL_DISPLAY_NAME } from "./kernel.mjs";

export type Lang = "es" | "en";

export const labels = {
  es: {
    offlineSample: "Generado sin conexión por el emulador",
    cellOutput: "Salida sin conexión",
    cellOutputNote: "(emulador local: las respuestas de los modelos son sintéticas)",
    cellOutputTable: "Tabla de la salida",
    cellOutputText: "Texto de la salida",
    notebookTitle: "Este capítulo es también un notebook",
    notebookOpen: "Abrir el notebook en GitHub",
    notebookDownload: "Descargar el notebook",
    notebookHowTo:
      `Para ejecutarlo: \`npm install\` y \`npm start\` en el repositorio, y abre {path} con el kernel «${KERNEL_DISPLAY_NAME}». Se ejecuta sin conexión contra el emulador; con \`BEDROCK_GUIDE_MODE=live\` usa tu cuenta de AWS.`,
    tip: "Consejo",
    note: "Nota",
    caution: "Atención",
    danger: "Peligro",
    foldedCell: "Está en la celda siguiente, plegada: despliégala cuando quieras verla. También se ejecuta con las demás.",
  },
  en: {
    offlineSample: "Produced offline by the emulator",
    cellOutput: "Offline output",
    cellOutputNote: "(local emulator: model answers are synthetic)",
    cellOutputTable: "Output table",
    cellOutputText: "Output text",
    notebookTitle: "This chapter is also a notebook",
    notebookOpen: "Open the notebook on GitHub",
    notebookDownload: "Download the notebook",
    notebookHowTo:
      `To run it: \`npm install\` and \`npm start\` in the repository, then open {path} with the “${KERNEL_DISPLAY_NAME}” kernel. It runs offline against the emulator; with \`BEDROCK_GUIDE_MODE=live\` it uses your AWS account.`,
    tip: "Tip",
    note: "Note",
    caution: "Caution",
    danger: "Danger",
    foldedCell: "It is in the next cell, folded: unfold it when you want to see it. It also runs with the others.",
  },
} as const;

export function langOf(lang: string | undefined): Lang {
  return lang?.startsWith("en") ? "en" : "es";
}
