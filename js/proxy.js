// `eipkit/proxy`: a fetch handler that serves the EIP API's own paths to a browser console and
// sends each allowed, valid request upstream with the proxy's credentials (README, "Deploying a
// console"). Runtime-neutral: the entries in js/proxy/ instantiate the module and register it.
// Nothing the caller sent is forwarded as it is: the route, the id, the body and the query are
// read here, checked by the engine, and the engine builds and signs a fresh request
// (`RawClient.forward`: one attempt, redirects refused, the answer passed back as it is).
import { readBody } from "./body.js";
import { keeps, unregistered } from "./engine.js";
import { EipError } from "./error.js";
import { CLIENT_METHODS, OPERATIONS } from "./operations.js";
import { fieldRules, validateCreatePrepaidPublicip, validateCreatePublicip, validateUpdatePublicip } from "./validators.js";

let wasm;
let ready = unregistered;

/** For the proxy entries: the wasm bindings and `ready` (engine.js). */
export default function useProxy(bindings, readiness) {
  if (keeps(ready, readiness)) return;
  wasm = bindings;
  ready = readiness;
}

const METHOD_NAMES = CLIENT_METHODS.map((m) => m.name);
const VALIDATORS = { createPublicip: validateCreatePublicip, createPrepaidPublicip: validateCreatePrepaidPublicip, updatePublicip: validateUpdatePublicip };
const PASSED_OPTIONS = ["timeoutMs", "fetch", "region", "locale", "maxResponseBytes"];
const ALLOWED_METHODS = "GET, POST, PUT, DELETE";
/** Path characters that never need percent-encoding (RFC 3986 "unreserved"), and "/". */
const PATH = /^[A-Za-z0-9\-._~/]*$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
/** No query value of the service has one; the engine would send them percent-encoded. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const NULL_BODY = new Set([101, 204, 205, 304]);
const COMMON = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
/** The raw request target of a Request made by `toNodeListener` (before URL normalisation). */
const RAW_TARGETS = new WeakMap();

/** An EipError for a bad proxy option (thrown by createEipProxy). */
function badOption(path, code, params, message) {
  const issue = { path, code, severity: "error", message, params };
  return new EipError({ kind: "validation", message, operation: "createEipProxy", issues: [issue] });
}

/** createEipProxy's own options, checked; the upstream client's are checked by the engine. */
function readOptions(options) {
  if (options === null || typeof options !== "object") throw badOption("", "type", { expected: "object" }, "createEipProxy needs an options object.");
  const { authorize, policy, allow, cors, basePath = "", maxBodyBytes = 64 * 1024 } = options;
  if (typeof authorize !== "function") {
    throw badOption("authorize", "required", {}, "authorize is required: a function of the request answering true for a caller it lets in.");
  }
  if (policy !== undefined && typeof policy !== "function") throw badOption("policy", "type", { expected: "function" }, "policy must be a function.");
  let allowed = new Set(METHOD_NAMES);
  if (allow !== undefined) {
    if (!Array.isArray(allow)) throw badOption("allow", "type", { expected: "array" }, "allow must be an array of operation names.");
    for (const [index, name] of allow.entries()) {
      if (!METHOD_NAMES.includes(name)) {
        throw badOption(`allow.${index}`, "enum", { allowed: METHOD_NAMES }, `allow.${index} must be one of ${METHOD_NAMES.join(", ")}.`);
      }
    }
    allowed = new Set(allow);
  }
  const origins = new Set();
  if (cors !== undefined) {
    if (cors === null || typeof cors !== "object" || !Array.isArray(cors.origins)) {
      throw badOption("cors.origins", "type", { expected: "array" }, "cors.origins must be an array of origins.");
    }
    for (const [index, origin] of cors.origins.entries()) {
      let canonical;
      try {
        canonical = new URL(origin).origin;
      } catch {
        canonical = undefined;
      }
      if (typeof origin !== "string" || canonical !== origin || origin === "null") {
        throw badOption(`cors.origins.${index}`, "format", { format: "origin" }, `cors.origins.${index} must be an origin such as "https://console.example.com" (no path, no "*").`);
      }
      origins.add(origin);
    }
  }
  const base = typeof basePath === "string" ? basePath.replace(/\/+$/, "") : null;
  if (base === null || (base !== "" && (!base.startsWith("/") || !PATH.test(base) || badSegments(base.slice(1).split("/"))))) {
    throw badOption("basePath", "format", { format: "path" }, 'basePath must be "" or a path such as "/api".');
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1 || maxBodyBytes > 16 * 1024 * 1024) {
    throw badOption("maxBodyBytes", "range", { min: 1, max: 16 * 1024 * 1024 }, "maxBodyBytes must be an integer from 1 to 16 MiB.");
  }
  return { authorize, policy, allowed, origins, base: base === "" ? [] : base.slice(1).split("/"), maxBodyBytes };
}

/** Empty, "." or ".." segments: never part of a route. */
const badSegments = (segments) => segments.some((s) => s === "" || s === "." || s === "..");

/**
 * The credentials the proxy holds, to keep them out of every answer: the token, the AK and SK,
 * header values, and the last tokens a provider handed over (the provider is wrapped for that).
 */
function secretsOf(auth) {
  const known = new Set();
  const add = (value) => {
    if (typeof value === "string" && value !== "") known.add(value);
  };
  let upstream = auth;
  if (auth !== null && typeof auth === "object") {
    const { token, ak, sk, headers, tokenProvider } = auth;
    [token, ak, sk].forEach(add);
    if (headers !== null && typeof headers === "object") Object.values(headers).forEach(add);
    if (typeof tokenProvider === "function") {
      const issued = [];
      upstream = {
        ...auth,
        async tokenProvider(options) {
          const token = await tokenProvider(options);
          if (typeof token === "string" && token !== "" && !issued.includes(token)) {
            issued.push(token);
            if (issued.length > 8) issued.shift();
          }
          return token;
        },
      };
      return { upstream, list: () => [...known, ...issued] };
    }
  }
  return { upstream, list: () => [...known] };
}

/** `text` with every secret (as it is, and as JSON escapes it) replaced. */
function scrub(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    for (const form of new Set([secret, escaped, escaped.replaceAll("/", "\\/")])) out = out.split(form).join("***");
  }
  return out;
}

const contains = (text, secrets) => secrets.some((s) => text.includes(s));

function json(status, payload, headers = {}) {
  return new Response(JSON.stringify(payload), { status, headers: { ...COMMON, ...headers, "content-type": "application/json;charset=UTF-8" } });
}

/** The first error's message, and how many more there are. */
function summary(issues, fallback) {
  const errors = issues.filter((i) => i.severity !== "warning");
  if (errors.length === 0) return fallback;
  return errors.length === 1 ? errors[0].message : `${errors[0].message} (and ${errors.length - 1} more)`;
}

/** A policy's issues in the shape of ValidationResult's (anything else is the policy's bug). */
function policyIssues(result) {
  if (result === undefined || result === null) return [];
  if (!Array.isArray(result)) throw new TypeError("policy must answer an array of issues, or nothing");
  return result.map((issue) => {
    const field = (key) => (issue !== null && typeof issue === "object" ? issue[key] : undefined);
    let params = {};
    try {
      const given = field("params");
      if (given !== null && typeof given === "object") params = JSON.parse(JSON.stringify(given));
    } catch {
      params = {};
    }
    const message = typeof field("message") === "string" ? field("message") : "refused by the proxy's policy";
    return {
      path: typeof field("path") === "string" ? field("path") : "",
      code: typeof field("code") === "string" ? field("code") : "policy",
      severity: field("severity") === "warning" ? "warning" : "error",
      message,
      short: typeof field("short") === "string" ? field("short") : message,
      params,
    };
  });
}

/** The client method an update body is sent by: bind, unbind, or any other update. */
function updateMethod(body) {
  const publicip = body !== null && typeof body === "object" && !Array.isArray(body) ? body.publicip : undefined;
  if (publicip === null || typeof publicip !== "object" || Array.isArray(publicip)) return "updatePublicip";
  if (typeof publicip.port_id === "string" && publicip.port_id !== "") return "bindPublicip";
  const keys = Object.keys(publicip);
  const unbinds = keys.length === 0 || (keys.length === 1 && publicip.port_id === "");
  return unbinds && Object.keys(body).length === 1 ? "unbindPublicip" : "updatePublicip";
}

/** A list operation's query string as the query object, typed by the operation's field rules. */
function queryOf(operation, search) {
  const kinds = new Map(fieldRules(operation).map((f) => [f.path, f]));
  const query = {};
  for (const [key, value] of new URLSearchParams(search)) {
    if (Object.hasOwn(query, key)) return { refused: `the query repeats ${JSON.stringify(key)}` };
    if (CONTROL.test(key) || CONTROL.test(value)) return { refused: "the query has a control character" };
    const rule = kinds.get(key);
    const integer = /^(0|-?[1-9][0-9]{0,15})$/.test(value) && Number.isSafeInteger(Number(value));
    let typed = value;
    if (rule?.kind === "integer" && integer) typed = Number(value);
    else if (rule?.kind === "boolean" && (value === "true" || value === "false")) typed = value === "true";
    else if (rule?.kind === "choice" && integer && rule.allowed?.includes(Number(value))) typed = Number(value);
    Object.defineProperty(query, key, { value: typed, enumerable: true, writable: true, configurable: true });
  }
  return { query };
}

/**
 * The route of a raw request target (path and query, never normalised): the operation, the id,
 * the query string; `{ status }` when there is none. Only exact templates match.
 */
function route(target, method, config, projectId) {
  if (!target.startsWith("/")) return { status: 404 };
  const at = target.indexOf("?");
  const path = at === -1 ? target : target.slice(0, at);
  const search = at === -1 ? "" : target.slice(at + 1);
  if (!PATH.test(path)) return { status: 404 };
  const segments = path.slice(1).split("/");
  if (badSegments(segments)) return { status: 404 };
  if (config.base.some((s, i) => segments[i] !== s)) return { status: 404 };
  const rest = segments.slice(config.base.length);
  const methods = [];
  let found;
  for (const operation of OPERATIONS) {
    const template = operation.path.slice(1).split("/");
    if (template.length !== rest.length) continue;
    let id;
    const matches = template.every((part, i) => {
      if (part === "{project_id}") return rest[i] === projectId;
      if (part === "{publicip_id}") {
        id = rest[i];
        return true;
      }
      return rest[i] === part;
    });
    if (!matches) continue;
    methods.push(operation.method);
    if (operation.method === method) found = { operation, id, search };
  }
  if (found) return found;
  return methods.length ? { status: 405, allow: methods.join(", ") } : { status: 404 };
}

/**
 * A fetch handler (workerd, Deno.serve, Bun; Node through `toNodeListener`) serving the EIP
 * API's paths for the allowed operations, with the proxy's own credentials upstream.
 */
export function createEipProxy(options) {
  const config = readOptions(options);
  const secrets = secretsOf(options.auth);
  const upstreamOptions = { endpoint: options.endpoint, projectId: options.projectId, auth: secrets.upstream, retries: 0 };
  for (const key of PASSED_OPTIONS) if (options[key] !== undefined) upstreamOptions[key] = options[key];
  const projectId = options.projectId;

  let raw;
  const engine = () => {
    if (!raw) {
      try {
        raw = new wasm.RawClient(upstreamOptions);
      } catch (thrown) {
        throw EipError.from(thrown, "createEipProxy");
      }
    }
    return raw;
  };
  // Where the module is already instantiated, bad upstream options throw here, synchronously.
  if (ready.isReady()) engine();

  /** The service's answer, passed back with its status, body, type and request id. */
  const passed = (answer, headers) => {
    const known = secrets.list();
    const out = { ...COMMON, ...headers };
    const passedOn = [["content-type", answer.contentType], ["x-request-id", answer.requestId], ["retry-after", answer.retryAfter]];
    for (const [name, value] of passedOn) {
      if (typeof value === "string" && value !== "" && !contains(value, known)) out[name] = value;
    }
    const body = NULL_BODY.has(answer.status) ? null : scrub(answer.body ?? "", known);
    return new Response(body, { status: answer.status, headers: out });
  };

  /** A failure of `forward`, as the caller's answer: nothing upstream (validation), or the proxy's own upstream failure. */
  const failed = (error, headers) => {
    const known = secrets.list();
    const withId = { ...headers };
    if (typeof error.requestId === "string" && error.requestId !== "" && !contains(error.requestId, known)) withId["x-request-id"] = error.requestId;
    switch (error.kind) {
      case "validation":
        return json(400, { code: "validation", message: scrub(error.message, known), issues: error.issues ?? [] }, headers);
      case "timeout":
        return json(504, { code: "upstream_timeout", message: "the service did not answer in time" }, withId);
      case "network":
        return json(502, { code: "upstream_unreachable", message: "the service could not be reached" }, withId);
      case "api":
        if (error.status === 401) return json(502, { code: "upstream_unauthorized", message: "the service refused the proxy's credentials" }, withId);
        return json(502, { code: "upstream_error", message: "the service's answer cannot be passed on" }, withId);
      case "response":
        return json(502, { code: "upstream_response", message: "the service's answer cannot be passed on (a redirect, or too long)" }, withId);
      default:
        return json(502, { code: "upstream_aborted", message: "the request was abandoned" }, withId);
    }
  };

  async function handle(request) {
    const origin = request.headers.get("origin");
    const url = new URL(request.url);
    const listed = origin !== null && config.origins.has(origin);
    const sameOrigin = origin === url.origin || request.headers.get("sec-fetch-site") === "same-origin";
    const cors = listed ? { "access-control-allow-origin": origin, "access-control-expose-headers": "X-Request-Id", vary: "Origin" } : { vary: "Origin" };
    // Another origin is refused before anything else: no authorize, nothing upstream.
    if (origin !== null && !listed && !sameOrigin) return json(403, { code: "origin_not_allowed", message: "this origin may not use the proxy" }, { vary: "Origin" });

    if (request.method === "OPTIONS" && origin !== null && request.headers.has("access-control-request-method")) {
      const asked = (request.headers.get("access-control-request-headers") ?? "").split(",").map((h) => h.trim().toLowerCase());
      const headers = asked.filter((h) => TOKEN.test(h)).slice(0, 32);
      const preflight = listed
        ? { ...cors, "access-control-allow-methods": ALLOWED_METHODS, "access-control-max-age": "600" }
        : { vary: "Origin" };
      if (listed && headers.length) preflight["access-control-allow-headers"] = headers.join(", ");
      return new Response(null, { status: 204, headers: { ...COMMON, ...preflight } });
    }

    // The target as the caller wrote it where toNodeListener kept it; other runtimes hand over a
    // parsed URL, dot segments already resolved, and what is left is routed the same way.
    const target = RAW_TARGETS.get(request) ?? url.pathname + url.search;
    const found = route(target, request.method, config, projectId);
    if (found.status === 404) return json(404, { code: "not_found", message: "no such operation" }, cors);
    if (found.status === 405) return json(405, { code: "method_not_allowed", message: "this path does not take this method" }, { ...cors, allow: found.allow });

    let authorized;
    try {
      authorized = await config.authorize(request);
    } catch {
      return json(500, { code: "authorize_failed", message: "the proxy could not check the caller" }, cors);
    }
    if (authorized !== true) return json(401, { code: "unauthorized", message: "the caller is not authorized" }, cors);

    const { operation, id, search } = found;
    let method = operation.methods[0];
    const refusedMethod = (name) => json(403, { code: "operation_not_allowed", message: `${name} is not allowed through this proxy` }, cors);
    if (operation.name !== "updatePublicip" && !config.allowed.has(method)) return refusedMethod(method);

    let input;
    if (operation.input === "body") {
      if (search !== "") return json(400, { code: "bad_request", message: "this operation takes no query" }, cors);
      if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
        return json(415, { code: "unsupported_media_type", message: "the body must be application/json" }, cors);
      }
      let bytes;
      try {
        bytes = await readBody(request, config.maxBodyBytes);
      } catch {
        return json(400, { code: "bad_request", message: "the body could not be read" }, cors);
      }
      if (bytes === null) return json(413, { code: "payload_too_large", message: `the body is longer than ${config.maxBodyBytes} bytes` }, cors);
      try {
        input = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        return json(400, { code: "bad_request", message: "the body is not JSON" }, cors);
      }
      if (operation.name === "updatePublicip") {
        method = updateMethod(input);
        if (!config.allowed.has(method)) return refusedMethod(method);
      }
      // eipkit's rules first, so that the policy only sees a body they accept.
      const { issues } = VALIDATORS[operation.name](input, { region: options.region, locale: options.locale });
      if (issues.some((i) => i.severity === "error")) {
        return json(400, { code: "validation", message: summary(issues, "the body is invalid"), issues }, cors);
      }
    } else if (operation.input === "query") {
      const parsed = queryOf(operation.name, search);
      if (parsed.refused !== undefined) return json(400, { code: "bad_request", message: parsed.refused }, cors);
      input = parsed.query;
    } else if (search !== "") {
      return json(400, { code: "bad_request", message: "this operation takes no query" }, cors);
    }

    if (config.policy) {
      let issues;
      try {
        issues = policyIssues(await config.policy(method, input, { request, publicipId: id }));
      } catch {
        return json(500, { code: "policy_failed", message: "the proxy's policy failed" }, cors);
      }
      if (issues.some((i) => i.severity === "error")) {
        return json(400, { code: "policy", message: summary(issues, "refused by the proxy's policy"), issues }, cors);
      }
    }

    const args = [];
    if (id !== undefined) args.push(id);
    if (operation.input !== null) args.push(input);
    const callOptions = typeof AbortSignal === "function" && request.signal instanceof AbortSignal ? { signal: request.signal } : undefined;
    let answer;
    try {
      answer = await engine().forward(operation.methods[0], args, callOptions);
    } catch (thrown) {
      return failed(EipError.from(thrown, method), cors);
    }
    return passed(answer, cors);
  }

  return async function eipProxy(request) {
    try {
      await ready();
    } catch {
      return json(500, { code: "internal", message: "the proxy's engine could not be loaded" });
    }
    try {
      engine();
    } catch (error) {
      // Options the engine refused, where it was not ready to check them at construction (the
      // web entry): say which, as createEipProxy would have (its errors never hold a secret).
      return json(500, { code: "misconfigured", message: scrub(`the proxy's options are invalid: ${error.message}`, secrets.list()) });
    }
    try {
      return await handle(request);
    } catch {
      // A bug: never an upstream call, never a detail.
      return json(500, { code: "internal", message: "the proxy failed" });
    }
  };
}

/**
 * An IncomingMessage's body as a ReadableStream, read as the handler reads it; `discard()` (when
 * the answer is written, or the stream cancelled) drops whatever the handler left unread, so the
 * answer still reaches the caller and the connection can serve its next request.
 */
function bodyOf(req) {
  let open = true;
  const discard = () => {
    open = false;
    req.resume();
  };
  const stream = new ReadableStream({
    start(controller) {
      req.on("data", (chunk) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (controller.desiredSize <= 0) req.pause();
      });
      req.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.pause();
    },
    pull() {
      if (open) req.resume();
    },
    cancel: discard,
  });
  return { stream, discard };
}

/** A valid Host header, or "localhost". */
const hostOf = (host) => (typeof host === "string" && /^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/.test(host) ? host : "localhost");

/** An answer `toNodeListener` writes when the handler fails. */
const INTERNAL = JSON.stringify({ code: "internal", message: "the proxy failed" });

/**
 * Adapts a fetch handler to node:http: `http.createServer(toNodeListener(handler))`. The body is
 * streamed, the raw request target kept for routing, and a failing handler answers 500 instead
 * of ending the server.
 */
export function toNodeListener(handler) {
  return function nodeListener(req, res) {
    req.on("error", () => {});
    res.on("error", () => {});
    serve(handler, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json;charset=UTF-8", "cache-control": "no-store" });
        res.end(INTERNAL);
      } else {
        res.destroy();
      }
    });
  };
}

async function serve(handler, req, res) {
  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const scheme = req.socket?.encrypted ? "https" : "http";
  const target = typeof req.url === "string" ? req.url : "/";
  const base = `${scheme}://${hostOf(req.headers.host)}`;
  let url;
  try {
    url = new URL(target.startsWith("/") ? base + target : `${base}/`);
  } catch {
    url = new URL(`${base}/`);
  }
  const headers = new Headers();
  const raw = req.rawHeaders ?? [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i], raw[i + 1]);
    } catch {
      res.writeHead(400, { "content-type": "application/json;charset=UTF-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ code: "bad_request", message: "a header cannot be read" }));
      return;
    }
  }
  const method = typeof req.method === "string" ? req.method : "GET";
  const init = { method, headers, signal: abort.signal };
  let body;
  if (method !== "GET" && method !== "HEAD") {
    body = bodyOf(req);
    init.body = body.stream;
    init.duplex = "half";
  }
  const request = new Request(url, init);
  RAW_TARGETS.set(request, target);
  let response;
  try {
    response = await handler(request);
  } finally {
    body?.discard();
  }
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve).once("close", resolve));
    if (res.destroyed) {
      reader.cancel().catch(() => {});
      return;
    }
  }
  res.end();
}
