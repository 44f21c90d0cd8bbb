// Shared by the JS suites: an emulator per suite, and its control API.
import { connectEmulator, startEmulator } from "eipkit/emulator";

export const PROJECT = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";
export const TOKEN = "test-token";
export const AK = "TESTAK0000000000000";
export const SK = "testsecretkey0000000000000000000000000000";
export const USER = { domain: "demo-domain", user: "demo-user", password: "demo-password" };
/** web-01 (one port) and db-01 (two ports, one primary) of the demo seed. */
export const WEB_SERVER = "ea61f836-b52f-41bf-9d06-685644001d6f";
export const WEB_PORT = "02c72193-efec-42fb-853b-c33f2b802467";
export const PER_BODY = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw-test", size: 5 } };

export async function emulator(options = {}) {
  const emu = await startEmulator({ quiet: true, transitionMs: 20, ...options });
  return controlClient(emu.url, () => emu.close());
}

/** The emulator's control API at `url` (connectEmulator), and how to stop it (`fetch`: the one to use). */
export function controlClient(url, close, fetch) {
  return { ...connectEmulator(url, { fetch }), close };
}

/** Resolves after `ms`. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `predicate()` is truthy (for status transitions), failing after `ms`. */
export async function eventually(predicate, ms = 2000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > end) throw new Error("condition not reached");
    await sleep(10);
  }
}

/**
 * `createEipProxy(options)` served by node:http through `toNodeListener`, on a free loopback
 * port: `{ url, handler, server, close() }`. `wrap(handler)` may stand between the two (to
 * inspect every answer).
 */
export async function serveProxy(options, { wrap = (handler) => handler } = {}) {
  const { createServer } = await import("node:http");
  const { createEipProxy, toNodeListener } = await import("eipkit/proxy");
  const handler = createEipProxy(options);
  const server = createServer(toNodeListener(wrap(handler)));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { url, handler, server, close };
}
