// The demo: the EIP API emulator with sample servers, and this console served next to the
// eipkit package under a strict Content-Security-Policy. The page holds no cloud credential:
// its EipClient talks to an eipkit/proxy under /api on this same origin, which checks the
// page's session and signs with AK/SK towards the emulator (the shape of a real console).
//   node www/serve.mjs [--port 8080] [--emulator-port 8787] [--transition-ms 1200]
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "eipkit/emulator";
import { createEipProxy, toNodeListener } from "eipkit/proxy";

const ROOT = new URL("..", import.meta.url);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json" };

/** Public paths → files: the page, and the package files a user would install. */
function fileFor(pathname) {
  if (pathname === "/" || pathname === "/index.html") return "www/index.html";
  const page = pathname.match(/^\/(app|i18n|form|eips)\.js$|^\/style\.css$/);
  if (page) return `www${pathname}`;
  const pkg = pathname.match(/^\/eipkit\/(js\/[a-z]+\.js|pkg\/eipkit\.js|pkg\/eipkit\.bundle\.js|pkg\/eipkit_bg\.wasm|pkg\/snippets\/eipkit-[0-9a-f]+\/js\/[a-z]+\.js)$/);
  return pkg ? pkg[1] : null;
}

export async function startConsole({ port = 8080, host = "127.0.0.1", emulatorPort = 8787, transitionMs = 1200 } = {}) {
  const emulator = await startEmulator({ port: emulatorPort, host, quiet: true, transitionMs });
  const { projectId } = await (await fetch(`${emulator.url}/__emulator/state`)).json();
  // What a real console's session gives the page: a token the proxy checks (here, one per run).
  const session = randomUUID();
  const sameSession = (presented) =>
    typeof presented === "string" && presented.length === session.length && timingSafeEqual(Buffer.from(presented), Buffer.from(session));
  const api = toNodeListener(
    createEipProxy({
      endpoint: emulator.url,
      projectId,
      // The credentials stay here, on the server: the page never sees them.
      auth: { ak: "TESTAK0000000000000", sk: "testsecretkey0000000000000000000000000000" },
      authorize: (request) => sameSession(request.headers.get("x-console-session")),
      basePath: "/api",
    }),
  );
  const csp = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  const server = createServer(async (request, response) => {
    const headers = { "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
    const { pathname } = new URL(request.url, "http://console");
    if (pathname.startsWith("/api/")) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      api(request, response);
      return;
    }
    if (request.method !== "GET") {
      response.writeHead(405, headers).end();
      return;
    }
    if (pathname === "/favicon.ico") {
      response.writeHead(204, headers).end();
      return;
    }
    if (pathname === "/config.json") {
      // What a real console would know from its session: where its API proxy is, the project,
      // the session token, and the user's servers (here, the emulator's sample servers). No
      // cloud credential.
      const state = await (await fetch(`${emulator.url}/__emulator/state`)).json();
      const origin = `http://${request.headers.host}`;
      const body = JSON.stringify({
        endpoint: `${origin}/api`,
        projectId: state.projectId,
        session,
        region: "cn-north-4",
        servers: state.servers.map((s) => ({ id: s.id, name: s.name })),
      });
      response.writeHead(200, { ...headers, "Content-Type": TYPES[".json"] }).end(body);
      return;
    }
    const file = fileFor(pathname);
    if (!file) {
      response.writeHead(404, headers).end("not found");
      return;
    }
    try {
      const content = await readFile(fileURLToPath(new URL(file, ROOT)));
      response.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(content);
    } catch {
      response.writeHead(404, headers).end("not built: run npm run build");
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}/`;
  return {
    url,
    emulator,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const demo = await startConsole({ port: arg("port", 8080), emulatorPort: arg("emulator-port", 8787), transitionMs: arg("transition-ms", 1200) });
  console.log(`eipkit console: ${demo.url}  (EIP API emulator: ${demo.emulator.url}; Ctrl-C stops both)`);
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
