// A fault matrix against the emulator: every operation × every fault, with the error kind,
// `retryable` and the number of requests the emulator received (repeated only where that is
// safe; a create never), then the walkthrough failing at each step (cleanup report and no
// orphaned EIP), and an IAM token expiring mid-walkthrough. Every client here records what it
// sent, so the suite also checks that no create call ever sent its create twice.
import { test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { EipClient, EipError, iamTokenProvider } from "eipkit";
import {
  emulator, recordingFetch, operationOf, waitStatus, CREATE_OPERATIONS, settle, describeOutcome, sleep, eventually,
  PROJECT, TOKEN, USER, WEB_SERVER, WEB_PORT, PER_BODY, PREPAID_BODY, DB_SECONDARY_PORT,
} from "./helpers.mjs";

let emu;
before(async () => { emu = await emulator({ transitionMs: 20 }); });
after(() => emu.close());

// ---- Every client of this file is tracked: how many create calls it was asked for, and how
// many create requests it sent. A create answered 401 by a token-provider client is resent
// once after renewal (refused unprocessed: attempts.rs), so it is not counted as a repeat.
let tracked = [];
const suite = { createCalls: 0, createsSent: 0, repeats: [] };

function fresh({ auth = { token: TOKEN }, retries = 2, hooks, timeoutMs } = {}) {
  const rec = recordingFetch(hooks);
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth, retries, fetch: rec, ...(timeoutMs ? { timeoutMs } : {}) });
  const entry = { client, log: rec.log, createCalls: 0 };
  for (const name of ["createPublicip", "createPrepaidPublicip", "bindNewPublicipToServer"]) {
    const method = client[name].bind(client);
    client[name] = (...args) => {
      entry.createCalls++;
      return method(...args);
    };
  }
  tracked.push(entry);
  return client;
}

const createsOf = (log) => log.filter((r) => CREATE_OPERATIONS.has(operationOf(r)));
const loggedCreates = async () => (await emu.requests()).filter((r) => CREATE_OPERATIONS.has(r.operation)).length;

// The emulator's log is cleared by a reset: what it held is counted first.
let loggedBeforeReset = 0;
let sinceSeq = 0; // requests of the case under test have a higher `seq`
async function resetEmulator() {
  loggedBeforeReset += await loggedCreates();
  sinceSeq = 0;
  await emu.reset({ transitionMs: 20 });
}

beforeEach(async () => {
  tracked = [];
  loggedBeforeReset = 0;
  await resetEmulator();
  loggedBeforeReset = 0;
});

afterEach(async () => {
  let recorded = 0;
  for (const entry of tracked) {
    const sent = createsOf(entry.log);
    const notRefused = sent.filter((r) => r.status !== 401).length;
    if (notRefused > entry.createCalls) suite.repeats.push(`${notRefused} creates sent for ${entry.createCalls} create call(s)`);
    suite.createCalls += entry.createCalls;
    suite.createsSent += notRefused;
    recorded += sent.length;
  }
  // What the clients sent is what the emulator received.
  const logged = loggedBeforeReset + (await loggedCreates());
  assert.equal(logged, recorded, `the emulator logged ${logged} create requests, the clients sent ${recorded}`);
});

after(() => {
  console.log(`# create calls: ${suite.createCalls}, create requests sent (not refused with 401): ${suite.createsSent}`);
  assert.deepEqual(suite.repeats, [], "a create was sent twice");
  assert.ok(suite.createsSent <= suite.createCalls, `${suite.createsSent} creates sent for ${suite.createCalls} calls`);
});

/** The emulator's log for one operation (and EIP id), since the case was staged. */
async function received(operation, id) {
  return (await emu.requests(operation)).filter((r) => r.seq > sinceSeq && (!id || r.path.includes(id)));
}

/** A rejection's EipError (fails on a result or a hang). */
async function failure(promise, label) {
  const outcome = await settle(() => promise, 20_000);
  assert.equal(outcome.state, "rejected", `${label}: ${describeOutcome(outcome)}`);
  assert.ok(outcome.error instanceof EipError, `${label}: ${describeOutcome(outcome)}`);
  return outcome.error;
}

/** EIPs the emulator holds that are neither released nor named in `known`. */
async function orphans(known = []) {
  const names = new Set(known);
  return (await emu.state()).eips.filter((e) => e.status !== "PENDING_DELETE" && !names.has(e.id)).map((e) => `${e.id} ${e.status}`);
}

// ---------------------------------------------------------------------------------------------
// The matrix.

/** Five DOWN EIPs (one bound, ACTIVE, to web-01's port), made by a client of its own. */
async function stage() {
  const c = fresh();
  const ids = {};
  for (const name of ["update", "bind", "unbind", "show", "delete"]) ids[name] = (await c.createPublicip(PER_BODY)).publicip.id;
  for (const id of Object.values(ids)) await waitStatus(c, id, ["DOWN"]);
  await c.bindPublicip(ids.unbind, WEB_PORT);
  await waitStatus(c, ids.unbind, ["ACTIVE"]);
  sinceSeq = Math.max(0, ...(await emu.requests()).map((r) => r.seq));
  return ids;
}

/**
 * The operations of the matrix: how to call each, the fault's match, and whether repeating
 * it is safe. `opts` are the per-call options (a small timeoutMs for "hang").
 */
function operations(ids) {
  return {
    createPublicip: { create: true, match: { operation: "createPublicip" }, call: (c, o) => c.createPublicip(PER_BODY, o) },
    createPrepaidPublicip: { create: true, match: { operation: "createPrepaidPublicip" }, call: (c, o) => c.createPrepaidPublicip(PREPAID_BODY, o) },
    updatePublicip: { match: { operation: "updatePublicip", path: ids.update }, id: ids.update, call: (c, o) => c.updatePublicip(ids.update, { publicip: { ip_version: 6 } }, o) },
    bindPublicip: { match: { operation: "updatePublicip", path: ids.bind }, id: ids.bind, call: (c, o) => c.bindPublicip(ids.bind, DB_SECONDARY_PORT, o) },
    unbindPublicip: { match: { operation: "updatePublicip", path: ids.unbind }, id: ids.unbind, call: (c, o) => c.unbindPublicip(ids.unbind, o) },
    showPublicip: { match: { operation: "showPublicip", path: ids.show }, id: ids.show, call: (c, o) => c.showPublicip(ids.show, o) },
    listPublicips: { match: { operation: "listPublicips" }, call: (c, o) => c.listPublicips({}, o) },
    deletePublicip: { match: { operation: "deletePublicip", path: ids.delete }, id: ids.delete, deletes: true, call: (c, o) => c.deletePublicip(ids.delete, o) },
    listPorts: { match: { operation: "listPorts" }, call: (c, o) => c.listPorts({ device_id: WEB_SERVER }, o) },
  };
}

const logName = (name) => (["bindPublicip", "unbindPublicip"].includes(name) ? "updatePublicip" : name);

/**
 * Expected outcome of a fault exhausting its attempts: for a safe call (`safe`), a create
 * (`create`) and the IAM sign-in (`iam`, which retries twice itself). `{ resolves }` where a
 * 2xx is success whatever its body (a delete answers no body).
 */
const api = (status, retryable, requests) => ({ kind: "api", status, retryable, requests });
const MATRIX = {
  "HTTP 500": { fault: { type: "status", status: 500 }, safe: api(500, true, 3), create: api(500, false, 1), iam: api(500, true, 3) },
  "HTTP 502": { fault: { type: "status", status: 502 }, safe: api(502, true, 3), create: api(502, false, 1), iam: api(502, true, 3) },
  "HTTP 503": { fault: { type: "status", status: 503 }, safe: api(503, true, 3), create: api(503, false, 1), iam: api(503, true, 3) },
  "HTTP 504": { fault: { type: "status", status: 504 }, safe: api(504, true, 3), create: api(504, false, 1), iam: api(504, true, 3) },
  "connection reset": {
    fault: { type: "reset" },
    safe: { kind: "network", retryable: true, requests: 3 }, create: { kind: "network", retryable: false, requests: 1 }, iam: { kind: "network", retryable: true, requests: 3 },
  },
  "no answer (timeoutMs 200)": {
    fault: { type: "hang" }, opts: { timeoutMs: 200 },
    safe: { kind: "timeout", retryable: true, requests: 3 }, create: { kind: "timeout", retryable: false, requests: 1 }, iam: { kind: "timeout", retryable: true, requests: 3 },
  },
  "truncated JSON (200)": {
    fault: { type: "malformed" },
    safe: { kind: "response", retryable: false, requests: 1 }, create: { kind: "response", retryable: false, requests: 1 }, iam: { kind: "response", retryable: false, requests: 1 },
  },
  "HTML error page (502)": {
    fault: { type: "html" }, message: /HTML page/,
    safe: api(502, true, 3), create: api(502, false, 1), iam: api(502, true, 3),
  },
  "empty body (502)": { fault: { type: "empty" }, safe: api(502, true, 3), create: api(502, false, 1), iam: api(502, true, 3) },
  "empty body (200)": {
    fault: { type: "empty", status: 200 },
    safe: { kind: "response", retryable: false, requests: 1 }, create: { kind: "response", retryable: false, requests: 1 }, iam: { kind: "response", retryable: false, requests: 1 },
  },
  "2xx with a wrong body": {
    fault: { type: "wrongShape" },
    safe: { kind: "response", retryable: false, requests: 1 }, create: { kind: "response", retryable: false, requests: 1 }, iam: { kind: "response", retryable: false, requests: 1 },
  },
};

/** Runs every operation (and an IAM sign-in) under `fault`, all at once; returns the outcomes. */
async function runMatrix(spec, { retries = 2, times = 3 } = {}) {
  const ids = await stage();
  const ops = operations(ids);
  const opts = spec.opts ?? {};
  for (const { match } of Object.values(ops)) await emu.fault(spec.fault, match, times);
  await emu.fault(spec.fault, { operation: "iamToken" }, times);
  // The IAM sign-in, through the provider (which retries twice by itself).
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT, fetch: recordingFetch(), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  const runs = Object.entries(ops).map(async ([name, op]) => [name, await settle(() => op.call(fresh({ retries }), opts), 20_000)]);
  runs.push((async () => ["iamToken", await settle(() => provider({ forceRefresh: true }), 20_000)])());
  const outcomes = Object.fromEntries(await Promise.all(runs));
  return { ids, ops, outcomes };
}

/** Checks the outcomes of a matrix run against the expectations; returns the problems. */
async function checkMatrix({ ids, ops, outcomes }, spec) {
  const problems = [];
  const check = async (name, outcome, expected, operation, id) => {
    const count = (await received(operation, id)).length;
    if (count !== expected.requests) problems.push(`${name}: the emulator received ${count} requests, expected ${expected.requests}`);
    if (expected.resolves) {
      if (outcome.state !== "resolved") problems.push(`${name}: ${describeOutcome(outcome)}, expected a result`);
      return;
    }
    if (outcome.state !== "rejected" || !(outcome.error instanceof EipError)) {
      problems.push(`${name}: ${describeOutcome(outcome)}`);
      return;
    }
    const e = outcome.error;
    if (e.kind !== expected.kind) problems.push(`${name}: kind ${e.kind}, expected ${expected.kind} (${e.message})`);
    if (expected.status !== undefined && e.status !== expected.status) problems.push(`${name}: status ${e.status}, expected ${expected.status}`);
    if (e.retryable !== expected.retryable) problems.push(`${name}: retryable ${e.retryable}, expected ${expected.retryable}`);
    if (spec.message && !spec.message.test(e.message)) problems.push(`${name}: message ${e.message}`);
    if (e.kind !== "timeout" && e.kind !== "network" && e.kind !== "aborted" && !/^[0-9a-f]{32}$/.test(e.requestId ?? "")) {
      problems.push(`${name}: no request id (${e.requestId})`);
    }
  };
  for (const [name, op] of Object.entries(ops)) {
    let expected = op.create ? spec.create : spec.safe;
    // A delete succeeds on any 2xx, whatever its body (the service answers none).
    if (op.deletes && expected.kind === "response") expected = { resolves: true, requests: 1 };
    await check(name, outcomes[name], expected, logName(name), op.id);
  }
  await check("iamToken", outcomes.iamToken, spec.iam, "iamToken");
  const iam = outcomes.iamToken.error;
  if (iam && iam.operation !== "iamToken") problems.push(`iamToken: operation ${iam.operation}`);
  // A faulted create made nothing: the five staged EIPs, no more.
  const eips = (await emu.state()).eips;
  const staged = new Set(Object.values(ids));
  const extra = eips.filter((e) => !staged.has(e.id));
  if (extra.length) problems.push(`a faulted create made an EIP: ${extra.map((e) => e.id)}`);
  return problems;
}

for (const [name, spec] of Object.entries(MATRIX)) {
  test(`fault matrix: ${name}, on every operation`, async () => {
    const run = await runMatrix(spec);
    const problems = await checkMatrix(run, spec);
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}

test("fault matrix: 429 with Retry-After: 1 s, on every operation", async () => {
  // retries: 1, so a safe call waits once (≥ 1 s) and then reports the 429 it got again.
  // (The IAM provider retries twice by itself: two 429s, then a token.)
  const spec = {
    fault: { type: "retryAfter", seconds: 1 },
    safe: api(429, true, 2), create: api(429, true, 1), iam: { resolves: true, requests: 3 },
  };
  const started = Date.now();
  const run = await runMatrix(spec, { retries: 1, times: 2 });
  const problems = await checkMatrix(run, spec);
  assert.deepEqual(problems, [], problems.join("\n"));
  assert.ok(Date.now() - started >= 950, "Retry-After was honoured");
  // A create's 429 was refused unprocessed: retryable for the caller, yet not repeated here.
  assert.equal(run.outcomes.createPublicip.error.retryable, true);
});

test("transient faults: safe calls recover on their retry; a create is still sent once", async () => {
  for (const fault of [{ type: "status", status: 503 }, { type: "reset" }, { type: "retryAfter", seconds: 1 }, { type: "html" }]) {
    await resetEmulator();
    const ids = await stage();
    const ops = operations(ids);
    for (const { match } of Object.values(ops)) await emu.fault(fault, match, 1);
    const outcomes = Object.fromEntries(await Promise.all(Object.entries(ops).map(async ([name, op]) => [name, await settle(() => op.call(fresh(), {}), 20_000)])));
    for (const [name, op] of Object.entries(ops)) {
      const count = (await received(logName(name), op.id)).length;
      if (op.create) {
        assert.equal(outcomes[name].state, "rejected", `${fault.type} ${name}`);
        assert.equal(count, 1, `${fault.type} ${name}: a create is never repeated`);
      } else {
        assert.equal(outcomes[name].state, "resolved", `${fault.type} ${name}: ${describeOutcome(outcomes[name])}`);
        assert.equal(count, 2, `${fault.type} ${name}: one retry`);
      }
    }
  }
});

test("a create whose answer never comes may still happen: it is not repeated, and not retryable", async () => {
  for (const [operation, call] of [
    ["createPublicip", (c) => c.createPublicip(PER_BODY, { timeoutMs: 150 })],
    ["createPrepaidPublicip", (c) => c.createPrepaidPublicip(PREPAID_BODY, { timeoutMs: 150 })],
  ]) {
    await resetEmulator();
    await emu.fault({ type: "delay", ms: 400 }, { operation });
    const error = await failure(call(fresh({ retries: 5 })), operation);
    assert.deepEqual([error.kind, error.retryable], ["timeout", false], operation);
    assert.equal((await received(operation)).length, 1, `${operation}: sent once`);
    // The delayed request then runs: exactly one EIP exists, which is why a retry would be wrong.
    await eventually(async () => (await emu.state()).eips.length === 1, 3_000);
    await sleep(300);
    assert.equal((await emu.state()).eips.length, 1, operation);
  }
});

// ---------------------------------------------------------------------------------------------
// The walkthrough failing at each step: the original failure, the cleanup report, no orphan.

const FAST = { intervalMs: 20, timeoutMs: 3_000 };

/** Runs the walkthrough on web-01 with a fresh client; returns `{ outcome, events, client }`. */
async function walk({ create = PER_BODY, input = {}, options = {}, hooks, retries = 2, auth } = {}) {
  const client = fresh({ hooks, retries, auth });
  const events = [];
  const onProgress = (event) => {
    events.push(event);
    options.onProgress?.(event);
  };
  const outcome = await settle(() => client.bindNewPublicipToServer({ serverId: WEB_SERVER, create, ...FAST, ...input }, { ...options, onProgress }), 30_000);
  return { outcome, events, client };
}

/** The walkthrough failed with `kind`, and its cleanup report is what is expected. */
async function assertWalkFailure({ outcome, events }, { kind, code, status, cleanup, label }) {
  assert.equal(outcome.state, "rejected", `${label}: ${describeOutcome(outcome)}`);
  const error = outcome.error;
  assert.ok(error instanceof EipError, label);
  assert.equal(error.kind, kind, `${label}: ${error.message}`);
  if (code !== undefined) assert.equal(error.code, code, label);
  if (status !== undefined) assert.equal(error.status, status, label);
  if (cleanup === undefined) {
    assert.equal(error.cleanup, undefined, `${label}: nothing to clean up`);
  } else {
    const actions = error.cleanup.actions.map((a) => `${a.action}:${a.ok}`);
    assert.deepEqual(actions, cleanup.actions, `${label}: actions ${JSON.stringify(error.cleanup)}`);
    assert.equal(error.cleanup.leftBehind.length, cleanup.leftBehind.length, `${label}: leftBehind ${JSON.stringify(error.cleanup.leftBehind)}`);
    error.cleanup.leftBehind.forEach((left, i) => {
      assert.match(left.reason, cleanup.leftBehind[i], label);
    });
    // Each action names its EIP; the report also reached onProgress.
    for (const a of error.cleanup.actions) assert.match(a.publicipId, /^[0-9a-f-]{36}$/, label);
    assert.ok(events.some((e) => e.step === "cleanup" && e.state === "done"), `${label}: cleanup reported`);
  }
  // Whatever happened, nothing is orphaned: released, or named in the report.
  const named = (error.cleanup?.leftBehind ?? []).map((l) => l.publicipId).filter(Boolean);
  assert.deepEqual(await orphans(named), [], `${label}: orphaned EIPs`);
  return error;
}

const UNKNOWN = /may have reached the service/;

test("walkthrough: listPorts fails → nothing created, nothing to clean up", async () => {
  for (const [label, fault, options] of [
    ["503 ×3", { type: "status", status: 503 }, {}],
    ["no answer ×3", { type: "hang" }, { timeoutMs: 200 }],
    ["wrong body", { type: "wrongShape" }, {}],
  ]) {
    await resetEmulator();
    await emu.fault(fault, { operation: "listPorts" }, 3);
    const run = await walk({ options });
    await assertWalkFailure(run, { kind: { "503 ×3": "api", "no answer ×3": "timeout", "wrong body": "response" }[label], label: `listPorts ${label}` });
    assert.equal((await received("createPublicip")).length, 0, label);
  }
});

test("walkthrough: the create fails → refused leaves nothing; an unknown outcome is named", async () => {
  const cases = [
    ["400 (refused)", { type: "status", status: 400, body: { code: "VPC.0501", message: "no" } }, "api", undefined],
    ["429 (refused)", { type: "retryAfter", seconds: 1 }, "api", undefined],
    ["503", { type: "status", status: 503 }, "api", { actions: [], leftBehind: [UNKNOWN] }],
    ["HTML 502", { type: "html" }, "api", { actions: [], leftBehind: [UNKNOWN] }],
    ["empty 502", { type: "empty" }, "api", { actions: [], leftBehind: [UNKNOWN] }],
    ["connection reset", { type: "reset" }, "network", { actions: [], leftBehind: [UNKNOWN] }],
    ["no answer", { type: "hang" }, "timeout", { actions: [], leftBehind: [UNKNOWN] }],
    ["truncated JSON", { type: "malformed" }, "response", { actions: [], leftBehind: [UNKNOWN] }],
    ["wrong body", { type: "wrongShape" }, "response", { actions: [], leftBehind: [UNKNOWN] }],
  ];
  for (const [label, fault, kind, cleanup] of cases) {
    await resetEmulator();
    await emu.fault(fault, { operation: "createPublicip" }, 3);
    const run = await walk({ options: label === "no answer" ? { timeoutMs: 300 } : {} });
    const error = await assertWalkFailure(run, { kind, cleanup, label: `create ${label}` });
    assert.equal((await received("createPublicip")).length, 1, `create ${label}: sent once`);
    if (cleanup) assert.deepEqual([error.cleanup.leftBehind[0].publicipId, error.cleanup.leftBehind[0].orderId], [null, null]);
    assert.equal((await emu.state()).eips.length, 0, `create ${label}: nothing was created`);
  }
});

test("walkthrough: a create that happened although its answer was lost is named as a possible EIP", async () => {
  await emu.fault({ type: "delay", ms: 500 }, { operation: "createPublicip" });
  const { outcome } = await walk({ options: { timeoutMs: 200 } });
  assert.equal(outcome.error?.kind, "timeout", describeOutcome(outcome));
  assert.deepEqual(outcome.error.cleanup.actions, []);
  assert.equal(outcome.error.cleanup.leftBehind.length, 1);
  assert.match(outcome.error.cleanup.leftBehind[0].reason, UNKNOWN);
  assert.match(outcome.error.message, /left behind: a possible EIP/);
  // The EIP appears once the delayed request runs: the one EIP the client cannot name by id,
  // as many as the report says may exist. The reason's advice finds it.
  await eventually(async () => (await emu.state()).eips.length === 1, 3_000);
  const unnamed = outcome.error.cleanup.leftBehind.filter((l) => l.publicipId === null).length;
  assert.equal((await orphans()).length, unnamed, "one unnamed EIP for one possible EIP");
  assert.equal((await received("createPublicip")).length, 1, "sent once");
});

test("walkthrough: waiting for DOWN fails → the new EIP is released", async () => {
  const ERROR_BODY = (id) => ({ publicip: { id, status: "ERROR" } });
  // (Faults that are not retried are queued once: the cleanup's own reads must succeed.)
  for (const [label, fault, kind, options, times] of [
    ["503 ×3", { type: "status", status: 503 }, "api", {}, 3],
    ["no answer ×3", { type: "hang" }, "timeout", { timeoutMs: 200 }, 3],
    ["truncated JSON", { type: "malformed" }, "response", {}, 1],
    ["status ERROR", null, "api", {}, 1],
  ]) {
    await resetEmulator();
    let hooks;
    if (fault) {
      await emu.fault(fault, { operation: "showPublicip" }, times);
    } else {
      // Once the create answered, the next status read says ERROR.
      hooks = { after: async (entry, response) => {
        if (operationOf(entry) === "createPublicip") {
          const { publicip } = await response.clone().json();
          await emu.fault({ type: "status", status: 200, body: ERROR_BODY(publicip.id) }, { operation: "showPublicip" });
        }
      } };
    }
    const run = await walk({ options, hooks });
    await assertWalkFailure(run, { kind, code: fault ? undefined : "ERROR", cleanup: { actions: ["delete:true"], leftBehind: [] }, label: `waitCreated ${label}` });
    assert.ok(run.events.some((e) => e.step === "waitCreated" && e.state === "started"), label);
    assert.ok(!run.events.some((e) => e.step === "bind"), `${label}: never bound`);
  }
});

test("walkthrough: the bind fails → never bound, released", async () => {
  for (const [label, fault, kind, options, times] of [
    ["503 ×3", { type: "status", status: 503 }, "api", {}, 3],
    ["connection reset ×3", { type: "reset" }, "network", {}, 3],
    ["no answer ×3", { type: "hang" }, "timeout", { timeoutMs: 200 }, 3],
    ["wrong body", { type: "wrongShape" }, "response", {}, 1],
  ]) {
    await resetEmulator();
    await emu.fault(fault, { operation: "updatePublicip" }, times);
    const run = await walk({ options });
    await assertWalkFailure(run, { kind, cleanup: { actions: ["delete:true"], leftBehind: [] }, label: `bind ${label}` });
    assert.equal((await received("createPublicip")).length, 1, label);
  }
});

test("walkthrough: a bind applied but whose answer was lost → the retry fails, the EIP is unbound and released", async () => {
  // The first bind reaches the service and binds; the client is told 502 and retries, which
  // the service refuses (already bound). The cleanup must see the EIP bound and undo it.
  let lost = false;
  const hooks = { answer: async (request) => {
    const response = await fetch(request);
    if (request.method === "PUT" && !lost) {
      lost = true;
      return new Response("", { status: 502 });
    }
    return response;
  } };
  const run = await walk({ hooks });
  const error = await assertWalkFailure(run, { kind: "api", status: 409, cleanup: { actions: ["unbind:true", "delete:true"], leftBehind: [] }, label: "lost bind answer" });
  assert.match(error.code, /^VPC\.05(10|13)$/);
  assert.equal((await received("updatePublicip")).filter((r) => r.status === 200).length >= 2, true, "bind, then the cleanup's unbind");
});

test("walkthrough: waiting for ACTIVE fails → unbound, then released", async () => {
  // Staged by the client's own fetch: once the bind has been answered, status reads fail.
  const hooks = { after: async (entry) => {
    if (entry.method === "PUT" && entry.status === 200 && !hooks.done) {
      hooks.done = true;
      await emu.fault({ type: "status", status: 503 }, { operation: "showPublicip" }, 3);
    }
  } };
  const run = await walk({ hooks });
  await assertWalkFailure(run, { kind: "api", status: 503, cleanup: { actions: ["unbind:true", "delete:true"], leftBehind: [] }, label: "waitBound 503 ×3" });
  assert.ok(run.events.some((e) => e.step === "waitBound" && e.state === "started"));
});

test("walkthrough: the cleanup itself fails → what it could not undo is named", async () => {
  // The bind is refused; then the release fails three times: the EIP stays, named.
  await emu.fault({ type: "status", status: 409, body: { code: "VPC.0511", message: "port busy" } }, { operation: "updatePublicip" });
  await emu.fault({ type: "status", status: 503 }, { operation: "deletePublicip" }, 3);
  const run = await walk();
  const error = await assertWalkFailure(run, { kind: "api", code: "VPC.0511", cleanup: { actions: ["delete:false"], leftBehind: [/could not be released/] }, label: "delete fails" });
  const [left] = error.cleanup.leftBehind;
  assert.equal(left.publicipId, error.cleanup.actions[0].publicipId);
  assert.match(error.message, new RegExp(`left behind: EIP ${left.publicipId}`));
  assert.equal((await emu.state()).eips.find((e) => e.id === left.publicipId)?.status, "DOWN");

  // The bind succeeds, ACTIVE is never seen, and the unbind fails: no release is attempted.
  await resetEmulator();
  const hooks = { after: async (entry) => {
    if (entry.method === "PUT" && entry.status === 200 && !hooks.done) {
      hooks.done = true;
      await emu.fault({ type: "status", status: 503 }, { operation: "showPublicip" }, 3);
      await emu.fault({ type: "status", status: 503 }, { operation: "updatePublicip" }, 3);
    }
  } };
  const bound = await walk({ hooks });
  const unbindFailed = await assertWalkFailure(bound, { kind: "api", status: 503, cleanup: { actions: ["unbind:false"], leftBehind: [/could not be unbound/] }, label: "unbind fails" });
  const id = unbindFailed.cleanup.leftBehind[0].publicipId;
  assert.equal((await emu.state()).eips.find((e) => e.id === id)?.status, "ACTIVE", "still bound, and named");
  assert.equal((await received("deletePublicip")).length, 0, "a bound EIP is not released");
});

test("walkthrough: a prepaid EIP that fails after the create is named with its order", async () => {
  const hooks = { after: async (entry) => {
    if (entry.method === "PUT" && entry.status === 200 && !hooks.done) {
      hooks.done = true;
      await emu.fault({ type: "status", status: 503 }, { operation: "showPublicip" }, 3);
    }
  } };
  const run = await walk({ create: PREPAID_BODY, hooks });
  const error = await assertWalkFailure(run, { kind: "api", status: 503, cleanup: { actions: ["unbind:true"], leftBehind: [/billing center/] }, label: "prepaid waitBound" });
  const [left] = error.cleanup.leftBehind;
  assert.match(left.orderId, /^CS[A-Z0-9]{15}$/);
  const eip = (await emu.state()).eips.find((e) => e.id === left.publicipId);
  assert.equal(eip.status, "DOWN", "unbound, kept (only the billing center can end it)");
  assert.equal(eip.profile.order_id, left.orderId);
});

test("walkthrough: aborted while the bind is in progress → unbound and released once it settles", async () => {
  await emu.config({ holdStatuses: ["BINDING"] });
  const controller = new AbortController();
  const options = { signal: controller.signal, onProgress: (event) => {
    if (event.step === "waitBound" && event.status === "BINDING" && !controller.signal.aborted) {
      controller.abort();
      setTimeout(() => void emu.config({ holdStatuses: [] }), 150); // the bind then completes
    }
  } };
  const run = await walk({ options });
  await assertWalkFailure(run, { kind: "aborted", cleanup: { actions: ["unbind:true", "delete:true"], leftBehind: [] }, label: "abort during BINDING" });
});

// ---------------------------------------------------------------------------------------------
// An IAM token that expires mid-walkthrough: the client renews after the 401 and goes on.

/** A walkthrough with an IAM token provider; `stageAt(event)` may stage something. */
async function walkWithIam(stageAt) {
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT, fetch: recordingFetch() });
  const staged = [];
  const run = await walk({
    auth: { tokenProvider: provider },
    options: { onProgress: (event) => { const p = stageAt(event); if (p) staged.push(p); } },
  });
  await Promise.all(staged);
  return { ...run, provider };
}

for (const [step, hold, status] of [["waitCreated", "PENDING_CREATE", "PENDING_CREATE"], ["waitBound", "BINDING", "BINDING"]]) {
  test(`IAM token expires during ${step}: renewed after the 401, the walkthrough completes`, async () => {
    // The EIP is held in ${hold}, so the walkthrough must make more calls after the expiry.
    await emu.config({ holdStatuses: [hold] });
    let done = false;
    const run = await walkWithIam((event) => {
      if (!done && event.step === step && event.status === status) {
        done = true;
        return (async () => {
          await emu.control("POST", "tokens/expire");
          await emu.config({ holdStatuses: [] });
        })();
      }
    });
    assert.equal(run.outcome.state, "resolved", describeOutcome(run.outcome));
    assert.equal(run.outcome.value.publicip.status, "ACTIVE");
    const log = await emu.requests();
    const refused = log.findIndex((r) => r.status === 401);
    assert.ok(refused > 0, "a call was refused with the expired token");
    assert.deepEqual([log[refused + 1].operation, log[refused + 1].status], ["iamToken", 201], "then a new token");
    assert.ok(log.slice(refused + 2).every((r) => r.status < 300), "and every later call succeeded");
    assert.equal(log.filter((r) => r.operation === "iamToken").length, 2);
    assert.equal(log.filter((r) => r.operation === "createPublicip").length, 1);
    assert.equal(run.provider.issued, 2);
  });
}

test("IAM token expires just before the create: the 401 is renewed and the create resent once; one EIP", async () => {
  // Staged by the client's fetch: after listPorts is answered, every issued token expires.
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT, fetch: recordingFetch() });
  const hooks = { after: async (entry) => { if (operationOf(entry) === "listPorts") await emu.control("POST", "tokens/expire"); } };
  const run = await walk({ auth: { tokenProvider: provider }, hooks });
  assert.equal(run.outcome.state, "resolved", describeOutcome(run.outcome));
  const creates = await received("createPublicip");
  assert.deepEqual(creates.map((r) => r.status), [401, 200], "refused unprocessed, then sent again");
  assert.equal((await emu.state()).eips.length, 1, "one EIP");
});
