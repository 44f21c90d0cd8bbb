// Shared by the runtime packaging tests: the packed tarball, throwaway projects that install it,
// child processes whose output is kept for the failure message, a static file server and
// headless Chromium.
import { spawn, execFileSync } from "node:child_process";
import { createReadStream, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The issues every runtime must report for fixtures/probe.js's body (in order). */
export const EXPECTED_ISSUES = [
  { path: "bandwidth.size", code: "range", severity: "error" },
  { path: "bandwidth.name", code: "required_if", severity: "error" },
];
/** web-01 of the emulator's demo seed, and its only port. */
export const WEB_SERVER = "ea61f836-b52f-41bf-9d06-685644001d6f";
export const WEB_PORT = "02c72193-efec-42fb-853b-c33f2b802467";

const NPM_FLAGS = ["--no-audit", "--no-fund", "--loglevel=error"];

/** A fresh directory under the OS's temp dir; `remove()` deletes it. */
export function workspace(prefix = "eipkit-runtimes-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `npm pack`s the repository into `dir` once; returns the tarball's path. */
export function packTarball(dir) {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir, ...NPM_FLAGS], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ filename, files }] = JSON.parse(out);
  return { tarball: join(dir, filename), files: files.map((f) => f.path) };
}

/**
 * Runs a command without blocking the event loop (the emulator answers from this process).
 * Resolves to { code, stdout, stderr }; rejects, with everything it printed, when it exits non-zero,
 * is killed, or outlives `timeoutMs`.
 */
export function run(command, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs} ms]`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code === 0) resolvePromise(result);
      else reject(new Error(`${[command, ...args].join(" ")} (in ${cwd}) exited with ${code ?? signal}\n${outputOf(result)}`));
    });
  });
}

/**
 * Starts a long-running command and resolves, once it prints `READY <value>`, to
 * `{ ready, output, lines(prefix), stop() }`: `ready` is the value, `output` what it printed so
 * far (`{ stdout, stderr }`), `lines("X ")` the JSON of every `X {json}` line; `stop()` closes its
 * stdin (the signal to exit), then kills it if it is still there after 5 s.
 */
export function start(command, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  const closed = new Promise((r) => child.on("close", r));
  child.stderr.setEncoding("utf8").on("data", (d) => (output.stderr += d));
  const ready = new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} was not ready after ${timeoutMs} ms\n${outputOf(output)}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (d) => {
      output.stdout += d;
      const line = output.stdout.split("\n").find((l) => l.startsWith("READY "));
      if (line) {
        clearTimeout(timer);
        resolvePromise(line.slice("READY ".length).trim());
      }
    });
    child.on("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    closed.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${[command, ...args].join(" ")} (in ${cwd}) exited with ${code}\n${outputOf(output)}`));
    });
  });
  const lines = (prefix) => output.stdout.split("\n").filter((l) => l.startsWith(prefix)).map((l) => JSON.parse(l.slice(prefix.length)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await closed;
    clearTimeout(timer);
  };
  return ready.then(
    (value) => ({ ready: value, output, lines, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/** What a process printed, for failure messages. */
export function outputOf({ stdout = "", stderr = "" }) {
  return `--- stdout ---\n${stdout.trimEnd()}\n--- stderr ---\n${stderr.trimEnd()}`;
}

/** The `RESULT {json}` line a fixture prints (other lines are the runtime's own logging). */
export function resultOf(output) {
  const line = output.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`the runtime printed no RESULT line\n${outputOf(output)}`);
  return JSON.parse(line.slice("RESULT ".length));
}

/**
 * A throwaway project under `root`: package.json, the fixtures named in `fixtures` (paths under
 * tests/runtimes/fixtures/, copied to the project's root), then ONE `npm install` of the tarball
 * and `tools`. Returns the project's directory.
 */
export async function makeProject(root, name, { tarball, tools = [], fixtures = [] }) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `eipkit-${name}-consumer`, private: true, type: "module" }, null, 2));
  for (const fixture of fixtures) cpSync(join(FIXTURES, fixture), join(dir, fixture.split("/").pop()), { recursive: true });
  await run("npm", ["install", ...NPM_FLAGS, tarball, ...tools], { cwd: dir, timeoutMs: 180_000 });
  return dir;
}

/** Runs `assertions`, adding the runtime's output to the message of any failure. */
export function withOutput(output, assertions) {
  try {
    assertions();
  } catch (error) {
    error.message += `\n${typeof output === "string" ? output : outputOf(output)}`;
    throw error;
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** A static file server for `root` on 127.0.0.1 (free port): GET/HEAD only, `/` → index.html. */
export async function serveStatic(root) {
  const base = resolve(root);
  const served = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = resolve(base, `.${path.endsWith("/") ? `${path}index.html` : path}`);
    let ok = (req.method === "GET" || req.method === "HEAD") && (file === base || file.startsWith(base + sep));
    try {
      ok &&= statSync(file).isFile();
    } catch {
      ok = false;
    }
    served.push(`${ok ? 200 : 404} ${path}`);
    if (!ok) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    served,
    close: () => new Promise((r) => server.close(r).closeAllConnections()),
  };
}

export { launchChromium } from "../chromium.mjs";

/**
 * Opens `url` in a new page of `browser`, waits for the fixture to set `#out[data-state]` and
 * returns its result, with what the page logged and which files it requested.
 */
export async function loadPage(browser, url, { timeoutMs = 30_000 } = {}) {
  const page = await browser.newPage();
  const log = [];
  const requests = [];
  page.on("console", (m) => log.push(`console.${m.type()}: ${m.text()}${m.location()?.url ? ` [${m.location().url}]` : ""}`));
  page.on("pageerror", (e) => log.push(`pageerror: ${e.stack ?? e.message}`));
  page.on("requestfailed", (r) => log.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => requests.push({ url: r.url(), status: r.status(), type: r.headers()["content-type"] }));
  try {
    await page.goto(url);
    const out = page.locator("#out[data-state]");
    try {
      await out.waitFor({ timeout: timeoutMs });
    } catch (error) {
      throw new Error(`the page never finished: ${error.message}\n--- page log ---\n${log.join("\n")}`);
    }
    const state = await out.getAttribute("data-state");
    const text = await out.textContent();
    if (state !== "done") throw new Error(`the page failed: ${text}\n--- page log ---\n${log.join("\n")}`);
    return { result: JSON.parse(text), log, requests };
  } finally {
    await page.close();
  }
}
