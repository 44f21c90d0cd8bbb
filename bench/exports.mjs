// Part 6: the cost of each export of `eipkit`, one call at a time, on a typical valid input.
//
// Synchronous exports are timed with benchSync; asynchronous ones (init, the token provider,
// every EipClient method) with benchAsync. Client methods use AK/SK auth (as part 2) and an
// injected fetch that answers as the emulator does, by method and path, so a call is the whole
// client path without a network. Every call is checked to succeed before and after it is timed:
// a broken export reports its failure, never a fast, meaningless number.
import { benchAsync, benchSync } from "./lib/measure.mjs";
import { timedFetch, benchWithStub } from "./lib/stub.mjs";
import { runPart } from "./lib/part.mjs";
import { AK, SK, PROJECT_ID, SERVER_ID, PORT_ID, CANNED, createV1Valid, createPrepaidValid, signedPrepaidRequest, updateBind, updateConvert, publicipList } from "./fixtures.mjs";

const ENDPOINT = "https://vpc.cn-north-4.myhuaweicloud.com";
const IAM_ENDPOINT = "https://iam.myhuaweicloud.com";
const EIP_ID = JSON.parse(CANNED.prepaidCreate).publicip_id;

// The service's answers (the emulator's views, emulator/eips.mjs), as JSON text made once so the
// stub's own cost stays small.
const eip = { id: EIP_ID, type: "5_bgp", public_ip_address: "161.17.101.2", ip_version: 4, tenant_id: PROJECT_ID, create_time: "2025-11-23 15:16:52" };
const bandwidth = { bandwidth_id: "b0000001-8c1d-4f7e-9a2b-3c4d5e6f7a8b", bandwidth_size: 300, bandwidth_share_type: "PER", bandwidth_name: "web-bw" };
const rest = { enterprise_project_id: "0", alias: "web-01.eip" };
const bound = { private_ip_address: "192.168.0.75", port_id: PORT_ID };
const view = (status, more = {}) => JSON.stringify({ publicip: { ...eip, status, ...more, ...bandwidth, ...rest } });
const ANSWERS = {
  created: JSON.stringify({ publicip: { ...eip, status: "PENDING_CREATE", bandwidth_size: 300, ...rest } }),
  DOWN: view("DOWN"),
  ACTIVE: view("ACTIVE", bound),
  BINDING: view("BINDING", bound),
  PENDING_UPDATE: view("PENDING_UPDATE", bound),
  ipv6: view("DOWN", { ip_version: 6, public_ipv6_address: "2001:db8:a583:6e::2" }),
  list: publicipList(10),
  emptyList: JSON.stringify({ publicips: [] }),
};

/**
 * An injected fetch answering as the service would. The EIP's status follows the requests just
 * enough for the waits to end at their first show: created → DOWN at once, bound → ACTIVE at
 * once, unbound → DOWN. Counts the requests and the time spent inside it.
 */
function serviceStub() {
  let status = "DOWN";
  const json = (body, code = 200) => new Response(body, { status: code, headers: CANNED.headers });
  const answer = async (request) => {
    const url = new URL(request.url);
    const [, version, , collection, id] = url.pathname.split("/");
    const route = `${request.method} ${collection}${id ? "/:id" : ""}`;
    if (route === "POST publicips") {
      status = "DOWN";
      // The v2.0 create answers an order: the benchmark's v2.0 body is prepaid.
      return json(version === "v2.0" ? CANNED.prepaidCreate : ANSWERS.created);
    }
    if (route === "GET publicips/:id") return json(ANSWERS[status]);
    if (route === "GET publicips") return json(url.searchParams.has("marker") ? ANSWERS.emptyList : ANSWERS.list);
    if (route === "GET ports") return json(CANNED.listPorts);
    if (route === "DELETE publicips/:id") return new Response(null, { status: 204, headers: CANNED.headers });
    if (route === "PUT publicips/:id") {
      // bind, convert or unbind, as the body says (read as the runtime's fetch would send it).
      const { publicip } = await request.json();
      if (publicip.port_id) return (status = "ACTIVE"), json(ANSWERS.BINDING);
      if (publicip.ip_version) return json(publicip.ip_version === 6 ? ANSWERS.ipv6 : ANSWERS.DOWN);
      return (status = "DOWN"), json(ANSWERS.PENDING_UPDATE);
    }
    return json(JSON.stringify({ error_code: "VPC.0002", error_msg: `no route ${route}` }), 404);
  };
  return timedFetch(answer);
}

/** IAM's answer to a password sign-in (emulator/iam.mjs): the token in a header, valid a day. */
function iamStub() {
  const body = JSON.stringify({ token: { expires_at: new Date(Date.now() + 86_400_000).toISOString(), methods: ["password"] } });
  return async () => new Response(body, { status: 201, headers: { ...CANNED.headers, "x-subject-token": `MII${"a".repeat(800)}` } });
}

/** Times `call`, with the stub's time and requests per call (not per request). */
async function timeWithStub(s, stub, call) {
  const m = await benchWithStub(s, stub, call);
  return { ...m, requestsPerCall: m.requests / m.calls, stubUsPerCall: (1000 * m.insideMs) / m.calls };
}

runPart(async (s) => {
  const eipkit = await import("eipkit");
  const { EipClient, EipError, iamTokenProvider, signRequest, fieldRules, regions, init } = eipkit;
  const stub = serviceStub();
  const config = { endpoint: ENDPOINT, projectId: PROJECT_ID, auth: { ak: AK, sk: SK }, fetch: stub, retries: 0 };
  const client = new EipClient(config);
  const iamConfig = { endpoint: IAM_ENDPOINT, domain: "demo-domain", user: "demo-user", password: "demo-password", projectId: PROJECT_ID, fetch: iamStub() };
  const provider = iamTokenProvider(iamConfig);
  const drain = async (iterable) => {
    const items = [];
    for await (const item of iterable) items.push(item);
    return items;
  };
  const valid = (r) => r.ok === true && r.issues.length === 0;
  const standard = (r) => r.value !== undefined && r.issues === undefined;
  const isEip = (r) => r?.publicip?.id === EIP_ID;

  // [export, input, call, check, kind]: kind "sync", "async", or "client" (timed with the stub).
  const EXPORTS = [
    ["validateCreatePublicip", "create v1 body, valid", () => eipkit.validateCreatePublicip(createV1Valid), valid, "sync"],
    ["validateCreatePrepaidPublicip", "create prepaid v2.0 body, valid", () => eipkit.validateCreatePrepaidPublicip(createPrepaidValid), valid, "sync"],
    ["validateUpdatePublicip", "update body: bind", () => eipkit.validateUpdatePublicip(updateBind), valid, "sync"],
    ['createPublicipSchema["~standard"].validate', "create v1 body, valid", () => eipkit.createPublicipSchema["~standard"].validate(createV1Valid), standard, "sync"],
    ['createPrepaidPublicipSchema["~standard"].validate', "create prepaid v2.0 body, valid", () => eipkit.createPrepaidPublicipSchema["~standard"].validate(createPrepaidValid), standard, "sync"],
    ['updatePublicipSchema["~standard"].validate', "update body: bind", () => eipkit.updatePublicipSchema["~standard"].validate(updateBind), standard, "sync"],
    ["fieldRules", '"createPrepaidPublicip"', () => fieldRules("createPrepaidPublicip"), (r) => r.length > 0 && r.every((f) => typeof f.path === "string"), "sync"],
    ["regions", "none", () => regions(), (r) => r.some((region) => region.id === "cn-north-4" && region.eipTypes.length > 0), "sync"],
    ["signRequest", "the prepaid create's POST with its body", () => signRequest(signedPrepaidRequest), (r) => Object.entries(r).some(([k, v]) => k.toLowerCase() === "authorization" && v.startsWith("SDK-HMAC-SHA256 ")), "sync"],
    ["init", "none (Node: a no-op)", () => init(), (r) => r === undefined, "async"],
    ["new EipError", 'kind "api", status, code', () => new EipError({ kind: "api", message: "Floating IP could not be found.", status: 404, code: "VPC.0504" }), (r) => r instanceof Error && r.kind === "api", "sync"],
    ["iamTokenProvider's provider()", "token cached (after one sign-in)", () => provider({ forceRefresh: false }), (r) => typeof r === "string" && provider.issued === 1, "async"],
    ["createPublicip", "create v1 body (pay per use)", () => client.createPublicip(createV1Valid), (r) => isEip(r) && r.publicip.status === "PENDING_CREATE", "client"],
    ["createPrepaidPublicip", "create prepaid v2.0 body", () => client.createPrepaidPublicip(createPrepaidValid), (r) => r.order_id !== undefined && r.publicip_id === EIP_ID, "client"],
    ["updatePublicip", "convert to IPv6", () => client.updatePublicip(EIP_ID, updateConvert), (r) => isEip(r) && r.publicip.ip_version === 6, "client"],
    ["updatePublicip", "convert to IPv4", () => client.updatePublicip(EIP_ID, { publicip: { ip_version: 4 } }), (r) => isEip(r) && r.publicip.ip_version === 4, "client"],
    ["bindPublicip", "EIP id, port id", () => client.bindPublicip(EIP_ID, PORT_ID), (r) => isEip(r) && r.publicip.port_id === PORT_ID, "client"],
    ["unbindPublicip", "EIP id", () => client.unbindPublicip(EIP_ID), (r) => isEip(r) && r.publicip.status === "PENDING_UPDATE", "client"],
    ["showPublicip", "EIP id", () => client.showPublicip(EIP_ID), (r) => isEip(r) && r.publicip.status === "DOWN", "client"],
    ["listPublicips", "{ limit: 10 }, a page of 10 EIPs", () => client.listPublicips({ limit: 10 }), (r) => r.publicips.length === 10, "client"],
    ["listPublicipsPages", "{ limit: 10 }, every page: 10 EIPs, then an empty one", () => drain(client.listPublicipsPages({ limit: 10 })), (r) => r.length === 2 && r[0].publicips.length === 10, "client"],
    ["listAllPublicips", "{ limit: 10 }, every EIP of the same two pages", () => drain(client.listAllPublicips({ limit: 10 })), (r) => r.length === 10 && r.every((e) => e.id), "client"],
    ["deletePublicip", "EIP id (204)", () => client.deletePublicip(EIP_ID), (r) => r === undefined, "client"],
    ["listPorts", "{ device_id }, the server's one port", () => client.listPorts({ device_id: SERVER_ID }), (r) => r.ports.length === 1 && r.ports[0].id === PORT_ID, "client"],
    ["waitForPublicip", '{ until: ["DOWN"] }, DOWN at the first show', () => client.waitForPublicip(EIP_ID, { until: ["DOWN"] }), (r) => isEip(r) && r.publicip.status === "DOWN", "client"],
    [
      "bindNewPublicipToServer",
      "{ serverId, create: create v1 body }: ports, create, show, bind, show",
      () => client.bindNewPublicipToServer({ serverId: SERVER_ID, create: createV1Valid }),
      (r) => isEip(r) && r.publicip.status === "ACTIVE" && r.port.id === PORT_ID,
      "client",
    ],
    // Last: each construction leaves a wasm object that only the GC frees, a load on the rows after it.
    ["iamTokenProvider", "IAM endpoint, domain, user, password, project id", () => iamTokenProvider(iamConfig), (r) => typeof r === "function" && r.issued === 0, "sync"],
    ["new EipClient", "endpoint, project id, AK/SK, fetch", () => new EipClient(config), (r) => r instanceof EipClient, "sync"],
  ];

  const rows = [];
  const data = {};
  const failures = [];
  for (const [name, input, call, check, kind] of EXPORTS) {
    const checked = async () => {
      const result = await call();
      if (!check(result)) throw new Error(`unexpected result ${JSON.stringify(result)?.slice(0, 200)}`);
    };
    try {
      await checked();
      const m = kind === "sync" ? benchSync(call, s) : kind === "async" ? await benchAsync(call, s) : await timeWithStub(s, stub, call);
      await checked(); // still succeeding after the timed calls (the stub's state, a cache)
      data[`${name} (${input})`] = m;
      const requests = m.requestsPerCall > 1 ? `; ${m.requestsPerCall} requests` : "";
      const inside = m.stubUsPerCall === undefined ? "–" : `${m.stubUsPerCall.toFixed(1)} µs (${((100 * m.stubUsPerCall) / m.usPerOp).toFixed(0)}%)`;
      rows.push([`\`${name}\``, input + requests, m.usPerOp, inside]);
    } catch (error) {
      const reason = String(error?.message ?? error).split("\n")[0];
      failures.push(`${name}: ${reason}`);
      rows.push([`\`${name}\``, input, `FAILED: ${reason.slice(0, 120)}`, "–"]);
    }
  }
  data.failures = failures;

  const notes = [
    `µs per call: median of ${s.runs} runs of ${s.runMs} ms after ${s.warmupMs} ms of warm-up; synchronous exports in batches, ` +
      "asynchronous ones awaited one call at a time. Each export's result is checked (ok, the expected shape) before and after it is timed.",
    "Client methods: an `EipClient` with AK/SK auth and an injected `fetch` answering the emulator's canned JSON by method and path; " +
      "a call is validate + build + sign + fetch(stub) + read + parse, for every request it makes.",
    "\"inside fetch\": time inside the stub per call (building the `Response`, routing; for updates, reading the request's body) and its share: " +
      "the stub's cost, not eipkit's. The library's own cost is the difference.",
    "The stub's EIP becomes DOWN at once when created and ACTIVE at once when bound, so `waitForPublicip` and the walkthrough's waits " +
      "end at their first show, with no sleep; it accepts every request (a real service would refuse binding a bound EIP).",
    "`iamTokenProvider`: construction (no request); provider(): the cached token, as every request with `auth: { tokenProvider }` asks for it.",
    "`new EipClient` and `iamTokenProvider` each make a wasm object that is freed only when the GC finalises its wrapper: in this tight loop " +
      "memory grows and the time per call rises with the length of the run (about 3× longer per call in full runs than in quick ones here). " +
      "They are timed last so that load does not reach the other rows.",
  ];
  if (failures.length) notes.push(...failures.map((f) => `Failed on valid input: ${f}.`));
  return {
    title: "Cost of each export",
    sections: [{ heading: "6. Cost of each export", columns: ["export", "input", "µs per call", "inside fetch"], align: ["l", "l", "r", "r"], rows, notes }],
    data,
  };
});
