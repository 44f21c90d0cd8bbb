// The emulator in a child process of its own (the eipkit-emulator CLI, server.mjs), so that it
// does not share the caller's event loop: under load, the client and the server each get a core.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));
/** spawnEmulator's options → the CLI's flags. */
const FLAGS = { host: '--host', seed: '--seed', transitionMs: '--transition-ms', tokenTtlMs: '--token-ttl-ms' };
const READY = /^eip-emulator listening on (\S+)$/;

/**
 * Starts the emulator in a child process. Options: `port` (default 0, any free port), `host`,
 * `seed`, `transitionMs`, `tokenTtlMs`, `quiet` (no request log on this process's stderr), as
 * the CLI takes them; `timeoutMs` (default 15000) to wait for it to listen. The child also exits
 * when this process does.
 * @returns {Promise<{url: string, port: number, pid: number, close: () => Promise<void>}>}
 */
export async function spawnEmulator({ port = 0, quiet = false, timeoutMs = 15000, ...options } = {}) {
  const args = [SERVER, '--port', String(port)];
  for (const [key, value] of Object.entries(options)) {
    if (!(key in FLAGS)) throw new TypeError(`spawnEmulator: unknown option ${key}`);
    if (value !== undefined) args.push(FLAGS[key], String(value));
  }
  if (quiet) args.push('--quiet');
  // The IPC channel is how the child notices that this process went away (server.mjs).
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the emulator did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the emulator exited with ${code ?? signal} before it listened`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const ready = line.match(READY);
      if (ready) resolve(ready[1]);
      else {
        child.kill('SIGKILL');
        reject(new Error(`the emulator printed ${JSON.stringify(line)} instead of its URL`));
      }
    });
  });

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }
    await exited;
  };
  return { url, port: Number(new URL(url).port), pid: child.pid, close };
}
