//! The npm package's TypeScript declarations, generated from the rule tables and the enums so
//! the types cannot drift from the rules: request bodies and queries come from
//! [`crate::schema`], string unions from the enums' `KNOWN` lists and [`IssueCode::ALL`].
//! `core/tests/typescript.rs` keeps `js/index.d.ts` equal to [`declarations`] and checks the
//! hand-written response types against the Rust models.

use crate::error::ErrorKind;
use crate::issue::{Issue, IssueCode, Params};
use crate::message::Locale;
use crate::model::enums::{BandwidthChargeMode, BillingMode, EipType, PeriodType, PortStatus, ShareType, Status};
use crate::operation::{Input, Operation, Param};
use crate::schema::{self, Field, Format, Rule, Table};
use std::fmt::Write;

/// `js/closed.js`: the closed sets the JS side checks values against, from the same lists.
pub fn closed_sets() -> String {
    let list = |names: Vec<&str>| names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    let kinds = list(ErrorKind::ALL.iter().map(|k| k.as_str()).collect());
    let codes = list(IssueCode::ALL.iter().map(|c| c.as_str()).collect());
    // The JS layer raises `unavailable` before the module is there to render it (its short
    // form is its message: it names no field).
    let unavailable = Issue::error("", IssueCode::Unavailable, Params::default());
    let sentences = Locale::ALL
        .iter()
        .map(|&locale| {
            format!("\"{}\": {}", locale.tag(), serde_json::to_string(&unavailable.message(locale)).unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "// Generated from the core's closed sets (core/src/closed.rs) by core/src/typescript.rs:\n\
         // EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript. Do not edit.\n\n\
         /** What kind of failure an `EipError` is. */\nexport const ERROR_KINDS = [{kinds}];\n\n\
         /** The stable codes of validation issues. */\nexport const ISSUE_CODES = [{codes}];\n\n\
         /** The message of an `unavailable` issue, by locale (core/src/message/). */\n\
         export const UNAVAILABLE = {{ {sentences} }};\n"
    )
}

/// `js/operations.js`: the client methods that send one request, from the operation registry,
/// for the JS client to define (`arity`: the arguments before the call options; `pageOf`: a
/// page of a list, which the client wraps in its paging methods).
pub fn operations_js() -> String {
    let mut out = String::from(
        "// Generated from the core's operation registry (core/src/operation/mod.rs) by core/src/typescript.rs:\n\
         // EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript. Do not edit.\n\n\
         /** `EipClient`'s methods that send one request. */\nexport const CLIENT_METHODS = [\n",
    );
    for op in Operation::ALL {
        let spec = op.spec();
        for method in spec.client_methods() {
            let page = spec.answer.page_of.map(|key| format!(", pageOf: \"{key}\"")).unwrap_or_default();
            let _ = writeln!(out, "  {{ name: \"{}\", arity: {}{page} }},", method.name, method.params.len());
        }
    }
    out.push_str("];\n\n/** The operations and their routes, for `eipkit/proxy` (`methods`: the client methods that send each). */\nexport const OPERATIONS = [\n");
    for op in Operation::ALL {
        let spec = op.spec();
        let input = match spec.input {
            Input::Nothing => "null",
            Input::Body(_) => "\"body\"",
            Input::Query(_) => "\"query\"",
        };
        let methods: Vec<String> = spec.client_methods().map(|m| format!("\"{}\"", m.name)).collect();
        let _ = writeln!(
            out,
            "  {{ name: \"{}\", method: \"{}\", path: \"{}\", input: {input}, methods: [{}] }},",
            spec.name,
            spec.method.as_str(),
            spec.path,
            methods.join(", ")
        );
    }
    out.push_str("];\n");
    out
}

/// `js/rules.js`: what `fieldRules()` and `regions()` answer, as data generated from the rule
/// tables and the region table, so a page reads them without the wasm (and the wasm carries
/// neither their text nor their serialisation).
pub fn rules_js() -> String {
    let mut out = String::from(
        "// Generated from the core's rule and region tables (core/src/schema/, core/src/region.rs) by\n\
         // core/src/typescript.rs: EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript. Do not edit.\n\n\
         /** `fieldRules(operation)` of every operation with input. */\nexport const FIELD_RULES = {\n",
    );
    for op in Operation::with_input() {
        let rules = serde_json::to_string(&schema::describe(op)).unwrap_or_default();
        let _ = writeln!(out, "  {}: {rules},", op.js_name());
    }
    out.push_str(
        "};\n\n/** `regions()`: the regions eipkit knows, with the EIP types each offers. */\nexport const REGIONS = ",
    );
    let regions: Vec<serde_json::Value> = crate::region::REGIONS
        .iter()
        .map(|r| serde_json::json!({ "id": r.id, "nameZh": r.name_zh, "nameEn": r.name_en, "eipTypes": r.eip_types }))
        .collect();
    out.push_str(&serde_json::to_string(&regions).unwrap_or_default());
    out.push_str(";\n");
    out
}

/// The whole `index.d.ts`.
pub fn declarations() -> String {
    let mut out = String::from(HEADER);
    out.push_str("\n// ---- Values (forward compatible: unknown values from the service are kept) ----\n\n");
    for (name, values, open, doc) in [
        ("EipStatus", Status::KNOWN, true, "An EIP's status."),
        ("EipType", EipType::KNOWN, true, "An EIP's line type; `regions()` says which a region offers."),
        ("ShareType", ShareType::KNOWN, true, "PER: dedicated bandwidth; WHOLE: shared bandwidth."),
        ("BandwidthChargeMode", BandwidthChargeMode::KNOWN, true, "What the bandwidth is billed by."),
        ("BillingMode", BillingMode::KNOWN, true, "prePaid: yearly/monthly; postPaid: pay per use."),
        ("PeriodType", PeriodType::KNOWN, true, "The prepaid period unit."),
        ("PortStatus", PortStatus::KNOWN, true, "A port's status."),
    ] {
        union(&mut out, name, values, open, doc);
    }
    let codes: Vec<&str> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
    union(&mut out, "IssueCode", &codes, false, "The stable codes of validation issues.");
    let kinds: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    union(&mut out, "ErrorKind", &kinds, false, "What kind of failure an `EipError` is.");
    let operations: Vec<&str> = Operation::with_input().map(Operation::js_name).collect();
    union(&mut out, "Operation", &operations, false, "The operations whose input eipkit validates.");
    let methods: Vec<&str> =
        Operation::ALL.into_iter().flat_map(|op| op.spec().client_methods().map(|m| m.name)).collect();
    union(
        &mut out,
        "OperationName",
        &methods,
        false,
        "`EipClient`'s methods that send one request: the names `eipkit/proxy`'s `allow` and `policy` use.",
    );

    out.push_str("\n// ---- Request bodies and queries (the service's own JSON; from the rule tables) ----\n");
    let mut written = Vec::new();
    for table in Operation::with_input().filter_map(|op| op.spec().input.table()) {
        interfaces(&mut out, table, &mut written);
    }
    let (before, after) = API.split_once(CLIENT_METHODS).unwrap_or((API, ""));
    out.push_str(before);
    client_methods(&mut out);
    out.push_str(after);
    out
}

/// The interface of a table, then those of the objects inside it (each once).
fn interfaces(out: &mut String, table: &'static Table, written: &mut Vec<&'static str>) {
    if written.contains(&table.name) {
        return;
    }
    written.push(table.name);
    interface(out, table);
    for field in table.fields {
        if let Rule::Object(inner) = field.rule {
            interfaces(out, inner, written);
        }
    }
}

/// `EipClient`'s methods that send one request, from the operation registry.
fn client_methods(out: &mut String) {
    for op in Operation::ALL {
        let spec = op.spec();
        for method in spec.client_methods() {
            let mut params: Vec<String> = method
                .params
                .iter()
                .map(|param| match *param {
                    Param::PublicipId => "publicipId: string".to_owned(),
                    Param::Body => format!("body: {}", spec.input.table().map_or("unknown", |t| t.name)),
                    Param::Query => format!("query?: {}", spec.input.table().map_or("unknown", |t| t.name)),
                    Param::Field { js_name, path } => {
                        format!("{js_name}: {}", op.field(path).map_or("unknown".to_owned(), base_type))
                    }
                })
                .collect();
            params.push("options?: CallOptions".to_owned());
            let _ = writeln!(out, "  /** {} */", method.doc);
            let _ = writeln!(out, "  {}({}): Promise<{}>;", method.name, params.join(", "), spec.answer.ts_type);
        }
    }
}

fn union(out: &mut String, name: &str, values: &[&str], open: bool, doc: &str) {
    let mut members: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    if open {
        // `(string & {})` keeps editor completion of the known values while accepting others.
        members.push("(string & {})".to_owned());
    }
    let _ = writeln!(out, "/** {doc} */\nexport type {name} = {};\n", members.join(" | "));
}

fn interface(out: &mut String, table: &Table) {
    let _ = writeln!(out, "\n/** {} */\nexport interface {} {{", table.doc, table.name);
    for field in table.fields {
        let optional = if field.required { "" } else { "?" };
        let _ = writeln!(out, "  /** {} */", field_doc(field));
        let _ = writeln!(out, "  {}{optional}: {};", field.key, field_type(field));
    }
    out.push_str("}\n");
}

fn field_type(field: &Field) -> String {
    let base = base_type(field);
    if field.blank_means_default { format!("{base} | \"\"") } else { base }
}

/// The field's type, without the `""` a blank-means-default field also accepts.
fn base_type(field: &Field) -> String {
    match field.rule {
        Rule::Object(table) => table.name.to_owned(),
        Rule::Text(_) => "string".to_owned(),
        Rule::Choice(values) => values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(" | "),
        Rule::IntChoice(values) => values.iter().map(i64::to_string).collect::<Vec<_>>().join(" | "),
        Rule::Integer(_) => "number".to_owned(),
        Rule::Bool => "boolean".to_owned(),
    }
}

/// The field's doc line and its limits, as JSDoc.
fn field_doc(field: &Field) -> String {
    let mut doc = field.doc.to_owned();
    match field.rule {
        Rule::Text(t) => {
            let _ = write!(doc, ". {}–{} characters", t.min, t.max);
            if t.format == Format::UuidOrZero {
                doc.push_str(", a UUID or \"0\"");
            }
        }
        Rule::Integer(i) => {
            let _ = write!(doc, ". @minimum {} @maximum {}", i.min, i.max);
        }
        _ => {}
    }
    doc
}

const HEADER: &str = "// Generated from eipkit-core's rule tables and models (core/src/typescript.rs); do not edit.
// Regenerate: EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript
";

/// Where the registry's client methods go in [`API`].
const CLIENT_METHODS: &str = "{{client-methods}}\n";

/// The hand-written API surface (the README documents it); the field names of the response,
/// issue-params and field-rule interfaces are checked against the Rust types by
/// core/tests/typescript.rs.
const API: &str = r#"
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
{{client-methods}}
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
"#;
