// The console: the create form with live validation, the walkthrough with live progress, and
// the EIP table with its actions. All of it through the eipkit package.
import { init, EipClient, EipError } from "/eipkit/pkg/eipkit.bundle.js";
import { setLocale, getLocale, t, live, statusText } from "./i18n.js";

await init();
const { CreateForm, REGIONS } = await import("./form.js");
const { EipTable } = await import("./eips.js");

const $ = (id) => document.getElementById(id);
const config = await (await fetch("/config.json")).json();
// The page holds no cloud credential: its session header is all the proxy (/api) needs.
const client = () =>
  new EipClient({
    endpoint: config.endpoint,
    projectId: config.projectId,
    auth: { headers: { "X-Console-Session": config.session } },
    region: $("region").value,
    locale: getLocale(),
  });

// Settings: language and region.
$("region").replaceChildren(...REGIONS.map((r) => new Option(r.nameEn, r.id)));
$("region").value = config.region;
$("server").replaceChildren(...config.servers.map((s) => new Option(s.name, s.id)));
const relabelRegions = () => {
  for (const option of $("region").options) {
    const region = REGIONS.find((r) => r.id === option.value);
    option.textContent = getLocale() === "zh-CN" ? region.nameZh : region.nameEn;
  }
};

let running = null;
const form = new CreateForm({ region: config.region, onSubmit: (input) => walk(input) });
const table = new EipTable({ onAction: (action, id, port) => act(action, id, port) });

$("locale").addEventListener("change", () => {
  setLocale($("locale").value);
  relabelRegions();
  form.relabel();
  refresh();
});
$("region").addEventListener("change", () => (form.region = $("region").value));
$("cancel").addEventListener("click", () => running?.abort());
setLocale("en");
relabelRegions();

/** The walkthrough, drawn as a progress list. */
async function walk(input) {
  running = new AbortController();
  form.setBusy(true);
  $("progress").replaceChildren();
  live($("form-status"), () => t("running"));
  try {
    const result = await client().bindNewPublicipToServer(
      { ...input, intervalMs: 300 },
      { signal: running.signal, onProgress: drawStep },
    );
    live($("form-status"), () => t("succeeded", result.publicip.public_ip_address));
  } catch (error) {
    live($("form-status"), () => t("failed", describe(error)));
    if (error instanceof EipError && error.kind === "validation") form.validate();
  } finally {
    running = null;
    form.setBusy(false);
    refresh();
  }
}

function drawStep(event) {
  const id = `step-${event.step}`;
  let item = $(id);
  if (!item) {
    item = Object.assign(document.createElement("li"), { id });
    $("progress").append(item);
  }
  item.className = `step ${event.state}`;
  live(item, () => {
    const details = [
      event.reason && `${event.portId} (${t(`reason.${event.reason}`)})`,
      event.publicipId && event.step === "create" && event.publicipId,
      event.orderId,
      event.status && statusText(event.status),
      event.error?.message,
      event.report && reportText(event.report),
    ].filter(Boolean);
    return `${t(`step.${event.step}`)}${details.length ? ": " + details.join(" · ") : ""}`;
  });
}

function reportText({ actions, leftBehind }) {
  const done = actions.map((a) => `${t(a.action)} ${a.ok ? "✓" : "✗"}`);
  const left = leftBehind.map((l) => [l.orderId, l.publicipId].filter(Boolean).join(" / "));
  return [done.length && `${t("cleanedUp")}: ${done.join(", ")}`, left.length && `${t("leftBehind")}: ${left.join(", ")}`]
    .filter(Boolean)
    .join(" · ");
}

/** A failure, readably: the service's code and request id when there is one. */
function describe(error) {
  if (!(error instanceof EipError)) return String(error);
  const parts = [error.code, error.message].filter(Boolean).join(": ");
  return error.requestId ? `${parts} (${t("request")} ${error.requestId})` : parts;
}

async function act(action, id, port) {
  live($("table-error"), () => "");
  try {
    const c = client();
    if (action === "bind") await c.bindPublicip(id, port);
    if (action === "unbind") await c.unbindPublicip(id);
    if (action === "toIpv6") await c.updatePublicip(id, { publicip: { ip_version: 6 } });
    if (action === "delete") await c.deletePublicip(id);
  } catch (error) {
    live($("table-error"), () => describe(error));
  }
  refresh();
}

async function refresh() {
  try {
    const c = client();
    const [{ publicips }, { ports }] = await Promise.all([c.listPublicips(), c.listPorts()]);
    const servers = new Map(config.servers.map((s) => [s.id, s.name]));
    const taken = new Set(publicips.map((e) => e.port_id).filter(Boolean));
    table.ports = ports.map((p) => ({
      id: p.id,
      label: `${servers.get(p.device_id) ?? p.device_id} · ${p.fixed_ips?.[0]?.ip_address ?? p.id}`,
      taken: taken.has(p.id),
    }));
    table.render(publicips);
  } catch (error) {
    live($("table-error"), () => describe(error));
  }
}

await refresh();
setInterval(refresh, 1000);
document.body.dataset.ready = "true";
