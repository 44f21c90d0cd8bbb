// The console: an EipClient pointed at the worker, holding only the session header. Every call
// goes to the worker's origin; the worker holds the cloud credentials.
import { init, EipClient } from "eipkit";

const form = document.getElementById("form");
const out = document.getElementById("out");
// Fields may be filled from the query string (?worker=...&session=...).
for (const [name, value] of new URLSearchParams(location.search)) if (form.elements[name]) form.elements[name].value = value;

const say = (line) => (out.textContent += `${line}\n`);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { worker, project, server, session } = Object.fromEntries(new FormData(form));
  out.textContent = "";
  delete out.dataset.state;
  const steps = [];
  try {
    await init();
    const client = new EipClient({ endpoint: worker, projectId: project, auth: { headers: { "X-Console-Session": session } } });
    const { ports } = await client.listPorts({ device_id: server });
    steps.push(["listPorts", ports.map((p) => p.id)]);
    say(`ports of ${server}: ${ports.map((p) => p.id).join(", ")}`);
    const { publicip } = await client.createPublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "console-bw", size: 5 } });
    steps.push(["createPublicip", publicip.status]);
    say(`created ${publicip.id} (${publicip.status})`);
    await client.waitForPublicip(publicip.id, { until: ["DOWN"], intervalMs: 200 });
    const bound = await client.bindPublicip(publicip.id, ports[0].id);
    steps.push(["bindPublicip", bound.publicip.port_id]);
    const active = await client.waitForPublicip(publicip.id, { until: ["ACTIVE"], intervalMs: 200 });
    const shown = await client.showPublicip(publicip.id);
    steps.push(["showPublicip", shown.publicip.status, shown.publicip.port_id]);
    say(`bound ${active.publicip.public_ip_address} to ${shown.publicip.port_id} (${shown.publicip.status})`);
    await client.unbindPublicip(publicip.id);
    const down = await client.waitForPublicip(publicip.id, { until: ["DOWN"], intervalMs: 200 });
    steps.push(["unbindPublicip", down.publicip.status, down.publicip.port_id ?? null]);
    say(`unbound (${down.publicip.status})`);
    await client.deletePublicip(publicip.id);
    steps.push(["deletePublicip"]);
    say("deleted");
    out.dataset.result = JSON.stringify({ steps });
    out.dataset.state = "done";
  } catch (error) {
    say(`${error.name}: ${error.message}`);
    out.dataset.result = JSON.stringify({ steps, error: { name: error.name, kind: error.kind ?? null, status: error.status ?? null, code: error.code ?? null } });
    out.dataset.state = "failed";
  }
});
