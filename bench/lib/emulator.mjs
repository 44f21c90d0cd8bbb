// Starts the emulator (emulator/) in a child process (see emulator-child.mjs) and resolves to
// { url, close() }. In-process (`inProcess: true`) it shares this event loop instead.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startEmulatorProcess({ timeoutMs = 15000 } = {}) {
  const child = spawn(process.execPath, [new URL("./emulator-child.mjs", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the emulator did not start in time")), timeoutMs);
    child.once("exit", (code) => reject(new Error(`the emulator exited with status ${code}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line).url);
      } catch (error) {
        reject(error);
      }
    });
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.stdin.end();
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}
