// Tests of the EIP emulator: run with `node --test tests/emulator/`.
// Each group starts its own emulator on port 0 (fast transitions) and resets it between tests.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { canonicalQuery, canonicalRequest, signature } from '../../emulator/auth.mjs';
import { connectEmulator, spawnEmulator, startEmulator } from '../../emulator/index.mjs';

const PROJECT = '0605767a5c5d4e5e8c9f1a2b3c4d5e6f';
const AK = 'TESTAK0000000000000';
const SK = 'testsecretkey0000000000000000000000000000';
const SHARED_BW = 'ebfa375c-3f93-465e-81a3-bd66e578ee9d';
const WEB01 = { server: 'ea61f836-b52f-41bf-9d06-685644001d6f', port: '02c72193-efec-42fb-853b-c33f2b802467', ip: '192.168.0.75' };
const DB01 = { server: '6b1f2c8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d', primary: '8d3c5a1e-2b4f-4c6d-8e9f-0a1b2c3d4e5f', secondary: '9e4d6b2f-3c5a-4d7e-9f0a-1b2c3d4e5f60' };
const MULTI_NIC = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const BATCH01 = '7c2a3d9f-4e5b-4a6c-8d7e-8f9a0b1c2d3e';
const TRANSITION_MS = 25;

const EIPS = `/v1/${PROJECT}/publicips`;
const PORTS = `/v1/${PROJECT}/ports`;
const PER_BODY = { publicip: { type: '5_bgp' }, bandwidth: { name: 'bw-test', size: 5, share_type: 'PER' } };

// ------------------------------------------------------------------ helpers

async function call(emu, method, path, { body, headers = {}, token = 'test-token', signal } = {}) {
  const h = { ...headers };
  if (token) h['X-Auth-Token'] = token;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  if (payload !== undefined && !h['Content-Type']) h['Content-Type'] = 'application/json';
  const res = await fetch(emu.url + path, { method, headers: h, body: payload, signal });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const control = (emu, method, path, body) => call(emu, method, `/__emulator${path}`, { body, token: null });

async function startTest(options = {}) {
  return startEmulator({ quiet: true, transitionMs: TRANSITION_MS, ...options });
}

function useEmulator(options) {
  const handle = {};
  before(async () => Object.assign(handle, await startTest(options)));
  after(() => handle.close());
  beforeEach(async () => {
    const r = await control(handle, 'POST', '/reset', { seed: 'demo', transitionMs: TRANSITION_MS });
    assert.equal(r.status, 200);
  });
  return handle;
}

async function waitForStatus(emu, id, status, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(emu, 'GET', `${EIPS}/${id}`);
    if (r.json?.publicip?.status === status) return r.json.publicip;
    if (Date.now() > deadline) assert.fail(`EIP ${id} did not reach ${status}: ${r.text}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function createDown(emu, body = PER_BODY) {
  const r = await call(emu, 'POST', EIPS, { body });
  assert.equal(r.status, 200, r.text);
  return waitForStatus(emu, r.json.publicip.id, 'DOWN');
}

async function createBound(emu, portId = WEB01.port) {
  const eip = await createDown(emu);
  const r = await call(emu, 'PUT', `${EIPS}/${eip.id}`, { body: { publicip: { port_id: portId } } });
  assert.equal(r.status, 200, r.text);
  return waitForStatus(emu, eip.id, 'ACTIVE');
}

function assertVpcError(r, status, code, mentions) {
  assert.equal(r.status, status, r.text);
  assert.equal(r.json?.code, code, r.text);
  assert.equal(typeof r.json.message, 'string');
  assert.deepEqual(Object.keys(r.json).sort(), ['code', 'message']);
  if (mentions) assert.ok(r.json.message.includes(mentions), `message ${JSON.stringify(r.json.message)} should mention ${mentions}`);
}

/** An AK/SK signer written for the tests, separately from auth.mjs. */
function signHeaders({ method, url, headers = {}, body = '', ak = AK, sk = SK, date = new Date() }) {
  const u = new URL(url);
  const sdkDate = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  let path = u.pathname.split('/').map((s) => enc(decodeURIComponent(s))).join('/');
  if (!path.endsWith('/')) path += '/';
  const query = [...u.searchParams]
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  const all = { ...headers, 'X-Sdk-Date': sdkDate, Host: u.host };
  const names = Object.keys(all).map((n) => n.toLowerCase()).sort();
  const value = (n) => Object.entries(all).find(([k]) => k.toLowerCase() === n)[1];
  const canonical = [
    method,
    path,
    query,
    names.map((n) => `${n}:${String(value(n)).trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const sig = createHmac('sha256', sk).update(toSign).digest('hex');
  const out = { ...headers, 'X-Sdk-Date': sdkDate, Authorization: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${sig}` };
  return out;
}

// ------------------------------------------------------------------ HTTP basics

describe('HTTP basics', () => {
  const emu = useEmulator();

  it('answers with a random 32-hex X-Request-Id and CORS headers', async () => {
    const a = await call(emu, 'GET', PORTS);
    const b = await call(emu, 'GET', PORTS);
    assert.match(a.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
    assert.equal(a.headers.get('access-control-allow-origin'), '*');
    assert.equal(a.headers.get('access-control-expose-headers'), 'X-Request-Id, X-Subject-Token, Retry-After');
    assert.match(a.headers.get('content-type'), /^application\/json/);
  });

  it('echoes the Origin', async () => {
    const r = await call(emu, 'GET', PORTS, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(r.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  });

  it('answers CORS preflights with 204, echoing the requested headers', async () => {
    const res = await fetch(emu.url + EIPS, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type,x-auth-token,x-custom-trace',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, PUT, DELETE, OPTIONS');
    const allowed = res.headers.get('access-control-allow-headers').split(', ');
    for (const h of ['content-type', 'x-auth-token', 'x-sdk-date', 'authorization', 'x-project-id', 'x-custom-trace']) {
      assert.ok(allowed.includes(h), `${h} should be allowed`);
    }
    assert.ok(Number(res.headers.get('access-control-max-age')) > 0);
    assert.equal(res.headers.get('access-control-allow-private-network'), 'true');
    assert.match(res.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    const log = await control(emu, 'GET', '/requests');
    assert.equal(log.json.length, 0, 'preflights are not logged');
  });

  it('answers unknown routes with the API gateway 404', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['PATCH', `${EIPS}/x`],
      ['GET', `${EIPS}/`],
      ['POST', `/v2.0/${PROJECT}/publicips/x`],
    ]) {
      const r = await call(emu, method, path);
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.json.error_code, 'APIGW.0101');
      assert.equal(r.json.error_msg, 'The API does not exist or has not been published in the environment');
      assert.equal(r.json.request_id, r.headers.get('x-request-id'));
    }
  });

  it('rejects a body that is not JSON, not UTF-8 or absent', async () => {
    assertVpcError(await call(emu, 'POST', EIPS, { body: '{"publicip": ' }), 400, 'VPC.0501', 'not valid JSON');
    assertVpcError(await call(emu, 'POST', EIPS, { body: "{'publicip': {}}" }), 400, 'VPC.0501', 'not valid JSON');
    assertVpcError(await call(emu, 'POST', EIPS, { body: '{"a":1,}' }), 400, 'VPC.0501', 'not valid JSON');
    const res = await fetch(emu.url + EIPS, { method: 'POST', headers: { 'X-Auth-Token': 'test-token' }, body: Buffer.from([0x7b, 0xff, 0x7d]) });
    assert.equal(res.status, 400);
    assert.match((await res.json()).message, /UTF-8/);
    assertVpcError(await call(emu, 'POST', EIPS, {}), 400, 'VPC.0501', 'required');
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const r = await call(emu, 'POST', EIPS, { body: JSON.stringify({ pad: 'x'.repeat(1100 * 1024) }) });
    assert.equal(r.status, 413);
    assert.equal(r.json.code, 'VPC.0501');
  });
});

// ------------------------------------------------------------------ token auth and project

describe('token authentication and project check', () => {
  const emu = useEmulator();

  it('accepts the configured static token', async () => {
    assert.equal((await call(emu, 'GET', PORTS)).status, 200);
  });

  it('rejects a missing or unknown token without echoing it', async () => {
    assertVpcError(await call(emu, 'GET', PORTS, { token: null }), 401, 'VPC.0008', 'Authentication failed');
    const secret = 'not-a-valid-token-1234567890';
    const r = await call(emu, 'GET', PORTS, { token: secret });
    assertVpcError(r, 401, 'VPC.0008', 'Authentication failed');
    assert.ok(!r.text.includes(secret));
  });

  it('answers 403 VPC.0007 for another project id in the path or in X-Project-Id', async () => {
    assertVpcError(await call(emu, 'GET', '/v1/ffffffffffffffffffffffffffffffff/ports'), 403, 'VPC.0007');
    assertVpcError(await call(emu, 'GET', '/v1/ffffffffffffffffffffffffffffffff/publicips/x'), 403, 'VPC.0007');
    assertVpcError(await call(emu, 'GET', PORTS, { headers: { 'X-Project-Id': 'ffffffffffffffffffffffffffffffff' } }), 403, 'VPC.0007');
    assert.equal((await call(emu, 'GET', PORTS, { headers: { 'X-Project-Id': PROJECT } })).status, 200);
  });

  it('authenticates before checking the project', async () => {
    assertVpcError(await call(emu, 'GET', '/v1/other/ports', { token: null }), 401, 'VPC.0008');
  });
});

// ------------------------------------------------------------------ AK/SK

describe('AK/SK signing', () => {
  const emu = useEmulator();
  const sha256 = (s) => createHash('sha256').update(s).digest('hex');

  it('matches the official SDK test vectors', () => {
    // Vectors from the test suite of Huawei Cloud's Go SDK (AK "AccessKey", SK "SecretKey").
    const get = canonicalRequest({
      method: 'GET', rawPath: '/path', rawQuery: 'limit=1',
      headers: { 'x-sdk-date': ['20060102T150405Z'] }, signedHeaders: ['x-sdk-date'], payloadHash: sha256(''),
    });
    assert.equal(signature('SecretKey', '20060102T150405Z', get), '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624');
    const post = canonicalRequest({
      method: 'POST', rawPath: '/path', rawQuery: 'key=value',
      headers: { 'x-sdk-date': ['20060102T150405Z'] }, signedHeaders: ['x-sdk-date'], payloadHash: sha256('{"Name":"test","Id":1}\n'),
    });
    assert.equal(signature('SecretKey', '20060102T150405Z', post), 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
    const raw = `limit=1&enable=true&test=${encodeURIComponent('一 (&=?!#%.*)')}&path=%2Ftmp%2F123&multi=3&multi=1&multi=2`;
    assert.equal(canonicalQuery(raw), 'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29');
    assert.equal(canonicalQuery('b&a='), 'a=&b=');
  });

  it('accepts a signed GET with a query and logs it as aksk', async () => {
    const url = `${emu.url}${PORTS}?device_id=${DB01.server}&fixed_ips=${encodeURIComponent(`ip_address=192.168.0.20`)}`;
    const res = await fetch(url, { headers: signHeaders({ method: 'GET', url }) });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).ports.length, 1);
    const log = await control(emu, 'GET', '/requests');
    assert.equal(log.json.at(-1).auth, 'aksk');
  });

  it('accepts a signed POST whose body and Content-Type are signed, with a matching X-Project-Id', async () => {
    const url = emu.url + EIPS;
    const body = JSON.stringify(PER_BODY);
    const headers = signHeaders({ method: 'POST', url, body, headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT } });
    const res = await fetch(url, { method: 'POST', headers, body });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal((await res.json()).publicip.status, 'PENDING_CREATE');
  });

  it('accepts X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD in place of the body hash', async () => {
    const url = emu.url + PORTS;
    const sdkDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const canonical = [
      'GET', `${PORTS}/`, '', `x-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:${sdkDate}\n`,
      'x-sdk-content-sha256;x-sdk-date', 'UNSIGNED-PAYLOAD',
    ].join('\n');
    const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${sha256(canonical)}`;
    const res = await fetch(url, {
      headers: {
        'X-Sdk-Date': sdkDate,
        'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD',
        Authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=x-sdk-content-sha256;x-sdk-date, Signature=${createHmac('sha256', SK).update(toSign).digest('hex')}`,
      },
    });
    assert.equal(res.status, 200);
  });

  async function expectRejected(res, reason) {
    assert.equal(res.status, 401);
    const body = await res.json();
    assert.deepEqual(Object.keys(body).sort(), ['error_code', 'error_msg', 'request_id']);
    assert.equal(body.error_code, 'APIGW.0301');
    assert.equal(body.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
    assert.equal(body.request_id, res.headers.get('x-request-id'));
    const log = await control(emu, 'GET', '/requests');
    assert.equal(log.json.at(-1).reason, reason);
  }

  it('rejects a tampered body', async () => {
    const url = emu.url + EIPS;
    const body = JSON.stringify(PER_BODY);
    const headers = signHeaders({ method: 'POST', url, body, headers: { 'Content-Type': 'application/json' } });
    await expectRejected(await fetch(url, { method: 'POST', headers, body: body.replace('"size":5', '"size":6') }), 'signature mismatch');
    assert.equal((await control(emu, 'GET', '/state')).json.eips.length, 0);
  });

  it('rejects a wrong SK, an unknown AK, a missing signed header, a stale date, a tampered query', async () => {
    const url = emu.url + PORTS;
    await expectRejected(await fetch(url, { headers: signHeaders({ method: 'GET', url, sk: 'wrong' }) }), 'signature mismatch');
    await expectRejected(await fetch(url, { headers: signHeaders({ method: 'GET', url, ak: 'UNKNOWNAK' }) }), 'unknown AK');
    const withExtra = signHeaders({ method: 'GET', url, headers: { 'X-Extra': 'yes' } });
    delete withExtra['X-Extra'];
    await expectRejected(await fetch(url, { headers: withExtra }), 'signed header x-extra is missing');
    const stale = signHeaders({ method: 'GET', url, date: new Date(Date.now() - 16 * 60 * 1000) });
    await expectRejected(await fetch(url, { headers: stale }), 'X-Sdk-Date more than 15 minutes from now');
    const future = signHeaders({ method: 'GET', url, date: new Date(Date.now() + 16 * 60 * 1000) });
    await expectRejected(await fetch(url, { headers: future }), 'X-Sdk-Date more than 15 minutes from now');
    const signed = signHeaders({ method: 'GET', url: `${url}?device_id=${WEB01.server}` });
    await expectRejected(await fetch(`${url}?device_id=${DB01.server}`, { headers: signed }), 'signature mismatch');
    const noDate = signHeaders({ method: 'GET', url });
    delete noDate['X-Sdk-Date'];
    await expectRejected(await fetch(url, { headers: noDate }), 'missing or malformed X-Sdk-Date');
    await expectRejected(await fetch(url, { headers: { Authorization: 'SDK-HMAC-SHA256 Access=x' } }), 'malformed Authorization header');
  });
});

// ------------------------------------------------------------------ IAM

describe('IAM tokens', () => {
  const emu = useEmulator();
  const authBody = ({ password = 'demo-password', scope = { project: { id: PROJECT } } } = {}) => ({
    auth: {
      identity: { methods: ['password'], password: { user: { name: 'demo-user', password, domain: { name: 'demo-domain' } } } },
      scope,
    },
  });
  const issue = (body) => call(emu, 'POST', '/v3/auth/tokens', { body, token: null });

  it('issues a token that authenticates API calls', async () => {
    const r = await issue(authBody());
    assert.equal(r.status, 201, r.text);
    const token = r.headers.get('x-subject-token');
    assert.match(token, /^MII/);
    const t = r.json.token;
    assert.match(t.expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.match(t.issued_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(Date.parse(t.expires_at) - Date.parse(t.issued_at), 24 * 60 * 60 * 1000);
    assert.deepEqual(t.methods, ['password']);
    assert.equal(t.project.id, PROJECT);
    assert.equal(t.project.name, 'cn-north-4');
    assert.equal(t.user.name, 'demo-user');
    assert.equal(t.user.domain.name, 'demo-domain');
    assert.match(t.user.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(t.catalog, []);
    assert.ok(!r.text.includes(token), 'the token is only in the header');
    assert.equal((await call(emu, 'GET', PORTS, { token })).status, 200);
  });

  it('accepts a project scope by name', async () => {
    assert.equal((await issue(authBody({ scope: { project: { name: 'cn-north-4' } } }))).status, 201);
  });

  it('answers a wrong password, user or project with 401', async () => {
    const expected = { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } };
    const r = await issue(authBody({ password: 'nope' }));
    assert.equal(r.status, 401);
    assert.deepEqual(r.json, expected);
    const other = authBody();
    other.auth.identity.password.user.name = 'someone';
    assert.deepEqual((await issue(other)).json, expected);
    const project = await issue(authBody({ scope: { project: { id: 'ffffffffffffffffffffffffffffffff' } } }));
    assert.equal(project.status, 401);
    assert.equal(project.json.error.code, 401);
  });

  it('answers a bad body with 400 in the IAM shape', async () => {
    for (const body of [{}, { auth: { identity: { methods: ['token'] } } }, authBody({ scope: null }), '{"auth": ']) {
      const r = await issue(body);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.code, 400);
      assert.equal(r.json.error.title, 'Bad Request');
      assert.equal(typeof r.json.error.message, 'string');
    }
  });

  it('expires tokens after tokenTtlMs', async () => {
    await control(emu, 'POST', '/config', { tokenTtlMs: 60 });
    const r = await issue(authBody());
    assert.equal(Date.parse(r.json.token.expires_at) - Date.parse(r.json.token.issued_at), 60);
    const token = r.headers.get('x-subject-token');
    assert.equal((await call(emu, 'GET', PORTS, { token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const expired = await call(emu, 'GET', PORTS, { token });
    assertVpcError(expired, 401, 'VPC.0008', 'expired');
    assert.ok(!expired.text.includes(token));
  });

  it('expires every issued token through the control API, not the static ones', async () => {
    const token = (await issue(authBody())).headers.get('x-subject-token');
    const r = await control(emu, 'POST', '/tokens/expire');
    assert.ok(r.json.expired >= 1);
    assertVpcError(await call(emu, 'GET', PORTS, { token }), 401, 'VPC.0008');
    assert.equal((await call(emu, 'GET', PORTS)).status, 200);
  });

  it('logs the call without the password or the token', async () => {
    const r = await issue(authBody());
    const token = r.headers.get('x-subject-token');
    await call(emu, 'GET', PORTS, { token });
    const log = await control(emu, 'GET', '/requests');
    assert.equal(log.json[0].operation, 'iamToken');
    assert.equal(log.json[0].auth, 'none');
    assert.equal(log.json[1].auth, 'token');
    assert.ok(!log.text.includes('demo-password'));
    assert.ok(!log.text.includes(token));
    assert.ok(!log.text.includes('test-token'));
  });
});

// ------------------------------------------------------------------ ports

describe('list ports', () => {
  const emu = useEmulator();
  const FIELDS = [
    'id', 'name', 'status', 'admin_state_up', 'fixed_ips', 'mac_address', 'network_id', 'tenant_id', 'project_id',
    'device_id', 'device_owner', 'security_groups', 'extra_dhcp_opts', 'allowed_address_pairs', 'binding:vnic_type',
    'binding:vif_details', 'binding:profile', 'port_security_enabled', 'created_at', 'updated_at',
  ];

  it('lists every seeded port with every field of the walkthrough', async () => {
    const r = await call(emu, 'GET', PORTS);
    assert.equal(r.status, 200);
    assert.equal(r.json.ports.length, 5);
    for (const port of r.json.ports) {
      assert.deepEqual(Object.keys(port).sort(), [...FIELDS].sort());
      assert.match(port.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      assert.equal(port.project_id, PROJECT);
      assert.match(port.fixed_ips[0].ip_address, /^192\.168\.0\.\d+$/);
    }
  });

  it('filters by device_id (the walkthrough call)', async () => {
    const web = await call(emu, 'GET', `${PORTS}?device_id=${WEB01.server}`);
    assert.deepEqual(web.json.ports.map((p) => p.id), [WEB01.port]);
    assert.equal(web.json.ports[0]['binding:vif_details'].primary_interface, true);
    const db = (await call(emu, 'GET', `${PORTS}?device_id=${DB01.server}`)).json.ports;
    assert.deepEqual(db.map((p) => p['binding:vif_details'].primary_interface).sort(), [false, true]);
    const multi = (await call(emu, 'GET', `${PORTS}?device_id=${MULTI_NIC}`)).json.ports;
    assert.deepEqual(multi.map((p) => p['binding:vif_details'].primary_interface), [false, false]);
    assert.deepEqual((await call(emu, 'GET', `${PORTS}?device_id=${BATCH01}`)).json.ports, []);
  });

  it('filters by fixed_ips, id, mac_address, admin_state_up and combinations', async () => {
    const byIp = await call(emu, 'GET', `${PORTS}?fixed_ips=${encodeURIComponent('ip_address=192.168.0.75')}`);
    assert.deepEqual(byIp.json.ports.map((p) => p.id), [WEB01.port]);
    const two = await call(emu, 'GET', `${PORTS}?id=${WEB01.port}&id=${DB01.secondary}`);
    assert.equal(two.json.ports.length, 2);
    assert.equal((await call(emu, 'GET', `${PORTS}?mac_address=fa:16:3e:47:5f:c1`)).json.ports.length, 1);
    assert.equal((await call(emu, 'GET', `${PORTS}?admin_state_up=true`)).json.ports.length, 5);
    assert.equal((await call(emu, 'GET', `${PORTS}?admin_state_up=false`)).json.ports.length, 0);
    assert.equal((await call(emu, 'GET', `${PORTS}?device_id=${DB01.server}&status=ACTIVE&network_id=4779ab1c-7c1a-44b1-a02e-93dfc361b32d`)).json.ports.length, 2);
  });

  it('pages with limit and marker', async () => {
    const first = (await call(emu, 'GET', `${PORTS}?limit=2`)).json.ports;
    assert.equal(first.length, 2);
    const second = (await call(emu, 'GET', `${PORTS}?limit=2&marker=${first[1].id}`)).json.ports;
    const all = (await call(emu, 'GET', PORTS)).json.ports;
    assert.deepEqual([...first, ...second].map((p) => p.id), all.slice(0, 4).map((p) => p.id));
  });

  it('rejects invalid queries with 400 VPC.0101', async () => {
    for (const q of ['limit=0', 'limit=2001', 'limit=abc', 'marker=nope', 'admin_state_up=yes', 'fixed_ips=192.168.0.75', 'device-id=x', 'device_id=', 'limit=1&limit=2']) {
      assertVpcError(await call(emu, 'GET', `${PORTS}?${q}`), 400, 'VPC.0101');
    }
    assert.match((await call(emu, 'GET', `${PORTS}?device-id=x`)).json.message, /did you mean "device_id"/);
  });
});

// ------------------------------------------------------------------ create

describe('create EIP (v1)', () => {
  const emu = useEmulator();

  it('creates a pay-per-use EIP: PENDING_CREATE, then DOWN', async () => {
    const r = await call(emu, 'POST', EIPS, { body: { ...PER_BODY, publicip: { type: '5_bgp', alias: 'web_eip-1.主' } } });
    assert.equal(r.status, 200, r.text);
    const p = r.json.publicip;
    assert.deepEqual(Object.keys(r.json), ['publicip']);
    assert.match(p.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(p.status, 'PENDING_CREATE');
    assert.equal(p.type, '5_bgp');
    assert.equal(p.public_ip_address, '203.0.113.10');
    assert.equal(p.public_ipv6_address, undefined);
    assert.equal(p.ip_version, 4);
    assert.equal(p.bandwidth_size, 5);
    assert.match(p.create_time, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.ok(Math.abs(Date.parse(p.create_time.replace(' ', 'T') + 'Z') - Date.now()) < 5000);
    assert.equal(p.tenant_id, PROJECT);
    assert.equal(p.enterprise_project_id, '0');
    assert.equal(p.alias, 'web_eip-1.主');
    assert.equal(p.profile, undefined);

    const down = await waitForStatus(emu, p.id, 'DOWN');
    assert.equal(down.bandwidth_share_type, 'PER');
    assert.equal(down.bandwidth_name, 'bw-test');
    assert.equal(down.bandwidth_size, 5);
    assert.match(down.bandwidth_id, /^[0-9a-f-]{36}$/);
    assert.equal(down.port_id, undefined);
    assert.equal(down.private_ip_address, undefined);
    const second = await call(emu, 'POST', EIPS, { body: PER_BODY });
    assert.equal(second.json.publicip.public_ip_address, '203.0.113.11');
  });

  it('runs the walkthrough body verbatim: IPv6 on the shared bandwidth', async () => {
    const body = {
      publicip: { type: '5_bgp', ip_version: 6 },
      bandwidth: { name: 'bandwidth123', size: 5, share_type: 'WHOLE', id: SHARED_BW },
      enterprise_project_id: '0',
    };
    const r = await call(emu, 'POST', EIPS, { body });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.publicip.ip_version, 6);
    assert.match(r.json.publicip.public_ipv6_address, /^2001:db8::/);
    assert.match(r.json.publicip.public_ip_address, /^203\.0\.113\./);
    const down = await waitForStatus(emu, r.json.publicip.id, 'DOWN');
    assert.equal(down.bandwidth_id, SHARED_BW);
    assert.equal(down.bandwidth_share_type, 'WHOLE');
    assert.equal(down.bandwidth_size, 100, 'the shared bandwidth size; the request size is ignored');
  });

  it('applies the documented defaults', async () => {
    const r = await call(emu, 'POST', EIPS, {
      body: { publicip: { ip_version: '' }, bandwidth: { name: 'b', size: 1, share_type: 'PER', charge_mode: '' }, enterprise_project_id: '' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.publicip.type, '5_bgp');
    assert.equal(r.json.publicip.ip_version, 4);
    assert.equal(r.json.publicip.enterprise_project_id, '0');
    const ep = await call(emu, 'POST', EIPS, { body: { ...PER_BODY, enterprise_project_id: 'B261AC1F-2489-4BC7-B31B-C33C3346A439' } });
    assert.equal(ep.status, 200, ep.text);
  });

  it('accepts every size on the documented steps', async () => {
    for (const size of [1, 299, 300, 350, 1000, 1500, 2000]) {
      const r = await call(emu, 'POST', EIPS, { body: { publicip: {}, bandwidth: { name: 'b', size, share_type: 'PER' } } });
      assert.equal(r.status, 200, `size ${size}: ${r.text}`);
    }
  });

  it('creates an EIP bound to a port: BINDING then ACTIVE', async () => {
    const r = await call(emu, 'POST', EIPS, { body: { ...PER_BODY, publicip: { port_id: WEB01.port } } });
    assert.equal(r.status, 200, r.text);
    const binding = await waitForStatus(emu, r.json.publicip.id, 'BINDING');
    assert.equal(binding.port_id, WEB01.port);
    const active = await waitForStatus(emu, r.json.publicip.id, 'ACTIVE');
    assert.equal(active.private_ip_address, WEB01.ip);
    assertVpcError(await call(emu, 'POST', EIPS, { body: { ...PER_BODY, publicip: { port_id: WEB01.port } } }), 409, 'VPC.0511');
  });

  it('answers 404 for an unknown port or shared bandwidth', async () => {
    assertVpcError(
      await call(emu, 'POST', EIPS, { body: { ...PER_BODY, publicip: { port_id: '00000000-0000-4000-8000-000000000000' } } }),
      404, 'VPC.0508', 'publicip.port_id',
    );
    assertVpcError(
      await call(emu, 'POST', EIPS, { body: { publicip: {}, bandwidth: { share_type: 'WHOLE', id: '00000000-0000-4000-8000-000000000000' } } }),
      404, 'VPC.0305', 'bandwidth.id',
    );
  });

  const per = (bandwidth) => ({ publicip: { type: '5_bgp' }, bandwidth: { name: 'b', size: 5, share_type: 'PER', ...bandwidth } });
  const pip = (publicip) => ({ publicip, bandwidth: { name: 'b', size: 5, share_type: 'PER' } });
  const INVALID = [
    ['an array body', [], 'VPC.0501', 'must be a JSON object'],
    ['a string body', '"x"', 'VPC.0501', 'must be a JSON object'],
    ['no publicip', { bandwidth: per().bandwidth }, 'VPC.0501', 'publicip is required'],
    ['publicip null', { publicip: null, bandwidth: per().bandwidth }, 'VPC.0501', 'publicip is required'],
    ['no bandwidth', { publicip: {} }, 'VPC.0301', 'bandwidth is required'],
    ['an unknown top-level key', { ...per(), extra: 1 }, 'VPC.0501', '"extra"'],
    ['extendParam on v1', { ...per(), extendParam: { charge_mode: 'prePaid' } }, 'VPC.0501', '"extendParam"'],
    ['an unknown publicip key', pip({ typ: '5_bgp' }), 'VPC.0501', 'did you mean "type"'],
    ['type not offered', pip({ type: '5_telcom' }), 'VPC.0501', 'publicip.type'],
    ['type empty', pip({ type: '' }), 'VPC.0501', 'publicip.type'],
    ['type a number', pip({ type: 5 }), 'VPC.0501', 'publicip.type must be a string'],
    ['ip_version 5', pip({ ip_version: 5 }), 'VPC.0501', 'publicip.ip_version'],
    ['ip_version as a string', pip({ ip_version: '6' }), 'VPC.0501', 'publicip.ip_version must be an integer'],
    ['ip_version as a float literal', '{"publicip":{"ip_version":4.0},"bandwidth":{"name":"b","size":5,"share_type":"PER"}}', 'VPC.0501', 'publicip.ip_version must be an integer'],
    ['alias too long', pip({ alias: 'a'.repeat(65) }), 'VPC.0501', 'publicip.alias must be 1 to 64 characters'],
    ['alias empty', pip({ alias: '' }), 'VPC.0501', 'publicip.alias'],
    ['alias with a space', pip({ alias: 'my eip' }), 'VPC.0501', 'publicip.alias may only contain'],
    ['alias with an emoji', pip({ alias: 'eip😀' }), 'VPC.0501', 'publicip.alias may only contain'],
    ['port_id of 35 characters', pip({ port_id: WEB01.port.slice(1) }), 'VPC.0501', 'publicip.port_id must be exactly 36'],
    ['no share_type', per({ share_type: undefined }), 'VPC.0301', 'bandwidth.share_type is required'],
    ['share_type lowercase', per({ share_type: 'per' }), 'VPC.0301', 'bandwidth.share_type'],
    ['PER without name', per({ name: undefined }), 'VPC.0301', 'bandwidth.name is required when share_type is PER'],
    ['PER without size', per({ size: undefined }), 'VPC.0301', 'bandwidth.size is required when share_type is PER'],
    ['name with a slash', per({ name: 'a/b' }), 'VPC.0301', 'bandwidth.name may only contain'],
    ['name of 65 characters', per({ name: '带'.repeat(65) }), 'VPC.0301', 'bandwidth.name must be 1 to 64'],
    ['size 0', per({ size: 0 }), 'VPC.0301', 'between 1 and 2000'],
    ['size 2001', per({ size: 2001 }), 'VPC.0301', 'between 1 and 2000'],
    ['size 2500', per({ size: 2500 }), 'VPC.0301', 'between 1 and 2000'],
    ['size 301', per({ size: 301 }), 'VPC.0301', 'not a multiple of 50'],
    ['size 1100', per({ size: 1100 }), 'VPC.0301', 'not a multiple of 500'],
    ['size as a string', per({ size: '5' }), 'VPC.0301', 'bandwidth.size must be an integer'],
    ['size 5.5', per({ size: 5.5 }), 'VPC.0301', 'bandwidth.size must be an integer'],
    ['size as a float literal', '{"publicip":{},"bandwidth":{"name":"b","size":5.0,"share_type":"PER"}}', 'VPC.0301', 'bandwidth.size must be an integer'],
    ['size as an exponent literal', '{"publicip":{},"bandwidth":{"name":"b","size":1e2,"share_type":"PER"}}', 'VPC.0301', 'bandwidth.size must be an integer'],
    ['charge_mode unknown', per({ charge_mode: 'flat' }), 'VPC.0301', 'bandwidth.charge_mode'],
    ['an unknown bandwidth key', per({ sise: 5 }), 'VPC.0301', 'did you mean "size"'],
    ['WHOLE without id', { publicip: {}, bandwidth: { share_type: 'WHOLE' } }, 'VPC.0301', 'bandwidth.id is required when share_type is WHOLE'],
    ['WHOLE id too long', { publicip: {}, bandwidth: { share_type: 'WHOLE', id: 'x'.repeat(37) } }, 'VPC.0301', 'bandwidth.id'],
    ['enterprise_project_id not a UUID', { ...per(), enterprise_project_id: 'default' }, 'VPC.0011', 'enterprise_project_id'],
    ['enterprise_project_id without hyphens', { ...per(), enterprise_project_id: 'b261ac1f24894bc7b31bc33c3346a439' }, 'VPC.0011', 'enterprise_project_id'],
    ['enterprise_project_id a number', { ...per(), enterprise_project_id: 0 }, 'VPC.0011', 'enterprise_project_id must be a string'],
  ];
  for (const [what, body, code, mentions] of INVALID) {
    it(`rejects ${what}`, async () => {
      assertVpcError(await call(emu, 'POST', EIPS, { body }), 400, code, mentions);
    });
  }

  it('creates nothing when it rejects', async () => {
    await call(emu, 'POST', EIPS, { body: per({ size: 301 }) });
    assert.deepEqual((await call(emu, 'GET', EIPS)).json.publicips, []);
  });
});

describe('create EIP (v2.0, prepaid)', () => {
  const emu = useEmulator();
  const V2 = `/v2.0/${PROJECT}/publicips`;
  const prepaid = (extendParam, bandwidth = { name: 'bw_666', size: 1, share_type: 'PER', charge_mode: 'bandwidth' }) => ({
    publicip: { type: '5_bgp' },
    bandwidth,
    extendParam,
  });
  const MONTHLY = { charge_mode: 'prePaid', period_type: 'month', period_num: 1, is_auto_renew: false };

  it('places and pays an order at once with is_auto_pay (the page example)', async () => {
    const r = await call(emu, 'POST', V2, { body: prepaid({ ...MONTHLY, is_auto_pay: true }) });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), ['order_id', 'publicip_id']);
    assert.match(r.json.order_id, /^CS[0-9A-Z]{15}$/);
    const shown = await call(emu, 'GET', `${EIPS}/${r.json.publicip_id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.json.publicip.status, 'PENDING_CREATE');
    const down = await waitForStatus(emu, r.json.publicip_id, 'DOWN');
    assert.deepEqual(Object.keys(down.profile).sort(), ['order_id', 'product_id', 'region_id', 'user_id']);
    assert.equal(down.profile.order_id, r.json.order_id);
    assert.equal(down.profile.region_id, 'cn-north-4');
    const listed = (await call(emu, 'GET', EIPS)).json.publicips[0];
    assert.equal(listed.profile.order_id, r.json.order_id);
  });

  it('only places the order without is_auto_pay; paying it brings the EIP', async () => {
    const r = await call(emu, 'POST', V2, { body: prepaid(MONTHLY) });
    assert.equal(r.status, 200, r.text);
    assertVpcError(await call(emu, 'GET', `${EIPS}/${r.json.publicip_id}`), 404, 'VPC.0504');
    const state = await control(emu, 'GET', '/state');
    assert.equal(state.json.orders[0].status, 'unpaid');
    assert.equal(state.json.eips.length, 0);
    const paid = await control(emu, 'POST', `/orders/${r.json.order_id}/pay`);
    assert.equal(paid.status, 200, paid.text);
    assert.equal(paid.json.order.status, 'paid');
    assert.equal(paid.json.publicip.id, r.json.publicip_id);
    const down = await waitForStatus(emu, r.json.publicip_id, 'DOWN');
    assert.equal(down.profile.order_id, r.json.order_id);
    assert.equal((await control(emu, 'POST', `/orders/${r.json.order_id}/pay`)).status, 409);
    assert.equal((await control(emu, 'POST', '/orders/CS000000000000000/pay')).status, 404);
  });

  it('answers postPaid or no extendParam like v1, without a profile', async () => {
    for (const extendParam of [undefined, { charge_mode: 'postPaid', period_type: 'decade' }]) {
      const r = await call(emu, 'POST', V2, { body: prepaid(extendParam) });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.publicip.status, 'PENDING_CREATE');
      assert.equal(r.json.publicip.profile, undefined);
      assert.equal((await waitForStatus(emu, r.json.publicip.id, 'DOWN')).profile, undefined);
    }
  });

  it('lets a prepaid EIP joining a shared bandwidth omit the period', async () => {
    const r = await call(emu, 'POST', V2, { body: prepaid({ charge_mode: 'prePaid', is_auto_pay: true }, { share_type: 'WHOLE', id: SHARED_BW }) });
    assert.equal(r.status, 200, r.text);
    assert.match(r.json.order_id, /^CS/);
  });

  const INVALID = [
    ['prePaid without period_type', { charge_mode: 'prePaid', period_num: 1 }, 'extendParam.period_type is required'],
    ['prePaid without period_num', { charge_mode: 'prePaid', period_type: 'month' }, 'extendParam.period_num is required'],
    ['10 months', { ...MONTHLY, period_num: 10 }, 'between 1 and 9'],
    ['0 months', { ...MONTHLY, period_num: 0 }, 'between 1 and 9'],
    ['4 years', { ...MONTHLY, period_type: 'year', period_num: 4 }, 'between 1 and 3'],
    ['period_type week', { ...MONTHLY, period_type: 'week' }, 'extendParam.period_type'],
    ['period_num as a string', { ...MONTHLY, period_num: '1' }, 'extendParam.period_num must be an integer'],
    ['is_auto_pay as a string', { ...MONTHLY, is_auto_pay: 'true' }, 'extendParam.is_auto_pay must be a boolean'],
    ['is_auto_renew as a number', { ...MONTHLY, is_auto_renew: 1 }, 'extendParam.is_auto_renew must be a boolean'],
    ['charge_mode prepaid (lowercase)', { ...MONTHLY, charge_mode: 'prepaid' }, 'extendParam.charge_mode'],
    ['an unknown extendParam key', { ...MONTHLY, period_nums: 1 }, 'did you mean "period_num"'],
    ['extendParam an array', [], 'extendParam must be a JSON object'],
  ];
  for (const [what, extendParam, mentions] of INVALID) {
    it(`rejects ${what}`, async () => {
      assertVpcError(await call(emu, 'POST', V2, { body: prepaid(extendParam) }), 400, 'VPC.0501', mentions);
    });
  }

  it('rejects the snake_case extend_param key', async () => {
    const body = { ...prepaid(undefined), extend_param: MONTHLY };
    assertVpcError(await call(emu, 'POST', V2, { body }), 400, 'VPC.0501', 'did you mean "extendParam"');
  });
});

// ------------------------------------------------------------------ show / list

describe('show and list EIPs', () => {
  const emu = useEmulator();

  it('shows the full EIP object', async () => {
    const eip = await createBound(emu);
    const r = await call(emu, 'GET', `${EIPS}/${eip.id}`);
    assert.deepEqual(Object.keys(r.json), ['publicip']);
    assert.deepEqual(Object.keys(r.json.publicip).sort(), [
      'bandwidth_id', 'bandwidth_name', 'bandwidth_share_type', 'bandwidth_size', 'create_time', 'enterprise_project_id',
      'id', 'ip_version', 'port_id', 'private_ip_address', 'public_ip_address', 'status', 'tenant_id', 'type',
    ]);
  });

  it('answers 404 VPC.0504 for an unknown id', async () => {
    assertVpcError(await call(emu, 'GET', `${EIPS}/00000000-0000-4000-8000-000000000000`), 404, 'VPC.0504');
  });

  it('lists in creation order, pages and filters', async () => {
    const a = await createDown(emu);
    const b = await createBound(emu, DB01.primary);
    const c = await createDown(emu, { publicip: { ip_version: 6 }, bandwidth: { name: 'v6', size: 10, share_type: 'PER' }, enterprise_project_id: 'b261ac1f-2489-4bc7-b31b-c33c3346a439' });
    const ids = async (q) => (await call(emu, 'GET', `${EIPS}${q}`)).json.publicips.map((p) => p.id);
    assert.deepEqual(await ids(''), [a.id, b.id, c.id]);
    assert.deepEqual(await ids('?limit=2'), [a.id, b.id]);
    assert.deepEqual(await ids(`?limit=2&marker=${b.id}`), [c.id]);
    assert.deepEqual(await ids(`?marker=${c.id}`), []);
    assert.deepEqual(await ids(`?id=${a.id}&id=${c.id}`), [a.id, c.id]);
    assert.deepEqual(await ids('?ip_version=6'), [c.id]);
    assert.deepEqual(await ids('?status=ACTIVE'), [b.id]);
    assert.deepEqual(await ids('?status=DOWN'), [a.id, c.id]);
    assert.deepEqual(await ids(`?port_id=${DB01.primary}`), [b.id]);
    assert.deepEqual(await ids('?private_ip_address=192.168.0.20'), [b.id]);
    assert.deepEqual(await ids(`?public_ip_address=${a.public_ip_address}`), [a.id]);
    assert.deepEqual(await ids(`?public_ip_address=${encodeURIComponent(c.public_ipv6_address)}`), [c.id]);
    assert.deepEqual(await ids('?enterprise_project_id=b261ac1f-2489-4bc7-b31b-c33c3346a439'), [c.id]);
    assert.deepEqual(await ids('?enterprise_project_id=0&status=DOWN'), [a.id]);
  });

  it('uses the configured default page size', async () => {
    await createDown(emu);
    await createDown(emu);
    await control(emu, 'POST', '/config', { defaultPageSize: 1 });
    assert.equal((await call(emu, 'GET', EIPS)).json.publicips.length, 1);
  });

  it('rejects invalid list queries with 400 VPC.0501', async () => {
    for (const q of ['limit=0', 'limit=2001', 'limit=1.5', 'limit=-1', 'marker=unknown', 'status=UP', 'ip_version=5', 'sort=id', 'id=']) {
      assertVpcError(await call(emu, 'GET', `${EIPS}?${q}`), 400, 'VPC.0501');
    }
  });
});

// ------------------------------------------------------------------ update

describe('update EIP', () => {
  const emu = useEmulator();
  const put = (id, publicip) => call(emu, 'PUT', `${EIPS}/${id}`, { body: { publicip } });

  it('binds (the walkthrough call): BINDING then ACTIVE', async () => {
    const eip = await createDown(emu);
    const r = await put(eip.id, { port_id: WEB01.port });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.publicip.status, 'BINDING');
    assert.equal(r.json.publicip.port_id, WEB01.port);
    assert.equal(r.json.publicip.private_ip_address, WEB01.ip);
    const active = await waitForStatus(emu, eip.id, 'ACTIVE');
    assert.equal(active.port_id, WEB01.port);
  });

  it('refuses to bind a bound EIP, a taken port, an unknown port, a busy EIP', async () => {
    const bound = await createBound(emu, WEB01.port);
    assertVpcError(await put(bound.id, { port_id: DB01.primary }), 409, 'VPC.0510');
    const other = await createDown(emu);
    assertVpcError(await put(other.id, { port_id: WEB01.port }), 409, 'VPC.0511');
    assertVpcError(await put(other.id, { port_id: '00000000-0000-4000-8000-000000000000' }), 404, 'VPC.0508');
    assertVpcError(await put(other.id, { port_id: 'short' }), 400, 'VPC.0501', 'publicip.port_id must be exactly 36');
    assertVpcError(await put(other.id, { port_id: 36 }), 400, 'VPC.0501', 'publicip.port_id must be a string');
    const fresh = await call(emu, 'POST', EIPS, { body: PER_BODY });
    assertVpcError(await put(fresh.json.publicip.id, { port_id: DB01.primary }), 409, 'VPC.0513', 'PENDING_CREATE');
    assertVpcError(await put('00000000-0000-4000-8000-000000000000', { port_id: DB01.primary }), 404, 'VPC.0504');
  });

  it('unbinds with port_id absent, null or empty: PENDING_UPDATE then DOWN', async () => {
    for (const publicip of [{}, { port_id: null }, { port_id: '' }]) {
      const eip = await createBound(emu);
      const r = await put(eip.id, publicip);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.publicip.status, 'PENDING_UPDATE');
      const down = await waitForStatus(emu, eip.id, 'DOWN');
      assert.equal(down.port_id, undefined);
      assert.equal(down.private_ip_address, undefined);
      assertVpcError(await put(eip.id, publicip), 409, 'VPC.0512');
      await call(emu, 'DELETE', `${EIPS}/${eip.id}`);
      await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS * 2));
    }
  });

  it('keeps the port taken until the unbind completes, then frees it', async () => {
    const eip = await createBound(emu);
    const other = await createDown(emu);
    await control(emu, 'POST', '/config', { transitionMs: 150 });
    assert.equal((await put(eip.id, {})).json.publicip.status, 'PENDING_UPDATE');
    assertVpcError(await put(other.id, { port_id: WEB01.port }), 409, 'VPC.0511');
    assertVpcError(await put(eip.id, { port_id: WEB01.port }), 409, 'VPC.0513', 'PENDING_UPDATE');
    await waitForStatus(emu, eip.id, 'DOWN');
    assert.equal((await put(other.id, { port_id: WEB01.port })).status, 200);
  });

  it('holds EIPs in a status listed in holdStatuses until the setting changes', async () => {
    const eip = await createDown(emu);
    await control(emu, 'POST', '/config', { holdStatuses: ['BINDING'] });
    assert.equal((await put(eip.id, { port_id: WEB01.port })).json.publicip.status, 'BINDING');
    await new Promise((resolve) => setTimeout(resolve, TRANSITION_MS * 4));
    assert.equal((await call(emu, 'GET', `${EIPS}/${eip.id}`)).json.publicip.status, 'BINDING', 'held');
    await control(emu, 'POST', '/config', { holdStatuses: [] });
    assert.equal((await call(emu, 'GET', `${EIPS}/${eip.id}`)).json.publicip.status, 'ACTIVE', 'released at once');
  });

  it('converts between IPv4 and IPv6', async () => {
    const eip = await createDown(emu);
    const six = await put(eip.id, { ip_version: 6 });
    assert.equal(six.status, 200, six.text);
    assert.equal(six.json.publicip.ip_version, 6);
    assert.equal(six.json.publicip.status, 'DOWN');
    assert.match(six.json.publicip.public_ipv6_address, /^2001:db8::[0-9a-f]+$/);
    assert.equal(six.json.publicip.public_ip_address, eip.public_ip_address);
    const four = await put(eip.id, { ip_version: 4 });
    assert.equal(four.json.publicip.ip_version, 4);
    assert.equal(four.json.publicip.public_ipv6_address, undefined);
  });

  it('refuses to convert a bound EIP or one on a shared bandwidth', async () => {
    const bound = await createBound(emu);
    assertVpcError(await put(bound.id, { ip_version: 6 }), 409, 'VPC.0514', 'bound');
    const shared = await createDown(emu, { publicip: {}, bandwidth: { share_type: 'WHOLE', id: SHARED_BW } });
    assertVpcError(await put(shared.id, { ip_version: 6 }), 409, 'VPC.0514', 'WHOLE');
  });

  it('rejects invalid update bodies', async () => {
    const eip = await createDown(emu);
    const cases = [
      [{ publicip: { 'ip_version ': 6 } }, 'Unknown field "publicip.ip_version " (did you mean "ip_version"?)'],
      [{ publicip: { port_id: WEB01.port, ip_version: 6 } }, 'mutually exclusive'],
      [{ publicip: { port_id: '', ip_version: 4 } }, 'mutually exclusive'],
      [{ publicip: { ip_version: 5 } }, 'publicip.ip_version'],
      [{ publicip: { ip_version: '6' } }, 'publicip.ip_version must be an integer'],
      ['{"publicip":{"ip_version":6.0}}', 'publicip.ip_version must be an integer'],
      [{ publicip: { alias: 'x' } }, '"publicip.alias"'],
      [{ port_id: WEB01.port }, '"port_id"'],
      [{}, 'publicip is required'],
      [{ publicip: [] }, 'publicip must be a JSON object'],
    ];
    for (const [body, mentions] of cases) {
      assertVpcError(await call(emu, 'PUT', `${EIPS}/${eip.id}`, { body }), 400, 'VPC.0501', mentions);
    }
    assert.equal((await call(emu, 'GET', `${EIPS}/${eip.id}`)).json.publicip.status, 'DOWN', 'untouched');
  });
});

// ------------------------------------------------------------------ delete

describe('delete EIP', () => {
  const emu = useEmulator();

  it('answers 204 with no body, then the EIP goes PENDING_DELETE and disappears', async () => {
    await control(emu, 'POST', '/config', { transitionMs: 150 });
    const eip = await createDown(emu);
    const r = await call(emu, 'DELETE', `${EIPS}/${eip.id}`);
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assert.equal(r.headers.get('content-type'), null);
    assert.equal((await call(emu, 'GET', `${EIPS}/${eip.id}`)).json.publicip.status, 'PENDING_DELETE');
    assertVpcError(await call(emu, 'DELETE', `${EIPS}/${eip.id}`), 409, 'VPC.0513');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assertVpcError(await call(emu, 'GET', `${EIPS}/${eip.id}`), 404, 'VPC.0504');
    const state = await control(emu, 'GET', '/state');
    assert.equal(state.json.bandwidths.length, 1, 'the dedicated bandwidth went with it');
  });

  it('refuses to delete a bound EIP, a prepaid EIP, an unknown EIP', async () => {
    const bound = await createBound(emu);
    assertVpcError(await call(emu, 'DELETE', `${EIPS}/${bound.id}`), 409, 'VPC.0515', 'unbind');
    const order = await call(emu, 'POST', `/v2.0/${PROJECT}/publicips`, {
      body: { ...PER_BODY, extendParam: { charge_mode: 'prePaid', period_type: 'year', period_num: 1, is_auto_pay: true } },
    });
    await waitForStatus(emu, order.json.publicip_id, 'DOWN');
    assertVpcError(await call(emu, 'DELETE', `${EIPS}/${order.json.publicip_id}`), 409, 'VPC.0516', 'billing center');
    assertVpcError(await call(emu, 'DELETE', `${EIPS}/00000000-0000-4000-8000-000000000000`), 404, 'VPC.0504');
  });

  it('frees the public address for later use but allocates new ones first', async () => {
    const eip = await createDown(emu);
    await control(emu, 'POST', '/config', { transitionMs: 0 });
    await call(emu, 'DELETE', `${EIPS}/${eip.id}`);
    const next = await call(emu, 'POST', EIPS, { body: PER_BODY });
    assert.notEqual(next.json.publicip.public_ip_address, eip.public_ip_address);
  });
});

describe('address pool', () => {
  const emu = useEmulator();

  it('allocates from the three documentation ranges, then answers 409 VPC.0517', async () => {
    await control(emu, 'POST', '/config', { transitionMs: 0 });
    const addresses = [];
    for (let batch = 0; batch < 15; batch++) {
      const answers = await Promise.all(Array.from({ length: 49 }, () => call(emu, 'POST', EIPS, { body: PER_BODY })));
      for (const r of answers) {
        assert.equal(r.status, 200, r.text);
        addresses.push(r.json.publicip.public_ip_address);
      }
    }
    assert.equal(new Set(addresses).size, 735);
    for (const prefix of ['203.0.113.', '198.51.100.', '192.0.2.']) {
      assert.equal(addresses.filter((a) => a.startsWith(prefix)).length, 245);
    }
    assertVpcError(await call(emu, 'POST', EIPS, { body: PER_BODY }), 409, 'VPC.0517');
  });
});

// ------------------------------------------------------------------ faults

describe('faults', () => {
  const emu = useEmulator();
  const fault = async (spec) => {
    const r = await control(emu, 'POST', '/faults', spec);
    assert.equal(r.status, 201, r.text);
    return r.json;
  };
  const lastLog = async () => (await control(emu, 'GET', '/requests')).json.at(-1);

  it('answers a status fault instead of the operation, leaving state untouched', async () => {
    await fault({ match: { operation: 'createPublicip' }, fault: { type: 'status', status: 500, body: { code: 'VPC.0503', message: 'Creating publicIp failed.' } } });
    const r = await call(emu, 'POST', EIPS, { body: PER_BODY });
    assert.equal(r.status, 500);
    assert.deepEqual(r.json, { code: 'VPC.0503', message: 'Creating publicIp failed.' });
    assert.match(r.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    assert.deepEqual((await call(emu, 'GET', EIPS)).json.publicips, []);
    const entry = (await control(emu, 'GET', '/requests')).json.at(-2);
    assert.equal(entry.fault, 'status');
    assert.equal(entry.status, 500);
    assert.equal(entry.operation, 'createPublicip');
  });

  it('supports string bodies, extra headers and a default body', async () => {
    await fault({ fault: { type: 'status', status: 503, body: 'Service Unavailable', headers: { 'X-Extra': 'yes' } } });
    const r = await call(emu, 'GET', PORTS);
    assert.equal(r.status, 503);
    assert.equal(r.text, 'Service Unavailable');
    assert.equal(r.headers.get('x-extra'), 'yes');
    await fault({ fault: { type: 'status', status: 504 } });
    const d = await call(emu, 'GET', PORTS);
    assert.equal(d.status, 504);
    assert.equal(typeof d.json.code, 'string');
  });

  it('throttles with 429 and Retry-After', async () => {
    await fault({ match: { method: 'get' }, fault: { type: 'retryAfter', seconds: 2 } });
    const r = await call(emu, 'GET', PORTS);
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '2');
    assert.equal(r.json.error_code, 'APIGW.0308');
    assert.equal((await call(emu, 'GET', PORTS)).status, 200, 'times defaults to 1');
  });

  it('resets the connection', async () => {
    await fault({ fault: { type: 'reset' } });
    await assert.rejects(call(emu, 'GET', PORTS), TypeError);
    const entry = await lastLog();
    assert.equal(entry.fault, 'reset');
    assert.equal(entry.status, null);
    assert.equal((await call(emu, 'GET', PORTS)).status, 200);
  });

  it('hangs until the client gives up', async () => {
    await fault({ match: { path: '/ports' }, fault: { type: 'hang' } });
    await assert.rejects(call(emu, 'GET', PORTS, { signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
    assert.equal((await lastLog()).fault, 'hang');
  });

  it('delays, then answers normally (a client timeout can fire first)', async () => {
    await fault({ match: { operation: 'listPorts' }, times: 2, fault: { type: 'delay', ms: 300 } });
    await assert.rejects(call(emu, 'GET', PORTS, { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
    const started = Date.now();
    const r = await call(emu, 'GET', PORTS);
    assert.equal(r.status, 200);
    assert.ok(Date.now() - started >= 280);
    const entry = await lastLog();
    assert.equal(entry.fault, 'delay');
    assert.equal(entry.status, 200);
  });

  it('answers malformed JSON, an HTML page, an empty body, the wrong shape', async () => {
    await fault({ fault: { type: 'malformed' } });
    const malformed = await fetch(emu.url + PORTS, { headers: { 'X-Auth-Token': 'test-token' } });
    assert.equal(malformed.status, 200);
    assert.match(malformed.headers.get('content-type'), /^application\/json/);
    await assert.rejects(malformed.json(), SyntaxError);

    await fault({ fault: { type: 'html' } });
    const html = await call(emu, 'GET', PORTS);
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type'), /^text\/html/);
    assert.match(html.text, /<title>502 Bad Gateway<\/title>/);

    await fault({ fault: { type: 'empty', status: 503 } });
    const empty = await call(emu, 'GET', PORTS);
    assert.equal(empty.status, 503);
    assert.equal(empty.text, '');

    await fault({ fault: { type: 'wrongShape' } });
    const wrong = await call(emu, 'GET', PORTS);
    assert.equal(wrong.status, 200);
    assert.deepEqual(wrong.json, { unexpected: true });

    for (const length of [true, false]) {
      await fault({ fault: { type: 'huge', bytes: 200_000, length } });
      const huge = await call(emu, 'GET', PORTS);
      assert.equal(huge.status, 200);
      assert.equal(huge.headers.get('content-length'), length ? '200000' : null);
      assert.equal(Buffer.byteLength(huge.text), 200_000, 'exactly the bytes asked for');
      assert.equal(huge.json.publicips[0].id, 'f588ccfa-8750-4d7c-bf5d-2ede24414706', 'valid JSON');
    }
  });

  it('matches on operation, method and path; counts times; can be listed and cleared', async () => {
    await fault({ match: { operation: 'showPublicip' }, times: 2, fault: { type: 'status', status: 500 } });
    await fault({ match: { method: 'DELETE', path: '/publicips/' }, fault: { type: 'status', status: 503 } });
    assert.equal((await call(emu, 'GET', PORTS)).status, 200);
    assert.equal((await call(emu, 'GET', `${EIPS}/x`)).status, 500);
    assert.equal((await call(emu, 'GET', `${EIPS}/x`)).status, 500);
    assert.equal((await call(emu, 'GET', `${EIPS}/x`)).status, 404);
    const queued = await control(emu, 'GET', '/faults');
    assert.equal(queued.json.length, 1);
    assert.equal(queued.json[0].remaining, 1);
    await control(emu, 'DELETE', '/faults');
    assert.equal((await call(emu, 'DELETE', `${EIPS}/x`)).status, 404);
  });

  it('applies to unknown routes and IAM too', async () => {
    await fault({ match: { path: '/v3/' }, fault: { type: 'status', status: 500 } });
    assert.equal((await call(emu, 'POST', '/v3/auth/tokens', { body: {}, token: null })).status, 500);
    await fault({ match: { path: '/nowhere' }, fault: { type: 'wrongShape' } });
    assert.equal((await call(emu, 'GET', '/nowhere')).status, 200);
  });

  it('rejects invalid fault specifications', async () => {
    for (const spec of [
      {},
      { fault: { type: 'explode' } },
      { fault: { type: 'status' } },
      { fault: { type: 'status', status: 99 } },
      { fault: { type: 'retryAfter' } },
      { fault: { type: 'delay', ms: -1 } },
      { fault: { type: 'huge' } },
      { fault: { type: 'huge', bytes: 2 ** 40 } },
      { fault: { type: 'huge', bytes: 1000, length: 'yes' } },
      { match: { operation: 'nope' }, fault: { type: 'reset' } },
      { match: { verb: 'GET' }, fault: { type: 'reset' } },
      { times: 0, fault: { type: 'reset' } },
    ]) {
      const r = await control(emu, 'POST', '/faults', spec);
      assert.equal(r.status, 400, JSON.stringify(spec));
      assert.equal(typeof r.json.error, 'string');
    }
  });
});

describe('closing', () => {
  it('does not hang on hang or delay faults', async () => {
    const emu = await startTest();
    await control(emu, 'POST', '/faults', { times: 2, match: { operation: 'listPorts' }, fault: { type: 'hang' } });
    await control(emu, 'POST', '/faults', { fault: { type: 'delay', ms: 60000 } });
    const pending = [call(emu, 'GET', PORTS), call(emu, 'GET', PORTS), call(emu, 'GET', EIPS)].map((p) => p.then(() => 'answered', () => 'failed'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await emu.close();
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(await Promise.all(pending), ['failed', 'failed', 'failed']);
  });
});

// ------------------------------------------------------------------ control API

describe('control API', () => {
  const emu = useEmulator();

  it('shows the seeded state', async () => {
    const s = (await control(emu, 'GET', '/state')).json;
    assert.deepEqual(s.servers.map((x) => x.name), ['web-01', 'db-01', 'batch-01', 'multi-nic-01']);
    assert.equal(s.ports.length, 5);
    assert.deepEqual(s.bandwidths.map((b) => [b.id, b.share_type]), [[SHARED_BW, 'WHOLE']]);
    assert.deepEqual(s.eips, []);
    assert.deepEqual(s.orders, []);
    assert.equal(s.settings.transitionMs, TRANSITION_MS);
  });

  it('resets to a seed and clears faults and the log', async () => {
    await createDown(emu);
    await control(emu, 'POST', '/faults', { match: { path: '/never' }, fault: { type: 'reset' } });
    const r = await control(emu, 'POST', '/reset', { seed: 'empty', transitionMs: 5, tokenTtlMs: 1000 });
    assert.deepEqual(r.json, { seed: 'empty', transitionMs: 5, tokenTtlMs: 1000, defaultPageSize: 2000, holdStatuses: [] });
    const s = (await control(emu, 'GET', '/state')).json;
    assert.deepEqual([s.servers.length, s.ports.length, s.eips.length, s.bandwidths.length], [0, 0, 0, 1]);
    assert.deepEqual((await control(emu, 'GET', '/faults')).json, []);
    assert.deepEqual((await control(emu, 'GET', '/requests')).json, []);
    assert.equal((await control(emu, 'POST', '/reset', { seed: 'other' })).status, 400);
    assert.equal((await control(emu, 'POST', '/reset', { transitionMs: -1 })).status, 400);
  });

  it('changes timings at runtime', async () => {
    const r = await control(emu, 'POST', '/config', { transitionMs: 0 });
    assert.equal(r.json.transitionMs, 0);
    const created = await call(emu, 'POST', EIPS, { body: PER_BODY });
    assert.equal(created.json.publicip.status, 'PENDING_CREATE');
    assert.equal((await call(emu, 'GET', `${EIPS}/${created.json.publicip.id}`)).json.publicip.status, 'DOWN');
    assert.equal((await control(emu, 'POST', '/config', { transitionMs: 'fast' })).status, 400);
    assert.equal((await control(emu, 'POST', '/config', { seed: 'empty' })).status, 400);
  });

  it('adds servers and their ports', async () => {
    const r = await control(emu, 'POST', '/servers', {
      name: 'app-02',
      ports: [{ primary: true }, { id: 'c3d4e5f6-a7b8-4c9d-0e1f-2a3b4c5d6e7f', ip_address: '192.168.0.50' }],
    });
    assert.equal(r.status, 201, r.text);
    const { server, ports } = r.json;
    assert.equal(server.name, 'app-02');
    assert.equal(ports.length, 2);
    assert.equal(ports[0]['binding:vif_details'].primary_interface, true);
    assert.equal(ports[1]['binding:vif_details'].primary_interface, false);
    assert.equal(ports[1].fixed_ips[0].ip_address, '192.168.0.50');
    assert.match(ports[0].fixed_ips[0].ip_address, /^192\.168\.0\.\d+$/);
    const listed = (await call(emu, 'GET', `${PORTS}?device_id=${server.id}`)).json.ports;
    assert.deepEqual(listed.map((p) => p.id), ports.map((p) => p.id));
    const eip = await createBound(emu, ports[1].id);
    assert.equal(eip.private_ip_address, '192.168.0.50');

    assert.equal((await control(emu, 'POST', '/servers', { name: 'dup', id: server.id })).status, 409);
    assert.equal((await control(emu, 'POST', '/servers', { name: 'ip', ports: [{ ip_address: '192.168.0.75' }] })).status, 409);
    assert.equal((await control(emu, 'POST', '/servers', { ports: [] })).status, 400);
    assert.equal((await control(emu, 'POST', '/servers', { name: 'x', ports: [{ id: 'short' }] })).status, 400);
    assert.equal((await control(emu, 'POST', '/servers', { name: 'x', nics: [] })).status, 400);
  });

  it('logs API requests with their operation, status and auth, and clears the log', async () => {
    const eip = await createDown(emu);
    await call(emu, 'PUT', `${EIPS}/${eip.id}`, { body: { publicip: { ip_version: 6 } } });
    await call(emu, 'GET', `${EIPS}?limit=5&id=a&id=b`);
    await call(emu, 'DELETE', `${EIPS}/${eip.id}`);
    await call(emu, 'POST', `/v2.0/${PROJECT}/publicips`, { body: PER_BODY });
    await call(emu, 'GET', PORTS, { token: 'wrong' });
    await call(emu, 'GET', '/nowhere');
    const log = (await control(emu, 'GET', '/requests')).json;
    assert.deepEqual(log.map((e) => e.seq), log.map((_, i) => i + 1));
    const ops = log.map((e) => e.operation);
    for (const op of ['createPublicip', 'showPublicip', 'updatePublicip', 'listPublicips', 'deletePublicip', 'createPrepaidPublicip', 'listPorts']) {
      assert.ok(ops.includes(op), op);
    }
    const list = log.find((e) => e.operation === 'listPublicips');
    assert.deepEqual(list.query, { limit: '5', id: ['a', 'b'] });
    assert.equal(list.path, EIPS);
    assert.equal(list.method, 'GET');
    assert.equal(list.auth, 'token');
    assert.equal(list.fault, null);
    assert.ok(!Number.isNaN(Date.parse(list.at)));
    const rejected = log.find((e) => e.operation === 'listPorts');
    assert.equal(rejected.status, 401);
    assert.equal(log.at(-1).operation, null);
    assert.equal(log.at(-1).status, 404);
    assert.ok(!JSON.stringify(log).includes('test-token'));
    assert.ok(!JSON.stringify(log).includes('wrong'));
    await control(emu, 'DELETE', '/requests');
    assert.deepEqual((await control(emu, 'GET', '/requests')).json, []);
  });

  it('answers unknown control endpoints with 404 and bad JSON with 400', async () => {
    const r = await control(emu, 'GET', '/nothing');
    assert.equal(r.status, 404);
    assert.equal(typeof r.json.error, 'string');
    assert.equal((await control(emu, 'POST', '/config', '{oops')).status, 400);
  });
});

// ------------------------------------------------------------------ CLI

describe('CLI', () => {
  const script = fileURLToPath(new URL('../../emulator/server.mjs', import.meta.url));

  it('prints its URL, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [script, '--port', '0', '--seed', 'empty', '--transition-ms', '10', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    assert.match(line, /^eip-emulator listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().split(' ').at(-1);
    const state = await (await fetch(`${url}/__emulator/state`)).json();
    assert.equal(state.servers.length, 0);
    assert.equal(state.settings.transitionMs, 10);
    child.kill('SIGTERM');
    assert.deepEqual(await exited, { code: 0, signal: null });
  });

  it('refuses bad arguments with status 2', async () => {
    const child = spawn(process.execPath, [script, '--seed', 'nope', '--port', '0'], { stdio: 'ignore' });
    assert.equal(await new Promise((resolve) => child.on('exit', resolve)), 2);
  });
});

// ------------------------------------------------------------------ connectEmulator, spawnEmulator

describe('connectEmulator and spawnEmulator', () => {
  it('connectEmulator drives the control API, and rejects what the emulator refuses', async () => {
    const emu = await startEmulator({ quiet: true, transitionMs: TRANSITION_MS });
    try {
      const control = connectEmulator(emu.url);
      assert.equal((await control.reset({ seed: 'empty' })).seed, 'empty');
      assert.equal((await control.state()).servers.length, 0);
      await control.fault({ type: 'status', status: 503 }, { operation: 'listPorts' });
      assert.equal((await call(emu, 'GET', PORTS)).status, 503);
      assert.deepEqual((await control.requests('listPorts')).map((r) => [r.status, r.fault]), [[503, 'status']]);
      assert.equal((await control.config({ defaultPageSize: 7 })).defaultPageSize, 7);
      await assert.rejects(control.reset({ seed: 'nope' }), /POST \/__emulator\/reset answered 400: seed must be one of/);
    } finally {
      await emu.close();
    }
  });

  it('spawnEmulator runs it in a child process that close() stops', async () => {
    const emu = await spawnEmulator({ quiet: true, seed: 'empty', transitionMs: 10 });
    assert.notEqual(emu.pid, process.pid);
    assert.equal(new URL(emu.url).port, String(emu.port));
    const { settings } = await connectEmulator(emu.url).state();
    assert.deepEqual([settings.seed, settings.transitionMs], ['empty', 10]);
    await emu.close();
    await emu.close(); // twice is fine
    await assert.rejects(fetch(`${emu.url}/__emulator/state`));
  });

  it("spawnEmulator's child exits when its parent dies", async () => {
    const index = new URL('../../emulator/index.mjs', import.meta.url).href;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', `
      const { spawnEmulator } = await import(${JSON.stringify(index)});
      const emu = await spawnEmulator({ quiet: true });
      console.log(emu.pid);
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = Number(await new Promise((resolve) => parent.stdout.once('data', resolve)));
    process.kill(pid, 0); // alive
    parent.kill('SIGKILL');
    const end = Date.now() + 5000;
    for (;;) {
      try {
        process.kill(pid, 0);
      } catch {
        break; // gone
      }
      if (Date.now() > end) {
        process.kill(pid, 'SIGKILL');
        assert.fail('the emulator outlived its parent');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('spawnEmulator refuses options the CLI does not take', async () => {
    await assert.rejects(spawnEmulator({ projectId: 'x' }), /unknown option projectId/);
  });
});
