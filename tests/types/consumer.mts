// A consumer of every export, type-checked strictly against js/index.d.ts (npm test runs
// `tsc -p tests/types`). Each `@ts-expect-error` line must be an error: tsc fails if one is not,
// so a wrong field name or type is proven to be a compile error.
import {
  EipClient,
  EipError,
  fieldRules,
  iamTokenProvider,
  init,
  regions,
  signRequest,
  validateCreatePrepaidPublicip,
  validateCreatePublicip,
  validateUpdatePublicip,
  type CreatePublicipBody,
  type Issue,
  type ProgressEvent,
} from "eipkit";

await init();

// Validation takes anything and always answers a ValidationResult.
const result = validateCreatePublicip({ whatever: 1 }, { locale: "zh-CN", region: "cn-north-4" });
const first: Issue | undefined = result.issues[0];
if (first && first.code === "range") console.log(first.params.min, first.params.max, first.message);
validateCreatePrepaidPublicip(null);
validateUpdatePublicip("x");
// @ts-expect-error: not a locale
validateCreatePublicip({}, { locale: "fr" });
// @ts-expect-error: not an issue code
if (first?.code === "too_big") console.log("never");

const rules = fieldRules("createPublicip");
console.log(rules[0]?.steps?.[0]?.upTo, regions()[0]?.eipTypes);
// @ts-expect-error: not an operation
fieldRules("createEip");

// Bodies are the service's JSON, checked field by field.
const body: CreatePublicipBody = {
  publicip: { type: "5_bgp", ip_version: 6, alias: "web" },
  bandwidth: { share_type: "PER", name: "bw", size: 5, charge_mode: "traffic" },
  enterprise_project_id: "0",
};
// @ts-expect-error: share_type is "PER" | "WHOLE"
const wrongShare: CreatePublicipBody = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "per" } };
// @ts-expect-error: ip_version is 4 | 6 (or "")
const wrongVersion: CreatePublicipBody = { publicip: { type: "5_bgp", ip_version: "6" }, bandwidth: { share_type: "PER" } };
// @ts-expect-error: a misspelt field
const misspelt: CreatePublicipBody = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", sise: 5 } };
// @ts-expect-error: size is a number
const stringSize: CreatePublicipBody = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", size: "5" } };
void [wrongShare, wrongVersion, misspelt, stringSize];

const client = new EipClient({
  endpoint: "https://vpc.cn-north-4.myhuaweicloud.com",
  projectId: "p",
  auth: { ak: "a", sk: "s" },
  timeoutMs: 10_000,
  retries: 1,
  fetch: globalThis.fetch,
  locale: "en",
});
// @ts-expect-error: a token is a string
new EipClient({ endpoint: "https://x", projectId: "p", auth: { token: 1 } });
// @ts-expect-error: auth is required
new EipClient({ endpoint: "https://x", projectId: "p" });

const signal = AbortSignal.timeout(1000);
const created = await client.createPublicip(body, { signal });
const id: string = created.publicip.id;
const prepaid = await client.createPrepaidPublicip({
  ...body,
  extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
});
if ("order_id" in prepaid) console.log(prepaid.order_id, prepaid.publicip_id);
else console.log(prepaid.publicip.status);
await client.updatePublicip(id, { publicip: { ip_version: 6 } });
// @ts-expect-error: the reference's own typo is not a field
await client.updatePublicip(id, { publicip: { "ip_version ": 6 } });
await client.bindPublicip(id, "port");
await client.unbindPublicip(id);
const shown = await client.showPublicip(id, { timeoutMs: 500 });
console.log(shown.publicip.status, shown.publicip.profile?.order_id, shown.publicip["some_new_field"]);
const page = await client.listPublicips({ limit: 10, marker: id });
console.log(page.publicips.length);
for await (const p of client.listPublicipsPages({ limit: 100 })) console.log(p.publicips.length);
for await (const eip of client.listAllPublicips()) console.log(eip.public_ip_address);
await client.deletePublicip(id);
const { ports } = await client.listPorts({ device_id: "server" });
console.log(ports[0]?.["binding:vif_details"]?.primary_interface);
// @ts-expect-error: a misspelt filter
await client.listPorts({ deviceId: "server" });
await client.waitForPublicip(id, { until: ["ACTIVE", "DOWN"], timeoutMs: 1000, intervalMs: 100 });

const events: ProgressEvent[] = [];
const done = await client.bindNewPublicipToServer(
  { serverId: "server", create: body, portId: "port" },
  { signal, onProgress: (event) => events.push(event) },
);
console.log(done.publicip.port_id, done.port.id, done.orderId);

try {
  await client.showPublicip(id);
} catch (error) {
  if (error instanceof EipError) {
    const kind: "validation" | "api" | "network" | "timeout" | "aborted" | "response" = error.kind;
    console.log(kind, error.status, error.code, error.requestId, error.retryable, error.issues?.length, error.cleanup?.leftBehind);
    // @ts-expect-error: not an error kind
    if (error.kind === "timedOut") console.log("never");
  }
}
const wrapped: EipError = EipError.from(new Error("x"), "op");
const asError: Error = wrapped;
void asError;

const provider = iamTokenProvider({ endpoint: "https://iam.myhuaweicloud.com", domain: "d", user: "u", password: "p", projectName: "cn-north-4" });
const viaIam = new EipClient({ endpoint: "https://x", projectId: "p", auth: { tokenProvider: provider } });
void viaIam;
console.log(provider.expiresAt?.toISOString(), provider.issued);
provider.invalidate();

const headers: Record<string, string> = signRequest({ method: "GET", url: "https://x/v1/p/publicips", ak: "a", sk: "s", date: new Date() });
console.log(headers["Authorization"]);
// @ts-expect-error: the secret key is required
signRequest({ method: "GET", url: "https://x", ak: "a" });
