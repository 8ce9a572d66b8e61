// Adds lockfile entries for platform-specific optional packages (other OSes' native builds) that
// npm leaves out when the registry it resolved against does not serve them — as on machines behind
// a partial mirror. Without the entries `npm ci` stops with "Missing: <pkg>@ from lock file",
// everywhere. Entries carry name, version and platform fields only: npm skips them on other
// platforms and fetches them by name on theirs. Run after changing dependencies:
//   node scripts/lockfile-platforms.mjs
import fs from "node:fs";

const LOCK = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages;

// os / cpu / libc from the platform suffix in the package name
function platformOf(name) {
  const n = name.split("/").pop();
  const os = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "aix", "netbsd"].find((o) => n.includes(`-${o}-`) || n.endsWith(`-${o}`));
  const cpu = ["arm64", "x64", "ia32", "arm", "riscv64", "ppc64", "s390x", "loong64", "wasm32", "mips64el"].find((c) => n.includes(`-${c}`));
  const out = {};
  if (cpu) out.cpu = [cpu];
  if (os) out.os = [os];
  if (n.includes("wasm32")) out.cpu = ["wasm32"];
  if (n.endsWith("-musl")) out.libc = ["musl"];
  else if (n.endsWith("-gnu") || n.endsWith("-gnueabihf")) out.libc = ["glibc"];
  return out;
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/` : "node_modules/";
    if (packages[`${base}${dep}`] || packages[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[`node_modules/${dep}`] = {
      version,
      ...platformOf(dep),
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, "en")));
fs.writeFileSync(LOCK, JSON.stringify(lock, null, 2) + "\n");
console.log(`lockfile: added ${added} platform-specific optional entries`);
