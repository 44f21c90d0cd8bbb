// The emulator ships in the package: the `npm pack` tarball holds emulator/, and a project that
// installs the tarball can `import("eipkit/emulator")` and run the `eipkit-emulator` command.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { accessSync, constants, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { REPO, makeProject, outputOf, packTarball, run, workspace } from "../runtimes/support.mjs";

const PROJECT = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";
const WEB_SERVER = "ea61f836-b52f-41bf-9d06-685644001d6f"; // web-01 of the demo seed
const WEB_PORT = "02c72193-efec-42fb-853b-c33f2b802467";

let ws, pack, project;

before(async () => {
  ws = workspace("eipkit-package-");
  pack = packTarball(ws.dir);
  project = await makeProject(ws.dir, "emulator", { tarball: pack.tarball });
});
after(() => ws?.remove());

test("the tarball holds the emulator, and none of its tests", () => {
  const shipped = readdirSync(join(REPO, "emulator")).map((f) => `emulator/${f}`);
  for (const file of shipped) assert.ok(pack.files.includes(file), `the tarball lacks ${file}`);
  assert.ok(shipped.includes("emulator/index.d.ts") && shipped.includes("emulator/README.md"));
  assert.deepEqual(pack.files.filter((f) => f.startsWith("tests/")), [], "no test file is packed");
});

test('import("eipkit/emulator") from the installed tarball starts it, and it answers', { timeout: 60_000 }, async () => {
  writeFileSync(join(project, "main.mjs"), `
    const { startEmulator, connectEmulator } = await import("eipkit/emulator");
    const emu = await startEmulator({ quiet: true });
    try {
      const res = await fetch(\`\${emu.url}/v1/${PROJECT}/ports?device_id=${WEB_SERVER}\`, { headers: { "X-Auth-Token": "test-token" } });
      const { ports } = await res.json();
      const requests = await connectEmulator(emu.url).requests("listPorts");
      console.log("RESULT " + JSON.stringify({
        entry: import.meta.resolve("eipkit/emulator"),
        status: res.status,
        ports: ports.map((p) => p.id),
        logged: requests.map((r) => r.status),
      }));
    } finally {
      await emu.close();
    }
  `);
  const output = await run("node", ["main.mjs"], { cwd: project, timeoutMs: 30_000 });
  const line = output.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  assert.ok(line, outputOf(output));
  const { entry, ...answered } = JSON.parse(line.slice("RESULT ".length));
  assert.match(entry, /\/node_modules\/eipkit\/emulator\/index\.mjs$/);
  assert.deepEqual(answered, { status: 200, ports: [WEB_PORT], logged: [200] });
});

test("the installed eipkit-emulator command prints its URL, serves, and stops on SIGTERM", { timeout: 60_000 }, async () => {
  const bin = join(project, "node_modules", ".bin", "eipkit-emulator");
  accessSync(bin, constants.X_OK);
  const child = spawn(bin, ["--port", "0", "--quiet", "--seed", "empty"], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    const line = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`exited with ${code} before it listened`)));
    });
    const url = line.match(/^eip-emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/)?.[1];
    assert.ok(url, `its first line: ${line}`);
    const state = await (await fetch(`${url}/__emulator/state`)).json();
    assert.equal(state.settings.seed, "empty");
  } finally {
    child.kill("SIGTERM");
  }
  assert.deepEqual(await exited, { code: 0, signal: null });
});
