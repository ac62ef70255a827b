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

/** The Run/Edit buttons on a chapter page (site/runtime/): up-front, so kept apart from `labels`. */
export const runnerLabels = {
  es: {
    toolbar: "Ejecutar el capítulo en esta página",
    runAll: "Ejecutar todo",
    reset: "Reiniciar",
    run: "Ejecutar",
    edit: "Editar",
    restore: "Restaurar",
    editor: "Editor de la celda",
    loading: "Cargando el entorno de la página…",
    loadFailed: "No se pudo cargar el entorno de la página; vuelve a intentarlo",
    running: "Ejecutando…",
    ranBefore: "Antes se ejecutaron las celdas anteriores que faltaban.",
    failed: "La celda terminó con un error.",
    resetDone: "Reiniciado: sin variables, sin sesión y sin los prompts guardados en este navegador.",
    output: "Salida en tu navegador",
    outputNote: "(emulador dentro de la página: sin red, respuestas sintéticas)",
    about:
      "Las celdas se ejecutan aquí, en tu navegador, contra el emulador sin conexión: ninguna petición sale de la página y no hace falta cuenta de AWS. Para llamar a los modelos de verdad, usa el notebook:",
    nodeVersion: "ninguna (navegador)",
    runItYourself: "Ejecútala tú",
  },
  en: {
    toolbar: "Run the chapter in this page",
    runAll: "Run all",
    reset: "Reset",
    run: "Run",
    edit: "Edit",
    restore: "Restore",
    editor: "Cell editor",
    loading: "Loading the page's runtime…",
    loadFailed: "The page's runtime could not load; try again",
    running: "Running…",
    ranBefore: "The earlier cells that had not run ran first.",
    failed: "The cell ended with an error.",
    resetDone: "Reset: no variables, no session and none of the prompts saved in this browser.",
    output: "Output in your browser",
    outputNote: "(emulator inside the page: no network, synthetic answers)",
    about:
      "Cells run here, in your browser, against the offline emulator: no request leaves the page and no AWS account is needed. To call the real models, use the notebook:",
    nodeVersion: "none (browser)",
    runItYourself: "Run it yourself",
  },
} as const;

export function langOf(lang: string | undefined): Lang {
  return lang?.startsWith("en") ? "en" : "es";
}
