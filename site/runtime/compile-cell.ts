// Turns a notebook cell's TypeScript into JavaScript the page can run, with the notebook's rules:
// top-level await works, and what a cell declares (imports, const/let, functions, classes) is seen
// by the cells after it. sucrase strips the types (type errors are the notebooks' and CI's job);
// acorn finds the top-level statements, which become the body of one async function whose
// declarations are copied into a shared scope after every statement, so a cell that throws halfway
// still leaves what it declared before the error, as a kernel does.
import {
  parse,
  type AnyNode,
  type Node,
  type Pattern,
  type Program,
} from "acorn";
import { transform } from "sucrase";

export interface CompiledCell {
  /** The body of `async function (scope, load, process, Buffer)`; it returns the last expression's value. */
  body: string;
  /** The names this cell declares at its top level. */
  declares: string[];
}

/** A cell that is not valid TypeScript: the reader's edit, usually. Line and column are the cell's. */
export class CellSyntaxError extends Error {
  override name = "SyntaxError";
}

const SCOPE = "__scope";
const LOAD = "__load";

/** Names bound by a declaration's pattern: `const { a, b: [c] } = …` binds a and c. */
function boundNames(
  pattern: Pattern | null | undefined,
  into: string[],
): string[] {
  if (!pattern) return into;
  switch (pattern.type) {
    case "Identifier":
      into.push(pattern.name);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties)
        boundNames(
          p.type === "RestElement" ? p.argument : (p.value as Pattern),
          into,
        );
      break;
    case "ArrayPattern":
      for (const e of pattern.elements) boundNames(e, into);
      break;
    case "RestElement":
      boundNames(pattern.argument, into);
      break;
    case "AssignmentPattern":
      boundNames(pattern.left, into);
      break;
  }
  return into;
}

/**
 * Compiles one cell. `known` are the names earlier cells declared: the cell reads them from the
 * shared scope, unless it declares them again (a later cell may redeclare a name, as in tslab).
 */
export function compileCell(
  typescript: string,
  known: readonly string[] = [],
): CompiledCell {
  let js: string;
  try {
    // Imports stay ES imports (no "imports" transform), rewritten below; an import only used in later
    // cells, or only as a type, is kept, as tslab keeps it.
    js = transform(typescript, {
      transforms: ["typescript"],
      disableESTransforms: true,
      keepUnusedImports: true,
    }).code;
  } catch (err) {
    throw new CellSyntaxError((err as Error).message);
  }
  let program: Program;
  try {
    program = parse(js, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowAwaitOutsideFunction: true,
    });
  } catch (err) {
    throw new CellSyntaxError((err as Error).message);
  }

  const declares: string[] = [];
  const statements: string[] = [];
  const text = (node: Node) => js.slice(node.start, node.end);
  let imports = 0;
  let lastValue: string | undefined;

  program.body.forEach((node, index) => {
    const last = index === program.body.length - 1;
    switch (node.type) {
      case "ImportDeclaration": {
        if (node.specifiers.length === 0) {
          statements.push(
            `await ${LOAD}(${JSON.stringify(node.source.value)});`,
          );
          return;
        }
        const module = `__module${++imports}`;
        const lines = [
          `const ${module} = await ${LOAD}(${JSON.stringify(node.source.value)});`,
        ];
        for (const s of node.specifiers) {
          const local = s.local.name;
          declares.push(local);
          if (s.type === "ImportNamespaceSpecifier")
            lines.push(`const ${local} = ${module};`);
          else if (s.type === "ImportDefaultSpecifier")
            lines.push(`const ${local} = ${module}.default;`);
          else {
            const imported =
              s.imported.type === "Identifier"
                ? s.imported.name
                : String(s.imported.value);
            lines.push(
              `const ${local} = ${module}[${JSON.stringify(imported)}];`,
            );
          }
        }
        statements.push(lines.join(" "));
        return;
      }
      case "ExportNamedDeclaration":
        // `export function f` is `function f` here: every top-level name is shared anyway.
        if (node.declaration) return declaration(node.declaration);
        return; // `export { a, b }` re-exports what is shared already
      case "ExportDefaultDeclaration":
        statements.push(`${text(node.declaration)};`);
        return;
      case "ExpressionStatement":
        if (last) {
          lastValue = "__last";
          statements.push(`__last = (${text(node.expression)});`);
        } else statements.push(text(node));
        return;
      default:
        return declaration(node);
    }
  });

  function declaration(node: AnyNode) {
    if (node.type === "VariableDeclaration")
      for (const d of node.declarations) boundNames(d.id, declares);
    else if (
      (node.type === "FunctionDeclaration" ||
        node.type === "ClassDeclaration") &&
      node.id
    )
      declares.push(node.id.name);
    statements.push(text(node));
  }

  const own = new Set(declares);
  const inherited = known.filter((name) => !own.has(name));
  const shared = [...new Set([...inherited, ...declares])];
  // A name still in its temporal dead zone (the cell threw before declaring it) is skipped.
  const save = `const __save = () => { ${shared.map((n) => `try { ${SCOPE}[${JSON.stringify(n)}] = ${n}; } catch {}`).join(" ")} };`;
  const body = [
    '"use strict";',
    ...(inherited.length
      ? [
          `let ${inherited.map((n) => `${n} = ${SCOPE}[${JSON.stringify(n)}]`).join(", ")};`,
        ]
      : []),
    "let __last;",
    save,
    ...statements.map((s) => `${s}\n__save();`),
    `return ${lastValue ?? "undefined"};`,
  ].join("\n");
  return { body, declares: [...own] };
}

/** The names the function's parameters take, in order (see CompiledCell.body). */
// No `console` among them: a function a cell declares prints, when a later cell calls it, into that
// later cell's output (the global console, which the runner points at the running cell), as in tslab.
export const CELL_PARAMETERS = [SCOPE, LOAD, "process", "Buffer"] as const;
