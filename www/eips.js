// The table of EIPs, refreshed in place (rows keyed by id), so keyboard focus survives updates.
import { t, statusText } from "./i18n.js";

const ACTIONS = {
  DOWN: ["bind", "toIpv6", "delete"],
  ACTIVE: ["unbind"],
};

export class EipTable {
  #body = document.querySelector("#eips tbody");
  #rows = new Map();
  #ports = [];
  #onAction;

  constructor({ onAction }) {
    this.#onAction = onAction;
    this.#body.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const row = button.closest("tr");
      const port = row.querySelector("select")?.value;
      this.#onAction(button.dataset.action, row.dataset.id, port);
    });
  }

  /** `ports`: `{ id, label }` for the bind choice. */
  set ports(ports) {
    this.#ports = ports;
  }

  render(eips) {
    document.getElementById("eips-empty").hidden = eips.length > 0;
    const seen = new Set();
    let previous = null;
    for (const eip of eips) {
      seen.add(eip.id);
      const signature = JSON.stringify([eip, this.#ports, t("bind")]);
      let row = this.#rows.get(eip.id);
      if (!row || row.dataset.signature !== signature) {
        const fresh = this.#row(eip, signature);
        const focused = row?.contains(document.activeElement) ? document.activeElement.dataset.action : null;
        if (row) row.replaceWith(fresh);
        row = fresh;
        this.#rows.set(eip.id, row);
        if (focused) row.querySelector(`[data-action="${focused}"]`)?.focus();
      }
      const inPlace = row.parentNode === this.#body && row.previousElementSibling === previous;
      if (!inPlace) (previous ? previous.after(row) : this.#body.prepend(row));
      previous = row;
    }
    for (const [id, row] of this.#rows) {
      if (!seen.has(id)) {
        row.remove();
        this.#rows.delete(id);
      }
    }
  }

  #row(eip, signature) {
    const row = document.createElement("tr");
    row.dataset.id = eip.id;
    row.dataset.signature = signature;
    const address = [eip.public_ip_address, eip.public_ipv6_address].filter(Boolean).join(" / ");
    const port = this.#ports.find((p) => p.id === eip.port_id);
    const cells = [
      address,
      statusText(eip.status),
      eip.alias ?? "",
      eip.port_id ? (port?.label ?? eip.port_id) : "",
      `${eip.bandwidth_size ?? ""} Mbit/s ${eip.bandwidth_share_type ? t(`opt.${eip.bandwidth_share_type}`) : ""}`,
    ];
    for (const text of cells) row.append(Object.assign(document.createElement("td"), { textContent: text }));
    row.children[1].className = `status status-${eip.status}`;
    const actions = document.createElement("td");
    for (const action of ACTIONS[eip.status] ?? []) {
      if (action === "toIpv6" && eip.ip_version === 6) continue;
      if (action === "bind") {
        const free = this.#ports.filter((p) => !p.taken);
        if (free.length === 0) continue;
        const select = document.createElement("select");
        select.setAttribute("aria-label", t("bindTo"));
        select.append(...free.map((p) => new Option(p.label, p.id)));
        actions.append(select);
      }
      const button = Object.assign(document.createElement("button"), { type: "button", textContent: t(action) });
      button.dataset.action = action;
      button.setAttribute("aria-label", `${t(action)} ${address}`);
      actions.append(button);
    }
    row.append(actions);
    return row;
  }
}
