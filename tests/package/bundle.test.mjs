// A bundler and the package's "sideEffects": esbuild bundles tiny apps that each import one
// export of the installed `npm pack` tarball, for the browser (js/web.js) and for Node
// (js/node.js), and each bundle runs in Node.
//
// What it proves. The entries register the wasm engine as a top-level statement; an app that
// imports only validateCreatePublicip or only EipClient uses none of the entry's own exports
// (the names come from api.js through `export *`), so it is "sideEffects" naming the entries that
// keeps the registration: the last test bundles the same app with `"sideEffects": false` and
// watches it fail. And the API modules are free of side effects, so an app that only validates
// gets none of eipkit's client code (js/client.js's EipClient, iamTokenProvider).
//
// What does not tree-shake, and why no test asserts it away: the wasm-bindgen glue's RawClient
// class (with its `bindNewPublicipToServer` method) is in every bundle. The entries hand the
// glue's whole namespace to useEngine (the API modules take their bindings from the entry, so
// that a smaller build can be handed instead), and the glue itself references RawClient in a
// top-level statement (`if (Symbol.dispose) RawClient.prototype[...] = ...`). The .wasm is one
// file either way; it is fetched or read, never bundled.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { startEmulator } from "eipkit/emulator";
import { WEB_PORT, WEB_SERVER, makeProject, packTarball, resultOf, run, withOutput, workspace } from "../runtimes/support.mjs";

const APPS = {
  // Validation only. The web entry wants `await init()` before a synchronous export.
  validator: (web) => `
    import { ${web ? "init, " : ""}validateCreatePublicip } from "eipkit";
    ${web ? "await init();" : ""}
    const { ok, issues } = validateCreatePublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", size: 5 } });
    console.log("RESULT " + JSON.stringify({ ok, issues: issues.map((i) => i.code + "@" + i.path) }));
  `,
  // The client only, and no init() in either runtime: its methods instantiate the module themselves.
  client: () => `
    import { EipClient } from "eipkit";
    const client = new EipClient({ endpoint: process.argv[2], projectId: "0605767a5c5d4e5e8c9f1a2b3c4d5e6f", auth: { token: "test-token" } });
    const { ports } = await client.listPorts({ device_id: "${WEB_SERVER}" });
    console.log("RESULT " + JSON.stringify({ ports: ports.map((p) => p.id) }));
  `,
};

/** Strings of js/client.js's own code that no other module of the package (glue included) has. */
const EIP_CLIENT_CODE = ["listAllPublicips", "listPublicipsPages"];
const IAM_TOKEN_PROVIDER_CODE = ['"iamToken"'];

// Node's fetch does not read file: URLs. The web entry's init() fetches the .wasm from next to
// the bundle, as a page would from its server: this stands in for that server.
const FILE_FETCH = `
  import { readFile } from "node:fs/promises";
  const overTheNetwork = globalThis.fetch;
  globalThis.fetch = async (input, options) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== "file:") return overTheNetwork(input, options);
    return new Response(await readFile(url), { headers: { "content-type": "application/wasm" } });
  };
`;

const TARGETS = {
  // The web entry's glue looks for the .wasm next to itself (`new URL(..., import.meta.url)`),
  // which esbuild leaves as it is: next to the bundle, where a deploy step would put it.
  web: { platform: "browser", entry: "js/web.js", out: "web", wasmAt: "web/eipkit_bg.wasm", nodeArgs: ["--import", "./file-fetch.mjs"] },
  // The Node entry reads `new URL("../pkg/eipkit_bg.wasm", import.meta.url)`: relative to the bundle.
  node: { platform: "node", entry: "js/node.js", out: "node", wasmAt: "pkg/eipkit_bg.wasm", nodeArgs: [] },
};

let ws, emu, project;

before(async () => {
  ws = workspace("eipkit-bundle-");
  project = await makeProject(ws.dir, "bundle", { tarball: packTarball(ws.dir).tarball });
  for (const [name, app] of Object.entries(APPS)) {
    writeFileSync(join(project, `${name}.js`), app(false));
    writeFileSync(join(project, `${name}-web.js`), app(true));
  }
  writeFileSync(join(project, "file-fetch.mjs"), FILE_FETCH);
  emu = await startEmulator({ quiet: true, transitionMs: 20 });
});
after(async () => {
  await emu?.close();
  ws?.remove();
});

/** Bundles app `name` for `target` in `dir`; returns the bundle's path, size and what it holds. */
async function bundle(dir, target, name) {
  const { platform, out, wasmAt } = TARGETS[target];
  const outfile = join(dir, out, `${name}.mjs`);
  const built = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: [target === "web" ? `${name}-web.js` : `${name}.js`],
    outfile,
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    metafile: true,
    logLevel: "silent",
  });
  mkdirSync(join(dir, wasmAt, ".."), { recursive: true });
  copyFileSync(join(dir, "node_modules/eipkit/pkg/eipkit_bg.wasm"), join(dir, wasmAt));
  const [output] = Object.values(built.metafile.outputs);
  const inputs = Object.fromEntries(
    Object.entries(output.inputs).map(([path, { bytesInOutput }]) => [path.replace(/^.*node_modules\/eipkit\//, ""), bytesInOutput]),
  );
  const code = readFileSync(outfile);
  return { outfile, code: code.toString(), bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs };
}

const runBundle = (dir, target, file) => run("node", [...TARGETS[target].nodeArgs, file, emu.url], { cwd: dir, timeoutMs: 30_000 });

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

for (const target of Object.keys(TARGETS)) {
  test(`${target}: a bundle importing only validateCreatePublicip works and holds no client code`, { timeout: 60_000 }, async (t) => {
    const built = await bundle(project, target, "validator");
    assert.ok(TARGETS[target].entry in built.inputs, `the bundle holds ${Object.keys(built.inputs)}`);
    const output = await runBundle(project, target, built.outfile);
    withOutput(output, () => {
      assert.deepEqual(resultOf(output), { ok: false, issues: ["required_if@bandwidth.name"] });
    });
    for (const code of [...EIP_CLIENT_CODE, ...IAM_TOKEN_PROVIDER_CODE]) {
      assert.ok(!built.code.includes(code), `the bundle holds ${code}, the client's code`);
    }
    assert.ok(!built.code.includes("~standard"), "the bundle holds the Standard Schemas, which it does not import");
    t.diagnostic(`${kb(built.bytes)} minified, ${kb(built.gzip)} gzip; js/client.js contributes ${built.inputs["js/client.js"]} bytes`);
  });

  test(`${target}: a bundle importing only EipClient instantiates the module itself and calls the emulator`, { timeout: 60_000 }, async (t) => {
    const built = await bundle(project, target, "client");
    assert.ok(TARGETS[target].entry in built.inputs, `the bundle holds ${Object.keys(built.inputs)}`);
    const output = await runBundle(project, target, built.outfile);
    withOutput(output, () => {
      assert.deepEqual(resultOf(output), { ports: [WEB_PORT] });
    });
    for (const code of EIP_CLIENT_CODE) assert.ok(built.code.includes(code), `EipClient's ${code} is in its bundle`);
    for (const code of IAM_TOKEN_PROVIDER_CODE) assert.ok(!built.code.includes(code), `iamTokenProvider's ${code} is not`);
    t.diagnostic(`${kb(built.bytes)} minified, ${kb(built.gzip)} gzip; js/client.js contributes ${built.inputs["js/client.js"]} bytes`);
  });
}

test('with "sideEffects": false, the bundler drops the entry\'s registration of the engine', { timeout: 60_000 }, async () => {
  // The same installed package, but claiming to be free of side effects, as it did before the
  // entries registered the engine at top level.
  const dir = join(ws.dir, "no-side-effects");
  cpSync(project, dir, { recursive: true });
  const manifest = join(dir, "node_modules/eipkit/package.json");
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), sideEffects: false }));
  const built = await bundle(dir, "node", "validator");
  assert.ok(!("js/node.js" in built.inputs) && !("pkg/eipkit.js" in built.inputs), `the entry and the glue are gone: ${Object.keys(built.inputs)}`);
  await assert.rejects(runBundle(dir, "node", built.outfile), /\[EipError\]: eipkit is not initialised: await init\(\) before calling validateCreatePublicip/);
});
