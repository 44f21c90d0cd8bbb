// A soak: thousands of mixed calls (creates, shows, lists, binds, unbinds, conversions,
// deletes, waits, walkthroughs), eight in flight, with random faults and token expiries, from
// a seeded PRNG. Each call ends in a result or an EipError, never sends a create twice, and
// the client-side record of every EIP it made (created, deleted, bound by a walkthrough, named
// in a cleanup report, or possibly made by a create whose answer was lost) matches the
// emulator's world at the end: no orphan. Then the process holds no leaked timer or socket.
//
//   STRESS_SEED=<n>      replay with another seed (printed at the start; fixed by default)
//   STRESS_SOAK_MS=<ms>  time budget of the mixed phase (default 20000, at most 60000)
//   STRESS_SOAK_OPS=<n>  number of operations (default 3000)
// (The seed fixes each worker's sequence of choices; the interleaving of eight workers over
// real sockets still varies from run to run.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { EipClient, EipError, iamTokenProvider } from "eipkit";
import {
  emulator, emulatorProcess, prng, recordingFetch, operationOf, CREATE_OPERATIONS, settle, eipErrorProblems, describeOutcome,
  uncaughtCollector, runChild, sleep, waitStatus, PROJECT, TOKEN, AK, SK, USER, WEB_PORT, DB_SECONDARY_PORT, PER_BODY,
} from "./helpers.mjs";

const SEED = Number(process.env.STRESS_SEED ?? 20_251_123);
const DURATION_MS = Math.min(Number(process.env.STRESS_SOAK_MS ?? 20_000), 60_000);
const TARGET_OPS = Number(process.env.STRESS_SOAK_OPS ?? 3_000);
const CONCURRENCY = 8;
const CALL_MS = 300; // per-call timeoutMs: a "hang" fault costs at most 3 × 300 ms
const SERVERS = 40; // each with one port, for walkthroughs
const BIND_PORTS = 8; // servers whose port the plain binds use
const FAULT_RATE = 0.12;

const uncaught = uncaughtCollector();

const PREPAID = {
  publicip: { type: "5_bgp" },
  bandwidth: { share_type: "PER", name: "bw-soak-prepaid", size: 2 },
  extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
};
const POSTPAID_V2 = { publicip: { type: "5_sbgp" }, bandwidth: { share_type: "PER", name: "bw-soak-v2", size: 10 } };

/** Which faults an operation may get. A delete never gets a 2xx fault (the emulator answers
 * 2xx without deleting: the client could not know) nor a delay (a late delete). */
const FAULTS_ANY = [
  [{ type: "status", status: 503 }, 6], [{ type: "status", status: 500 }, 3], [{ type: "reset" }, 5], [{ type: "hang" }, 3],
  [{ type: "html" }, 3], [{ type: "empty" }, 2], [{ type: "retryAfter", seconds: 1 }, 1],
];
const FAULTS_2XX = [[{ type: "malformed" }, 2], [{ type: "wrongShape" }, 2], [{ type: "empty", status: 200 }, 1]];
const FAULTS_CREATE = [...FAULTS_ANY, ...FAULTS_2XX, [{ type: "delay", ms: 500 }, 3]];

/** Whether a failed create may nevertheless have created something. */
const mayHaveCreated = (e) => e instanceof EipError && (["network", "timeout", "response", "aborted"].includes(e.kind) || (e.kind === "api" && e.status >= 500));

test(`soak: ${TARGET_OPS} mixed calls, ${CONCURRENCY} in flight, random faults (seed ${SEED})`, { timeout: DURATION_MS + 60_000 }, async (t) => {
  console.log(`# soak seed ${SEED} (replay: STRESS_SEED=${SEED}), budget ${DURATION_MS} ms, ${TARGET_OPS} operations`);
  const emu = await emulatorProcess({ transitionMs: 20 });
  t.after(() => emu.close());

  // Servers with one port each: walkthroughs compete for them, as users would; plain binds
  // use ports of their own (and may take a walkthrough's web-01/db-01 ones).
  const made = async (name) => (await emu.control("POST", "servers", { name, ports: [{ primary: true }] }));
  const servers = [];
  for (let i = 0; i < SERVERS; i++) {
    const m = await made(`soak-${i}`);
    servers.push({ id: m.server.id, port: m.ports[0].id });
  }
  const ports = [WEB_PORT, DB_SECONDARY_PORT];
  for (let i = 0; i < BIND_PORTS; i++) ports.push((await made(`bind-${i}`)).ports[0].id);

  // The request log holds the last 5000 entries: it is read every 300 ms and merged by seq.
  const log = new Map();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      for (const r of await emu.requests()) log.set(r.seq, r);
      await sleep(300);
    }
  })();

  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT });
  const auths = [[{ token: TOKEN }, 6], [{ ak: AK, sk: SK }, 2], [{ tokenProvider: provider }, 3]];

  // The client's record of every EIP it made.
  const live = new Map(); // id → how it is known ("created", "prepaid", "walkthrough", "left behind")
  const deleted = new Set();
  // Deletes that failed after a request may have been carried out (a timeout, a dropped
  // connection, a retry): the client cannot know, so these EIPs may be gone.
  const maybeDeleted = new Set();
  let unknownCreates = 0; // creates that failed after possibly reaching the service
  const problems = [];
  const stats = { ops: 0, ok: 0, failed: {}, faults: 0, walkthroughs: { ok: 0, failed: 0 }, createCalls: 0, ms: {} };
  let createRequests = 0; // as the clients recorded them (not refused with 401)

  const pickLive = (r) => {
    const ids = [...live.keys()];
    return ids.length ? r.pick(ids) : "00000000-0000-4000-8000-000000000000";
  };
  const remember = (id, how) => {
    if (typeof id === "string" && id && !deleted.has(id)) live.set(id, how);
  };

  const OPERATIONS = {
    create: { weight: 16, creates: true, faults: FAULTS_CREATE, match: () => ({ operation: "createPublicip" }),
      call: (c) => c.createPublicip(PER_BODY, { timeoutMs: CALL_MS }), done: (v) => remember(v.publicip.id, "created") },
    createV2: { weight: 5, creates: true, faults: FAULTS_CREATE, match: () => ({ operation: "createPrepaidPublicip" }),
      call: (c, r) => c.createPrepaidPublicip(r.chance(0.5) ? PREPAID : POSTPAID_V2, { timeoutMs: CALL_MS }),
      done: (v) => (v.order_id ? remember(v.publicip_id, "prepaid") : remember(v.publicip.id, "created")) },
    show: { weight: 12, faults: [...FAULTS_ANY, ...FAULTS_2XX], target: true, match: (id) => ({ operation: "showPublicip", path: id }),
      call: (c, r, id) => c.showPublicip(id, { timeoutMs: CALL_MS }) },
    list: { weight: 7, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: () => ({ operation: "listPublicips" }),
      call: (c, r) => c.listPublicips(r.chance(0.5) ? { limit: 1 + r.int(50) } : {}, { timeoutMs: CALL_MS }) },
    listPorts: { weight: 4, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: () => ({ operation: "listPorts" }),
      call: (c, r) => c.listPorts({ device_id: r.pick(servers).id }, { timeoutMs: CALL_MS }) },
    bind: { weight: 9, faults: [...FAULTS_ANY, ...FAULTS_2XX], target: true, match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.bindPublicip(id, r.pick(ports), { timeoutMs: CALL_MS }) },
    unbind: { weight: 7, faults: [...FAULTS_ANY, ...FAULTS_2XX], target: true, match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.unbindPublicip(id, { timeoutMs: CALL_MS }) },
    convert: { weight: 3, faults: [...FAULTS_ANY, ...FAULTS_2XX], target: true, match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.updatePublicip(id, { publicip: { ip_version: r.pick([4, 6]) } }, { timeoutMs: CALL_MS }) },
    delete: { weight: 18, faults: FAULTS_ANY, target: true, match: (id) => ({ operation: "deletePublicip", path: id }),
      call: (c, r, id) => c.deletePublicip(id, { timeoutMs: CALL_MS }), done: (v, id) => { live.delete(id); deleted.add(id); } },
    wait: { weight: 3, faults: FAULTS_ANY, target: true, match: (id) => ({ operation: "showPublicip", path: id }),
      call: (c, r, id) => c.waitForPublicip(id, { until: ["DOWN", "ACTIVE"], intervalMs: 20, timeoutMs: 600, notFoundGraceMs: 0 }, { timeoutMs: CALL_MS }) },
    walkthrough: { weight: 7, creates: true, faults: FAULTS_CREATE, match: (id, r) => ({ operation: r.pick(["listPorts", "createPublicip", "showPublicip", "updatePublicip"]) }),
      call: (c, r) => c.bindNewPublicipToServer(
        { serverId: r.pick(servers).id, create: r.chance(0.2) ? PREPAID : PER_BODY, intervalMs: 20, timeoutMs: 1_500, notFoundGraceMs: 1_000 },
        { timeoutMs: CALL_MS },
      ),
      done: (v) => remember(v.publicip.id, "walkthrough") },
    pages: { weight: 1, faults: [], match: () => ({}),
      call: async (c) => { let n = 0; for await (const eip of c.listAllPublicips({ limit: 100 })) n += eip ? 1 : 0; return n; } },
    expireTokens: { weight: 1, faults: [], match: () => ({}), call: () => emu.control("POST", "tokens/expire") },
  };
  const table = Object.entries(OPERATIONS).map(([name, op]) => [name, op.weight]);

  const started = Date.now();
  const worker = async (index) => {
    const r = prng((SEED * 31 + index) >>> 0);
    while (stats.ops < TARGET_OPS && Date.now() - started < DURATION_MS) {
      stats.ops++;
      const name = r.weighted(table);
      const op = OPERATIONS[name];
      const rec = recordingFetch();
      const auth = r.weighted(auths);
      const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth, retries: 2, timeoutMs: 1_000, fetch: rec });
      const id = op.target ? pickLive(r) : undefined;
      if (op.faults.length && r.chance(FAULT_RATE)) {
        stats.faults++;
        await emu.fault(r.weighted(op.faults), op.match(id, r), 1 + r.int(3));
      }
      if (op.creates) stats.createCalls++;
      const outcome = await settle(() => op.call(client, r, id), 30_000);
      stats.ms[name] = (stats.ms[name] ?? 0) + outcome.ms;

      // Every call ends, as a result or an EipError; a create is sent at most once.
      const label = `${name}${id ? ` ${id}` : ""}`;
      if (outcome.state === "hang") problems.push(`${label}: never settled`);
      if (outcome.state === "threw") problems.push(`${label}: threw synchronously: ${describeOutcome(outcome)}`);
      if (outcome.state === "rejected") problems.push(...eipErrorProblems(outcome.error).map((p) => `${label}: ${p}`));
      // Every input here is valid: a validation failure is a bug.
      if (outcome.error?.kind === "validation") problems.push(`${label}: refused valid input: ${outcome.error.message}`);
      const creates = rec.log.filter((q) => CREATE_OPERATIONS.has(operationOf(q)) && q.status !== 401).length;
      createRequests += creates;
      if (creates > (op.creates ? 1 : 0)) problems.push(`${label}: ${creates} create requests sent`);

      // The record.
      if (outcome.state === "resolved") {
        stats.ok++;
        op.done?.(outcome.value, id);
        if (name === "walkthrough") stats.walkthroughs.ok++;
      } else if (outcome.state === "rejected") {
        const e = outcome.error;
        stats.failed[e.kind] = (stats.failed[e.kind] ?? 0) + 1;
        if (name === "walkthrough") {
          stats.walkthroughs.failed++;
          for (const action of e.cleanup?.actions ?? []) {
            if (action.action === "delete" && action.ok) { live.delete(action.publicipId); deleted.add(action.publicipId); }
          }
          for (const left of e.cleanup?.leftBehind ?? []) {
            if (left.publicipId) remember(left.publicipId, left.orderId ? "prepaid" : "left behind");
            else unknownCreates++;
          }
          // Once a create was sent and not refused (4xx), the failure carries a cleanup report.
          const created = rec.log.find((q) => CREATE_OPERATIONS.has(operationOf(q)) && q.status !== 401);
          const refused = created && created.status >= 400 && created.status < 500;
          if (created && !refused && !e.cleanup) problems.push(`walkthrough: ${e.kind} after a create (HTTP ${created.status}), no cleanup report`);
          for (const action of e.cleanup?.actions ?? []) {
            if (action.action === "delete" && !action.ok) maybeDeleted.add(action.publicipId);
          }
        } else if (op.creates && mayHaveCreated(e)) {
          unknownCreates++;
        } else if (name === "delete" && (["timeout", "network"].includes(e.kind) || rec.log.length > 1)) {
          maybeDeleted.add(id);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  const elapsed = Date.now() - started;

  // Let delayed creates land and transitions settle; no more faults.
  await emu.control("DELETE", "faults");
  await emu.config({ holdStatuses: [] });
  await sleep(1_000);
  polling = false;
  await poll;
  for (const r of await emu.requests()) log.set(r.seq, r);

  console.log(`# soak: ${stats.ops} operations in ${elapsed} ms (${Math.round((stats.ops / elapsed) * 1000)}/s), ${stats.ok} ok, failed ${JSON.stringify(stats.failed)}, ${stats.faults} faults injected, walkthroughs ${JSON.stringify(stats.walkthroughs)}`);
  if (process.env.STRESS_VERBOSE) console.log(`# soak: time per operation kind (ms): ${JSON.stringify(stats.ms)}`);
  console.log(`# soak: ${log.size} requests; ${live.size} EIPs known live, ${deleted.size} deleted, ${unknownCreates} creates of unknown outcome`);

  assert.deepEqual(uncaught, [], "nothing escaped to the process");
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  assert.ok(stats.ops >= Math.min(TARGET_OPS, 1_000), `only ${stats.ops} operations ran`);

  // The emulator's log agrees: it received no more creates than the clients sent (a request
  // timed out before it was written never arrives), and no more than there were create calls.
  const seqs = [...log.keys()].sort((a, b) => a - b);
  assert.equal(seqs.at(-1) - seqs[0] + 1, seqs.length, "the request log was read without a gap");
  const loggedCreates = [...log.values()].filter((r) => CREATE_OPERATIONS.has(r.operation) && r.status !== 401).length;
  console.log(`# soak: ${stats.createCalls} create calls (walkthroughs included), ${createRequests} create requests sent, ${loggedCreates} received`);
  assert.ok(loggedCreates <= createRequests, `the emulator received ${loggedCreates} creates, the clients sent ${createRequests}`);
  assert.ok(createRequests <= stats.createCalls, `${createRequests} creates sent for ${stats.createCalls} create calls`);

  // No orphan: every EIP in the world is known to the client, or is one of the creates whose
  // outcome the client reported as unknown; every EIP the client deleted is gone or going.
  const { eips } = await emu.state();
  const present = eips.filter((e) => e.status !== "PENDING_DELETE");
  const unexplained = present.filter((e) => !live.has(e.id));
  console.log(`# soak: ${present.length} EIPs in the world, ${unexplained.length} not known by id (≤ ${unknownCreates} creates of unknown outcome)`);
  const resurrected = unexplained.filter((e) => deleted.has(e.id));
  assert.deepEqual(resurrected.map((e) => e.id), [], "deleted, yet still there");
  assert.ok(unexplained.length <= unknownCreates, `${unexplained.length} EIPs the client does not know (${unexplained.map((e) => `${e.id} ${e.status}`).slice(0, 5)}), for ${unknownCreates} creates of unknown outcome`);
  // And exactly: every create the emulator carried out (answered 2xx, not a fault's answer)
  // made one EIP; the client learned the id of all but those it never got an answer for.
  const carriedOut = [...log.values()].filter((r) => CREATE_OPERATIONS.has(r.operation) && r.status >= 200 && r.status < 300 && (r.fault === null || r.fault === "delay")).length;
  const learned = new Set([...live.keys(), ...deleted]).size;
  assert.equal(unexplained.length, carriedOut - learned, `${carriedOut} creates carried out, ${learned} ids learned`);
  const ids = new Set(eips.map((e) => e.id));
  const vanished = [...live.keys()].filter((id) => !ids.has(id) && !maybeDeleted.has(id));
  assert.deepEqual(vanished, [], "EIPs the client holds vanished without a delete");

  // Clean up as a user would: unbind, then release what this API can release (the unknown
  // ones are found by listing, as the cleanup report advises). Only prepaid EIPs remain.
  const cleaner = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 2 });
  for (const eip of present) {
    if (eip.port_id || ["ACTIVE", "BINDING"].includes(eip.status)) {
      await waitStatus(cleaner, eip.id, ["ACTIVE", "DOWN"]);
      await settle(() => cleaner.unbindPublicip(eip.id));
    }
    await waitStatus(cleaner, eip.id, ["DOWN"]);
    if (!eip.profile) await cleaner.deletePublicip(eip.id);
  }
  const after = (await emu.state()).eips.filter((e) => e.status !== "PENDING_DELETE");
  assert.ok(after.every((e) => e.profile?.order_id), "only prepaid EIPs remain");
  assert.ok(after.every((e) => e.status === "DOWN"), "unbound");
  console.log(`# soak: ${after.length} prepaid EIPs remain (this API cannot release them), all known by id: ${after.every((e) => live.has(e.id) || unexplained.some((u) => u.id === e.id))}`);
});

test("no timer or socket is left behind: the process is idle once the emulator is closed", async () => {
  const emu = await emulator({ transitionMs: 20 });
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 2 });
  // Calls that arm per-attempt timers, backoff sleeps, abort listeners and polls, and end early.
  await emu.fault({ type: "hang" }, { operation: "showPublicip" }, 2);
  await settle(() => client.showPublicip("abc", { timeoutMs: 100 }));
  await emu.fault({ type: "retryAfter", seconds: 1 }, { operation: "listPublicips" });
  await settle(() => client.listPublicips({}, { signal: AbortSignal.timeout(100) }));
  const { publicip } = await client.createPublicip(PER_BODY);
  await settle(() => client.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 50, timeoutMs: 200 }));
  await settle(() => client.bindNewPublicipToServer({ serverId: "ea61f836-b52f-41bf-9d06-685644001d6f", create: PER_BODY, intervalMs: 20 }, { signal: AbortSignal.timeout(60) }));
  await emu.close();
  // Closed sockets and cleared timers leave the list within a few turns of the event loop.
  const busy = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout" || /TCP|Socket/.test(r));
  for (let i = 0; i < 100 && busy().length; i++) await sleep(20);
  assert.deepEqual(busy(), [], `still active: ${process.getActiveResourcesInfo().join(", ")}`);
});

test("a program using the client exits promptly on its own (no process.exit)", async () => {
  // A short mixed run in a process of its own, ending without process.exit: a leaked timer
  // (a 30 s per-attempt timeout, a backoff, a poll) would keep it alive.
  const run = await runChild(`
    import { EipClient } from "eipkit";
    import { emulator, PROJECT, TOKEN, WEB_SERVER, PER_BODY } from "./tests/js/support.mjs";
    const emu = await emulator();
    const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 2 });
    const quiet = (p) => p.then(() => {}, () => {});
    await emu.fault({ type: "hang" }, { operation: "listPorts" }, 1);
    await emu.fault({ type: "status", status: 503 }, { operation: "showPublicip" }, 2);
    await Promise.all([
      quiet(client.listPorts({ device_id: WEB_SERVER }, { timeoutMs: 100 })),
      quiet(client.bindNewPublicipToServer({ serverId: WEB_SERVER, create: PER_BODY, intervalMs: 20 })),
      quiet(client.listPublicips({}, { signal: AbortSignal.timeout(50) })),
      quiet(client.createPublicip(PER_BODY).then(({ publicip }) => client.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 20, timeoutMs: 150 }))),
    ]);
    await emu.close();
    console.log(JSON.stringify({ done: Date.now() }));
  `, { timeoutMs: 40_000 });
  assert.equal(run.code, 0, run.stderr.slice(-500));
  assert.ok(run.json?.done, run.stdout);
  const lingering = Date.now() - run.json.done;
  assert.ok(lingering < 5_000, `the process lingered ${lingering} ms after its work was done`);
});
