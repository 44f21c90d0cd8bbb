// The request bodies every benchmark uses, in the API reference's own key names. `CASES` are the
// timed validation cases (typical valid and invalid bodies of each operation); `CONFORMANCE` is a
// wider set, checked but not timed, that shows how closely the comparison schemas follow
// eipkit's rules (results.md reports where they agree and where they cannot).

export const PROJECT_ID = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f"; // the emulator's project
export const SERVER_ID = "ea61f836-b52f-41bf-9d06-685644001d6f"; // web-01 in the emulator's demo seed
export const PORT_ID = "02c72193-efec-42fb-853b-c33f2b802467"; // web-01's port
export const SHARED_BANDWIDTH_ID = "ebfa375c-3f93-465e-81a3-bd66e578ee9d";
export const ENTERPRISE_PROJECT = "b261ac1f-2489-4bc7-b31b-c33c3346a439";
// The emulator's AK/SK (test credentials of emulator/index.mjs's DEFAULTS, not secrets).
export const AK = "TESTAK0000000000000";
export const SK = "testsecretkey0000000000000000000000000000";

export const createV1Valid = {
  publicip: { type: "5_bgp", ip_version: 4, alias: "web-01.eip" },
  bandwidth: { share_type: "PER", name: "web-bw", size: 300, charge_mode: "traffic" },
  enterprise_project_id: "0",
};

/** The README's example: alias charset, size off its step, name required for PER (3 issues). */
export const createV1Invalid = {
  publicip: { type: "5_bgp", alias: "web server" },
  bandwidth: { share_type: "PER", size: 320 },
};

export const createPrepaidValid = {
  publicip: { type: "5_bgp", alias: "订单-eip_01" },
  bandwidth: { share_type: "PER", name: "prepaid-bw", size: 10 },
  extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 3, is_auto_renew: false, is_auto_pay: true },
  enterprise_project_id: ENTERPRISE_PROJECT,
};

/** The prepaid create's POST as a caller would hand it to `signRequest` (bench parts 2 and 6, bench/profile.mjs). */
export const signedPrepaidRequest = {
  method: "POST",
  url: `https://vpc.cn-north-4.myhuaweicloud.com/v2.0/${PROJECT_ID}/publicips`,
  body: JSON.stringify(createPrepaidValid),
  headers: { "content-type": "application/json;charset=UTF-8", "x-project-id": PROJECT_ID },
  ak: AK,
  sk: SK,
};

/** Charset, step, years over 3, a malformed enterprise project id (4 issues). */
export const createPrepaidInvalid = {
  publicip: { type: "5_bgp" },
  bandwidth: { share_type: "PER", name: "bw 1", size: 1100 },
  extendParam: { charge_mode: "prePaid", period_type: "year", period_num: 5 },
  enterprise_project_id: "abc",
};

export const updateBind = { publicip: { port_id: PORT_ID } };
export const updateConvert = { publicip: { ip_version: 6 } };
/** [004]'s own second example: the key "ip_version " with a trailing space. */
export const updateTypo = { publicip: { "ip_version ": 6 } };

/** The timed cases: [id, operation, body, expected ok]. */
export const CASES = [
  { id: "create-v1-valid", op: "create", label: "create v1, valid", body: createV1Valid, ok: true },
  { id: "create-v1-invalid", op: "create", label: "create v1, invalid (3 issues)", body: createV1Invalid, ok: false },
  { id: "prepaid-valid", op: "createPrepaid", label: "create prepaid v2.0, valid", body: createPrepaidValid, ok: true },
  { id: "prepaid-invalid", op: "createPrepaid", label: "create prepaid v2.0, invalid (4 issues)", body: createPrepaidInvalid, ok: false },
  { id: "update-bind", op: "update", label: "update: bind", body: updateBind, ok: true },
  { id: "update-convert", op: "update", label: "update: convert to IPv6", body: updateConvert, ok: true },
  { id: "update-typo", op: "update", label: "update: `\"ip_version \"` typo (1 issue)", body: updateTypo, ok: false },
];

const pub = (over = {}) => ({ type: "5_bgp", ...over });
const per = (over = {}) => ({ share_type: "PER", name: "bw", size: 5, ...over });
const create = (publicip, bandwidth, rest = {}) => ({ publicip, bandwidth, ...rest });
const prepaid = (extendParam, bandwidth = per()) => ({ publicip: pub(), bandwidth, extendParam });

/** Not timed: [operation, description, body]. eipkit's `ok` is the reference. */
export const CONFORMANCE = [
  ["create", "minimal PER", create(pub(), per())],
  ["create", "WHOLE with id", create(pub(), { share_type: "WHOLE", id: SHARED_BANDWIDTH_ID })],
  ["create", "WHOLE without id", create(pub(), { share_type: "WHOLE" })],
  ["create", "PER without size", create(pub(), { share_type: "PER", name: "bw" })],
  ["create", "PER with name null", create(pub(), per({ name: null }))],
  ["create", "type missing", create({}, per())],
  ["create", "type 5_telcom (no region given)", create(pub({ type: "5_telcom" }), per())],
  ["create", "type unknown", create(pub({ type: "5_xyz" }), per())],
  ["create", "ip_version \"\" (default)", create(pub({ ip_version: "" }), per())],
  ["create", "ip_version 5", create(pub({ ip_version: 5 }), per())],
  ["create", "ip_version \"6\" (string)", create(pub({ ip_version: "6" }), per())],
  ["create", "alias 64 Chinese characters", create(pub({ alias: "弹".repeat(64) }), per())],
  ["create", "alias 65 characters", create(pub({ alias: "a".repeat(65) }), per())],
  ["create", "alias empty", create(pub({ alias: "" }), per())],
  ["create", "alias with U+9FA6 (outside the range)", create(pub({ alias: "a\u9fa6" }), per())],
  ["create", "alias with an emoji", create(pub({ alias: "a😀" }), per())],
  ["create", "port_id 36 characters", create(pub({ port_id: PORT_ID }), per())],
  ["create", "port_id 35 characters", create(pub({ port_id: PORT_ID.slice(1) }), per())],
  ["create", "port_id 36 characters with an astral character", create(pub({ port_id: `😀${PORT_ID.slice(2)}` }), per())],
  ["create", "size 0", create(pub(), per({ size: 0 }))],
  ["create", "size 300", create(pub(), per({ size: 300 }))],
  ["create", "size 301", create(pub(), per({ size: 301 }))],
  ["create", "size 350", create(pub(), per({ size: 350 }))],
  ["create", "size 1000", create(pub(), per({ size: 1000 }))],
  ["create", "size 1500", create(pub(), per({ size: 1500 }))],
  ["create", "size 2000", create(pub(), per({ size: 2000 }))],
  ["create", "size 2500", create(pub(), per({ size: 2500 }))],
  ["create", "size 10.5", create(pub(), per({ size: 10.5 }))],
  ["create", "size \"10\"", create(pub(), per({ size: "10" }))],
  ["create", "charge_mode \"\" (default)", create(pub(), per({ charge_mode: "" }))],
  ["create", "charge_mode unknown", create(pub(), per({ charge_mode: "hourly" }))],
  ["create", "share_type per (lower case)", create(pub(), per({ share_type: "per" }))],
  ["create", "enterprise_project_id \"0\"", create(pub(), per(), { enterprise_project_id: "0" })],
  ["create", "enterprise_project_id UUID upper case", create(pub(), per(), { enterprise_project_id: ENTERPRISE_PROJECT.toUpperCase() })],
  ["create", "enterprise_project_id \"\"", create(pub(), per(), { enterprise_project_id: "" })],
  ["create", "enterprise_project_id without hyphens", create(pub(), per(), { enterprise_project_id: ENTERPRISE_PROJECT.replaceAll("-", "") })],
  ["create", "extendParam on v1", create(pub(), per(), { extendParam: { charge_mode: "postPaid" } })],
  ["create", "unknown top-level key", create(pub(), per(), { size: 5 })],
  ["create", "unknown nested key", create(pub({ ipVersion: 4 }), per())],
  ["create", "body is an array", []],
  ["create", "bandwidth null", create(pub(), null)],
  ["createPrepaid", "prePaid month 9", prepaid({ charge_mode: "prePaid", period_type: "month", period_num: 9 })],
  ["createPrepaid", "prePaid month 10", prepaid({ charge_mode: "prePaid", period_type: "month", period_num: 10 })],
  ["createPrepaid", "prePaid year 3", prepaid({ charge_mode: "prePaid", period_type: "year", period_num: 3 })],
  ["createPrepaid", "prePaid year 4", prepaid({ charge_mode: "prePaid", period_type: "year", period_num: 4 })],
  ["createPrepaid", "prePaid without period", prepaid({ charge_mode: "prePaid" })],
  ["createPrepaid", "prePaid without period, joining a shared bandwidth", prepaid({ charge_mode: "prePaid" }, { share_type: "WHOLE", id: SHARED_BANDWIDTH_ID })],
  ["createPrepaid", "postPaid with a year of 5 (ignored but still checked: 5 is within 1-9)", prepaid({ charge_mode: "postPaid", period_type: "year", period_num: 5 })],
  ["createPrepaid", "no charge_mode (postPaid) with period_num 12", prepaid({ period_type: "month", period_num: 12 })],
  ["createPrepaid", "is_auto_pay \"true\" (string)", prepaid({ charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: "true" })],
  ["createPrepaid", "extend_param (snake case)", { publicip: pub(), bandwidth: per(), extend_param: {} }],
  ["update", "unbind (port_id \"\")", { publicip: { port_id: "" } }],
  ["update", "unbind (port_id null)", { publicip: { port_id: null } }],
  ["update", "unbind (empty publicip)", { publicip: {} }],
  ["update", "port_id and ip_version", { publicip: { port_id: PORT_ID, ip_version: 6 } }],
  ["update", "port_id \"\" and ip_version", { publicip: { port_id: "", ip_version: 4 } }],
  ["update", "port_id null and ip_version", { publicip: { port_id: null, ip_version: 6 } }],
  ["update", "ip_version \"\"", { publicip: { ip_version: "" } }],
  ["update", "port_id too short", { publicip: { port_id: "abc" } }],
  ["update", "publicip missing", {}],
  ["update", "unknown top-level key", { publicip: {}, port_id: PORT_ID }],
];

/** Canned answers for the benchmarks with no network (the emulator's own answers, copied). */
export const CANNED = {
  headers: { "content-type": "application/json;charset=UTF-8", "x-request-id": "833b486feeebb2a93a08a1c7f9616971" },
  prepaidCreate: JSON.stringify({ order_id: "CS2611231516ABCDE", publicip_id: "5f2b6c1e-3d4a-4b8e-9c7f-1a2b3c4d5e6f" }),
  listPorts: JSON.stringify({
    ports: [
      {
        id: PORT_ID,
        name: "",
        status: "ACTIVE",
        admin_state_up: true,
        fixed_ips: [{ subnet_id: "213cb9d-3122-2ac1-1a29-91ffc1231a12", ip_address: "192.168.0.75" }],
        mac_address: "fa:16:3e:47:5f:c1",
        network_id: "4779ab1c-7c1a-44b1-a02e-93dfc361b32d",
        tenant_id: PROJECT_ID,
        project_id: PROJECT_ID,
        device_id: SERVER_ID,
        device_owner: "compute:cn-north-4a",
        security_groups: ["e0598d96-9451-4f8a-8de0-b8b4d451d9e7"],
        extra_dhcp_opts: [],
        allowed_address_pairs: [],
        "binding:vnic_type": "normal",
        "binding:vif_details": { primary_interface: true },
        "binding:profile": {},
        port_security_enabled: true,
        created_at: "2020-06-20T08:07:29",
        updated_at: "2020-06-20T08:07:29",
      },
    ],
  }),
};

/**
 * A list-publicips answer of `n` EIPs as the service writes it (JSON text): every field of
 * [004]'s example, every other EIP bound to a port, every third prepaid (with its order profile).
 */
export function publicipList(n) {
  const id = (kind, i) => `${kind}${String(i).padStart(6, "0")}-8c1d-4f7e-9a2b-3c4d5e6f7a8b`;
  const publicips = Array.from({ length: n }, (_, i) => ({
    id: id("e1", i),
    status: i % 2 ? "ACTIVE" : "DOWN",
    ...(i % 3 === 2 ? { profile: { user_id: "35f2b308f5d64441a6fa7999fbcd4321", product_id: "00301-48027-0--0", region_id: "cn-north-4", order_id: `CS2611231516${String(i).padStart(5, "0")}` } } : {}),
    type: "5_bgp",
    public_ip_address: `161.17.101.${i + 2}`,
    ip_version: 4,
    ...(i % 2 ? { private_ip_address: `192.168.0.${i + 10}`, port_id: id("0c", i) } : {}),
    tenant_id: PROJECT_ID,
    create_time: "2025-11-23 15:16:52",
    bandwidth_id: id("b0", i),
    bandwidth_size: 5 + i,
    bandwidth_share_type: "PER",
    bandwidth_name: `bandwidth-${i}`,
    enterprise_project_id: "0",
    alias: `web-${String(i).padStart(2, "0")}.eip`,
  }));
  return JSON.stringify({ publicips });
}
