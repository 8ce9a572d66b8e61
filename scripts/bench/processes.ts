import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

// What the HTTP benchmarks share: the app's processes started with their output relayed (prefixed,
// on stderr, so the figures on stdout stay clean), a wait until the server answers, and two guards
// against measuring the wrong thing: a port something already listens on is refused (a server left
// by an interrupted run would answer instead of the one just started), and an interrupted benchmark
// takes its processes down with it.

const started: ChildProcess[] = [];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const c of started) c.kill("SIGTERM");
    process.exit(130);
  });
}

/** Throws if something already accepts connections on the port. */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use (a server left by an earlier run?): stop it or pass --port`);
}

export function startProcess(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child: ChildProcess = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
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
