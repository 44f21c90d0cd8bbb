// A console's proxy in front of the local emulator: the emulator stands in for the cloud, the
// proxy holds its token, and a caller needs only the session "Bearer demo-session". Run after
// `npm run build`:
//   node examples/proxy.mjs [--port 8788]
// then, in another terminal:
//   curl -H 'Authorization: Bearer demo-session' 'http://127.0.0.1:8788/v1/0605767a5c5d4e5e8c9f1a2b3c4d5e6f/ports?device_id=ea61f836-b52f-41bf-9d06-685644001d6f'
import { createServer } from "node:http";
import { startEmulator } from "eipkit/emulator";
import { createEipProxy, toNodeListener } from "eipkit/proxy";

const at = process.argv.indexOf("--port");
const port = at === -1 ? 8788 : Number(process.argv[at + 1]);
const emu = await startEmulator({ quiet: true, transitionMs: 300 });

const proxy = createEipProxy({
  endpoint: emu.url,
  projectId: "0605767a5c5d4e5e8c9f1a2b3c4d5e6f",
  auth: { token: "test-token" }, // the cloud credential: here, and nowhere else
  authorize: (request) => request.headers.get("authorization") === "Bearer demo-session",
  allow: ["createPublicip", "bindPublicip", "unbindPublicip", "showPublicip", "listPublicips", "deletePublicip", "listPorts"],
  policy: (operation, input) => {
    if (operation === "createPublicip" && input.bandwidth.size > 100) {
      return [{ path: "bandwidth.size", code: "range", message: "at most 100 Mbit/s through this console", params: { max: 100 } }];
    }
  },
  cors: { origins: ["http://127.0.0.1:8080"] }, // the demo console's origin
});

const server = createServer(toNodeListener(proxy));
server.listen(port, "127.0.0.1", () => {
  console.log(`eipkit proxy listening on http://127.0.0.1:${server.address().port} (upstream: the emulator at ${emu.url})`);
});
const stop = () => {
  server.closeAllConnections();
  server.close();
  emu.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
