// Authentication of API calls: an X-Auth-Token (static or IAM-issued), or an AK/SK signature
// (SDK-HMAC-SHA256, Huawei Cloud's API gateway scheme), verified by an implementation of its own.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { errors } from './errors.mjs';

const ALGORITHM = 'SDK-HMAC-SHA256';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

/** Percent-encodes everything but the unreserved set A–Z a–z 0–9 - _ . ~ (UTF-8, uppercase hex). */
export const encodeUnreserved = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Sorts like the official SDKs (Go's sort.Strings): by UTF-8 bytes. */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Canonical URI: each segment decoded then re-encoded, with a trailing "/" (for signing only). */
export function canonicalUri(rawPath) {
  const path = rawPath.split('/').map((segment) => encodeUnreserved(decodeURIComponent(segment))).join('/');
  return path.endsWith('/') ? path : path + '/';
}

/**
 * Canonical query: pairs decoded (form style: "+" is a space, as URLSearchParams writes it),
 * sorted by key then value, re-encoded; a key without a value becomes "key=".
 */
export function canonicalQuery(rawQuery) {
  const decode = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
  const pairs = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
  pairs.sort(([ka, va], [kb, vb]) => byBytes(ka, kb) || byBytes(va, vb));
  return pairs.map(([k, v]) => `${encodeUnreserved(k)}=${encodeUnreserved(v)}`).join('&');
}

/**
 * The canonical request. `headers` maps lowercase names to arrays of values (`host` must hold
 * the Host header); `signedHeaders` is the lowercase list from the Authorization header.
 */
export function canonicalRequest({ method, rawPath, rawQuery, headers, signedHeaders, payloadHash }) {
  const canonicalHeaders = signedHeaders
    .flatMap((name) => [...headers[name]].sort(byBytes).map((v) => `${name}:${v.trim()}\n`))
    .join('');
  return [method, canonicalUri(rawPath), canonicalQuery(rawQuery), canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
}

/** hex(HMAC-SHA256(sk, "SDK-HMAC-SHA256\n" + date + "\n" + hex(sha256(canonical request)))) */
export function signature(sk, sdkDate, canonical) {
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
  return createHmac('sha256', sk).update(stringToSign).digest('hex');
}

/** Parses `SDK-HMAC-SHA256 Access=..., SignedHeaders=a;b, Signature=...`, or returns null. */
function parseAuthorization(value) {
  if (!value.startsWith(ALGORITHM + ' ')) return null;
  const fields = {};
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const { Access, SignedHeaders, Signature } = fields;
  if (!Access || !SignedHeaders || !/^[0-9a-f]{64}$/.test(Signature ?? '')) return null;
  return { ak: Access, signedHeaders: SignedHeaders.split(';'), signature: Signature };
}

function parseSdkDate(value) {
  const m = SDK_DATE.exec(value ?? '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** Which scheme a request presents, for the request log: 'aksk' | 'token' | 'none'. */
export function presentedAuth(req) {
  if ((req.headers.authorization ?? '').startsWith(ALGORITHM)) return 'aksk';
  return req.headers['x-auth-token'] ? 'token' : 'none';
}

function verifyAkSk(req, rawBody, ctx) {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) throw errors.aksk('malformed Authorization header');
  const credential = ctx.config.credentials.find((c) => c.ak === auth.ak);
  if (!credential) throw errors.aksk('unknown AK');

  const sdkDate = req.headers['x-sdk-date'];
  const signedAt = parseSdkDate(sdkDate);
  if (Number.isNaN(signedAt)) throw errors.aksk('missing or malformed X-Sdk-Date');
  if (Math.abs(ctx.now() - signedAt) > MAX_CLOCK_SKEW_MS) throw errors.aksk('X-Sdk-Date more than 15 minutes from now');

  const headers = {};
  for (const name of auth.signedHeaders) {
    if (name !== name.toLowerCase() || name === '') throw errors.aksk('SignedHeaders must be lowercase names');
    const values = req.headersDistinct[name];
    if (!values) throw errors.aksk(`signed header ${name} is missing`);
    headers[name] = values;
  }
  const sorted = [...auth.signedHeaders].sort(byBytes);
  if (sorted.join(';') !== auth.signedHeaders.join(';')) throw errors.aksk('SignedHeaders are not sorted');

  const [rawPath, rawQuery = ''] = splitUrl(req.url);
  // X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD) replaces the body hash, as in the official SDKs.
  const payloadHash = req.headers['x-sdk-content-sha256'] ?? sha256Hex(rawBody);
  let expected;
  try {
    expected = signature(credential.sk, sdkDate, canonicalRequest({ method: req.method, rawPath, rawQuery, headers, signedHeaders: auth.signedHeaders, payloadHash }));
  } catch {
    throw errors.aksk('undecodable percent-encoding in the URL');
  }
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) throw errors.aksk('signature mismatch');
}

/** Splits a request target into raw path and raw query (no decoding). */
export function splitUrl(url) {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
}

/**
 * Authenticates an API call, then checks X-Project-Id. Throws ApiError (401/403).
 * An Authorization header in the SDK-HMAC-SHA256 scheme takes precedence over X-Auth-Token.
 */
export function authenticate(req, rawBody, ctx) {
  const scheme = presentedAuth(req);
  if (scheme === 'aksk') {
    verifyAkSk(req, rawBody, ctx);
  } else if (scheme === 'token') {
    const token = req.headers['x-auth-token'];
    if (!ctx.config.tokens.includes(token)) {
      const status = ctx.tokens.check(token, ctx.now());
      if (status === 'expired') throw errors.token('Authentication failed: the token in the X-Auth-Token header has expired.');
      if (status !== 'valid') throw errors.token('Authentication failed: invalid token in the X-Auth-Token header.');
    }
  } else {
    throw errors.token('Authentication failed: send an X-Auth-Token header or an AK/SK signature.');
  }
  const projectHeader = req.headers['x-project-id'];
  if (projectHeader !== undefined && projectHeader !== ctx.config.projectId) {
    throw errors.project('The project in the X-Project-Id header is not the project of the credentials.');
  }
  return scheme;
}
