// Secrets (a token, an SK, an IAM password, an IAM-issued token, the Authorization header)
// never appear in an error, in any of its renderings, in onProgress events, nor in the
// emulator's request log; ids cannot change the URL; the endpoint is https unless loopback.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import { EipClient, EipError, iamTokenProvider, signRequest } from "eipkit";
import { startEmulator } from "eipkit/emulator";
import {
  emulator, recordingFetch, settle, describeOutcome, PATH_ESCAPES, PROJECT, AK, WEB_SERVER, WEB_PORT, PER_BODY,
  MISSING_ID,
} from "./helpers.mjs";

// Secrets of this suite: each distinctive, so any leak is found by a substring search.
const TOKEN = "tok-5ecret-0123456789abcdef";
const SK = "sk-5ecret-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123";
const PASSWORD = "pw-5ecret-correct-horse-battery";
const PROVIDER_TOKEN = "prov-5ecret-9876543210fedcba";
const USER = { domain: "demo-domain", user: "demo-user", password: PASSWORD };

let emu;
before(async () => {
  emu = await emulator({
    tokens: [TOKEN, PROVIDER_TOKEN],
    credentials: [{ ak: AK, sk: SK }],
    users: [{ domain: USER.domain, name: USER.user, password: PASSWORD }],
  });
});
after(() => emu.close());
beforeEach(() => emu.reset());

/** Every rendering of an error a program might log or send on. */
function renderings(error) {
  const out = { message: error?.message, string: String(error), json: JSON.stringify(error), stack: error?.stack };
  out.inspect = util.inspect(error, { depth: Infinity, showHidden: true });
  if (error?.cause) out.cause = util.inspect(error.cause, { depth: Infinity, showHidden: true });
  for (const key of ["code", "requestId"]) out[key] = String(error?.[key]);
  return out;
}

/** Where in `things` (name → text) one of `secrets` appears. */
function leaks(things, secrets) {
  const found = [];
  for (const [where, text] of Object.entries(things)) {
    for (const secret of secrets) {
      // A prefix is a leak too (a message may be shortened).
      if (typeof text === "string" && text.includes(secret.slice(0, 16))) found.push(`${where} shows ${secret.slice(0, 8)}…`);
    }
  }
  return found;
}

const AUTHS = {
  token: () => ({ auth: { token: TOKEN }, secrets: [TOKEN] }),
  aksk: () => ({ auth: { ak: AK, sk: SK }, secrets: [SK] }),
  provider: () => ({ auth: { tokenProvider: async () => PROVIDER_TOKEN }, secrets: [PROVIDER_TOKEN] }),
  // The EIP service never sees the IAM password: the IAM-issued token is its secret.
  iam: () => {
    const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT });
    return { auth: { tokenProvider: provider }, secrets: [], provider };
  },
};

/** A client with `style` auth, recording what it sent (to learn the Authorization it used). */
async function clientWith(style, extra = {}) {
  const { auth, secrets, provider } = AUTHS[style]();
  const rec = recordingFetch(extra.hooks);
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth, retries: 0, fetch: rec, ...extra.config });
  if (provider) secrets.push(await provider()); // the IAM-issued token is a secret too
  return { client, secrets, rec };
}

/**
 * Error bodies that echo `secret` in each place the service family puts text. (`status`: a
 * 401 would make a token-provider client renew and resend, so it can be chosen.)
 */
function echoes(secret, status = 401) {
  return {
    "VPC message": { type: "status", status: 400, body: { code: "VPC.0501", message: `bad token ${secret} here` } },
    "APIGW error_msg": { type: "status", status, body: { error_code: "APIGW.0301", error_msg: `sig ${secret}`, request_id: "0".repeat(32) } },
    "IAM error.message": { type: "status", status, body: { error: { code: status, message: `password ${secret}`, title: "Unauthorized" } } },
    "Neutron message and detail": { type: "status", status: 404, body: { NeutronError: { type: "PortNotFound", message: `port ${secret}`, detail: secret } } },
    "plain-text body": { type: "status", status: 500, body: `upstream said: ${secret}` },
    "JSON string body": { type: "status", status: 503, body: JSON.stringify(secret), headers: { "Content-Type": "application/json" } },
  };
}

/** Each echo of each secret of each style, answered to listPublicips; returns the leaks found. */
async function echoLeaks(styles, status) {
  const found = [];
  for (const style of styles) {
    for (const [where, fault] of Object.entries(echoes("SECRET", status))) {
      await emu.reset();
      const { client, secrets } = await clientWith(style);
      for (const secret of secrets) {
        const json = JSON.parse(JSON.stringify(fault).replaceAll("SECRET", secret));
        await emu.fault(json, { operation: "listPublicips" });
        const outcome = await settle(() => client.listPublicips());
        if (outcome.state !== "rejected") { found.push(`${style}/${where}: ${describeOutcome(outcome)}`); continue; }
        found.push(...leaks(renderings(outcome.error), [secret]).map((l) => `${style}/${where}: ${l}`));
      }
    }
  }
  return found;
}

test("secrets echoed by the service in error text never reach the error (token, SK)", async () => {
  assert.deepEqual(await echoLeaks(["token", "aksk"], 401), []);
});

test("an IAM sign-in failure never shows the password, even when IAM echoes it", async () => {
  const found = [];
  for (const [where, fault] of Object.entries(echoes(PASSWORD))) {
    await emu.reset();
    await emu.fault(fault, { operation: "iamToken" }, 3);
    const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT });
    const outcome = await settle(() => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { tokenProvider: provider } }).listPublicips());
    assert.equal(outcome.state, "rejected", where);
    assert.equal(outcome.error.operation, "iamToken", where);
    found.push(...leaks(renderings(outcome.error), [PASSWORD]).map((l) => `${where}: ${l}`));
  }
  // A wrong password: the answer names no password, and neither does the error.
  const wrong = iamTokenProvider({ endpoint: emu.url, ...USER, password: "pw-5ecret-wrong-one-0000", projectId: PROJECT });
  const outcome = await settle(() => wrong());
  found.push(...leaks(renderings(outcome.error), ["pw-5ecret-wrong-one-0000"]));
  assert.deepEqual(found, []);
});

test("validation errors never show the secrets they were given", async () => {
  const cases = {
    "http endpoint with a token": () => new EipClient({ endpoint: "http://vpc.example.com", projectId: PROJECT, auth: { token: TOKEN } }),
    "token and AK/SK together": () => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN, ak: AK, sk: SK } }),
    "SK without AK": () => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { sk: SK } }),
    "a secret as an unknown option's value": () => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN, secret: SK } }),
    "bad retries with a token": () => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: -1 }),
    "IAM: http endpoint": () => iamTokenProvider({ endpoint: "http://iam.example.com", ...USER, projectId: PROJECT }),
    "IAM: bad user": () => iamTokenProvider({ endpoint: emu.url, ...USER, user: 42, projectId: PROJECT }),
    "IAM: projectId and projectName": () => iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT, projectName: "x" }),
    "signRequest: bad url": () => signRequest({ method: "GET", url: "not a url", ak: AK, sk: SK }),
    "signRequest: bad header": () => signRequest({ method: "GET", url: "https://x.example.com/", ak: AK, sk: SK, headers: { a: 1 } }),
  };
  const found = [];
  for (const [label, make] of Object.entries(cases)) {
    const outcome = await settle(make);
    assert.equal(outcome.state, "threw", label);
    assert.ok(outcome.error instanceof EipError, label);
    assert.equal(outcome.error.kind, "validation", label);
    found.push(...leaks(renderings(outcome.error), [TOKEN, SK, PASSWORD]).map((l) => `${label}: ${l}`));
  }
  // A body rejected by a client holding a token.
  const { client } = await clientWith("token");
  const invalid = await settle(() => client.createPublicip({ publicip: { type: TOKEN }, bandwidth: { share_type: "PER", name: TOKEN, size: 0 } }));
  found.push(...leaks({ message: invalid.error.message }, [SK, PASSWORD]));
  assert.deepEqual(found, []);
});

test("a failing fetch whose error quotes the token is redacted", async () => {
  const quoting = (request) => { throw new Error(`proxy refused ${request.headers.get("x-auth-token")}`); };
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 0, fetch: quoting });
  const outcome = await settle(() => client.listPublicips());
  assert.equal(outcome.error?.kind, "network", describeOutcome(outcome));
  assert.deepEqual(leaks(renderings(outcome.error), [TOKEN]), []);
});

/** A walkthrough whose bind and release fail with the secrets echoed; returns the leaks. */
async function walkthroughLeaks(styles) {
  const found = [];
  for (const style of styles) {
    await emu.reset();
    const { client, secrets } = await clientWith(style, { config: { retries: 1 } });
    // The bind is refused with the secret in the message; then the release also fails so the
    // cleanup report carries error text too.
    const echo = (secret) => ({ type: "status", status: 409, body: { code: "VPC.0511", message: `port busy for ${secret}` } });
    for (const secret of secrets) await emu.fault(echo(secret), { operation: "updatePublicip" });
    await emu.fault({ type: "status", status: 400, body: { code: "VPC.0501", message: `cannot release: ${secrets.join(" ")}` } }, { operation: "deletePublicip" });
    const events = [];
    const outcome = await settle(() => client.bindNewPublicipToServer(
      { serverId: WEB_SERVER, create: PER_BODY, intervalMs: 20, timeoutMs: 3_000 },
      { onProgress: (e) => events.push(structuredClone(e)) },
    ), 20_000);
    assert.equal(outcome.state, "rejected", `${style}: ${describeOutcome(outcome)}`);
    assert.ok(outcome.error.cleanup, style);
    found.push(...leaks({ ...renderings(outcome.error), cleanup: JSON.stringify(outcome.error.cleanup), events: JSON.stringify(events) }, secrets)
      .map((l) => `${style}: ${l}`));
  }
  return found;
}

test("the walkthrough's errors, cleanup reports and onProgress events never show a secret", async () => {
  assert.deepEqual(await walkthroughLeaks(["token", "aksk"]), []);
});

test("the emulator's request log never holds a secret", async () => {
  for (const style of ["token", "aksk", "iam", "provider"]) {
    const { client, secrets } = await clientWith(style);
    await client.listPublicips();
    await client.listPorts({ device_id: WEB_SERVER });
    await settle(() => client.showPublicip(MISSING_ID));
    const log = JSON.stringify(await emu.requests());
    assert.deepEqual(leaks({ log }, [...secrets, PASSWORD, TOKEN, SK, PROVIDER_TOKEN]), [], style);
  }
  // A failed AK/SK check: its reason is logged, the SK is not.
  const wrong = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { ak: AK, sk: "sk-5ecret-WRONG-000000000000000" }, retries: 0 });
  await settle(() => wrong.listPublicips());
  assert.deepEqual(leaks({ log: JSON.stringify(await emu.requests()) }, [SK, "sk-5ecret-WRONG-000000000000000"]), []);
});

test("a token provider's token echoed by the service never reaches the error, its events or its cleanup report", async () => {
  const found = [...(await echoLeaks(["provider", "iam"], 403)), ...(await walkthroughLeaks(["provider", "iam"]))];
  assert.deepEqual(found, []);
});

test("a secret echoed in the error code or the X-Request-Id header never reaches the error", async () => {
  const found = [];
  for (const style of ["token", "aksk"]) {
    const { client, secrets } = await clientWith(style);
    for (const secret of secrets) {
      await emu.fault({ type: "status", status: 400, body: { code: secret, message: "x" }, headers: { "X-Request-Id": secret } }, { operation: "listPublicips" });
      const outcome = await settle(() => client.listPublicips());
      found.push(...leaks(renderings(outcome.error), [secret]).map((l) => `${style}: ${l}`));
    }
  }
  await emu.fault({ type: "status", status: 401, body: { error: { code: PASSWORD, message: "no", title: "x" } }, headers: { "X-Request-Id": PASSWORD } }, { operation: "iamToken" }, 3);
  const outcome = await settle(() => iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT })());
  found.push(...leaks(renderings(outcome.error), [PASSWORD]).map((l) => `iam: ${l}`));
  assert.deepEqual(found, []);
});

test("the Authorization header echoed by a service or proxy never reaches the error", async () => {
  const echo = async (request) => new Response(JSON.stringify({ code: "VPC.0008", message: `refused [${request.headers.get("authorization")}]` }), {
    status: 401, headers: { "content-type": "application/json", "x-request-id": "0".repeat(32) },
  });
  const rec = recordingFetch({ answer: echo });
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { ak: AK, sk: SK }, retries: 0, fetch: rec });
  const outcome = await settle(() => client.listPublicips());
  const sent = rec.log[0].headers.authorization;
  assert.match(sent, /Signature=[0-9a-f]{64}/);
  const signature = sent.match(/Signature=([0-9a-f]{64})/)[1];
  assert.deepEqual(leaks(renderings(outcome.error), [signature, sent.slice(sent.indexOf("Access="))]), []);
});

// ---------------------------------------------------------------------------------------------
// Ids cannot change the URL.

test("ids that could change the URL path are refused before anything is sent", async () => {
  const rec = recordingFetch();
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 0, fetch: rec });
  const calls = {
    showPublicip: (id) => client.showPublicip(id),
    deletePublicip: (id) => client.deletePublicip(id),
    updatePublicip: (id) => client.updatePublicip(id, { publicip: { ip_version: 6 } }),
    bindPublicip: (id) => client.bindPublicip(id, WEB_PORT),
    unbindPublicip: (id) => client.unbindPublicip(id),
    waitForPublicip: (id) => client.waitForPublicip(id, { until: ["DOWN"], intervalMs: 10, timeoutMs: 100 }),
    "walkthrough serverId": (id) => client.bindNewPublicipToServer({ serverId: id, create: PER_BODY }),
    "walkthrough portId": (id) => client.bindNewPublicipToServer({ serverId: WEB_SERVER, portId: id, create: PER_BODY }),
  };
  const problems = [];
  for (const [name, call] of Object.entries(calls)) {
    for (const id of PATH_ESCAPES) {
      if (name === "walkthrough portId" && id === "") continue; // an empty portId is no portId
      const outcome = await settle(() => call(id));
      const ok = outcome.state === "rejected" && outcome.error instanceof EipError && outcome.error.kind === "validation"
        && outcome.error.issues.some((i) => ["format", "required"].includes(i.code));
      if (!ok) problems.push(`${name}(${JSON.stringify(id).slice(0, 40)}): ${describeOutcome(outcome)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(rec.log, [], "nothing was sent");
  assert.deepEqual(await emu.requests(), [], "nothing reached the emulator");

  // The same for the project id, in the client and in the IAM scope.
  for (const id of PATH_ESCAPES) {
    assert.throws(() => new EipClient({ endpoint: emu.url, projectId: id, auth: { token: TOKEN } }),
      (e) => e instanceof EipError && e.kind === "validation" && e.issues.some((i) => i.path === "projectId"), JSON.stringify(id));
    assert.throws(() => iamTokenProvider({ endpoint: emu.url, ...USER, projectId: id }),
      (e) => e instanceof EipError && e.kind === "validation" && e.issues.some((i) => i.path === "projectId"), JSON.stringify(id));
  }
});

test("query values are encoded: they cannot add parameters or change the path", async () => {
  const rec = recordingFetch();
  const client = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 0, fetch: rec });
  const tricky = ["a&id=b", "x#frag", "../../v3/auth/tokens", "a?limit=1", "a%26b", "a+b c", "名字", "=", "a\u0000b".slice(0, 3)];
  for (const value of tricky) {
    await emu.control("DELETE", "requests");
    const outcome = await settle(() => client.listPorts({ device_id: value }));
    if (outcome.state === "rejected" && outcome.error.kind === "validation") continue; // refused: fine
    const [logged] = await emu.requests();
    assert.equal(logged.path, `/v1/${PROJECT}/ports`, JSON.stringify(value));
    assert.deepEqual(logged.query, { device_id: value }, JSON.stringify(value));
    assert.equal(logged.operation, "listPorts");
  }
  for (const value of ["a&limit=1", "../x", "x#y"]) {
    await emu.control("DELETE", "requests");
    const outcome = await settle(() => client.listPublicips({ marker: value }));
    if (outcome.state === "rejected" && outcome.error.kind === "validation") continue;
    const [logged] = await emu.requests();
    assert.equal(logged.path, `/v1/${PROJECT}/publicips`);
    assert.deepEqual(logged.query, { marker: value });
  }
});

// ---------------------------------------------------------------------------------------------
// The endpoint: https, or http on a loopback host only.

test("endpoint: http is refused unless the host is loopback", () => {
  const refused = [
    "http://10.0.0.1", "http://10.0.0.1:8787", "http://127.0.0.1.nip.io", "http://localhost.evil.com", "http://192.168.0.1",
    "http://0.0.0.0", "http://[::ffff:127.0.0.1]", "http://[::]", "http://2130706433", "http://0x7f000001", "http://127.1",
    "http://localhost@evil.com", "http://evil.com@localhost", "http://user:pw@localhost", "http://localhost:80@evil.com",
    "http://evil.com#@localhost", "http://evil.com\\@localhost", "http://evil.com?.localhost", "http://evil.com/localhost",
    "http://localhost\\.evil.com", "http://evil.com%2F@localhost", "http://vpc.cn-north-4.myhuaweicloud.com",
    "ws://localhost", "file://localhost/x", "javascript:alert(1)", "//localhost", "localhost:8080", "http:/localhost",
    "http://localhost:0", "http://localhost:65536", "http://local host", "http://127.0.0.1:8787?x=1", "http://127.0.0.1#f",
    "https://", "", " ",
  ];
  const accepted = [];
  for (const endpoint of refused) {
    for (const make of [
      () => new EipClient({ endpoint, projectId: PROJECT, auth: { token: TOKEN } }),
      () => iamTokenProvider({ endpoint, ...USER, projectId: PROJECT }),
    ]) {
      try {
        make();
        accepted.push(endpoint);
      } catch (error) {
        assert.ok(error instanceof EipError && error.kind === "validation" && error.issues.some((i) => i.path === "endpoint"), `${endpoint}: ${error}`);
      }
    }
  }
  assert.deepEqual(accepted, [], "refused endpoints");
});

test("endpoint: loopback http and any https are accepted, and requests go there", async (t) => {
  for (const endpoint of [
    "http://localhost", "http://localhost:8787", "HTTP://LOCALHOST:1", "http://127.0.0.1", "http://127.0.0.1:9",
    "http://127.255.255.254", "http://[::1]", "http://[::1]:8080", "https://vpc.cn-north-4.myhuaweicloud.com",
    "https://10.0.0.1:8443/proxy/", "https://[2001:db8::1]",
  ]) {
    assert.doesNotThrow(() => new EipClient({ endpoint, projectId: PROJECT, auth: { token: TOKEN } }), endpoint);
    assert.doesNotThrow(() => iamTokenProvider({ endpoint, ...USER, projectId: PROJECT }), endpoint);
  }
  // Calls reach the loopback host named, by its name.
  const port = new URL(emu.url).port;
  for (const endpoint of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
    const rec = recordingFetch();
    const client = new EipClient({ endpoint, projectId: PROJECT, auth: { token: TOKEN }, fetch: rec });
    await client.listPorts({ device_id: WEB_SERVER });
    assert.equal(new URL(rec.log[0].url).host, new URL(endpoint).host, endpoint);
  }
  // And over IPv6 loopback, when the machine has it.
  let v6;
  try {
    v6 = await startEmulator({ host: "::1", quiet: true, tokens: [TOKEN] });
  } catch {
    t.diagnostic("no IPv6 loopback here: http://[::1] not exercised end to end");
    return;
  }
  try {
    const client = new EipClient({ endpoint: v6.url, projectId: PROJECT, auth: { token: TOKEN } });
    const { ports } = await client.listPorts({ device_id: WEB_SERVER });
    assert.equal(ports.length, 1);
  } finally {
    await v6.close();
  }
});
