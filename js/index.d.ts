// Generated from eipkit-core's rule tables and models (core/src/typescript.rs); do not edit.
// Regenerate: EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript

// ---- Values (forward compatible: unknown values from the service are kept) ----

/** An EIP's status. */
export type EipStatus = "FREEZED" | "BIND_ERROR" | "BINDING" | "PENDING_DELETE" | "PENDING_CREATE" | "NOTIFYING" | "NOTIFY_DELETE" | "PENDING_UPDATE" | "DOWN" | "ACTIVE" | "ELB" | "VPN" | "ERROR" | (string & {});

/** An EIP's line type; `regions()` says which a region offers. */
export type EipType = "5_bgp" | "5_sbgp" | "5_telcom" | "5_union" | (string & {});

/** PER: dedicated bandwidth; WHOLE: shared bandwidth. */
export type ShareType = "PER" | "WHOLE" | (string & {});

/** What the bandwidth is billed by. */
export type BandwidthChargeMode = "bandwidth" | "traffic" | (string & {});

/** prePaid: yearly/monthly; postPaid: pay per use. */
export type BillingMode = "prePaid" | "postPaid" | (string & {});

/** The prepaid period unit. */
export type PeriodType = "month" | "year" | (string & {});

/** A port's status. */
export type PortStatus = "ACTIVE" | "BUILD" | "DOWN" | (string & {});

/** The stable codes of validation issues. */
export type IssueCode = "required" | "required_if" | "type" | "unknown_field" | "length" | "charset" | "enum" | "range" | "step" | "conflict" | "format" | "region" | "ignored" | "not_found" | "unavailable";

/** What kind of failure an `EipError` is. */
export type ErrorKind = "validation" | "api" | "network" | "timeout" | "aborted" | "response";

/** The operations whose input eipkit validates. */
export type Operation = "createPublicip" | "createPrepaidPublicip" | "updatePublicip" | "listPublicips" | "listPorts";

/** `EipClient`'s methods that send one request: the names `eipkit/proxy`'s `allow` and `policy` use. */
export type OperationName = "createPublicip" | "createPrepaidPublicip" | "updatePublicip" | "bindPublicip" | "unbindPublicip" | "showPublicip" | "deletePublicip" | "listPublicips" | "listPorts";


// ---- Request bodies and queries (the service's own JSON; from the rule tables) ----

/** `POST /v1/{project_id}/publicips`: a pay-per-use EIP. */
export interface CreatePublicipBody {
  /** The EIP */
  publicip: CreatePublicipOption;
  /** Its bandwidth */
  bandwidth: BandwidthOption;
  /** A UUID with hyphens, or "0" (the default project). 0–36 characters, a UUID or "0" */
  enterprise_project_id?: string;
}

/** The EIP of a create body. */
export interface CreatePublicipOption {
  /** EIP line type; which ones a region offers varies */
  type: "5_bgp" | "5_sbgp" | "5_telcom" | "5_union";
  /** 4 or 6; default 4 */
  ip_version?: 4 | 6 | "";
  /** EIP name: 1-64 digits, letters, Chinese characters, _ - .. 1–64 characters */
  alias?: string;
  /** Port to bind at creation: an existing port without an EIP. 36–36 characters */
  port_id?: string;
}

/** The bandwidth of a create body. */
export interface BandwidthOption {
  /** PER (dedicated) or WHOLE (shared; needs id) */
  share_type: "PER" | "WHOLE";
  /** Id of an existing shared (WHOLE) bandwidth. 1–36 characters */
  id?: string;
  /** Bandwidth name: 1-64 digits, letters, Chinese characters, _ - . (required for PER). 1–64 characters */
  name?: string;
  /** Mbit/s, 1-2000 by default; steps of 1 up to 300, 50 up to 1000, 500 above (required for PER). @minimum 1 @maximum 2000 */
  size?: number;
  /** bandwidth or traffic; default bandwidth */
  charge_mode?: "bandwidth" | "traffic" | "";
}

/** `POST /v2.0/{project_id}/publicips`: prepaid (or pay per use without `extendParam`). */
export interface CreatePrepaidPublicipBody {
  /** The EIP */
  publicip: CreatePublicipOption;
  /** Its bandwidth */
  bandwidth: BandwidthOption;
  /** Billing (prepaid) parameters */
  extendParam?: ExtendParam;
  /** A UUID with hyphens, or "0" (the default project). 0–36 characters, a UUID or "0" */
  enterprise_project_id?: string;
}

/** Billing of a v2.0 create. */
export interface ExtendParam {
  /** prePaid (yearly/monthly) or postPaid (default) */
  charge_mode?: "prePaid" | "postPaid";
  /** month or year (required for prePaid) */
  period_type?: "month" | "year";
  /** Number of periods: 1-9 months or 1-3 years (required for prePaid). @minimum 1 @maximum 9 */
  period_num?: number;
  /** Renew one month at a time on expiry; default false */
  is_auto_renew?: boolean;
  /** Pay from the account balance at once; default false (order only) */
  is_auto_pay?: boolean;
}

/** `PUT /v1/{project_id}/publicips/{publicip_id}`: bind, unbind or convert. */
export interface UpdatePublicipBody {
  /** The change */
  publicip: UpdatePublicipOption;
}

/** The change of an update body: `port_id` and `ip_version` exclude each other. */
export interface UpdatePublicipOption {
  /** Port to bind to; absent or empty unbinds. 36–36 characters */
  port_id?: string | "";
  /** Convert to IPv4 (4) or IPv6 (6) */
  ip_version?: 4 | 6;
}

/** The query of `GET /v1/{project_id}/publicips`. */
export interface ListPublicipsQuery {
  /** Page size, 1-2000. @minimum 1 @maximum 2000 */
  limit?: number;
  /** Id of the last item of the previous page. 1–64 characters */
  marker?: string;
  /** Only this EIP. 1–64 characters */
  id?: string;
  /** 4 or 6 */
  ip_version?: 4 | 6;
  /** EIPs bound to this port. 1–64 characters */
  port_id?: string;
  /** EIPs with this address. 1–64 characters */
  public_ip_address?: string;
  /** EIPs bound to this private address. 1–64 characters */
  private_ip_address?: string;
  /** A UUID, "0" or "all_granted_eps". 1–36 characters */
  enterprise_project_id?: string;
}

/** The query of `GET /v1/{project_id}/ports`. */
export interface ListPortsQuery {
  /** Page size, 1-2000. @minimum 1 @maximum 2000 */
  limit?: number;
  /** Id of the last item of the previous page. 1–64 characters */
  marker?: string;
  /** Ports of this server (ECS id). 1–64 characters */
  device_id?: string;
  /** Only this port. 1–64 characters */
  id?: string;
  /** Ports with this name. 0–255 characters */
  name?: string;
  /** ACTIVE, BUILD or DOWN */
  status?: "ACTIVE" | "BUILD" | "DOWN";
  /** Administrative state */
  admin_state_up?: boolean;
  /** Ports of this network. 1–64 characters */
  network_id?: string;
  /** Ports with this MAC address. 1–64 characters */
  mac_address?: string;
  /** e.g. compute:xxx. 1–128 characters */
  device_owner?: string;
  /** "ip_address=192.168.0.10" or "subnet_id=...". 1–128 characters */
  fixed_ips?: string;
  /** A UUID or "0". 1–36 characters */
  enterprise_project_id?: string;
}

// ---- Validation ----

/** Message languages. */
export type Locale = "en" | "zh-CN";

export interface ValidateOptions {
  /** A region id such as "cn-north-4": `publicip.type` must be one the region offers. */
  region?: string;
  /** The language of `Issue.message` (default "en"). */
  locale?: Locale;
}

export interface ValidationResult {
  /** No issue of severity "error". */
  ok: boolean;
  /** Every issue, all at once. */
  issues: Issue[];
}

export interface Issue {
  /** The dotted wire path, e.g. "bandwidth.size"; "" for the body itself. */
  path: string;
  code: IssueCode;
  severity: "error" | "warning";
  /** A sentence for a person, in the chosen locale, naming the field by its path. */
  message: string;
  /** The same sentence without the path, to show next to the field ("Must be between 1 and 2000."). */
  short: string;
  params: IssueParams;
}

/** The details of an issue; only those that matter for its code are present. */
export interface IssueParams {
  expected?: string;
  received?: string;
  min?: number;
  max?: number;
  actual?: number;
  step?: number;
  nearest?: number[];
  allowed?: Array<string | number>;
  invalid?: string[];
  format?: string;
  suggestion?: string;
  acceptedBy?: Operation;
  count?: number;
  field?: string;
  value?: string;
  region?: string;
  what?: string;
}

/** Never throws, whatever `body` is. */
export function validateCreatePublicip(body: unknown, options?: ValidateOptions): ValidationResult;
/** Never throws, whatever `body` is. */
export function validateCreatePrepaidPublicip(body: unknown, options?: ValidateOptions): ValidationResult;
/** Never throws, whatever `body` is. */
export function validateUpdatePublicip(body: unknown, options?: ValidateOptions): ValidationResult;

// ---- Standard Schema (standardschema.dev): the validators for form and server libraries ----

/** The Standard Schema v1 interface, as its specification declares it (no dependency needed). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** An error of a schema's validation (warnings never fail a value, so they are not listed). */
export interface StandardIssue {
  /** As `Issue.message`: it names the field by its path. */
  message: string;
  /** As `Issue.short`: the sentence without the path, for next to the field. */
  short: string;
  /** The wire path as keys, e.g. ["bandwidth", "size"]; absent for the body itself. */
  path?: string[];
  /** `"unavailable"` before the module is initialised (`await init()` first). */
  code: IssueCode;
  severity: "error";
  params: IssueParams;
}

/** `{ value }`, the body as it would be sent (known fields only, nulls dropped), or `{ issues }`. */
export type BodySchemaResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: StandardIssue[] };

/**
 * A request body's Standard Schema: eipkit's validator for the libraries that take one. It
 * validates every value; its input type is the body (as a form library expects of a schema over
 * its values), and it is a `StandardSchemaV1<unknown, Body>` too.
 */
export interface BodySchema<Body> extends StandardSchemaV1<Body, Body> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "eipkit";
    /** Synchronous, and never throws, whatever `value` is. */
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => BodySchemaResult<Body>;
    readonly types?: StandardSchemaV1.Types<Body, Body> | undefined;
  };
  /** A new schema with `options` bound (over those already bound): locale and region. */
  with(options: ValidateOptions): BodySchema<Body>;
}

/** `POST /v1/{project_id}/publicips` (pay per use), as a Standard Schema. */
export const createPublicipSchema: BodySchema<CreatePublicipBody>;
/** `POST /v2.0/{project_id}/publicips` (prepaid), as a Standard Schema. */
export const createPrepaidPublicipSchema: BodySchema<CreatePrepaidPublicipBody>;
/** `PUT /v1/{project_id}/publicips/{publicip_id}`, as a Standard Schema. */
export const updatePublicipSchema: BodySchema<UpdatePublicipBody>;

/** One field of an operation's input, with the limits a form needs. */
export interface FieldRule {
  path: string;
  required: boolean;
  kind: "object" | "text" | "choice" | "integer" | "boolean";
  minLength?: number;
  maxLength?: number;
  charset?: "name";
  format?: string;
  allowed?: Array<string | number>;
  min?: number;
  max?: number;
  steps?: Array<{ upTo: number; step: number }>;
  /** The value the service uses when the field is absent, in its JSON spelling ("postPaid", "4"). */
  default?: string;
  /** What other fields make this one required, ignored, narrower or in conflict. */
  conditions?: FieldCondition[];
  blankMeansDefault: boolean;
  doc: string;
}

/**
 * A cross-field rule as it applies to one field: `code` is raised when every test of `when`
 * holds and not every test of `unless` does. The first test of `when` is the reason.
 */
export interface FieldCondition {
  code: "required_if" | "ignored" | "range" | "conflict";
  severity: "error" | "warning";
  when: FieldTest[];
  unless?: FieldTest[];
  /** `range`: the limits that then apply. */
  min?: number;
  max?: number;
}

/** Another field has this value (JSON spelling), or, without `value`, is given. */
export interface FieldTest {
  field: string;
  value?: string;
}

/** Every field of an operation's input, depth first (data: usable before `init()`; a fresh copy). */
export function fieldRules(operation: Operation): FieldRule[];

export interface Region {
  /** e.g. "cn-north-4" */
  id: string;
  nameZh: string;
  nameEn: string;
  eipTypes: EipType[];
}

/** The regions eipkit knows, with the EIP types each offers (data: usable before `init()`; a fresh copy). */
export function regions(): Region[];

/**
 * Instantiates the wasm module (browsers, bundlers, Deno; a no-op in Node and workerd). Safe to
 * call twice; async exports call it themselves, synchronous ones need it first.
 */
export function init(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

// ---- Responses (the service's JSON as it sent it; unknown fields are kept) ----

export interface Publicip {
  id: string;
  status?: EipStatus;
  /** Order information; present and non-empty only for prepaid EIPs. */
  profile?: Profile;
  type?: EipType;
  public_ip_address?: string;
  public_ipv6_address?: string;
  ip_version?: number;
  /** Only when bound. */
  private_ip_address?: string;
  /** Only when bound. */
  port_id?: string;
  tenant_id?: string;
  /** UTC, "2015-07-16 04:10:52". */
  create_time?: string;
  bandwidth_id?: string;
  bandwidth_size?: number;
  bandwidth_share_type?: ShareType;
  bandwidth_name?: string;
  enterprise_project_id?: string;
  alias?: string;
  [field: string]: unknown;
}

export interface Profile {
  order_id?: string;
  product_id?: string;
  region_id?: string;
  user_id?: string;
  [field: string]: unknown;
}

export interface PublicipResponse {
  publicip: Publicip;
}

/** The prepaid create's answer: the order placed and the id the EIP will have. */
export interface PrepaidOrder {
  order_id: string;
  publicip_id: string;
}

export interface PublicipList {
  publicips: Publicip[];
}

export interface Port {
  id: string;
  name?: string;
  status?: PortStatus;
  admin_state_up?: boolean;
  fixed_ips?: Array<{ subnet_id?: string; ip_address?: string; [field: string]: unknown }>;
  mac_address?: string;
  network_id?: string;
  tenant_id?: string;
  project_id?: string;
  /** The server (ECS) the port belongs to. */
  device_id?: string;
  device_owner?: string;
  security_groups?: string[];
  extra_dhcp_opts?: unknown[];
  allowed_address_pairs?: unknown[];
  "binding:vnic_type"?: string;
  "binding:vif_details"?: { primary_interface?: boolean; [field: string]: unknown };
  "binding:profile"?: Record<string, unknown>;
  port_security_enabled?: boolean;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

export interface PortList {
  ports: Port[];
}

// ---- The client ----

/** Supplies IAM tokens; called before each request (`forceRefresh` after a 401). */
export type TokenProvider = (options: { forceRefresh: boolean }) => string | Promise<string>;

/** `headers`: in front of an `eipkit/proxy`, exactly these headers (its session check) and no cloud credential. */
export type Auth = { token: string } | { ak: string; sk: string } | { tokenProvider: TokenProvider } | { headers: Record<string, string> };

export interface EipClientOptions {
  /** "https://vpc.cn-north-4.myhuaweicloud.com", or a proxy's URL; https unless the host is loopback. */
  endpoint: string;
  projectId: string;
  auth: Auth;
  /** Checks `publicip.type` against what the region offers. */
  region?: string;
  /** Per attempt; default 30000. */
  timeoutMs?: number;
  /** Extra attempts for requests that are safe to repeat; default 2. */
  retries?: number;
  /** Your own fetch (proxies, tracing, tests). */
  fetch?: typeof fetch;
  /** The longest answer read (default 8 MiB); a longer one rejects with kind "response". */
  maxResponseBytes?: number;
  locale?: Locale;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Per attempt, overriding the client's. */
  timeoutMs?: number;
}

export interface WaitOptions {
  /** The statuses to wait for. */
  until: EipStatus[];
  /** Default 120000. */
  timeoutMs?: number;
  /** Default 1000. */
  intervalMs?: number;
  /** How long a 404 means "not created yet"; default 30000. */
  notFoundGraceMs?: number;
}

export interface BindNewPublicipInput {
  /** The server (ECS) whose port the EIP is bound to. */
  serverId: string;
  /** A v1 body, or a v2.0 body when it has `extendParam`. */
  create: CreatePublicipBody | CreatePrepaidPublicipBody;
  /** Else the primary interface, else the only port. */
  portId?: string;
  /** Per wait; default 120000. */
  timeoutMs?: number;
  intervalMs?: number;
  notFoundGraceMs?: number;
}

export type WalkthroughStep = "listPorts" | "choosePort" | "create" | "waitCreated" | "bind" | "waitBound" | "cleanup" | "done";

export interface ProgressEvent {
  step: WalkthroughStep;
  state: "started" | "progress" | "done" | "failed";
  serverId?: string;
  ports?: number;
  portId?: string;
  reason?: "given" | "primary" | "only";
  prepaid?: boolean;
  publicipId?: string;
  orderId?: string | null;
  status?: EipStatus;
  until?: EipStatus[];
  error?: { kind: ErrorKind; message: string; code?: string | null };
  report?: CleanupReport;
}

export interface WalkthroughOptions extends CallOptions {
  onProgress?: (event: ProgressEvent) => void;
}

export interface BindNewPublicipResult {
  publicip: Publicip;
  port: Port;
  /** For a prepaid create. */
  orderId?: string;
}

/** What a failed walkthrough undid, and what it could not. */
export interface CleanupReport {
  actions: Array<{ action: "unbind" | "delete"; publicipId: string; ok: boolean; error?: { kind: ErrorKind; message: string; code?: string | null } }>;
  leftBehind: Array<{ publicipId?: string | null; orderId?: string | null; reason: string }>;
}

export declare class EipClient {
  constructor(options: EipClientOptions);
  /** POST /v1/{project_id}/publicips (pay per use). */
  createPublicip(body: CreatePublicipBody, options?: CallOptions): Promise<PublicipResponse>;
  /** POST /v2.0/{project_id}/publicips: an order (prepaid) or the EIP. */
  createPrepaidPublicip(body: CreatePrepaidPublicipBody, options?: CallOptions): Promise<PublicipResponse | PrepaidOrder>;
  /** PUT /v1/{project_id}/publicips/{publicip_id}. */
  updatePublicip(publicipId: string, body: UpdatePublicipBody, options?: CallOptions): Promise<PublicipResponse>;
  /** Binds the EIP to a port: an update with `port_id`. */
  bindPublicip(publicipId: string, portId: string, options?: CallOptions): Promise<PublicipResponse>;
  /** Unbinds the EIP: an update without `port_id` (absent means unbind). */
  unbindPublicip(publicipId: string, options?: CallOptions): Promise<PublicipResponse>;
  /** GET /v1/{project_id}/publicips/{publicip_id}. */
  showPublicip(publicipId: string, options?: CallOptions): Promise<PublicipResponse>;
  /** DELETE /v1/{project_id}/publicips/{publicip_id}. */
  deletePublicip(publicipId: string, options?: CallOptions): Promise<void>;
  /** GET /v1/{project_id}/publicips: one page (`limit`, `marker`, filters). */
  listPublicips(query?: ListPublicipsQuery, options?: CallOptions): Promise<PublicipList>;
  /** GET /v1/{project_id}/ports (VPC): e.g. a server's, with `device_id`. */
  listPorts(query?: ListPortsQuery, options?: CallOptions): Promise<PortList>;
  /** Every page, following `marker`. */
  listPublicipsPages(query?: ListPublicipsQuery, options?: CallOptions): AsyncGenerator<PublicipList, void, undefined>;
  /** Every EIP, across pages. */
  listAllPublicips(query?: ListPublicipsQuery, options?: CallOptions): AsyncGenerator<Publicip, void, undefined>;
  waitForPublicip(publicipId: string, wait: WaitOptions, options?: CallOptions): Promise<PublicipResponse>;
  /** The API reference's walkthrough: a new EIP bound to the server's port, ACTIVE. */
  bindNewPublicipToServer(input: BindNewPublicipInput, options?: WalkthroughOptions): Promise<BindNewPublicipResult>;
}

/** Every failure of the client. */
export declare class EipError extends Error {
  constructor(fields: { kind: ErrorKind; message: string; operation?: string; status?: number; code?: string; requestId?: string; issues?: Issue[]; retryable?: boolean; cleanup?: CleanupReport }, options?: { cause?: unknown });
  readonly name: "EipError";
  readonly kind: ErrorKind;
  /** The method that failed, e.g. "createPublicip". */
  readonly operation?: string;
  /** The HTTP status. */
  readonly status?: number;
  /** The service's error code, e.g. "VPC.0510". */
  readonly code?: string;
  /** The `X-Request-Id` of the answer. */
  readonly requestId?: string;
  /** For kind "validation". */
  readonly issues?: Issue[];
  /** Whether sending the same request again may succeed and is safe. */
  readonly retryable: boolean;
  /** For a failed walkthrough: what was cleaned up and what is left behind. */
  readonly cleanup?: CleanupReport;
  toJSON(): Record<string, unknown>;
  static from(thrown: unknown, operation?: string): EipError;
}

export interface IamTokenProviderOptions {
  /** The IAM endpoint, e.g. "https://iam.myhuaweicloud.com". */
  endpoint: string;
  /** The account (domain) name. */
  domain: string;
  user: string;
  password: string;
  projectId?: string;
  projectName?: string;
  /** Renew this long before expiry; default 600000. */
  renewBeforeMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The longest answer read (default 8 MiB). */
  maxResponseBytes?: number;
}

export interface IamTokenProvider extends TokenProvider {
  invalidate(): void;
  readonly expiresAt: Date | undefined;
  /** How many tokens it has obtained. */
  readonly issued: number;
}

/** Signs in to IAM with a password and keeps a fresh token (one renewal at a time). */
export function iamTokenProvider(options: IamTokenProviderOptions): IamTokenProvider;

export interface SignRequestInput {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  ak: string;
  sk: string;
  date?: Date;
}

/** `X-Sdk-Date` and `Authorization` (SDK-HMAC-SHA256), as Huawei's official SDKs produce them. */
export function signRequest(request: SignRequestInput): Record<string, string>;
