// A console's proxy as a Cloudflare Worker: the page holds only its session header; this worker
// holds the AK/SK and sends each allowed, valid request to the EIP API signed with them.
// Configuration comes from the worker's bindings (wrangler.toml's [vars], and secrets):
//   VPC_ENDPOINT    the VPC API, e.g. https://vpc.cn-north-4.myhuaweicloud.com
//   PROJECT_ID      the project the console manages
//   CONSOLE_ORIGIN  the origin the console page is served from (CORS)
//   HW_AK, HW_SK    the access key pair (secrets)
//   CONSOLE_SESSION the value the page must send as X-Console-Session (a secret; a stand-in
//                   for your own session check)
import { createEipProxy } from "eipkit/proxy";

const SESSION_HEADER = "X-Console-Session";

/** Whether `given` is `expected`, compared in constant time (as digests, so lengths differ freely). */
async function sameSecret(given, expected) {
  if (typeof given !== "string" || typeof expected !== "string" || expected === "") return false;
  const digest = (text) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

let proxy;

export default {
  fetch(request, env) {
    // One proxy per isolate: the bindings are the same for every request.
    proxy ??= createEipProxy({
      endpoint: env.VPC_ENDPOINT,
      projectId: env.PROJECT_ID,
      auth: { ak: env.HW_AK, sk: env.HW_SK },
      authorize: (request) => sameSecret(request.headers.get(SESSION_HEADER), env.CONSOLE_SESSION),
      allow: ["listPorts", "createPublicip", "bindPublicip", "showPublicip", "unbindPublicip", "deletePublicip", "listPublicips"],
      cors: { origins: [env.CONSOLE_ORIGIN] },
    });
    return proxy(request);
  },
};
