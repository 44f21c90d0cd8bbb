// Part 2: the client-side cost of one request, without a network.
//
// eipkit: EipClient with AK/SK auth and an injected `fetch` that answers a canned Response at
// once, so a call is validate + build + sign + fetch(stub) + read + parse. Compared with
// Huawei Cloud's official SDKs doing the same request through their own code paths:
// - Python (huaweicloudsdkcore + huaweicloudsdkeip, in a virtualenv under the OS temp dir):
//   build + sign of the prepaid create, and the full call with a stubbed HTTP session;
// - Node (@huaweicloud/huaweicloud-sdk-vpc; it has no EIP operations, so listPorts): the full
//   call with a stubbed axios adapter, and both SDKs against the emulator over loopback.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { benchAsync, benchSync } from "./lib/measure.mjs";
import { timedFetch, benchWithStub } from "./lib/stub.mjs";
import { runPart, attempt } from "./lib/part.mjs";
import { ensureVenv } from "./lib/python.mjs";
import { spawnEmulator } from "eipkit/emulator";
import { AK, SK, PROJECT_ID, SERVER_ID, CANNED, createPrepaidValid, signedPrepaidRequest } from "./fixtures.mjs";

const require = createRequire(import.meta.url);
const ENDPOINT = "https://vpc.cn-north-4.myhuaweicloud.com";
const us = (m) => m.usPerOp;

/** An injected fetch answering `body` at once. */
const stubFetch = (body) => timedFetch(async () => new Response(body, { status: 200, headers: CANNED.headers }));

/** Runs an async benchmark of `call` and reports the time inside the stub fetch per request and its share. */
async function withStub(s, stub, call) {
  const m = await benchWithStub(s, stub, call);
  return { ...m, stubUsPerCall: (1000 * m.insideMs) / m.requests, stubShare: m.insideMs / m.elapsedMs };
}

function nodeSdk() {
  const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core");
  const vpc = require("@huaweicloud/huaweicloud-sdk-vpc");
  const version = require("@huaweicloud/huaweicloud-sdk-vpc/package.json").version;
  const coreVersion = require("@huaweicloud/huaweicloud-sdk-core/package.json").version;
  const credentials = () => new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT_ID);
  const client = (endpoint, adapter) => {
    let builder = vpc.VpcClient.newBuilder().withCredential(credentials()).withEndpoint(endpoint);
    if (adapter) builder = builder.withOptions({ axiosRequestConfig: { adapter } });
    return builder.build();
  };
  const request = () => new vpc.ListPortsRequest().withDeviceId(SERVER_ID);
  return { client, request, version: `@huaweicloud/huaweicloud-sdk-vpc ${version} (core ${coreVersion})` };
}

runPart(async (s) => {
  const { EipClient, signRequest, validateCreatePrepaidPublicip } = await import("eipkit");
  const rows = [];
  const notes = [];
  const data = {};
  const skipped = [];

  // --- eipkit, stub fetch -------------------------------------------------------------------
  const prepaidStub = stubFetch(CANNED.prepaidCreate);
  const portsStub = stubFetch(CANNED.listPorts);
  const make = (fetch, auth = { ak: AK, sk: SK }) => new EipClient({ endpoint: ENDPOINT, projectId: PROJECT_ID, auth, fetch, retries: 0 });
  const prepaidClient = make(prepaidStub);
  const portsClient = make(portsStub);
  const answer = await prepaidClient.createPrepaidPublicip(createPrepaidValid);
  if (!answer.order_id) throw new Error("unexpected prepaid answer");
  if ((await portsClient.listPorts({ device_id: SERVER_ID })).ports.length !== 1) throw new Error("unexpected ports answer");

  data.eipkitPrepaid = await withStub(s, prepaidStub, () => prepaidClient.createPrepaidPublicip(createPrepaidValid));
  data.eipkitListPorts = await withStub(s, portsStub, () => portsClient.listPorts({ device_id: SERVER_ID }));
  const tokenStub = stubFetch(CANNED.prepaidCreate);
  const tokenClient = make(tokenStub, { token: "test-token" });
  data.eipkitPrepaidToken = await withStub(s, tokenStub, () => tokenClient.createPrepaidPublicip(createPrepaidValid));
  data.eipkitSignOnly = benchSync(() => signRequest(signedPrepaidRequest), s);
  data.eipkitValidateOnly = benchSync(() => validateCreatePrepaidPublicip(createPrepaidValid), s);
  const eipkitRow = (label, m, what) => [label, "eipkit", what, us(m), m.stubUsPerCall === undefined ? "–" : `${m.stubUsPerCall.toFixed(1)} µs (${(100 * m.stubShare).toFixed(0)}%)`];
  rows.push(eipkitRow("prepaid create (v2.0), AK/SK", data.eipkitPrepaid, "validate + build + sign + stub fetch + parse"));
  rows.push(eipkitRow("prepaid create (v2.0), token", data.eipkitPrepaidToken, "the same without signing"));
  rows.push(eipkitRow("prepaid create (v2.0)", data.eipkitValidateOnly, "`validateCreatePrepaidPublicip` alone"));
  rows.push(eipkitRow("prepaid create (v2.0)", data.eipkitSignOnly, "`signRequest` alone (AK/SK headers)"));
  rows.push(eipkitRow("listPorts, AK/SK", data.eipkitListPorts, "validate query + build + sign + stub fetch + parse"));

  // --- Python SDK ------------------------------------------------------------------------------
  const py = await attempt("official Python SDK", async () => {
    const python = ensureVenv();
    const args = { warmup_ms: s.warmupMs, run_ms: s.runMs, runs: s.runs, ak: AK, sk: SK, project_id: PROJECT_ID, answer: CANNED.prepaidCreate };
    const out = execFileSync(python, [new URL("./python/sdk_bench.py", import.meta.url).pathname, JSON.stringify(args)], { encoding: "utf8", timeout: 300_000 });
    return JSON.parse(out.trim().split("\n").pop());
  });
  if (py.skipped) {
    skipped.push(py.skipped);
  } else {
    data.python = py;
    const sdk = `Python SDK (huaweicloudsdkeip ${py.versions.huaweicloudsdkeip}, Python ${py.versions.python})`;
    rows.push(["prepaid create (v2.0), AK/SK", sdk, "request models + build + sign (`build_future_request`)", us(py.modelsBuildSign), "–"]);
    rows.push(["prepaid create (v2.0), AK/SK", sdk, "build + sign, request model reused", us(py.buildSign), "–"]);
    rows.push(["prepaid create (v2.0), AK/SK", sdk, "`BasicCredentials.sign_request` alone", us(py.signOnly), "–"]);
    rows.push(["prepaid create (v2.0), AK/SK", sdk, "full call, stub HTTP session (build + sign + parse)", us(py.fullCallStubbed), "–"]);
  }

  // --- Node SDK, stub adapter --------------------------------------------------------------------
  const node = await attempt("official Node SDK", async () => nodeSdk());
  if (node.skipped) {
    skipped.push(`${node.skipped} (it needs \`uuid\` installed beside it; run \`npm install\`)`);
  } else {
    const adapter = async (config) => ({ data: CANNED.listPorts, status: 200, statusText: "OK", headers: { ...CANNED.headers }, config, request: {} });
    const client = node.client(ENDPOINT, adapter);
    const first = await client.listPorts(node.request());
    if (first.ports?.length !== 1) throw new Error("unexpected Node SDK answer");
    data.nodeSdkListPorts = await benchAsync(() => client.listPorts(node.request()), s);
    rows.push(["listPorts, AK/SK", `Node SDK (${node.version})`, "full call, stub axios adapter (build + sign + parse)", us(data.nodeSdkListPorts), "–"]);
  }

  // --- Against the emulator (loopback HTTP) --------------------------------------------------------
  const emulated = await attempt("the emulator comparison", async () => {
    const emu = await spawnEmulator({ quiet: true, transitionMs: 20 });
    try {
      const out = {};
      const timed = timedFetch((request) => fetch(request));
      const eip = new EipClient({ endpoint: emu.url, projectId: PROJECT_ID, auth: { ak: AK, sk: SK }, fetch: timed, retries: 0 });
      await eip.listPorts({ device_id: SERVER_ID });
      const m = await withStub(s, timed, () => eip.listPorts({ device_id: SERVER_ID }));
      out.eipkit = { ...m, fetchShare: m.stubShare, fetchUsPerCall: m.stubUsPerCall };
      if (!node.skipped) {
        const client = node.client(emu.url);
        const first = await client.listPorts(node.request());
        if (first.ports?.length !== 1) throw new Error(`Node SDK against the emulator: ${JSON.stringify(first).slice(0, 200)}`);
        out.nodeSdk = await benchAsync(() => client.listPorts(node.request()), s);
      }
      return out;
    } finally {
      await emu.close();
    }
  });
  if (emulated.skipped) {
    skipped.push(emulated.skipped);
  } else {
    data.emulator = emulated;
    rows.push([
      "listPorts, AK/SK, emulator over loopback",
      "eipkit",
      "one request at a time, global fetch",
      us(emulated.eipkit),
      `${emulated.eipkit.fetchUsPerCall.toFixed(1)} µs (${(100 * emulated.eipkit.fetchShare).toFixed(0)}%)`,
    ]);
    if (emulated.nodeSdk) rows.push(["listPorts, AK/SK, emulator over loopback", "Node SDK", "one request at a time, axios", us(emulated.nodeSdk), "–"]);
  }

  notes.push(
    "µs per request: median of " + `${s.runs} runs of ${s.runMs} ms after ${s.warmupMs} ms of warm-up, one request at a time.`,
    "\"inside fetch\": time spent inside the injected fetch and its share of the total: for the stub, building the canned `Response` " +
      "(the stub's own cost, not eipkit's); against the emulator, the whole HTTP exchange including the emulator's work.",
    "eipkit's request also builds a WHATWG `Request` for fetch and reads the answer from a `Response`; in Node both are undici objects " +
      "(roughly 15 µs each here), counted in eipkit's time because a caller pays them too.",
    "Python SDK: the request goes through the SDK's own `Client.build_future_request` (path, headers, JSON body, then `BasicCredentials` " +
      "signing on the SDK's thread pool, awaited with `.result()`), as `do_http_request` does before sending; the full call replaces only " +
      "the `requests` session with a stub, skipping requests' own request preparation (so it is a lower bound). It does not validate the body.",
    "Node SDK: `VpcClient.listPorts` (the SDK has no EIP package, so no create to compare) with axios' `adapter` replaced by a stub; " +
      "axios' interceptors and JSON parsing still run. It does not validate the query.",
  );
  if (skipped.length) notes.push(...skipped.map((reason) => `Skipped: ${reason}.`));

  // --- What the runtime's Request costs (why eipkit calls fetch(url, init), src/transport.rs) ---------
  const requestUrl = `${ENDPOINT}/v2.0/${PROJECT_ID}/publicips`;
  const requestBody = new TextEncoder().encode(JSON.stringify(createPrepaidValid));
  const init = (signal) => {
    const headers = new Headers({ "content-type": "application/json;charset=UTF-8", "x-project-id": PROJECT_ID, "x-sdk-date": "20261202T000000Z", authorization: "SDK-HMAC-SHA256 x" });
    return { method: "POST", headers, body: requestBody, redirect: "manual", ...(signal && { signal }) };
  };
  data.requestCost = {
    plain: benchSync(() => new Request(requestUrl, init()), s),
    withSignal: benchSync(() => new Request(requestUrl, init(new AbortController().signal)), s),
    rebuilt: benchSync(() => new Request(new Request(requestUrl, init(new AbortController().signal))), s),
    controller: benchSync(() => new AbortController().signal, s),
  };
  const requestRows = [
    ["`new Request(url, init)`, no signal", us(data.requestCost.plain)],
    ["`new Request(url, init)` with an `AbortController`'s signal", us(data.requestCost.withSignal)],
    ["the same, then `new Request(request)`, as `fetch(request)` does first", us(data.requestCost.rebuilt)],
    ["`new AbortController()` and its `signal` alone", us(data.requestCost.controller)],
  ];
  data.skipped = skipped;
  return {
    title: "Client-side cost per request",
    sections: [
      { heading: "2. Client-side cost per request", columns: ["request", "library", "what is timed", "µs per request", "inside fetch"], align: ["l", "l", "l", "r", "r"], rows, notes },
      {
        heading: "2b. Building a request in this runtime (Node's undici)",
        columns: ["what", "µs"],
        rows: requestRows,
        notes: [
          "The prepaid create's POST with its headers and body. A `fetch` given a `Request` builds a second one from it, following its signal again; " +
            "given the URL and options it builds one. So eipkit calls the runtime's fetch with the URL and options (src/transport.rs), " +
            "and hands a `Request` only to a `fetch` passed in the options, as documented.",
        ],
      },
    ],
    data,
  };
});
