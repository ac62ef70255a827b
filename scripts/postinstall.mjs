#!/usr/bin/env node
// npm install's last words: registers the notebooks' kernel, then says in two lines which Node runs
// what, since npm itself may run on an older system Node than the one the guide brings.
// Plain .mjs, and it never fails the install.
import { execFileSync } from "node:child_process";
import { cli as installKernel } from "../generator/install-kernel.mjs";

installKernel();
let npmNode = "another Node";
try {
  // npm_node_execpath: the Node that runs npm (npm sets it for lifecycle scripts).
  if (process.env.npm_node_execpath) npmNode = `Node ${execFileSync(process.env.npm_node_execpath, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim()}`;
} catch {
  // the summary still holds without the version
}
console.log(`bedrock-guide: installed. npm ran on ${npmNode}; the guide runs on Node ${process.version} from the \`node\` package (npm start, npm test, the notebooks' kernel).`);
console.log("bedrock-guide: next, `npm start` (offline: no AWS account needed) or `npm test`.");
