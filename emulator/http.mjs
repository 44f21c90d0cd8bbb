// The HTTP layer: request ids, CORS, body reading, routing, and the pipeline every API call
// goes through (log → fault → auth → project check → body parse → operation → answer).

import { randomBytes } from 'node:crypto';
import { authenticate, presentedAuth, splitUrl } from './auth.mjs';
import { CONTROL_ROUTES } from './control.mjs';
import { createPrepaidPublicip, createPublicip, deletePublicip, listPublicips, showPublicip, updatePublicip } from './eips.mjs';
import { ApiError, errors } from './errors.mjs';
import { answerWithFault } from './faults.mjs';
import { issueToken } from './iam.mjs';
import { parseJson } from './json.mjs';
import { listPorts } from './ports.mjs';

export const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY_BYTES = 1024 * 1024;
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = ['Content-Type', 'X-Auth-Token', 'X-Sdk-Date', 'Authorization', 'X-Project-Id', 'X-Sdk-Content-Sha256'];
const EXPOSED_HEADERS = 'X-Request-Id, X-Subject-Token, Retry-After';

/** API routes. `:project` must be the configured project id; IAM is public and answers IAM-shaped errors. */
const API_ROUTES = [
  { method: 'POST', pattern: '/v1/:project/publicips', operation: 'createPublicip', handler: createPublicip, body: true },
  { method: 'POST', pattern: '/v2.0/:project/publicips', operation: 'createPrepaidPublicip', handler: createPrepaidPublicip, body: true },
  { method: 'GET', pattern: '/v1/:project/publicips', operation: 'listPublicips', handler: listPublicips },
  { method: 'GET', pattern: '/v1/:project/publicips/:id', operation: 'showPublicip', handler: showPublicip },
  { method: 'PUT', pattern: '/v1/:project/publicips/:id', operation: 'updatePublicip', handler: updatePublicip, body: true },
  { method: 'DELETE', pattern: '/v1/:project/publicips/:id', operation: 'deletePublicip', handler: deletePublicip },
  { method: 'GET', pattern: '/v1/:project/ports', operation: 'listPorts', handler: listPorts },
  { method: 'POST', pattern: '/v3/auth/tokens', operation: 'iamToken', handler: issueToken, body: true, public: true, shape: 'iam' },
];

/** Matches `method path` against route patterns; `:name` segments capture (percent-decoded, non-empty). */
export function matchRoute(routes, method, path) {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params = {};
    const ok = parts.every((part, i) => {
      if (!part.startsWith(':')) return part === segments[i];
      if (segments[i] === '') return false;
      try {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      } catch {
        return false;
      }
    });
    if (ok) return { route, params };
  }
  return null;
}

/** Writes an answer: objects as JSON, strings as given (text/plain unless a Content-Type is set). */
export function writeAnswer(res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}

function setCorsHeaders(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

function answerPreflight(req, res) {
  // Echo what the browser asks for, on top of the headers the API uses.
  const requested = (req.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const allowed = [...new Set([...ALLOWED_HEADERS.map((h) => h.toLowerCase()), ...requested.map((h) => h.toLowerCase())])];
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', allowed.join(', '));
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access: lets a page served elsewhere reach the emulator on loopback.
  if (req.headers['access-control-request-private-network'] === 'true') {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  writeAnswer(res, 204);
}

/** Reads the whole body; past the limit it keeps draining (so the client sees the answer) but keeps nothing. */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES };
}

/**
 * Parses a JSON body strictly (UTF-8, RFC 8259) into `{value, floats}`.
 * `makeError(message)` builds the 400 in the caller's error shape.
 */
export function parseBody(bytes, makeError) {
  if (bytes.length === 0) throw makeError('The request body is required (a JSON object).');
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw makeError('The request body is not valid UTF-8.');
  }
  try {
    return parseJson(text);
  } catch (err) {
    throw makeError(`The request body is not valid JSON: ${err.message}.`);
  }
}

async function handleApi(ctx, req, res, { requestId, rawPath, rawQuery, body }) {
  const match = matchRoute(API_ROUTES, req.method, rawPath);
  const operation = match?.route.operation ?? null;
  const entry = ctx.log.start({ method: req.method, path: rawPath, rawQuery, operation, auth: presentedAuth(req) });
  const respond = (status, payload, headers) => {
    writeAnswer(res, status, payload, headers);
    entry.status = status;
  };
  try {
    const fault = ctx.faults.take({ operation, method: req.method, path: rawPath });
    if (fault) {
      entry.fault = fault.type;
      if (fault.type !== 'delay') {
        entry.status = answerWithFault(fault, { req, res, requestId, send: (...args) => writeAnswer(res, ...args) });
        return;
      }
      if (!(await ctx.faults.delay(fault.ms))) return; // the emulator is closing
      ctx.state.settle(ctx.now(), ctx.config.holdStatuses);
    }

    if (!match) throw errors.noRoute();
    const { route, params } = match;
    const badBody = route.shape === 'iam' ? errors.iamBadRequest : errors.eipParam;
    if (body.tooLarge) throw route.shape === 'iam' ? badBody('The request body is too large.') : errors.tooLarge('The request body exceeds 1 MiB.');
    if (!route.public) {
      authenticate(req, body.bytes, ctx);
      if (params.project !== ctx.config.projectId) {
        throw errors.project(`urlTenantId is not equal tokenTenantId: project ${params.project} is not the project of the credentials.`);
      }
    }
    const parsed = route.body ? parseBody(body.bytes, badBody) : { value: undefined, floats: new Set() };
    const query = new URLSearchParams(rawQuery);
    const result = route.handler(ctx, { params, query, body: parsed.value, floats: parsed.floats });
    respond(result.status, result.body, result.headers);
  } catch (err) {
    const apiError = err instanceof ApiError ? err : internalError(err);
    if (apiError.reason) entry.reason = apiError.reason;
    respond(apiError.status, apiError.body(requestId), apiError.headers);
  } finally {
    if (!ctx.config.quiet) {
      const outcome = entry.status ?? 'no answer';
      process.stderr.write(`eip-emulator: ${req.method} ${rawPath} -> ${outcome}${operation ? ` (${operation})` : ''}${entry.fault ? ` [fault: ${entry.fault}]` : ''}\n`);
    }
  }
}

/** Control API: no auth, not logged, not faultable; errors answer `{error}`. */
function handleControl(ctx, req, res, { requestId, rawPath, body }) {
  const controlError = (message) => errors.control(400, message);
  try {
    const match = matchRoute(CONTROL_ROUTES, req.method, rawPath);
    if (!match) throw errors.control(404, `No control endpoint ${req.method} ${rawPath}.`);
    const parsed = body.bytes.length === 0 ? { value: {} } : parseBody(body.bytes, controlError);
    const result = match.route.handler(ctx, { params: match.params, body: parsed.value });
    writeAnswer(res, result.status, result.body);
  } catch (err) {
    // Service errors raised inside a control action (e.g. paying an order whose port was taken)
    // keep their status but take the control shape.
    const apiError = err instanceof ApiError ? errors.control(err.status, err.message) : internalError(err);
    writeAnswer(res, apiError.status, apiError.body(requestId));
  }
}

function internalError(err) {
  process.stderr.write(`eip-emulator: internal error: ${err?.stack ?? err}\n`);
  return errors.internal('Internal error in the emulator.');
}

/** The request listener. */
export function createRequestHandler(ctx) {
  return async (req, res) => {
    const requestId = randomBytes(16).toString('hex');
    res.setHeader('X-Request-Id', requestId);
    setCorsHeaders(req, res);
    try {
      if (req.method === 'OPTIONS') return answerPreflight(req, res);
      const [rawPath, rawQuery] = splitUrl(req.url);
      const body = await readBody(req);
      ctx.state.settle(ctx.now(), ctx.config.holdStatuses);
      if (rawPath === '/__emulator' || rawPath.startsWith('/__emulator/')) {
        return handleControl(ctx, req, res, { requestId, rawPath, body });
      }
      await handleApi(ctx, req, res, { requestId, rawPath, rawQuery, body });
    } catch (err) {
      // Reading the body failed (client went away) or a bug: answer if still possible.
      if (!res.headersSent && !res.destroyed) {
        const apiError = err instanceof ApiError ? err : internalError(err);
        writeAnswer(res, apiError.status, apiError.body(requestId), apiError.headers);
      }
    }
  };
}
