// bindNewPublicipToServer and waitForPublicip against the emulator: the happy path (pay per use
// and prepaid), and every failure branch with its cleanup.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { EipClient, EipError } from "eipkit";
import { emulator, PROJECT, TOKEN, WEB_SERVER, WEB_PORT, PER_BODY } from "./support.mjs";

let emu;
before(async () => { emu = await emulator(); });
after(() => emu.close());
beforeEach(() => emu.reset());

const client = () => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 1 });
const FAST = { intervalMs: 20, timeoutMs: 3_000 };

async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EipError, String(error));
    return error;
  }
  assert.fail("expected a rejection");
}

/** The EIPs the emulator holds, settled. */
const eips = async () => (await emu.state()).eips;

/** Runs the walkthrough, recording progress events. */
async function walk(input, options = {}) {
  const events = [];
  const onProgress = (event) => {
    events.push(event);
    options.onProgress?.(event);
  };
  const run = client().bindNewPublicipToServer({ ...FAST, ...input }, { ...options, onProgress });
  return { run, events };
}

test("binds a new pay-per-use EIP to the server's only port, reporting each step", async (t) => {
  // Long enough transitions that the first poll after the bind sees BINDING even on a loaded
  // machine (at the suite's 20 ms it sometimes came too late, and saw ACTIVE at once).
  await emu.config({ transitionMs: 150 });
  t.after(() => emu.config({ transitionMs: 20 }));
  const { run, events } = await walk({ serverId: WEB_SERVER, create: PER_BODY });
  const result = await run;
  assert.equal(result.publicip.status, "ACTIVE");
  assert.equal(result.publicip.port_id, WEB_PORT);
  assert.equal(result.port.id, WEB_PORT);
  assert.equal(result.orderId, undefined);
  const steps = events.filter((e) => e.state !== "progress").map((e) => `${e.step}:${e.state}`);
  assert.deepEqual(steps, [
    "listPorts:started", "listPorts:done", "choosePort:done", "create:started", "create:done",
    "waitCreated:started", "waitCreated:done", "bind:started", "bind:done", "waitBound:started", "waitBound:done", "done:done"]);
  // web-01's one port is also its primary interface (as in the reference's example).
  assert.equal(events.find((e) => e.step === "choosePort").reason, "primary");
  assert.ok(events.some((e) => e.state === "progress" && e.status === "BINDING"), "live statuses are reported");
});

test("chooses the primary interface, or the port given", async () => {
  const { servers } = await emu.state();
  const db = servers.find((s) => s.name === "db-01");
  const ports = (await emu.state()).ports.filter((p) => p.device_id === db.id);
  const primary = ports.find((p) => p["binding:vif_details"].primary_interface);
  const other = ports.find((p) => p !== primary);
  const chosen = await (await walk({ serverId: db.id, create: PER_BODY })).run;
  assert.equal(chosen.port.id, primary.id);
  const given = await (await walk({ serverId: db.id, portId: other.id, create: PER_BODY })).run;
  assert.equal(given.port.id, other.id);
});

test("a prepaid create returns an order, then the EIP is bound", async () => {
  const create = { ...PER_BODY, extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true } };
  const { run, events } = await walk({ serverId: WEB_SERVER, create });
  const result = await run;
  assert.match(result.orderId, /^CS/);
  assert.equal(result.publicip.profile.order_id, result.orderId);
  assert.equal(events.find((e) => e.step === "create" && e.state === "started").prepaid, true);
});

test("invalid input is rejected before any call, with create issues under create.", async () => {
  const error = await failure(client().bindNewPublicipToServer({ serverId: "a/b", create: { publicip: { type: "5_bgp", port_id: WEB_PORT }, bandwidth: { share_type: "PER", size: 301 } }, intervalMs: 1 }));
  assert.equal(error.kind, "validation");
  const paths = error.issues.map((i) => `${i.code}@${i.path}`).sort();
  assert.deepEqual(paths, ["conflict@create.publicip.port_id", "format@serverId", "range@intervalMs", "required_if@create.bandwidth.name", "step@create.bandwidth.size"]);
  assert.deepEqual(await emu.requests(), []);
});

test("a server without a port, or with two candidates, fails before anything is created", async () => {
  const { servers } = await emu.state();
  for (const [name, code, path] of [["batch-01", "not_found", "serverId"], ["multi-nic-01", "required_if", "portId"]]) {
    const server = servers.find((s) => s.name === name);
    const { run, events } = await walk({ serverId: server.id, create: PER_BODY });
    const error = await failure(run);
    assert.equal(error.kind, "validation", name);
    assert.deepEqual([error.issues[0].code, error.issues[0].path], [code, path], name);
    assert.ok(events.some((e) => e.step === "choosePort" && e.state === "failed"));
    assert.equal(error.cleanup, undefined, "nothing to clean up");
  }
  assert.equal((await emu.requests("createPublicip")).length, 0);
  const ambiguous = await failure((await walk({ serverId: servers.find((s) => s.name === "multi-nic-01").id, create: PER_BODY })).run);
  assert.equal(ambiguous.issues[0].params.allowed.length, 2, "the candidates are named");
});

test("a refused create leaves nothing; an unanswered one is named", async () => {
  await emu.fault({ type: "status", status: 400, body: { code: "VPC.0501", message: "no" } }, { operation: "createPublicip" });
  const refused = await failure((await walk({ serverId: WEB_SERVER, create: PER_BODY })).run);
  assert.deepEqual([refused.kind, refused.code, refused.cleanup], ["api", "VPC.0501", undefined]);

  await emu.fault({ type: "reset" }, { operation: "createPublicip" });
  const unknown = await failure((await walk({ serverId: WEB_SERVER, create: PER_BODY })).run);
  assert.equal(unknown.kind, "network");
  assert.equal(unknown.cleanup.leftBehind.length, 1);
  assert.match(unknown.cleanup.leftBehind[0].reason, /may have reached the service/);
  assert.equal((await emu.requests("createPublicip")).length, 2, "one per walkthrough: never repeated");
});

test("a failed bind is cleaned up: the new EIP is released", async () => {
  await emu.fault({ type: "status", status: 409, body: { code: "VPC.0511", message: "port busy" } }, { operation: "updatePublicip" });
  const { run, events } = await walk({ serverId: WEB_SERVER, create: PER_BODY });
  const error = await failure(run);
  assert.deepEqual([error.kind, error.code], ["api", "VPC.0511"], "the original failure");
  const { actions, leftBehind } = error.cleanup;
  assert.deepEqual(actions.map((a) => [a.action, a.ok]), [["delete", true]], "never bound: released only");
  assert.deepEqual(leftBehind, []);
  assert.match(error.message, /cleaned up: delete /);
  assert.ok(events.some((e) => e.step === "cleanup" && e.state === "done"));
  assert.deepEqual((await eips()).filter((e) => e.status !== "PENDING_DELETE"), [], "nothing orphaned");
});

test("a bind that never completes times out; when the cleanup cannot finish either, the EIP is named", async () => {
  await emu.config({ holdStatuses: ["BINDING"] });
  const error = await failure((await walk({ serverId: WEB_SERVER, create: PER_BODY, timeoutMs: 300 })).run);
  assert.equal(error.kind, "timeout");
  assert.match(error.message, /did not reach ACTIVE within 300 ms \(last status: BINDING\)/);
  assert.deepEqual(error.cleanup.actions.map((a) => [a.action, a.ok]), [["unbind", false]], "a held BINDING cannot be unbound");
  assert.equal(error.cleanup.leftBehind.length, 1, "named once");
  assert.match(error.message, /left behind: EIP /);
});

test("a bind that ends in BIND_ERROR fails fast; the EIP is unbound and released", async () => {
  await emu.config({ holdStatuses: ["BINDING"] });
  let staged = false;
  const { run } = await walk({ serverId: WEB_SERVER, create: PER_BODY, intervalMs: 200 }, {
    onProgress(event) {
      // At the first BINDING seen, make the next status read BIND_ERROR and let the real one go on.
      if (!staged && event.step === "waitBound" && event.status === "BINDING") {
        staged = true;
        void emu.fault({ type: "status", status: 200, body: { publicip: { id: event.publicipId, status: "BIND_ERROR" } } }, { operation: "showPublicip" });
        void emu.config({ holdStatuses: [] });
      }
    },
  });
  const error = await failure(run);
  assert.deepEqual([error.kind, error.code], ["api", "BIND_ERROR"]);
  assert.deepEqual(error.cleanup.actions.map((a) => [a.action, a.ok]), [["unbind", true], ["delete", true]]);
  assert.deepEqual(error.cleanup.leftBehind, []);
  assert.deepEqual((await eips()).filter((e) => e.status !== "PENDING_DELETE"), [], "nothing orphaned");
});

test("abort mid-way still cleans up", async () => {
  const controller = new AbortController();
  const { run } = await walk({ serverId: WEB_SERVER, create: PER_BODY }, { signal: controller.signal });
  await emu.config({ transitionMs: 300 });
  setTimeout(() => controller.abort(), 150);
  const error = await failure(run);
  assert.equal(error.kind, "aborted");
  assert.ok(error.cleanup.actions.some((a) => a.action === "delete" && a.ok), JSON.stringify(error.cleanup));
  assert.deepEqual((await eips()).filter((e) => e.status !== "PENDING_DELETE"), []);
});

test("a prepaid EIP cannot be released here: its order and id are named", async () => {
  await emu.fault({ type: "status", status: 409, body: { code: "VPC.0511", message: "port busy" } }, { operation: "updatePublicip" });
  const create = { ...PER_BODY, extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true } };
  const error = await failure((await walk({ serverId: WEB_SERVER, create })).run);
  const [left] = error.cleanup.leftBehind;
  assert.match(left.orderId, /^CS/);
  assert.equal(typeof left.publicipId, "string");
  assert.match(left.reason, /billing center/);
  assert.match(error.message, /left behind: prepaid order CS/);
});

test("an unpaid order's EIP never appears: the wait times out and the order is named", async () => {
  const create = { ...PER_BODY, extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: false } };
  const error = await failure((await walk({ serverId: WEB_SERVER, create, timeoutMs: 300 })).run);
  assert.equal(error.kind, "timeout");
  assert.match(error.message, /not yet visible/);
  assert.match(error.cleanup.leftBehind[0].orderId, /^CS/);
});

test("waitForPublicip: reached, failing status, timeout, abort, 404 grace", async () => {
  const c = client();
  const { publicip } = await c.createPublicip(PER_BODY);
  assert.equal((await c.waitForPublicip(publicip.id, { until: ["DOWN"], intervalMs: 20 })).publicip.status, "DOWN");

  await emu.fault({ type: "status", status: 200, body: { publicip: { id: publicip.id, status: "BIND_ERROR" } } }, { operation: "showPublicip" });
  const failed = await failure(c.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 20 }));
  assert.deepEqual([failed.kind, failed.code], ["api", "BIND_ERROR"]);

  const timeout = await failure(c.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 20, timeoutMs: 100 }));
  assert.equal(timeout.kind, "timeout");
  const aborted = await failure(c.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 20 }, { signal: AbortSignal.timeout(100) }));
  assert.equal(aborted.kind, "aborted");

  const gone = "00000000-0000-0000-0000-000000000000";
  const notFound = await failure(c.waitForPublicip(gone, { until: ["DOWN"], intervalMs: 20, notFoundGraceMs: 0 }));
  assert.deepEqual([notFound.kind, notFound.status], ["api", 404]);
  const graced = await failure(c.waitForPublicip(gone, { until: ["DOWN"], intervalMs: 20, notFoundGraceMs: 5_000, timeoutMs: 200 }));
  assert.equal(graced.kind, "timeout", "404s within the grace period count as pending");

  const invalid = await failure(c.waitForPublicip(publicip.id, { until: [] }));
  assert.deepEqual([invalid.kind, invalid.issues[0].path], ["validation", "until"]);
});
