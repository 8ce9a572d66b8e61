// `npm run build:sdk`: lib/sdk → dist/sdk, the package's "./sdk" export. One ES module for Node 20+
// with its dependencies (the server's template compiler, Mustache) bundled in, so an application
// needs nothing but Node; plus type declarations. Plain Node (no tsx), so it runs anywhere npm does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/sdk");

fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, "lib/sdk/index.ts")],
  outfile: path.join(out, "index.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  legalComments: "inline",
  logLevel: "warning",
});

const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/lib/tsc.js"), "-p", path.join(root, "lib/sdk/tsconfig.build.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`[flightdeck] SDK built in ${path.relative(root, out)}`);
