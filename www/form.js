// The create form. Every limit, allowed value and step comes from eipkit's `fieldRules`, every
// message from its validators: the page re-implements no rule.
import { fieldRules, regions, validateCreatePublicip, validateCreatePrepaidPublicip } from "/eipkit/pkg/eipkit.bundle.js";
import { t, getLocale, live } from "./i18n.js";

const RULES = new Map(fieldRules("createPrepaidPublicip").map((rule) => [rule.path, rule]));
const REGIONS = regions();

const $ = (id) => document.getElementById(id);
const control = (path) => $(`f-${path}`);

export class CreateForm {
  #form = $("create-form");
  #touched = new Set();
  #showAll = false;
  /** The status line holds this form's "fix the errors" note (and nothing else's message). */
  #statusIsOurs = false;
  #region;
  /** The fields that conditions make required now. */
  #required = new Set();

  constructor({ region, onSubmit }) {
    this.#region = region;
    for (const field of this.#fields()) this.#decorate(field);
    this.#form.addEventListener("input", (event) => this.#edited(event));
    this.#form.addEventListener("change", (event) => this.#edited(event));
    this.#form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#showAll = true;
      const result = this.validate();
      if (result.ok) {
        onSubmit({ serverId: $("server").value, create: this.body() });
      } else {
        this.#statusIsOurs = true;
        this.#summarise(result);
        this.#form.querySelector("[aria-invalid=true]")?.focus();
      }
    });
    this.relabel();
  }

  get prepaid() {
    return this.#form.elements.billing.value === "prePaid";
  }

  set region(region) {
    this.#region = region;
    this.#fillTypes();
    this.validate();
  }

  /** Re-renders everything that depends on the language. */
  relabel() {
    for (const path of ["bandwidth.share_type", "bandwidth.charge_mode", "publicip.ip_version", "extendParam.period_type"]) {
      this.#fillChoices(path, RULES.get(path).allowed);
    }
    this.#fillTypes();
    this.#applyConditions();
    for (const field of this.#fields()) this.#hint(field);
    this.validate();
  }

  /** The body as the user has filled it, in the service's own JSON. */
  body() {
    const body = {};
    for (const field of this.#fields()) {
      if (!this.#visible(field)) continue;
      const value = this.#value(field);
      if (value !== undefined) set(body, field.dataset.path, value);
    }
    if (this.prepaid) set(body, "extendParam.charge_mode", "prePaid");
    return body;
  }

  /** The status line's note: how many fields have an error (kept up to date as they are fixed). */
  #summarise(result) {
    const count = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.path)).size;
    live($("form-status"), () => t("fixErrors", count));
  }

  /**
   * Validates with eipkit and shows each issue next to its field: its short form (the field's
   * label names it), with the whole sentence as the tooltip. Issues with no field shown are
   * listed under the form in full.
   */
  validate() {
    const validate = this.prepaid ? validateCreatePrepaidPublicip : validateCreatePublicip;
    const result = validate(this.body(), { locale: getLocale(), region: this.#region });
    const byPath = new Map();
    for (const issue of result.issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
    const elsewhere = [];
    for (const [path, issues] of byPath) if (!$(`f-${path}`) || !this.#visible($(`f-${path}`).closest(".field"))) elsewhere.push(...issues);
    for (const field of this.#fields()) {
      const path = field.dataset.path;
      const shown = this.#showAll || this.#touched.has(path) ? byPath.get(path) ?? [] : [];
      const message = $(`m-${path}`);
      message.textContent = shown.map((i) => i.short).join(" ");
      if (shown.length) message.title = shown.map((i) => i.message).join("\n");
      else message.removeAttribute("title");
      message.className = `message ${shown.some((i) => i.severity === "error") ? "error" : shown.length ? "warning" : ""}`;
      control(path).setAttribute("aria-invalid", String(shown.some((i) => i.severity === "error")));
    }
    $("body-messages").textContent = this.#showAll ? elsewhere.map((i) => i.message).join(" ") : "";
    if (result.ok && this.#statusIsOurs) {
      live($("form-status"), () => "");
      this.#statusIsOurs = false;
    } else if (this.#statusIsOurs) {
      this.#summarise(result);
    }
    return result;
  }

  setBusy(busy) {
    $("submit").disabled = busy;
    $("cancel").hidden = !busy;
  }

  #fields() {
    return [...this.#form.querySelectorAll(".field[data-path]")];
  }

  #visible(field) {
    if (field.closest("fieldset")?.hidden || field.hidden) return false;
    return true;
  }

  #value(field) {
    const input = control(field.dataset.path);
    const rule = RULES.get(field.dataset.path);
    if (rule.kind === "boolean") return input.checked;
    if (input.value === "") return undefined;
    if (rule.kind === "integer") return Number(input.value);
    if (rule.kind === "choice" && typeof rule.allowed[0] === "number") return Number(input.value);
    return input.value;
  }

  #edited(event) {
    const field = event.target.closest(".field[data-path]");
    if (field) this.#touched.add(field.dataset.path);
    if (event.target.name === "billing") $("prepaid-fields").hidden = !this.prepaid;
    this.#applyConditions();
    for (const f of this.#fields()) this.#hint(f);
    this.validate();
  }

  /** Every field's value by path, shown or not: what the cross-field conditions look at. */
  #values() {
    const values = new Map();
    for (const field of this.#fields()) {
      const value = this.#value(field);
      if (value !== undefined) values.set(field.dataset.path, value);
    }
    if (this.prepaid) values.set("extendParam.charge_mode", "prePaid");
    return values;
  }

  /**
   * Shows, hides and requires fields by the rules' own conditions (`fieldRules`): a field is
   * required when a `required_if` condition holds, and hidden when an `ignored` one does. A
   * field the form requires counts as given, so choosing "shared" hides the name and size at
   * once, before the shared bandwidth's id is typed.
   */
  #applyConditions() {
    const values = this.#values();
    const holds = (tests, given) =>
      tests.every(({ field, value }) =>
        value === undefined ? given(field) : String(values.get(field) ?? RULES.get(field)?.default) === value,
      );
    const applies = (condition, given) =>
      holds(condition.when, given) && !(condition.unless && holds(condition.unless, given));
    const withCode = (path, code) => (RULES.get(path).conditions ?? []).filter((c) => c.code === code);
    const required = new Set();
    for (const path of RULES.keys()) {
      if (withCode(path, "required_if").some((c) => applies(c, (f) => values.has(f)))) required.add(path);
    }
    for (const field of this.#fields()) {
      const path = field.dataset.path;
      field.hidden = withCode(path, "ignored").some((c) => applies(c, (f) => values.has(f) || required.has(f)));
      control(path).required = RULES.get(path).required || required.has(path);
    }
    const changed = [...required].filter((p) => !this.#required.has(p)).concat([...this.#required].filter((p) => !required.has(p)));
    this.#required = required;
    for (const path of changed) if (RULES.get(path).kind === "choice") this.#fillChoices(path, RULES.get(path).allowed);
  }

  /** Limits as input attributes, a hint, and a live message slot, all from the rule. */
  #decorate(field) {
    const path = field.dataset.path;
    const rule = RULES.get(path);
    const input = control(path);
    if (rule.maxLength !== undefined && rule.kind === "text") input.maxLength = rule.maxLength;
    if (rule.required) input.required = true;
    const hint = Object.assign(document.createElement("p"), { id: `h-${path}`, className: "hint" });
    const message = Object.assign(document.createElement("p"), { id: `m-${path}`, className: "message" });
    message.setAttribute("aria-live", "polite");
    field.append(hint, message);
    input.setAttribute("aria-describedby", `h-${path} m-${path}`);
  }

  #hint(field) {
    const rule = RULES.get(field.dataset.path);
    const input = control(field.dataset.path);
    let text = "";
    if (rule.kind === "text" && rule.maxLength !== undefined) text = t("lengthHint", rule.minLength, rule.maxLength);
    if (rule.kind === "integer") {
      let [min, max] = [rule.min, rule.max];
      // A range that depends on other fields (months 1–9, years 1–3).
      const values = this.#values();
      for (const c of rule.conditions ?? []) {
        if (c.code === "range" && c.when.every(({ field, value }) => String(values.get(field) ?? RULES.get(field)?.default) === value)) [min, max] = [c.min, c.max];
      }
      input.min = min;
      input.max = max;
      text = t("range", min, max);
      if (rule.steps) {
        const value = Number(input.value);
        input.step = (rule.steps.find((band) => value <= band.upTo) ?? rule.steps[0]).step;
        text += " · " + t("sizeHint", rule.steps.map((band) => [band.step, band.upTo]));
      }
    }
    $(`h-${field.dataset.path}`).textContent = text;
  }

  #fillChoices(path, allowed) {
    const select = control(path);
    const previous = select.value;
    const rule = RULES.get(path);
    // A required choice has no "default" option.
    const required = rule.required || this.#required.has(path);
    const options = [...(required ? [] : [["", t("default")]]), ...allowed.map((v) => [String(v), t(`opt.${v}`)])];
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    if (options.some(([value]) => value === previous)) select.value = previous;
  }

  /** The line types the chosen region offers (all documented ones without a region). */
  #fillTypes() {
    const region = REGIONS.find((r) => r.id === this.#region);
    const allowed = RULES.get("publicip.type").allowed.filter((type) => !region || region.eipTypes.includes(type));
    this.#fillChoices("publicip.type", allowed);
  }
}

/** Sets a dotted path in a nested object. */
function set(object, path, value) {
  const keys = path.split(".");
  let target = object;
  for (const key of keys.slice(0, -1)) target = target[key] ??= {};
  target[keys.at(-1)] = value;
}

export { REGIONS };
