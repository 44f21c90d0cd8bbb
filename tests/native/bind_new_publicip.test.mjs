// The walkthrough natively from Rust (core/examples/bind_new_publicip.rs) against the
// emulator: it binds a new EIP to a server, with a token and with AK/SK, and fails cleanly
// (non-zero, nothing created) for a server with no port or invalid input. scripts/test.sh
// builds the example first; EIPKIT_EXAMPLE names the binary.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { emulator, PROJECT, TOKEN, AK, SK, WEB_SERVER, WEB_PORT, PER_BODY } from "../js/support.mjs";

const EXAMPLE = process.env.EIPKIT_EXAMPLE ?? "target/debug/examples/bind_new_publicip";
const BATCH_SERVER = "7c2a3d9f-4e5b-4a6c-8d7e-8f9a0b1c2d3e"; // a server with no port

let emu;
before(async () => { emu = await emulator(); });
after(() => emu.close());
beforeEach(() => emu.reset());

/** Runs the example (asynchronously: the emulator answers from this process). */
function run(...args) {
  const child = spawn(EXAMPLE, ["--endpoint", emu.url, "--project-id", PROJECT, "--interval-ms", "20", ...args], { timeout: 60_000 });
  const result = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => { result.stdout += chunk; });
  child.stderr.on("data", (chunk) => { result.stderr += chunk; });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ ...result, status }));
  });
}

for (const [name, auth] of [["a token", ["--token", TOKEN]], ["AK/SK", ["--ak", AK, "--sk", SK]]]) {
  test(`binds a new EIP to a server's port, with ${name}`, async () => {
    const result = await run(...auth, "--server-id", WEB_SERVER, "--body", JSON.stringify(PER_BODY));
    assert.equal(result.status, 0, result.stderr);
    const last = result.stdout.trim().split("\n").at(-1);
    const { publicip } = JSON.parse(last);
    assert.deepEqual([publicip.status, publicip.port_id], ["ACTIVE", WEB_PORT]);
    const steps = result.stderr.trim().split("\n").map((line) => JSON.parse(line)).filter((e) => e.state !== "progress").map((e) => `${e.step}:${e.state}`);
    assert.equal(steps.at(-1), "done:done");
    const { eips } = await emu.state();
    assert.deepEqual(eips.map((e) => [e.id, e.status]), [[publicip.id, "ACTIVE"]]);
    assert.ok(!result.stderr.includes(TOKEN === auth[1] ? TOKEN : SK), "no secret in the output");
  });
}

test("a server without a port fails before anything is created", async () => {
  const result = await run("--token", TOKEN, "--server-id", BATCH_SERVER, "--body", JSON.stringify(PER_BODY));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /has no port/);
  assert.equal(result.stdout, "");
  assert.deepEqual(await emu.requests("createPublicip"), []);
  assert.deepEqual((await emu.state()).eips, []);
});

test("a failed bind is cleaned up and reported", async () => {
  await emu.fault({ type: "status", status: 409, body: { code: "VPC.0511", message: "port busy" } }, { operation: "updatePublicip" });
  const result = await run("--token", TOKEN, "--server-id", WEB_SERVER, "--body", JSON.stringify(PER_BODY));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /port busy \(cleaned up: delete /);
  assert.match(result.stderr, /^cleanup: \{"actions":\[\{"action":"delete"/m);
  assert.deepEqual((await emu.state()).eips.filter((e) => e.status !== "PENDING_DELETE"), []);
});

test("invalid input and a bad command line exit non-zero with nothing sent", async () => {
  const invalid = await run("--token", TOKEN, "--server-id", WEB_SERVER, "--body", JSON.stringify({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", size: 301 } }));
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /invalid: .*bandwidth\.(name|size)/);
  const usage = await run("--token", TOKEN, "--server-id", WEB_SERVER);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--body is required/);
  assert.deepEqual(await emu.requests(), []);
});
