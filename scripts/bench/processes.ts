import { spawn, type ChildProcess } from "node:child_process";

// What the HTTP benchmarks share: the app's processes started with their output relayed (prefixed,
// on stderr, so the figures on stdout stay clean), and a wait until the server answers.

export function startProcess(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child: ChildProcess = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const relay = (chunk: Buffer) => { for (const line of chunk.toString().split("\n")) if (line.trim()) console.error(`[${name}] ${line}`); };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);
  return child;
}

export async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}
