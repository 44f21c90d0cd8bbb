// VPC ports API: GET /v1/{project_id}/ports with the filters of the VPC "list ports" API.

import { errors } from './errors.mjs';
import { page, parseQuery } from './validate.mjs';

const LIST_QUERY = {
  limit: { kind: 'limit' },
  marker: { kind: 'marker' },
  id: { kind: 'text' },
  name: { kind: 'text' },
  status: { kind: 'text' },
  network_id: { kind: 'text' },
  mac_address: { kind: 'text' },
  device_id: { kind: 'text' },
  device_owner: { kind: 'text' },
  admin_state_up: { kind: 'enum', values: ['true', 'false'] },
  fixed_ips: { kind: 'fixedIps' }, // "ip_address=192.168.0.75" or "subnet_id=..."
};

function matchesFixedIp(port, filter) {
  const [key, value] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
  return port.fixed_ips.some((ip) => ip[key] === value);
}

function matches(port, filters) {
  return Object.entries(filters).every(([name, values]) =>
    name === 'fixed_ips'
      ? values.some((v) => matchesFixedIp(port, v))
      : values.includes(String(port[name])),
  );
}

/** GET /v1/{project_id}/ports */
export function listPorts(ctx, { query }) {
  const q = parseQuery(query, LIST_QUERY, errors.portParam, { defaultLimit: ctx.config.defaultPageSize });
  const ports = page([...ctx.state.ports.values()], q, (port) => matches(port, q.filters), errors.portParam);
  return { status: 200, body: { ports: structuredClone(ports) } };
}
