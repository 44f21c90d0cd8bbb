// Declarations of `eipkit/proxy` (js/proxy.js; README.md, "Deploying a console"). Written by
// hand; the types it names (OperationName from the operation registry, Issue, ...) are the
// generated ones of index.d.ts.
import type { IssueCode, IssueParams, Locale, OperationName, TokenProvider } from "./index.js";

export type { OperationName } from "./index.js";

/** The proxy's own credentials for the service: never sent to the caller. */
export type ProxyAuth = { token: string } | { ak: string; sk: string } | { tokenProvider: TokenProvider };

/** An issue a policy reports: the shape of a ValidationResult's issues (severity defaults to "error"). */
export interface PolicyIssue {
  path: string;
  code: IssueCode | (string & {});
  message: string;
  /** The message without the field's path, to show beside it; default: `message`. */
  short?: string;
  /** Only "error" issues refuse the request; default "error". */
  severity?: "error" | "warning";
  params?: IssueParams | Record<string, unknown>;
}

/** What a policy is given besides the operation and its input. */
export interface PolicyContext {
  request: Request;
  /** The path's EIP id (show, update, delete). */
  publicipId?: string;
}

export type PolicyAnswer = PolicyIssue[] | null | undefined | void;

export interface EipProxyOptions {
  /** The service ("https://vpc.cn-north-4.myhuaweicloud.com") or the emulator; https unless loopback. */
  endpoint: string;
  projectId: string;
  auth: ProxyAuth;
  /** Called for every request that matches a route; only `true` lets it in (else 401). */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /** The client methods served; default all. Another one is a 403. */
  allow?: OperationName[];
  /**
   * Your rules, after eipkit's: `input` is the body (already valid by eipkit's rules), the query
   * object of a list, or undefined. Issues of severity "error" refuse the request (400).
   */
  policy?: (operation: OperationName, input: unknown, context: PolicyContext) => PolicyAnswer | Promise<PolicyAnswer>;
  /** Origins (scheme, host, port) whose pages may call the proxy; another Origin is a 403. */
  cors?: { origins: string[] };
  /** Where the service's paths start: "/api" serves "/api/v1/{project_id}/..."; default "". */
  basePath?: string;
  /** The longest request body read; default 65536 (64 KiB). */
  maxBodyBytes?: number;
  /** For the upstream request (one attempt; default 30000). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  region?: string;
  /** The language of validation messages; default "en". */
  locale?: Locale;
  /** The longest upstream answer read; default 8 MiB. */
  maxResponseBytes?: number;
}

/** A fetch handler: workerd's `fetch`, `Deno.serve`, Bun's `serve`; Node through `toNodeListener`. */
export type EipProxyHandler = (request: Request) => Promise<Response>;

export function createEipProxy(options: EipProxyOptions): EipProxyHandler;

/** What `toNodeListener` reads of node:http's IncomingMessage (the whole object is passed). */
export interface NodeIncomingMessage {
  method?: string | undefined;
  url?: string | undefined;
  rawHeaders: string[];
}

/** What `toNodeListener` writes to (node:http's ServerResponse). */
export interface NodeServerResponse {
  statusCode: number;
  readonly headersSent: boolean;
}

/** A node:http request listener for `http.createServer(toNodeListener(handler))`: a failing handler answers 500. */
export function toNodeListener(handler: (request: Request) => Response | Promise<Response>): (req: NodeIncomingMessage, res: NodeServerResponse) => void;
