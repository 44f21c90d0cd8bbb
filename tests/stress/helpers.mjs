// Shared by the stress suites (not a test file itself): deadlines around every call, the checks
// an eipkit failure must pass, a fetch that records what a client sent, isolated child
// processes for cases that can take the whole process down, and a seeded PRNG.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EipError, validateCreatePublicip } from "eipkit";
import { spawnEmulator } from "eipkit/emulator";
import { controlClient } from "../js/support.mjs";

export { emulator, sleep, eventually, PROJECT, TOKEN, AK, SK, USER, WEB_SERVER, WEB_PORT, PER_BODY } from "../js/support.mjs";

/** The repository root (where `import "eipkit"` resolves to the built package). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const KINDS = new Set(["validation", "api", "network", "timeout", "aborted", "response"]);

/** Servers of the demo seed. */
export const DB_SERVER = "6b1f2c8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d";
export const DB_PRIMARY_PORT = "8d3c5a1e-2b4f-4c6d-8e9f-0a1b2c3d4e5f";
export const DB_SECONDARY_PORT = "9e4d6b2f-3c5a-4d7e-9f0a-1b2c3d4e5f60";
export const BATCH_SERVER = "7c2a3d9f-4e5b-4a6c-8d7e-8f9a0b1c2d3e"; // no port
export const MISSING_ID = "00000000-0000-4000-8000-000000000000";

export const PREPAID_BODY = {
  publicip: { type: "5_bgp" },
  bandwidth: { share_type: "PER", name: "bw-prepaid", size: 5 },
  extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
};

const GOOD_BODY = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };

/**
 * Runs `f()` under a deadline and reports how it ended, never throwing:
 * `{ state: "resolved" | "rejected" | "threw" | "hang", value?, error?, ms }`.
 */
export async function settle(f, ms = 5_000) {
  const started = Date.now();
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ state: "hang" }), ms);
  });
  let promise;
  try {
    promise = Promise.resolve(f());
  } catch (error) {
    clearTimeout(timer);
    return { state: "threw", error, ms: Date.now() - started };
  }
  const outcome = await Promise.race([
    promise.then((value) => ({ state: "resolved", value }), (error) => ({ state: "rejected", error })),
    deadline,
  ]);
  clearTimeout(timer);
  return { ...outcome, ms: Date.now() - started };
}

/** A trap of the wasm module (a panic, "unreachable", memory corruption) seen in an error. */
export function isTrap(error) {
  const seen = new Set();
  for (let e = error; e && typeof e === "object" && !seen.has(e); e = e.cause) {
    seen.add(e);
    if (e instanceof WebAssembly.RuntimeError) return true;
    if (typeof e.message === "string" && /unreachable|memory access out of bounds|RuntimeError/.test(e.message)) return true;
  }
  return false;
}

/** What is wrong with a failure that should be a well-formed EipError ([] when nothing). */
export function eipErrorProblems(error) {
  const problems = [];
  if (!(error instanceof EipError)) {
    let text;
    try { text = String(error); } catch { text = "(unprintable)"; }
    return [`not an EipError: ${error?.constructor?.name ?? typeof error}: ${text.slice(0, 200)}`];
  }
  if (!(error instanceof Error)) problems.push("not an Error");
  if (!KINDS.has(error.kind)) problems.push(`kind ${error.kind}`);
  if (typeof error.message !== "string" || error.message.length === 0) problems.push("no message");
  if (typeof error.retryable !== "boolean") problems.push("retryable not boolean");
  if (error.kind === "validation") {
    if (!Array.isArray(error.issues) || error.issues.length === 0) problems.push("validation without issues");
    else if (!error.issues.every((i) => typeof i.path === "string" && typeof i.code === "string" && typeof i.message === "string")) {
      problems.push("malformed issue");
    }
    if (error.retryable) problems.push("a validation error is retryable");
  }
  if (isTrap(error)) problems.push(`wasm trap: ${error.message}`);
  return problems;
}

/** Problems of an outcome from `settle`: a result, or a rejection with a proper EipError. */
export function outcomeProblems(outcome, { allowThrow = false } = {}) {
  switch (outcome.state) {
    case "hang":
      return ["never settled (hang)"];
    case "resolved":
      return [];
    case "threw":
      return allowThrow ? eipErrorProblems(outcome.error) : ["threw synchronously", ...eipErrorProblems(outcome.error)];
    default:
      return eipErrorProblems(outcome.error);
  }
}

/** Short, printable description of an outcome (for assertion messages). */
export function describeOutcome(outcome) {
  if (outcome.state === "resolved" || outcome.state === "hang") return outcome.state;
  const e = outcome.error;
  if (e instanceof EipError) return `${outcome.state} EipError(${e.kind}): ${e.message.slice(0, 160)}`;
  let text;
  try { text = String(e); } catch { text = "(unprintable)"; }
  return `${outcome.state} ${e?.constructor?.name ?? typeof e}: ${text.slice(0, 160)}`;
}

/**
 * A `fetch` for `new EipClient({ fetch })` that records every request the client sends
 * (`{ method, path, query, status }`, status `null` until or unless answered) and may run an
 * async hook after each answer, before the client sees it (to stage the next situation).
 */
const realFetch = globalThis.fetch;

export function recordingFetch({ after, answer } = {}) {
  const log = [];
  const f = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    // The emulator's control API (when this stands in for the global fetch) is not a call.
    if (url.pathname.startsWith("/__emulator/")) return realFetch(request);
    const entry = { method: request.method, url: request.url, path: url.pathname, query: url.search, status: null, headers: Object.fromEntries(request.headers) };
    log.push(entry);
    const response = answer ? await answer(request, entry) : await realFetch(request);
    entry.status = response.status;
    if (after) await after(entry, response);
    return response;
  };
  f.log = log;
  return f;
}

/** The operation (emulator log name) of a recorded request. */
export function operationOf({ method, path }) {
  if (path.endsWith("/v3/auth/tokens")) return "iamToken";
  if (path.endsWith("/ports")) return "listPorts";
  if (/\/v2\.0\/[^/]+\/publicips$/.test(path)) return "createPrepaidPublicip";
  if (/\/publicips$/.test(path)) return method === "POST" ? "createPublicip" : "listPublicips";
  if (/\/publicips\/[^/]+$/.test(path)) return { GET: "showPublicip", PUT: "updatePublicip", DELETE: "deletePublicip" }[method];
  return null;
}

export const CREATE_OPERATIONS = new Set(["createPublicip", "createPrepaidPublicip"]);

/** The module still works: a synchronous export answers correctly. */
export function moduleWorks() {
  try {
    return validateCreatePublicip(GOOD_BODY).ok === true && validateCreatePublicip({}).ok === false;
  } catch {
    return false;
  }
}

/**
 * Collects exceptions that escape to the process (`uncaughtException`) so a case can be
 * blamed for them instead of the whole file crashing. Installed once per process.
 */
export function uncaughtCollector() {
  const seen = [];
  if (!globalThis.__eipkitStressUncaught) {
    globalThis.__eipkitStressUncaught = seen;
    process.setUncaughtExceptionCaptureCallback((error) => {
      globalThis.__eipkitStressUncaught.push(error);
    });
  }
  return globalThis.__eipkitStressUncaught;
}

/** Lets pending microtasks and immediate callbacks run. */
export const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs an ES module snippet in a fresh Node process at the repository root (so it imports
 * "eipkit" as users do) and returns `{ code, signal, stdout, stderr, json, ms }`: `json` is the
 * last stdout line parsed as JSON, if any. For cases that may crash or wedge a process.
 */
export function runChild(source, { timeoutMs = 20_000, env = {} } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", source], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => { stdout += d; });
    child.stderr.on("data", (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let json;
      try { json = JSON.parse(last); } catch { json = undefined; }
      resolve({ code, signal, stdout, stderr, json, ms: Date.now() - started });
    });
  });
}

/** mulberry32: a small seeded PRNG; `random()` in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  random.int = (n) => Math.floor(random() * n);
  random.pick = (items) => items[Math.floor(random() * items.length)];
  random.chance = (p) => random() < p;
  random.weighted = (table) => {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [item, w] of table) {
      if ((r -= w) < 0) return item;
    }
    return table.at(-1)[0];
  };
  return random;
}

/**
 * JS values a caller might pass by mistake or by malice, as `[name, value]` pairs. Built once
 * (the 10 MB strings and the 100 000-deep object are shared).
 */
let cachedHostile;
export function hostileValues() {
  if (cachedHostile) return cachedHostile;
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  cyclic.list = [cyclic];
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { a: deep, publicip: deep };
  let deepArray = [];
  for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const revocableFn = Proxy.revocable(() => "x", {});
  revocableFn.revoke();
  const boom = (what) => () => { throw new Error(`trap ${what}`); };
  const throwingProxy = new Proxy({}, {
    get: boom("get"), has: boom("has"), ownKeys: boom("ownKeys"), getOwnPropertyDescriptor: boom("gopd"),
    getPrototypeOf: boom("getPrototypeOf"), set: boom("set"), defineProperty: boom("defineProperty"),
  });
  const sparse = [];
  sparse.length = 2 ** 32 - 1;
  const nullProto = Object.create(null);
  nullProto.publicip = Object.assign(Object.create(null), { type: "5_bgp" });
  const big = "a".repeat(10_000_000);
  cachedHostile = [
    ["undefined", undefined],
    ["null", null],
    ["true", true],
    ["false", false],
    ["0", 0],
    ["-0", -0],
    ["-1", -1],
    ["1.5", 1.5],
    ["2^53+1", 2 ** 53 + 1],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["BigInt", 10n],
    ["huge BigInt", 2n ** 200n],
    ["Symbol", Symbol("hostile")],
    ["empty string", ""],
    ["blank string", " \t\n"],
    ["short string", "x"],
    ["10 MB string", big],
    ["10 MB multibyte string", "名".repeat(3_400_000)],
    ["lone high surrogate", "\uD800"],
    ["lone low surrogate", "a\uDC00b"],
    ["NUL and controls", "a\u0000b\u0007\u001b[31m"],
    ["path traversal", "../../admin"],
    ["function", () => {}],
    ["async function", async () => { throw new Error("async fn"); }],
    ["throwing function", () => { throw new Error("fn"); }],
    ["class", class Hostile {}],
    ["revoked function proxy", revocableFn.proxy],
    ["empty array", []],
    ["array", [1, "2", null]],
    ["sparse array 2^32-1", sparse],
    ["deep array 100000", deepArray],
    ["empty object", {}],
    ["null prototype", nullProto],
    ["empty null prototype", Object.create(null)],
    ["frozen", Object.freeze({ a: Object.freeze({}) })],
    ["class instance", new (class Body { constructor() { this.publicip = {}; } })()],
    ["Date", new Date()],
    ["invalid Date", new Date(NaN)],
    ["Map", new Map([["publicip", {}]])],
    ["Set", new Set([1])],
    ["WeakMap", new WeakMap()],
    ["RegExp", /x/g],
    ["Error", new Error("hostile")],
    ["Promise", Promise.resolve({})],
    ["rejected Promise", (() => { const p = Promise.reject(new Error("rejected")); p.catch(() => {}); return p; })()],
    ["Uint8Array", new Uint8Array(8)],
    ["ArrayBuffer", new ArrayBuffer(8)],
    ["boxed string", new String("x")],
    ["boxed number", new Number(5)],
    ["AbortController (not a signal)", new AbortController()],
    ["globalThis", globalThis],
    ["cyclic", cyclic],
    ["deep object 100000", deep],
    ["many keys", Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))],
    ["10 MB key", { ["k".repeat(10_000_000)]: 1 }],
    ["__proto__ key", JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
    ["throwing getter", { get publicip() { throw new Error("getter"); }, get then() { throw new Error("then getter"); } }],
    ["getter returning proxies", { get publicip() { return throwingProxy; } }],
    ["throwing toString/valueOf", { toString() { throw new Error("toString"); }, valueOf() { throw new Error("valueOf"); }, [Symbol.toPrimitive]() { throw new Error("toPrimitive"); } }],
    ["throwing toJSON", { toJSON() { throw new Error("toJSON"); } }],
    ["proxy with throwing traps", throwingProxy],
    ["proxy with throwing ownKeys", new Proxy({}, { ownKeys: boom("ownKeys") })],
    ["proxy with throwing get", new Proxy({ a: 1 }, { get: boom("get") })],
    ["proxy lying about keys", new Proxy({}, { ownKeys: () => ["publicip", "bandwidth"], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }) })],
    ["revoked proxy", revocable.proxy],
  ];
  return cachedHostile;
}

/** The hostile values that are strings (ids must refuse every one of them but a real id). */
export const PATH_ESCAPES = [
  "../../admin", "..", ".", "a/b", "a%2Fb", "%2e%2e", "a?b=c", "a#frag", "a b", " f588ccfa-8750-4d7c-bf5d-2ede24414706",
  "f588ccfa-8750-4d7c-bf5d-2ede24414706 ", "a\tb", "a\nb", "a\rb", "a\u0000b", "a\\b", "a;b", "a&b", "a+b", "a=b", "a@b",
  "a:b", "%00", "a%20b",
  "f588ccfa\u22128750", // minus sign lookalike
  "a\uFF0Fb", // fullwidth solidus
  "a\u2215b", // division slash
  "\uFF0E\uFF0E", // fullwidth full stops
  "f588cсfa-8750-4d7c-bf5d-2ede24414706", // Cyrillic "с"
  "a\u200Bb", // zero-width space
  "a\u00A0b", // no-break space
  "e\u0301", // combining accent
  "x".repeat(65),
  "",
];

/**
 * The emulator in a process of its own (spawnEmulator), so that it and the client under load
 * use both CPU cores. Same control helpers as `emulator()`.
 */
export async function emulatorProcess({ transitionMs = 20 } = {}) {
  const emu = await spawnEmulator({ quiet: true, transitionMs });
  return controlClient(emu.url, emu.close, realFetch);
}

/**
 * Polls showPublicip until the EIP's status is one of `statuses` (setup code uses this rather
 * than waitForPublicip, so that one broken feature does not take every test down with it).
 */
export async function waitStatus(client, id, statuses, ms = 5_000) {
  const end = Date.now() + ms;
  for (;;) {
    const { publicip } = await client.showPublicip(id);
    if (statuses.includes(publicip.status)) return publicip;
    if (Date.now() > end) throw new Error(`${id} stayed ${publicip.status}, not ${statuses}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
