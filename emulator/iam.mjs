// IAM: POST /v3/auth/tokens (password method, project scope), Keystone v3 style, and the store
// of the tokens it issued. Static tokens from the options never expire; issued ones live
// `tokenTtlMs` and can all be expired at once through the control API.

import { createHash, randomBytes } from 'node:crypto';
import { errors } from './errors.mjs';

/** A stable 32-hex id derived from names, so users and domains keep their ids across restarts. */
export const stableId = (...parts) => createHash('sha256').update(parts.join('/')).digest('hex').slice(0, 32);

export class TokenStore {
  #tokens = new Map(); // token → {expiresAt}

  issue(now, ttlMs) {
    // Real IAM tokens are long base64 blobs starting with "MII"; the length matters to clients
    // that put them in headers, so imitate it.
    const token = 'MII' + randomBytes(600).toString('base64url');
    this.#tokens.set(token, { expiresAt: now + ttlMs });
    return { token, expiresAt: now + ttlMs };
  }

  /** @returns {'valid'|'expired'|'unknown'} */
  check(token, now) {
    const entry = this.#tokens.get(token);
    if (!entry) return 'unknown';
    return now < entry.expiresAt ? 'valid' : 'expired';
  }

  expireAll(now) {
    for (const entry of this.#tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
    return this.#tokens.size;
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string' && v !== '';

/** Reads the password-method body, answering 400 (IAM shape) naming the first bad field. */
function readPasswordAuth(body) {
  const bad = (path, rule) => errors.iamBadRequest(`Invalid request body: ${path} ${rule}.`);
  if (!isObject(body)) throw bad('the body', 'must be a JSON object');
  if (!isObject(body.auth)) throw bad('auth', 'is required and must be an object');
  const { identity, scope } = body.auth;
  if (!isObject(identity)) throw bad('auth.identity', 'is required and must be an object');
  if (!Array.isArray(identity.methods) || !identity.methods.includes('password')) {
    throw bad('auth.identity.methods', 'must be an array containing "password"');
  }
  const user = identity.password?.user;
  if (!isObject(identity.password) || !isObject(user)) throw bad('auth.identity.password.user', 'is required and must be an object');
  if (!isText(user.name)) throw bad('auth.identity.password.user.name', 'is required and must be a non-empty string');
  if (typeof user.password !== 'string') throw bad('auth.identity.password.user.password', 'is required and must be a string');
  if (!isObject(user.domain) || !(isText(user.domain.name) || isText(user.domain.id))) {
    throw bad('auth.identity.password.user.domain', 'must be an object with a name (or id)');
  }
  if (!isObject(scope) || !isObject(scope.project) || !(isText(scope.project.id) || isText(scope.project.name))) {
    throw bad('auth.scope.project', 'must be an object with an id or a name');
  }
  return { user, project: scope.project };
}

/** POST /v3/auth/tokens */
export function issueToken(ctx, { body }) {
  const { config, tokens } = ctx;
  const { user, project } = readPasswordAuth(body);
  const account = config.users.find(
    (u) => u.name === user.name && (u.domain === user.domain.name || u.domainId === user.domain.id) && u.password === user.password,
  );
  if (!account) throw errors.iamUnauthorized();
  if (project.id !== undefined ? project.id !== config.projectId : project.name !== config.projectName) {
    throw errors.iamUnauthorized('The project in auth.scope.project does not exist or the user has no access to it.');
  }

  const now = ctx.now();
  const { token, expiresAt } = tokens.issue(now, config.tokenTtlMs);
  const domain = { id: account.domainId, name: account.domain };
  return {
    status: 201,
    headers: { 'X-Subject-Token': token },
    body: {
      token: {
        expires_at: new Date(expiresAt).toISOString(),
        issued_at: new Date(now).toISOString(),
        methods: ['password'],
        project: { id: config.projectId, name: config.projectName, domain },
        user: { id: account.id, name: account.name, domain, password_expires_at: '' },
        catalog: [],
      },
    },
  };
}
