// The control API under /__emulator/: inspect and reset state, tune timings, add servers, pay
// prepaid orders, expire tokens, read the request log, queue faults. No authentication.

import { eipView, orderView, payOrder } from './eips.mjs';
import { errors } from './errors.mjs';
import { SEEDS } from './seed.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const bad = (message) => errors.control(400, message);
const ok = (body, status = 200) => ({ status, body });

/** Settings that may change at runtime, with their checks. */
const SETTINGS = {
  transitionMs: (v) => Number.isInteger(v) && v >= 0,
  tokenTtlMs: (v) => Number.isInteger(v) && v >= 0,
  defaultPageSize: (v) => Number.isInteger(v) && v >= 1 && v <= 2000,
  // EIPs that reach one of these statuses stay in it until the setting changes (tests of
  // waits that never end, e.g. a bind stuck in BINDING).
  holdStatuses: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
};

function applySettings(ctx, body, allowed) {
  if (!isObject(body)) throw bad('The body must be a JSON object.');
  for (const [key, value] of Object.entries(body)) {
    if (!allowed.includes(key)) throw bad(`Unknown setting ${JSON.stringify(key)} (allowed: ${allowed.join(', ')}).`);
    if (key === 'seed') {
      if (!SEEDS.includes(value)) throw bad(`seed must be one of ${SEEDS.join(', ')}.`);
    } else if (!SETTINGS[key](value)) {
      throw bad(`${key} has an invalid value.`);
    }
  }
  Object.assign(ctx.config, body);
}

function currentSettings({ config }) {
  return {
    seed: config.seed,
    transitionMs: config.transitionMs,
    tokenTtlMs: config.tokenTtlMs,
    defaultPageSize: config.defaultPageSize,
    holdStatuses: config.holdStatuses ?? [],
  };
}

export function snapshot(ctx) {
  const { state } = ctx;
  return {
    projectId: ctx.config.projectId,
    settings: currentSettings(ctx),
    servers: [...state.servers.values()].map((s) => structuredClone(s)),
    ports: [...state.ports.values()].map((p) => structuredClone(p)),
    eips: [...state.eips.values()].map((e) => eipView(ctx, e)),
    orders: [...state.orders.values()].map(orderView),
    bandwidths: [...state.bandwidths.values()].map((b) => ({ ...b })),
  };
}

/** Validates `{id?, name, ports: [{id?, primary?, ip_address?}]}`. */
function readServer(body) {
  if (!isObject(body)) throw bad('The body must be a JSON object {id?, name, ports?}.');
  for (const key of Object.keys(body)) if (!['id', 'name', 'ports'].includes(key)) throw bad(`Unknown server field ${JSON.stringify(key)}.`);
  if (typeof body.name !== 'string' || body.name === '') throw bad('name is required (a non-empty string).');
  if (body.id !== undefined && (typeof body.id !== 'string' || body.id === '')) throw bad('id must be a non-empty string.');
  const ports = body.ports ?? [];
  if (!Array.isArray(ports)) throw bad('ports must be an array.');
  ports.forEach((p, i) => {
    if (!isObject(p)) throw bad(`ports[${i}] must be an object.`);
    for (const key of Object.keys(p)) if (!['id', 'primary', 'ip_address'].includes(key)) throw bad(`Unknown field ports[${i}].${key}.`);
    // Bind requests need 36-character port ids, so only such ids are useful.
    if (p.id !== undefined && (typeof p.id !== 'string' || p.id.length !== 36)) throw bad(`ports[${i}].id must be a 36-character string.`);
    if (p.primary !== undefined && typeof p.primary !== 'boolean') throw bad(`ports[${i}].primary must be a boolean.`);
    if (p.ip_address !== undefined && !/^(\d{1,3})(\.\d{1,3}){3}$/.test(p.ip_address)) throw bad(`ports[${i}].ip_address must be an IPv4 address.`);
  });
  return { id: body.id, name: body.name, ports };
}

export const CONTROL_ROUTES = [
  { method: 'GET', pattern: '/__emulator/state', handler: (ctx) => ok(snapshot(ctx)) },
  {
    method: 'POST',
    pattern: '/__emulator/reset',
    handler(ctx, { body }) {
      ctx.config.holdStatuses = [];
      applySettings(ctx, body, ['seed', 'transitionMs', 'tokenTtlMs', 'defaultPageSize', 'holdStatuses']);
      ctx.state.reset(ctx.config.seed);
      ctx.faults.clear();
      ctx.log.clear();
      return ok(currentSettings(ctx));
    },
  },
  {
    method: 'POST',
    pattern: '/__emulator/config',
    handler(ctx, { body }) {
      applySettings(ctx, body, ['transitionMs', 'tokenTtlMs', 'defaultPageSize', 'holdStatuses']);
      return ok(currentSettings(ctx));
    },
  },
  {
    method: 'POST',
    pattern: '/__emulator/servers',
    handler(ctx, { body }) {
      try {
        return ok(ctx.state.addServer(readServer(body)), 201);
      } catch (err) {
        throw err.status ? err : errors.control(409, err.message);
      }
    },
  },
  {
    method: 'POST',
    pattern: '/__emulator/orders/:orderId/pay',
    handler(ctx, { params }) {
      const order = ctx.state.orders.get(params.orderId);
      if (!order) throw errors.control(404, `No order ${params.orderId}.`);
      payOrder(ctx, order);
      return ok({ order: orderView(order), publicip: eipView(ctx, ctx.state.eips.get(order.publicip_id)) });
    },
  },
  { method: 'POST', pattern: '/__emulator/tokens/expire', handler: (ctx) => ok({ expired: ctx.tokens.expireAll(ctx.now()) }) },
  { method: 'GET', pattern: '/__emulator/requests', handler: (ctx) => ok(ctx.log.list()) },
  {
    method: 'DELETE',
    pattern: '/__emulator/requests',
    handler(ctx) {
      ctx.log.clear();
      return ok({ cleared: true });
    },
  },
  { method: 'GET', pattern: '/__emulator/faults', handler: (ctx) => ok(ctx.faults.list()) },
  { method: 'POST', pattern: '/__emulator/faults', handler: (ctx, { body }) => ok(ctx.faults.add(body), 201) },
  {
    method: 'DELETE',
    pattern: '/__emulator/faults',
    handler(ctx) {
      ctx.faults.clear();
      return ok({ cleared: true });
    },
  },
];
