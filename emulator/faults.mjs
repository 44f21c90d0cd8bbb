// Fault injection: queued faults answer the next matching API requests instead of the real
// operation (state untouched), to exercise a client's error, retry and timeout handling.

import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from './errors.mjs';

export const OPERATIONS = [
  'createPublicip', 'createPrepaidPublicip', 'updatePublicip', 'showPublicip',
  'listPublicips', 'deletePublicip', 'listPorts', 'iamToken',
];
export const FAULT_TYPES = ['status', 'retryAfter', 'reset', 'hang', 'delay', 'malformed', 'html', 'empty', 'wrongShape', 'huge'];

const DEFAULT_STATUS = { retryAfter: 429, malformed: 200, html: 502, empty: 502, wrongShape: 200, huge: 200 };
/** The largest `huge` answer: 4 GiB. */
const MAX_HUGE_BYTES = 2 ** 32;
const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_DELAY_MS = 10 * 60 * 1000;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const bad = (message) => errors.control(400, message);

function checkStatus(status) {
  if (!Number.isInteger(status) || status < 200 || status > 599) throw bad('fault.status must be an integer from 200 to 599.');
}

/** Validates a `POST /__emulator/faults` body; returns the normalised entry parts. */
function readFaultSpec(body) {
  if (!isObject(body)) throw bad('The body must be an object {match?, times?, fault}.');
  const match = body.match ?? {};
  if (!isObject(match)) throw bad('match must be an object {operation?, method?, path?}.');
  for (const key of Object.keys(match)) {
    if (!['operation', 'method', 'path'].includes(key)) throw bad(`Unknown match key ${JSON.stringify(key)}.`);
    if (typeof match[key] !== 'string') throw bad(`match.${key} must be a string.`);
  }
  if (match.operation !== undefined && !OPERATIONS.includes(match.operation)) {
    throw bad(`match.operation must be one of ${OPERATIONS.join(', ')}.`);
  }
  const times = body.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw bad('times must be a positive integer.');

  const fault = body.fault;
  if (!isObject(fault) || !FAULT_TYPES.includes(fault.type)) throw bad(`fault.type must be one of ${FAULT_TYPES.join(', ')}.`);
  const out = { ...fault };
  switch (fault.type) {
    case 'status':
      checkStatus(fault.status);
      if (fault.body !== undefined && typeof fault.body !== 'string' && !isObject(fault.body)) throw bad('fault.body must be an object or a string.');
      if (fault.headers !== undefined && !(isObject(fault.headers) && Object.values(fault.headers).every((v) => typeof v === 'string'))) {
        throw bad('fault.headers must be an object of strings.');
      }
      break;
    case 'retryAfter':
      if (!Number.isInteger(fault.seconds) || fault.seconds < 0) throw bad('fault.seconds must be a non-negative integer.');
      break;
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0 || fault.ms > MAX_DELAY_MS) throw bad(`fault.ms must be a number from 0 to ${MAX_DELAY_MS}.`);
      break;
    case 'huge':
      if (!Number.isInteger(fault.bytes) || fault.bytes < 64 || fault.bytes > MAX_HUGE_BYTES) throw bad(`fault.bytes must be an integer from 64 to ${MAX_HUGE_BYTES}.`);
      if (fault.length !== undefined && typeof fault.length !== 'boolean') throw bad('fault.length must be a boolean.');
      break;
  }
  if (fault.type in DEFAULT_STATUS) {
    out.status ??= DEFAULT_STATUS[fault.type];
    checkStatus(out.status);
  }
  return { match, times, fault: out };
}

export class FaultQueue {
  #entries = [];
  #nextId = 1;
  #timers = new AbortController(); // aborts pending delays when the server closes

  add(body) {
    const entry = { id: this.#nextId++, ...readFaultSpec(body) };
    entry.remaining = entry.times;
    this.#entries.push(entry);
    return entry;
  }

  list() {
    return this.#entries.map((e) => structuredClone(e));
  }

  clear() {
    this.#entries = [];
  }

  /** Takes (and uses up one time of) the first queued fault matching the request. */
  take({ operation, method, path }) {
    const entry = this.#entries.find(
      ({ match }) =>
        (match.operation === undefined || match.operation === operation) &&
        (match.method === undefined || match.method.toUpperCase() === method) &&
        (match.path === undefined || path.includes(match.path)),
    );
    if (!entry) return null;
    if (--entry.remaining === 0) this.#entries.splice(this.#entries.indexOf(entry), 1);
    return entry.fault;
  }

  /** Waits for a delay fault; resolves early (false) when the emulator closes. */
  async delay(ms) {
    try {
      await sleep(ms, undefined, { signal: this.#timers.signal });
      return true;
    } catch {
      return false;
    }
  }

  cancelDelays() {
    this.#timers.abort();
  }
}

/**
 * Answers a request with a fault (all types but `delay`). Returns the status sent, or null
 * when nothing was sent (`reset`, `hang`). `send(status, body, headers)` writes an answer.
 */
export function answerWithFault(fault, { req, res, requestId, send }) {
  switch (fault.type) {
    case 'status': {
      const body = fault.body ?? { code: 'VPC.0500', message: `Injected fault: the service answered HTTP ${fault.status}.` };
      send(fault.status, body, fault.headers ?? {});
      return fault.status;
    }
    case 'retryAfter':
      send(
        fault.status,
        { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit', request_id: requestId },
        { 'Retry-After': String(fault.seconds) },
      );
      return fault.status;
    case 'reset':
      req.socket.destroy();
      return null;
    case 'hang':
      return null; // never answered: the socket is destroyed when the client leaves or the server closes
    case 'malformed':
      send(fault.status, '{"publicip": {"id": "f588ccfa-8750-4d7c-bf5d-2ede24414706", "status": "DOW', { 'Content-Type': JSON_TYPE });
      return fault.status;
    case 'html': {
      const title = `${fault.status} ${STATUS_CODES[fault.status] ?? 'Error'}`;
      send(
        fault.status,
        `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
        { 'Content-Type': 'text/html' },
      );
      return fault.status;
    }
    case 'empty':
      // Empty body, yet a JSON content type: the harsher case for a client that parses blindly.
      send(fault.status, '', { 'Content-Type': JSON_TYPE });
      return fault.status;
    case 'wrongShape':
      send(fault.status, { unexpected: true });
      return fault.status;
    case 'huge':
      streamHuge(res, fault);
      return fault.status;
    default:
      throw new Error(`unhandled fault type ${fault.type}`);
  }
}

/**
 * A JSON answer of `fault.bytes` bytes (`{"publicips":[{"id":"..."},...]}` padded to the exact
 * length), written as the client reads it and never held whole: a client that buffers it
 * whole is what this fault exposes. `Content-Length` is sent unless `length: false`.
 */
function streamHuge(res, fault) {
  const head = '{"publicips":[{"id":"f588ccfa-8750-4d7c-bf5d-2ede24414706"}';
  const tail = ']}';
  const item = ',{"id":"f588ccfa-8750-4d7c-bf5d-2ede24414706"}';
  const chunk = Buffer.from(item.repeat(Math.ceil(65536 / item.length)));
  let left = fault.bytes - head.length - tail.length;
  res.setHeader('Content-Type', JSON_TYPE);
  if (fault.length !== false) res.setHeader('Content-Length', fault.bytes);
  res.writeHead(fault.status);
  res.write(head);
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      // Whole items while they fit, then spaces (JSON whitespace) to the exact length.
      const part = left >= chunk.length ? chunk : Buffer.from(item.repeat(Math.floor(left / item.length)) + ' '.repeat(left % item.length));
      left -= part.length;
      if (!res.write(part)) return res.once('drain', pump);
    }
    if (!res.destroyed) res.end(tail);
  };
  res.on('close', () => { left = 0; });
  pump();
}
