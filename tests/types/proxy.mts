// A consumer of "eipkit/proxy", type-checked strictly against js/proxy.d.ts
// (tests/package/types.test.mjs). Each `@ts-expect-error` line must be an error.
import { EipClient, type Issue } from "eipkit";
import { createEipProxy, toNodeListener, type EipProxyHandler, type EipProxyOptions, type OperationName, type PolicyIssue } from "eipkit/proxy";

const allow: OperationName[] = ["createPublicip", "bindPublicip", "unbindPublicip", "showPublicip", "listPublicips", "listPorts"];

const options: EipProxyOptions = {
  endpoint: "https://vpc.cn-north-4.myhuaweicloud.com",
  projectId: "0605767a5c5d4e5e8c9f1a2b3c4d5e6f",
  auth: { ak: "AK", sk: "SK" },
  authorize: async (request) => request.headers.get("authorization") === "Bearer s1",
  allow,
  policy: (operation, input, { request, publicipId }) => {
    const body = input as { bandwidth?: { size?: number } } | undefined;
    if (operation === "createPublicip" && (body?.bandwidth?.size ?? 0) > 100) {
      return [{ path: "bandwidth.size", code: "range", message: `at most 100 (${request.url} ${publicipId ?? ""})`, params: { max: 100 } }];
    }
    return undefined;
  },
  cors: { origins: ["https://console.example.com"] },
  basePath: "/api",
  maxBodyBytes: 16 * 1024,
  timeoutMs: 10_000,
  fetch: globalThis.fetch,
  region: "cn-north-4",
  locale: "zh-CN",
};
const handler: EipProxyHandler = createEipProxy(options);
const answer: Response = await handler(new Request("https://proxy.example/api/v1/p/ports"));
console.log(answer.status);

// Every kind of upstream credential, and an async policy answering nothing.
createEipProxy({ ...options, auth: { token: "t" }, policy: async () => {} });
createEipProxy({ ...options, auth: { tokenProvider: async () => "t" } });
// An eipkit Issue is a policy issue.
const issue: Issue = { path: "", code: "range", severity: "error", message: "m", short: "s", params: {} };
const issues: PolicyIssue[] = [issue];
createEipProxy({ ...options, policy: () => issues });

// The Node listener takes any fetch handler, and what node:http hands it.
const listener: (req: { method: string; url: string; rawHeaders: string[] }, res: { statusCode: number; headersSent: boolean }) => void = toNodeListener(handler);
toNodeListener(() => new Response("sync"));
void listener;

// The page's client in front of it: session headers only.
new EipClient({ endpoint: "https://proxy.example/api", projectId: "p", auth: { headers: { Authorization: "Bearer s1" } } });

// @ts-expect-error: authorize is required
createEipProxy({ endpoint: "e", projectId: "p", auth: { token: "t" } });
// @ts-expect-error: not a client method
createEipProxy({ ...options, allow: ["deletePublicips"] });
// @ts-expect-error: headers are the page's auth, not the proxy's
createEipProxy({ ...options, auth: { headers: { Authorization: "x" } } });
// @ts-expect-error: origins is a list
createEipProxy({ ...options, cors: { origins: "https://console.example.com" } });
// @ts-expect-error: the policy answers issues, not a boolean
createEipProxy({ ...options, policy: () => false });
// @ts-expect-error: authorize answers a boolean
createEipProxy({ ...options, authorize: () => "yes" });
