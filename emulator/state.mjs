// The in-memory world: servers, ports, bandwidths, EIPs and prepaid orders.
//
// Status transitions are computed lazily rather than with timers: an EIP carries the list of
// statuses still ahead of it with the time each one is due, and `settle(now)` applies whatever
// has come due. Every request settles first, so what a client sees is exactly what timers would
// have produced, but nothing is left running when the server closes or the state is reset.

import { randomBytes, randomUUID } from 'node:crypto';
import { SEED_TIME, makePort, seedData } from './seed.mjs';

/** Pseudo-status of the last step of a delete: the EIP disappears. */
export const GONE = 'GONE';

/** Public IPv4 pools: the three documentation ranges (RFC 5737), .10 to .254 of each. */
const IPV4_POOLS = ['203.0.113', '198.51.100', '192.0.2'];
const IPV4_PER_POOL = 245;

/** "YYYY-MM-DDTHH:MM:SS" in UTC (ports' created_at). */
export const isoSeconds = (ms) => new Date(ms).toISOString().slice(0, 19);
/** "YYYY-MM-DD HH:MM:SS" in UTC (EIPs' create_time). */
export const spaceSeconds = (ms) => isoSeconds(ms).replace('T', ' ');

export class EmulatorState {
  constructor({ projectId, seed }) {
    this.projectId = projectId;
    this.reset(seed);
  }

  reset(seed) {
    const data = seedData(seed);
    this.seed = seed;
    this.servers = new Map();
    this.ports = new Map(); // insertion order = creation order, which list answers keep
    this.bandwidths = new Map(data.bandwidths.map((b) => [b.id, b]));
    this.eips = new Map();
    this.orders = new Map();
    this.ipv4Cursor = 0;
    this.ipv6Counter = 0x10;
    for (const server of data.servers) this.addServer(server, { createdAt: SEED_TIME });
  }

  /** Adds a server and its ports. Throws an Error with a readable message on conflicts. */
  addServer({ id = randomUUID(), name, ports = [] }, { createdAt = isoSeconds(Date.now()) } = {}) {
    if (this.servers.has(id)) throw new Error(`a server with id ${id} already exists`);
    const taken = new Set([...this.ports.values()].map((p) => p.fixed_ips[0].ip_address));
    const created = ports.map((spec) => {
      const portId = spec.id ?? randomUUID();
      if (this.ports.has(portId)) throw new Error(`a port with id ${portId} already exists`);
      const ipAddress = spec.ip_address ?? freePrivateIp(taken);
      if (spec.ip_address && taken.has(ipAddress)) throw new Error(`private IP ${ipAddress} is already in use`);
      taken.add(ipAddress);
      return makePort({
        id: portId,
        serverId: id,
        projectId: this.projectId,
        ipAddress,
        macAddress: spec.mac_address ?? randomMac(),
        primary: spec.primary === true,
        createdAt,
      });
    });
    if (new Set(created.map((p) => p.id)).size !== created.length) throw new Error('port ids must be distinct');
    const server = { id, name, status: 'ACTIVE', port_ids: created.map((p) => p.id) };
    this.servers.set(id, server);
    for (const port of created) this.ports.set(port.id, port);
    return { server, ports: created };
  }

  /** The EIP bound (or being bound) to a port, if any. */
  eipOnPort(portId) {
    for (const eip of this.eips.values()) if (eip.port_id === portId) return eip;
    return undefined;
  }

  /** Queues statuses, each `transitionMs` after the previous one. */
  schedule(eip, statuses, now, transitionMs) {
    eip.steps = statuses.map((status, i) => ({ status, at: now + (i + 1) * transitionMs }));
  }

  /** Applies every transition that has come due; an EIP in a `hold` status stays there. */
  settle(now, hold = []) {
    for (const eip of this.eips.values()) {
      while (eip.steps.length > 0 && eip.steps[0].at <= now && !hold.includes(eip.status)) {
        const { status } = eip.steps.shift();
        if (status === GONE) {
          this.eips.delete(eip.id);
          if (eip.bandwidth_id !== undefined && this.bandwidths.get(eip.bandwidth_id)?.share_type === 'PER') {
            this.bandwidths.delete(eip.bandwidth_id);
          }
          break;
        }
        eip.status = status;
        if (status === 'DOWN') eip.port_id = undefined; // an unbind completes
      }
    }
  }

  /** Next free public IPv4 address from the documentation ranges, or null when all are in use. */
  allocateIpv4() {
    const used = new Set([...this.eips.values()].map((e) => e.public_ip_address));
    const total = IPV4_POOLS.length * IPV4_PER_POOL;
    for (let n = 0; n < total; n++) {
      const k = (this.ipv4Cursor + n) % total;
      const address = `${IPV4_POOLS[Math.floor(k / IPV4_PER_POOL)]}.${10 + (k % IPV4_PER_POOL)}`;
      if (!used.has(address)) {
        this.ipv4Cursor = k + 1;
        return address;
      }
    }
    return null;
  }

  /** Next public IPv6 address from 2001:db8::/32 (RFC 3849). */
  allocateIpv6() {
    const n = this.ipv6Counter++;
    const tail = n > 0xffff ? `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}` : n.toString(16);
    return `2001:db8::${tail}`;
  }
}

function freePrivateIp(taken) {
  for (let host = 100; host < 255; host++) {
    const ip = `192.168.0.${host}`;
    if (!taken.has(ip)) return ip;
  }
  for (let host = 2; host < 100; host++) {
    const ip = `192.168.0.${host}`;
    if (!taken.has(ip)) return ip;
  }
  throw new Error('no free private IP left in 192.168.0.0/24');
}

function randomMac() {
  return ['fa', '16', '3e', ...randomBytes(3).toString('hex').match(/../g)].join(':');
}

/** An order id as the billing center shapes them: "CS" and 15 uppercase letters or digits. */
export function newOrderId() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return 'CS' + Array.from(randomBytes(15), (b) => alphabet[b % alphabet.length]).join('');
}
