// Seed data: fixed ids and addresses so tests and demos can name them.
//
// web-01 reuses the server, port, network and security group ids of the walkthrough page (000),
// so its requests work verbatim. Every port sits in one subnet, 192.168.0.0/24, whose id is the
// walkthrough's own `213cb9d-...`: it is not a well-formed UUID (35 characters), exactly as the
// page shows it, so clients that validate response formats too strictly are caught.

export const SHARED_BANDWIDTH_ID = 'ebfa375c-3f93-465e-81a3-bd66e578ee9d';
export const SUBNET_ID = '213cb9d-3122-2ac1-1a29-91ffc1231a12';
export const NETWORK_ID = '4779ab1c-7c1a-44b1-a02e-93dfc361b32d';
export const SECURITY_GROUP_ID = 'e0598d96-9451-4f8a-8de0-b8b4d451d9e7';
export const SEED_TIME = '2020-06-20T08:07:29';

/** Servers of the "demo" seed. `primary` is `binding:vif_details.primary_interface`. */
const DEMO_SERVERS = [
  {
    id: 'ea61f836-b52f-41bf-9d06-685644001d6f',
    name: 'web-01',
    ports: [{ id: '02c72193-efec-42fb-853b-c33f2b802467', primary: true, ip_address: '192.168.0.75', mac_address: 'fa:16:3e:47:5f:c1' }],
  },
  {
    id: '6b1f2c8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
    name: 'db-01',
    ports: [
      { id: '8d3c5a1e-2b4f-4c6d-8e9f-0a1b2c3d4e5f', primary: true, ip_address: '192.168.0.20', mac_address: 'fa:16:3e:10:20:01' },
      { id: '9e4d6b2f-3c5a-4d7e-9f0a-1b2c3d4e5f60', primary: false, ip_address: '192.168.0.21', mac_address: 'fa:16:3e:10:20:02' },
    ],
  },
  { id: '7c2a3d9f-4e5b-4a6c-8d7e-8f9a0b1c2d3e', name: 'batch-01', ports: [] },
  {
    id: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
    name: 'multi-nic-01',
    ports: [
      { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', primary: false, ip_address: '192.168.0.30', mac_address: 'fa:16:3e:30:00:01' },
      { id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', primary: false, ip_address: '192.168.0.31', mac_address: 'fa:16:3e:30:00:02' },
    ],
  },
];

const SHARED_BANDWIDTH = {
  id: SHARED_BANDWIDTH_ID,
  name: 'shared-bandwidth-01',
  size: 100,
  share_type: 'WHOLE',
  charge_mode: 'bandwidth',
};

export const SEEDS = ['demo', 'empty'];

/** @returns {{servers: object[], bandwidths: object[]}} fresh copies, safe to mutate */
export function seedData(name) {
  if (!SEEDS.includes(name)) throw new Error(`unknown seed ${JSON.stringify(name)} (use ${SEEDS.join(' or ')})`);
  return {
    servers: name === 'demo' ? structuredClone(DEMO_SERVERS) : [],
    bandwidths: [{ ...SHARED_BANDWIDTH }],
  };
}

/** A port object with every field of the walkthrough's ports answer. */
export function makePort({ id, serverId, projectId, ipAddress, macAddress, primary, createdAt = SEED_TIME }) {
  return {
    id,
    name: '',
    status: 'ACTIVE',
    admin_state_up: true,
    fixed_ips: [{ subnet_id: SUBNET_ID, ip_address: ipAddress }],
    mac_address: macAddress,
    network_id: NETWORK_ID,
    tenant_id: projectId,
    project_id: projectId,
    device_id: serverId,
    device_owner: 'compute:cn-north-4a',
    security_groups: [SECURITY_GROUP_ID],
    extra_dhcp_opts: [],
    allowed_address_pairs: [],
    'binding:vnic_type': 'normal',
    'binding:vif_details': { primary_interface: primary },
    'binding:profile': {},
    port_security_enabled: true,
    created_at: createdAt,
    updated_at: createdAt,
  };
}
