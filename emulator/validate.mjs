// The documented request rules, implemented as the service would apply them: the first
// violation found is answered as a 400 whose message names the field (dotted wire path).
// Written from the API pages ([000], [003], [004]; their contradictions as docs/decisions.md
// settles them), deliberately independently of the client library.

import { errors } from './errors.mjs';

export const EIP_STATUSES = [
  'FREEZED', 'BIND_ERROR', 'BINDING', 'PENDING_DELETE', 'PENDING_CREATE', 'NOTIFYING',
  'NOTIFY_DELETE', 'PENDING_UPDATE', 'DOWN', 'ACTIVE', 'ELB', 'VPN', 'ERROR',
];

/** Alias and bandwidth name: digits, ASCII letters, Chinese (U+4E00–U+9FA5), `_`, `-`, `.`. */
const NAME_CHARSET = /^[0-9A-Za-z\u4e00-\u9fa5_.-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERIOD_RANGES = { month: [1, 9], year: [1, 3] };

const CREATE_KEYS = ['publicip', 'bandwidth', 'enterprise_project_id'];
const PUBLICIP_KEYS = ['type', 'ip_version', 'alias', 'port_id'];
const BANDWIDTH_KEYS = ['share_type', 'name', 'size', 'id', 'charge_mode'];
const EXTEND_KEYS = ['charge_mode', 'period_type', 'period_num', 'is_auto_renew', 'is_auto_pay'];

/** Error code by field: bandwidth.* → VPC.0301, enterprise_project_id → VPC.0011, the rest → VPC.0501. */
function errorFor(path) {
  if (path === 'bandwidth' || path.startsWith('bandwidth.')) return errors.bandwidthParam;
  if (path === 'enterprise_project_id') return errors.enterpriseProject;
  return errors.eipParam;
}

/** Length in characters (code points), not UTF-16 units or bytes. */
const charLength = (s) => [...s].length;
const absent = (v) => v === undefined || v === null;
const quote = (s) => JSON.stringify(s);

function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The closest allowed key to an unknown one (a stray space, a case slip, a typo), if any. */
export function suggestKey(key, allowed) {
  const k = key.trim().toLowerCase();
  let best = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = levenshtein(k, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Type checks that know which numbers were written as floats (see json.mjs). */
class Checker {
  constructor(floats) {
    this.floats = floats;
  }

  fail(path, message) {
    throw errorFor(path)(message);
  }

  describe(v, path) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'an array';
    if (typeof v === 'number') return this.isInteger(v, path) ? 'an integer' : 'a non-integer number';
    return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
  }

  isInteger(v, path) {
    return Number.isInteger(v) && !this.floats.has(path);
  }

  object(v, path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `${path || 'The request body'} must be a JSON object, got ${this.describe(v, path)}.`);
    }
    return v;
  }

  required(v, path, why = '') {
    if (absent(v)) this.fail(path, `${path} is required${why}.`);
    return v;
  }

  onlyKeys(obj, path, allowed) {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const full = path ? `${path}.${key}` : key;
      const suggestion = suggestKey(key, allowed);
      this.fail(full, `Unknown field ${quote(full)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ''}.`);
    }
  }

  string(v, path, { min = 0, max = Infinity } = {}) {
    if (typeof v !== 'string') this.fail(path, `${path} must be a string, got ${this.describe(v, path)}.`);
    const n = charLength(v);
    if (n < min || n > max) {
      const rule = min === max ? `exactly ${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      this.fail(path, `${path} must be ${rule} characters long, got ${n}.`);
    }
    return v;
  }

  name(v, path) {
    this.string(v, path, { min: 1, max: 64 });
    if (!NAME_CHARSET.test(v)) {
      this.fail(path, `${path} may only contain digits, letters, Chinese characters, "_", "-" and ".".`);
    }
    return v;
  }

  integer(v, path) {
    if (!this.isInteger(v, path)) this.fail(path, `${path} must be an integer, got ${this.describe(v, path)}.`);
    return v;
  }

  boolean(v, path) {
    if (typeof v !== 'boolean') this.fail(path, `${path} must be a boolean, got ${this.describe(v, path)}.`);
    return v;
  }

  oneOf(v, path, allowed) {
    if (!allowed.includes(v)) {
      this.fail(path, `${path} must be one of ${allowed.map(quote).join(', ')}, got ${quote(v)}.`);
    }
    return v;
  }
}

/** Bandwidth size granularity: ≤300 → 1, 300–1000 → 50, >1000 → 500 (the bands agree at 300 and 1000). */
export const sizeStep = (size) => (size <= 300 ? 1 : size <= 1000 ? 50 : 500);

/**
 * Validates a create body (v1, or v2.0 with `prepaidApi`) and returns it normalised with defaults.
 * Existence checks (port, shared bandwidth) are the caller's: they answer 404/409, not 400.
 */
export function validateCreate(body, floats, { prepaidApi, eipTypes, sizeRange: [sizeMin, sizeMax] }) {
  const c = new Checker(floats);
  c.object(body, '');
  c.onlyKeys(body, '', prepaidApi ? [...CREATE_KEYS, 'extendParam'] : CREATE_KEYS);

  // publicip
  const p = c.object(c.required(body.publicip, 'publicip'), 'publicip');
  c.onlyKeys(p, 'publicip', PUBLICIP_KEYS);
  // "type" is marked required, but the pages also say it defaults to 5_bgp: the server defaults it.
  const type = absent(p.type) ? '5_bgp' : c.oneOf(c.string(p.type, 'publicip.type', { max: 36 }), 'publicip.type', eipTypes);
  const ipVersion =
    absent(p.ip_version) || p.ip_version === '' ? 4 : c.oneOf(c.integer(p.ip_version, 'publicip.ip_version'), 'publicip.ip_version', [4, 6]);
  const alias = absent(p.alias) ? undefined : c.name(p.alias, 'publicip.alias');
  const portId = absent(p.port_id) ? undefined : c.string(p.port_id, 'publicip.port_id', { min: 36, max: 36 });

  // bandwidth
  const b = c.object(c.required(body.bandwidth, 'bandwidth'), 'bandwidth');
  c.onlyKeys(b, 'bandwidth', BANDWIDTH_KEYS);
  const shareType = c.oneOf(c.string(c.required(b.share_type, 'bandwidth.share_type'), 'bandwidth.share_type'), 'bandwidth.share_type', ['PER', 'WHOLE']);
  const chargeMode =
    absent(b.charge_mode) || b.charge_mode === '' ? 'bandwidth' : c.oneOf(c.string(b.charge_mode, 'bandwidth.charge_mode'), 'bandwidth.charge_mode', ['bandwidth', 'traffic']);
  const bandwidth = { share_type: shareType, charge_mode: chargeMode };
  if (shareType === 'WHOLE') {
    // name and size are ignored when joining a shared bandwidth, so they are not checked.
    bandwidth.id = c.string(c.required(b.id, 'bandwidth.id', ' when share_type is WHOLE'), 'bandwidth.id', { min: 1, max: 36 });
  } else {
    if (!absent(b.id)) c.string(b.id, 'bandwidth.id', { max: 36 }); // ignored for PER, but still a string
    bandwidth.name = c.name(c.required(b.name, 'bandwidth.name', ' when share_type is PER'), 'bandwidth.name');
    const size = c.integer(c.required(b.size, 'bandwidth.size', ' when share_type is PER'), 'bandwidth.size');
    if (size < sizeMin || size > sizeMax) {
      c.fail('bandwidth.size', `bandwidth.size must be between ${sizeMin} and ${sizeMax} Mbit/s, got ${size}.`);
    }
    const step = sizeStep(size);
    if (size % step !== 0) {
      c.fail('bandwidth.size', `bandwidth.size ${size} is not a multiple of ${step} (sizes ${step === 50 ? 'from 300 to 1000' : 'above 1000'} Mbit/s go in steps of ${step}).`);
    }
    bandwidth.size = size;
  }

  // enterprise_project_id: a UUID with hyphens or "0"; absent (or the empty string, min length 0) means "0".
  let epId = '0';
  if (!absent(body.enterprise_project_id) && body.enterprise_project_id !== '') {
    epId = c.string(body.enterprise_project_id, 'enterprise_project_id', { max: 36 });
    if (epId !== '0' && !UUID.test(epId)) {
      c.fail('enterprise_project_id', 'enterprise_project_id must be a UUID with hyphens or "0".');
    }
  }

  const result = {
    publicip: { type, ip_version: ipVersion, alias, port_id: portId },
    bandwidth,
    enterprise_project_id: epId,
    billing: { charge_mode: 'postPaid' },
  };
  if (prepaidApi && !absent(body.extendParam)) {
    result.billing = validateExtendParam(c, body.extendParam, shareType === 'WHOLE');
  }
  return result;
}

function validateExtendParam(c, e, joinsSharedBandwidth) {
  c.object(e, 'extendParam');
  c.onlyKeys(e, 'extendParam', EXTEND_KEYS);
  const chargeMode = absent(e.charge_mode)
    ? 'postPaid'
    : c.oneOf(c.string(e.charge_mode, 'extendParam.charge_mode'), 'extendParam.charge_mode', ['prePaid', 'postPaid']);
  // With postPaid "every other extendParam field is ignored".
  if (chargeMode === 'postPaid') return { charge_mode: 'postPaid' };

  // prePaid: a period is required unless the EIP joins a shared bandwidth (it shares its expiry).
  const why = ' when extendParam.charge_mode is prePaid (unless the EIP joins a shared bandwidth)';
  const periodType = absent(e.period_type) && joinsSharedBandwidth
    ? undefined
    : c.oneOf(c.string(c.required(e.period_type, 'extendParam.period_type', why), 'extendParam.period_type'), 'extendParam.period_type', ['month', 'year']);
  let periodNum;
  if (!(absent(e.period_num) && joinsSharedBandwidth)) {
    periodNum = c.integer(c.required(e.period_num, 'extendParam.period_num', why), 'extendParam.period_num');
    const [min, max] = PERIOD_RANGES[periodType] ?? PERIOD_RANGES.month;
    if (periodNum < min || periodNum > max) {
      c.fail('extendParam.period_num', `extendParam.period_num must be between ${min} and ${max}${periodType ? ` for period_type ${periodType}` : ''}, got ${periodNum}.`);
    }
  }
  return {
    charge_mode: 'prePaid',
    period_type: periodType,
    period_num: periodNum,
    is_auto_renew: absent(e.is_auto_renew) ? false : c.boolean(e.is_auto_renew, 'extendParam.is_auto_renew'),
    is_auto_pay: absent(e.is_auto_pay) ? false : c.boolean(e.is_auto_pay, 'extendParam.is_auto_pay'),
  };
}

/**
 * Validates an update body. Returns one of
 * `{action: 'bind', port_id}`, `{action: 'unbind'}`, `{action: 'convert', ip_version}`.
 */
export function validateUpdate(body, floats) {
  const c = new Checker(floats);
  c.object(body, '');
  c.onlyKeys(body, '', ['publicip']);
  const p = c.object(c.required(body.publicip, 'publicip'), 'publicip');
  // The page's own example sends "ip_version " (trailing space): it is rejected here, by name.
  c.onlyKeys(p, 'publicip', ['port_id', 'ip_version']);

  const hasPort = !absent(p.port_id);
  const hasVersion = !absent(p.ip_version);
  if (hasPort) c.string(p.port_id, 'publicip.port_id');
  if (hasVersion) c.oneOf(c.integer(p.ip_version, 'publicip.ip_version'), 'publicip.ip_version', [4, 6]);
  if (hasPort && hasVersion) {
    c.fail('publicip.ip_version', 'publicip.port_id and publicip.ip_version are mutually exclusive: send one of them.');
  }
  if (hasVersion) return { action: 'convert', ip_version: p.ip_version };
  if (!hasPort || p.port_id === '') return { action: 'unbind' };
  c.string(p.port_id, 'publicip.port_id', { min: 36, max: 36 });
  return { action: 'bind', port_id: p.port_id };
}

/**
 * Parses a list query against a spec: `{name: {kind: 'limit'|'marker'|'text'|'enum'|'fixedIps', values?}}`.
 * Unknown parameters, repeated limit/marker, empty values and bad values are rejected with `makeError`.
 * Filters may repeat (`id=a&id=b` matches either). Returns `{limit, marker, filters: {name: string[]}}`.
 */
export function parseQuery(params, spec, makeError, { defaultLimit }) {
  const out = { limit: defaultLimit, marker: undefined, filters: {} };
  for (const name of new Set(params.keys())) {
    const rule = spec[name];
    if (!rule) {
      const suggestion = suggestKey(name, Object.keys(spec));
      throw makeError(`Unknown query parameter ${quote(name)}${suggestion ? ` (did you mean ${quote(suggestion)}?)` : ''}.`);
    }
    const values = params.getAll(name);
    if ((rule.kind === 'limit' || rule.kind === 'marker') && values.length > 1) {
      throw makeError(`Query parameter ${name} may be given only once.`);
    }
    for (const v of values) {
      if (v === '') throw makeError(`Query parameter ${name} must not be empty.`);
      if (rule.kind === 'limit' && !(/^\d{1,5}$/.test(v) && +v >= 1 && +v <= 2000)) {
        throw makeError(`Query parameter limit must be an integer from 1 to 2000, got ${quote(v)}.`);
      }
      if (rule.kind === 'enum' && !rule.values.includes(v)) {
        throw makeError(`Query parameter ${name} must be one of ${rule.values.join(', ')}, got ${quote(v)}.`);
      }
      if (rule.kind === 'fixedIps' && !/^(ip_address|subnet_id)=.+$/.test(v)) {
        throw makeError(`Query parameter fixed_ips must look like "ip_address=<address>" or "subnet_id=<id>", got ${quote(v)}.`);
      }
    }
    if (rule.kind === 'limit') out.limit = Number(values[0]);
    else if (rule.kind === 'marker') out.marker = values[0];
    else out.filters[name] = values;
  }
  return out;
}

/** Pages an ordered list: the items after `marker` (an id that must exist), at most `limit` of them. */
export function page(items, { marker, limit }, matches, makeError) {
  let start = 0;
  if (marker !== undefined) {
    const at = items.findIndex((item) => item.id === marker);
    if (at < 0) throw makeError(`Query parameter marker: no item with id ${quote(marker)}.`);
    start = at + 1;
  }
  return items.slice(start).filter(matches).slice(0, limit);
}
