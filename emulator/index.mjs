// The emulator's programmatic entry, `import { startEmulator } from "eipkit/emulator"`:
// startEmulator(options) runs it in this process → {url, port, close, state};
// spawnEmulator(options) runs it in a child process → {url, port, pid, close};
// connectEmulator(url) is a client for the control API of either (README.md).

import { createServer } from 'node:http';
import { FaultQueue } from './faults.mjs';
import { createRequestHandler } from './http.mjs';
import { TokenStore, stableId } from './iam.mjs';
import { RequestLog } from './requestlog.mjs';
import { SEEDS } from './seed.mjs';
import { EmulatorState } from './state.mjs';

export { connectEmulator } from './connect.mjs';
export { spawnEmulator } from './spawn.mjs';

export const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  projectId: '0605767a5c5d4e5e8c9f1a2b3c4d5e6f',
  projectName: 'cn-north-4', // IAM scopes may name the project; Huawei project names are region names
  region: 'cn-north-4', // profile.region_id of prepaid EIPs
  tokens: ['test-token'],
  credentials: [{ ak: 'TESTAK0000000000000', sk: 'testsecretkey0000000000000000000000000000' }],
  users: [{ domain: 'demo-domain', name: 'demo-user', password: 'demo-password' }],
  seed: 'demo',
  transitionMs: 300,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  eipTypes: ['5_bgp', '5_sbgp'], // what cn-north-4 (Beijing 4) offers
  bandwidthSizeRange: [1, 2000],
  defaultPageSize: 2000,
  quiet: false,
});

function resolveConfig(options) {
  const config = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  if (!SEEDS.includes(config.seed)) throw new TypeError(`seed must be one of ${SEEDS.join(', ')}`);
  for (const key of ['transitionMs', 'tokenTtlMs']) {
    if (!Number.isInteger(config[key]) || config[key] < 0) throw new TypeError(`${key} must be a non-negative integer`);
  }
  config.users = config.users.map((u) => ({
    ...u,
    id: stableId('user', u.domain, u.name),
    domainId: stableId('domain', u.domain),
  }));
  config.userId = config.users[0]?.id ?? stableId('user', 'emulator');
  return config;
}

/**
 * Starts the emulator on `options.port` (0 = any free port).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, state: EmulatorState}>}
 */
export async function startEmulator(options = {}) {
  const config = resolveConfig(options);
  const ctx = {
    config,
    state: new EmulatorState({ projectId: config.projectId, seed: config.seed }),
    tokens: new TokenStore(),
    faults: new FaultQueue(),
    log: new RequestLog(),
    now: () => Date.now(),
  };
  const server = createServer(createRequestHandler(ctx));
  server.keepAliveTimeout = 5000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address();
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing;
  const close = () => {
    closing ??= new Promise((resolve) => {
      ctx.faults.cancelDelays();
      server.close(() => resolve());
      // Keep-alive connections and requests held by "hang" faults would keep close() waiting.
      server.closeAllConnections();
    });
    return closing;
  };

  return { url, port, close, state: ctx.state };
}
