// Declarations of `eipkit/emulator` (emulator/index.mjs): the local EIP + VPC + IAM API
// emulator, to test code that uses eipkit (or another client of the EIP API) without a cloud
// account. What it models, its control API and its faults: emulator/README.md.

/** The seeds an emulator can start from (or reset to): `demo` has sample servers and ports. */
export type EmulatorSeed = "demo" | "empty";

export interface EmulatorOptions {
  /** Default 0: a free port, chosen by the system (read it from `url` or `port`). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The project id every path must carry. Default "0605767a5c5d4e5e8c9f1a2b3c4d5e6f". */
  projectId?: string;
  /** The project's name, which IAM scopes may give instead of its id. Default "cn-north-4". */
  projectName?: string;
  /** `profile.region_id` of prepaid EIPs. Default "cn-north-4". */
  region?: string;
  /** Static tokens accepted in `X-Auth-Token`; they never expire. Default ["test-token"]. */
  tokens?: string[];
  /** AK/SK pairs whose signatures it accepts. Default one pair, AK "TESTAK0000000000000". */
  credentials?: { ak: string; sk: string }[];
  /** IAM users that may sign in with a password. Default demo-domain / demo-user / demo-password. */
  users?: { domain: string; name: string; password: string }[];
  /** Default "demo". */
  seed?: EmulatorSeed;
  /** How long each transitional status (PENDING_CREATE, BINDING, ...) lasts. Default 300. */
  transitionMs?: number;
  /** Lifetime of IAM-issued tokens. Default 86400000 (24 h). */
  tokenTtlMs?: number;
  /** The `publicip.type` values it accepts. Default ["5_bgp", "5_sbgp"]. */
  eipTypes?: string[];
  /** Default [1, 2000]. */
  bandwidthSizeRange?: [number, number];
  /** Page size of list answers without `limit` (lower it to exercise paging). Default 2000. */
  defaultPageSize?: number;
  /** No per-request line on stderr. Default false. */
  quiet?: boolean;
}

/** The in-memory world of an emulator in this process (prefer `connectEmulator(url).state()`). */
export interface EmulatorState {
  readonly servers: Map<string, Record<string, unknown>>;
  readonly ports: Map<string, Record<string, unknown>>;
  readonly bandwidths: Map<string, Record<string, unknown>>;
  readonly eips: Map<string, Record<string, unknown>>;
  readonly orders: Map<string, Record<string, unknown>>;
  /** Applies the status transitions due at `now` (milliseconds); call it before reading. */
  settle(now: number): void;
}

export interface RunningEmulator {
  /** e.g. "http://127.0.0.1:8787": the endpoint to give EipClient (and the IAM endpoint). */
  readonly url: string;
  readonly port: number;
  /** Stops it; never hangs (open connections, even held by "hang" faults, are destroyed). */
  close(): Promise<void>;
}

/** Starts the emulator in this process. */
export function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator & { readonly state: EmulatorState }>;

export interface SpawnEmulatorOptions extends Pick<EmulatorOptions, "port" | "host" | "seed" | "transitionMs" | "tokenTtlMs" | "quiet"> {
  /** How long to wait for it to listen. Default 15000. */
  timeoutMs?: number;
}

/**
 * Starts the emulator in a child process of its own (the `eipkit-emulator` CLI), so that it
 * does not share this process's event loop. The child exits when this process does.
 */
export function spawnEmulator(options?: SpawnEmulatorOptions): Promise<RunningEmulator & { readonly pid: number }>;

/** Settings of a running emulator (control API `reset` and `config`). */
export interface EmulatorSettings {
  seed?: EmulatorSeed;
  transitionMs?: number;
  tokenTtlMs?: number;
  defaultPageSize?: number;
  /** EIPs that reach these statuses stay in them until the setting changes. */
  holdStatuses?: string[];
}

/** A fault the emulator answers instead of the operation (emulator/README.md, Faults). */
export type EmulatorFault =
  | { type: "status"; status: number; body?: string | Record<string, unknown>; headers?: Record<string, string> }
  | { type: "retryAfter"; status?: number; seconds: number }
  | { type: "reset" }
  | { type: "hang" }
  | { type: "delay"; ms: number }
  | { type: "malformed"; status?: number }
  | { type: "html"; status?: number }
  | { type: "empty"; status?: number }
  | { type: "wrongShape"; status?: number }
  | { type: "huge"; bytes: number; status?: number; length?: boolean };

/** Which API requests a fault answers: every given key must match. */
export interface FaultMatch {
  /** The operation's log name: createPublicip, createPrepaidPublicip, updatePublicip, showPublicip, listPublicips, deletePublicip, listPorts, iamToken. */
  operation?: string;
  method?: string;
  /** A substring of the request path. */
  path?: string;
}

/** One API request the emulator received (never a token, an Authorization header, a body or a password). */
export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  operation: string | null;
  status: number | null;
  auth: "token" | "aksk" | "none";
  fault: EmulatorFault["type"] | null;
  at: string;
  /** Why an AK/SK check failed. */
  reason?: string;
}

export interface EmulatorControl {
  readonly url: string;
  /** `{ projectId, settings, servers, ports, eips, orders, bandwidths }` as the API shows them. */
  state(): Promise<Record<string, unknown>>;
  /** Back to the seed; clears faults and the request log. Resolves to the settings. */
  reset(settings?: EmulatorSettings): Promise<EmulatorSettings>;
  /** Changes settings at run time. Resolves to the settings. */
  config(settings: Omit<EmulatorSettings, "seed">): Promise<EmulatorSettings>;
  /** Queues a fault for the next `times` (default 1) matching requests. */
  fault(fault: EmulatorFault, match?: FaultMatch, times?: number): Promise<Record<string, unknown>>;
  /** The request log, or only the requests of one operation. */
  requests(operation?: string): Promise<LoggedRequest[]>;
  /** Any control API call: `control("POST", "tokens/expire")`. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** A client for the control API of the emulator at `url`. */
export function connectEmulator(url: string, options?: { fetch?: typeof globalThis.fetch }): EmulatorControl;

/** The defaults of startEmulator's options. */
export const DEFAULTS: Readonly<Required<EmulatorOptions>>;
