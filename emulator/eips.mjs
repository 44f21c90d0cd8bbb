// EIP operations: create (v1 and v2.0), show, list, update (bind / unbind / convert), delete,
// and paying a prepaid order. Handlers take `ctx` ({state, config, now}) and the parsed request,
// and return `{status, body}`; failures are thrown as ApiError.

import { randomUUID } from 'node:crypto';
import { errors } from './errors.mjs';
import { GONE, newOrderId, spaceSeconds } from './state.mjs';
import { EIP_STATUSES, page, parseQuery, validateCreate, validateUpdate } from './validate.mjs';

/** A product id shaped like the billing center's, carried in prepaid EIPs' `profile`. */
const PRODUCT_ID = '00301-225396-0--0';

const LIST_QUERY = {
  limit: { kind: 'limit' },
  marker: { kind: 'marker' },
  id: { kind: 'text' },
  ip_version: { kind: 'enum', values: ['4', '6'] },
  port_id: { kind: 'text' },
  public_ip_address: { kind: 'text' },
  private_ip_address: { kind: 'text' },
  enterprise_project_id: { kind: 'text' },
  status: { kind: 'enum', values: EIP_STATUSES },
};

const isBound = (eip) => eip.status === 'ACTIVE' || eip.status === 'BINDING';
const dropUndefined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---------------------------------------------------------------- views

/** PublicipCreateResp: the answer of both create APIs for a pay-per-use EIP. */
function createView({ state }, eip) {
  return dropUndefined({
    id: eip.id,
    status: eip.status,
    type: eip.type,
    public_ip_address: eip.public_ip_address,
    public_ipv6_address: eip.public_ipv6_address,
    ip_version: eip.ip_version,
    bandwidth_size: state.bandwidths.get(eip.bandwidth_id)?.size ?? 0,
    create_time: eip.create_time,
    tenant_id: eip.tenant_id,
    enterprise_project_id: eip.enterprise_project_id,
    alias: eip.alias,
  });
}

/** The full EIP object of the update page (004), used by show, list and update. */
export function eipView({ state }, eip) {
  const bandwidth = state.bandwidths.get(eip.bandwidth_id);
  // A port requested at creation is reported from the moment binding starts.
  const portId = eip.status === 'PENDING_CREATE' ? undefined : eip.port_id;
  return dropUndefined({
    id: eip.id,
    status: eip.status,
    profile: eip.profile,
    type: eip.type,
    public_ip_address: eip.public_ip_address,
    public_ipv6_address: eip.public_ipv6_address,
    ip_version: eip.ip_version,
    private_ip_address: portId && state.ports.get(portId)?.fixed_ips[0]?.ip_address,
    port_id: portId,
    tenant_id: eip.tenant_id,
    create_time: eip.create_time,
    bandwidth_id: eip.bandwidth_id,
    bandwidth_size: bandwidth?.size,
    bandwidth_share_type: bandwidth?.share_type,
    bandwidth_name: bandwidth?.name,
    enterprise_project_id: eip.enterprise_project_id,
    alias: eip.alias,
  });
}

// ---------------------------------------------------------------- create

function createOptions(config, prepaidApi) {
  return { prepaidApi, eipTypes: config.eipTypes, sizeRange: config.bandwidthSizeRange };
}

/** The port and shared bandwidth a create names must exist (404) and the port be free (409). */
function checkReferences({ state }, spec) {
  const portId = spec.publicip.port_id;
  if (portId !== undefined) {
    if (!state.ports.has(portId)) throw errors.portNotFound(`Port ${portId} could not be found (publicip.port_id).`);
    const holder = state.eipOnPort(portId);
    if (holder) throw errors.portBound(`Port ${portId} is already associated with EIP ${holder.id} (publicip.port_id).`);
  }
  if (spec.bandwidth.share_type === 'WHOLE' && state.bandwidths.get(spec.bandwidth.id)?.share_type !== 'WHOLE') {
    throw errors.bandwidthNotFound(`Shared bandwidth ${spec.bandwidth.id} could not be found (bandwidth.id).`);
  }
}

/** Creates the EIP (and its dedicated bandwidth) and starts its PENDING_CREATE transition. */
function materialize(ctx, spec, { id = randomUUID(), profile } = {}) {
  const { state, config } = ctx;
  const now = ctx.now();
  const ipv4 = state.allocateIpv4();
  if (ipv4 === null) throw errors.poolExhausted('No public IP address is left in the pool: delete an EIP first.');

  let bandwidthId = spec.bandwidth.id;
  if (spec.bandwidth.share_type === 'PER') {
    bandwidthId = randomUUID();
    const { name, size, charge_mode } = spec.bandwidth;
    state.bandwidths.set(bandwidthId, { id: bandwidthId, name, size, share_type: 'PER', charge_mode });
  }
  const eip = {
    id,
    status: 'PENDING_CREATE',
    type: spec.publicip.type,
    ip_version: spec.publicip.ip_version,
    public_ip_address: ipv4,
    // An IPv6 EIP also has an IPv4 address ("the IPv4 address matching the IPv6 address").
    public_ipv6_address: spec.publicip.ip_version === 6 ? state.allocateIpv6() : undefined,
    alias: spec.publicip.alias,
    port_id: spec.publicip.port_id,
    tenant_id: state.projectId,
    create_time: spaceSeconds(now),
    bandwidth_id: bandwidthId,
    enterprise_project_id: spec.enterprise_project_id,
    profile,
    steps: [],
  };
  state.schedule(eip, eip.port_id ? ['BINDING', 'ACTIVE'] : ['DOWN'], now, config.transitionMs);
  state.eips.set(eip.id, eip);
  return eip;
}

/** POST /v1/{project_id}/publicips */
export function createPublicip(ctx, { body, floats }) {
  const spec = validateCreate(body, floats, createOptions(ctx.config, false));
  checkReferences(ctx, spec);
  return { status: 200, body: { publicip: createView(ctx, materialize(ctx, spec)) } };
}

/** POST /v2.0/{project_id}/publicips: postPaid answers like v1; prePaid places an order. */
export function createPrepaidPublicip(ctx, { body, floats }) {
  const spec = validateCreate(body, floats, createOptions(ctx.config, true));
  checkReferences(ctx, spec);
  if (spec.billing.charge_mode !== 'prePaid') {
    return { status: 200, body: { publicip: createView(ctx, materialize(ctx, spec)) } };
  }
  const order = {
    order_id: newOrderId(),
    publicip_id: randomUUID(),
    status: 'unpaid',
    created_at: new Date(ctx.now()).toISOString(),
    paid_at: undefined,
    spec,
  };
  ctx.state.orders.set(order.order_id, order);
  if (spec.billing.is_auto_pay) payOrder(ctx, order);
  return { status: 200, body: { order_id: order.order_id, publicip_id: order.publicip_id } };
}

/** Pays an order: the EIP comes into existence (PENDING_CREATE, then DOWN or bound). */
export function payOrder(ctx, order) {
  if (order.status === 'paid') throw errors.control(409, `Order ${order.order_id} is already paid.`);
  checkReferences(ctx, order.spec); // the port may have been taken since the order was placed
  const profile = {
    order_id: order.order_id,
    product_id: PRODUCT_ID,
    region_id: ctx.config.region,
    user_id: ctx.config.userId,
  };
  materialize(ctx, order.spec, { id: order.publicip_id, profile });
  order.status = 'paid';
  order.paid_at = new Date(ctx.now()).toISOString();
  return order;
}

export function orderView(order) {
  const { spec, ...rest } = order;
  const { charge_mode, ...period } = spec.billing;
  return dropUndefined({ ...rest, charge_mode, ...period });
}

// ---------------------------------------------------------------- read

function findEip({ state }, id) {
  const eip = state.eips.get(id);
  if (!eip) throw errors.eipNotFound(`Floating IP ${id} could not be found.`);
  return eip;
}

/** GET /v1/{project_id}/publicips/{publicip_id} */
export function showPublicip(ctx, { params }) {
  return { status: 200, body: { publicip: eipView(ctx, findEip(ctx, params.id)) } };
}

/** GET /v1/{project_id}/publicips */
export function listPublicips(ctx, { query }) {
  const q = parseQuery(query, LIST_QUERY, errors.eipParam, { defaultLimit: ctx.config.defaultPageSize });
  const views = [...ctx.state.eips.values()].map((eip) => eipView(ctx, eip));
  const matches = (view) =>
    Object.entries(q.filters).every(([name, values]) =>
      name === 'public_ip_address'
        ? values.includes(view.public_ip_address) || values.includes(view.public_ipv6_address)
        : values.includes(String(view[name])),
    );
  return { status: 200, body: { publicips: page(views, q, matches, errors.eipParam) } };
}

// ---------------------------------------------------------------- update

/** PUT /v1/{project_id}/publicips/{publicip_id} */
export function updatePublicip(ctx, { params, body, floats }) {
  const change = validateUpdate(body, floats);
  const eip = findEip(ctx, params.id);
  const { state, config } = ctx;
  const now = ctx.now();
  const busy = () => errors.eipBusy(`EIP ${eip.id} is ${eip.status}: wait until it is DOWN or ACTIVE and retry.`);

  if (change.action === 'bind') {
    const port = state.ports.get(change.port_id);
    if (!port) throw errors.portNotFound(`Port ${change.port_id} could not be found (publicip.port_id).`);
    if (isBound(eip)) throw errors.eipBound(`EIP ${eip.id} is already bound to port ${eip.port_id}: unbind it first.`);
    if (eip.status !== 'DOWN') throw busy();
    const holder = state.eipOnPort(port.id);
    if (holder) throw errors.portBound(`Port ${port.id} is already associated with EIP ${holder.id}.`);
    eip.port_id = port.id;
    eip.status = 'BINDING';
    state.schedule(eip, ['ACTIVE'], now, config.transitionMs);
  } else if (change.action === 'unbind') {
    if (eip.status === 'DOWN') throw errors.eipNotBound(`EIP ${eip.id} is not bound to any port.`);
    if (eip.status !== 'ACTIVE') throw busy();
    // The port stays taken until the unbind completes (DOWN clears it, see state.settle).
    eip.status = 'PENDING_UPDATE';
    state.schedule(eip, ['DOWN'], now, config.transitionMs);
  } else {
    if (isBound(eip)) throw errors.convert(`EIP ${eip.id} is bound: unbind it before converting its IP version.`);
    if (eip.status !== 'DOWN') throw busy();
    if (state.bandwidths.get(eip.bandwidth_id)?.share_type === 'WHOLE') {
      throw errors.convert(`EIP ${eip.id} uses a shared (WHOLE) bandwidth: its IP version cannot be converted (IPv6 does not support WHOLE bandwidths).`);
    }
    if (change.ip_version !== eip.ip_version) {
      eip.ip_version = change.ip_version;
      eip.public_ipv6_address = change.ip_version === 6 ? state.allocateIpv6() : undefined;
    }
  }
  return { status: 200, body: { publicip: eipView(ctx, eip) } };
}

// ---------------------------------------------------------------- delete

/** DELETE /v1/{project_id}/publicips/{publicip_id}: 204, then PENDING_DELETE until it disappears. */
export function deletePublicip(ctx, { params }) {
  const eip = findEip(ctx, params.id);
  if (eip.profile) {
    throw errors.deletePrepaid(`EIP ${eip.id} is a yearly/monthly (prepaid) EIP: it cannot be deleted through this API, unsubscribe it in the billing center.`);
  }
  if (isBound(eip)) throw errors.deleteBound(`EIP ${eip.id} is bound to port ${eip.port_id}: unbind it before deleting it.`);
  if (eip.status !== 'DOWN') throw errors.eipBusy(`EIP ${eip.id} is ${eip.status}: it cannot be deleted now.`);
  eip.status = 'PENDING_DELETE';
  ctx.state.schedule(eip, [GONE], ctx.now(), ctx.config.transitionMs);
  return { status: 204 };
}
