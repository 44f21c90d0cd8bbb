// The demo console in real headless Chromium, against the emulator: live validation messages
// at the right fields in both languages, the walkthrough's progress, the EIP table's actions,
// under the page's strict Content-Security-Policy. Screenshots go to artifacts/e2e/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launchChromium } from "../chromium.mjs";
import { startConsole } from "../../www/serve.mjs";

const ARTIFACTS = new URL("../../artifacts/e2e/", import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage: true });

let demo, browser, page;
const problems = [];

before(async () => {
  demo = await startConsole({ port: 0, emulatorPort: 0, transitionMs: 150 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  // Runs before the page's scripts (through the DevTools protocol, so the CSP does not apply to it).
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
  });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

const field = (path) => page.locator(`[id="f-${path}"]`);
const message = (path) => page.locator(`[id="m-${path}"]`);

test("the page is served under a strict CSP and loads eipkit through it", async () => {
  const response = await page.goto(demo.url);
  const csp = response.headers()["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  await page.locator("body[data-ready=true]").waitFor();
});

test("every control has a label", async () => {
  const unlabelled = await page.$$eval("input, select", (controls) =>
    controls.filter((c) => c.labels.length === 0 && !c.getAttribute("aria-label") && !c.closest("[role=radiogroup]")).map((c) => c.id));
  assert.deepEqual(unlabelled, []);
});

test("limits come from the library", async () => {
  assert.equal(await field("bandwidth.size").getAttribute("max"), "2000");
  assert.equal(await field("publicip.alias").getAttribute("maxlength"), "64");
  await page.locator("#region").selectOption("ap-southeast-1"); // Hong Kong offers 5_bgp only
  assert.deepEqual(await field("publicip.type").locator("option").evaluateAll((o) => o.map((x) => x.value)), ["5_bgp"]);
  await page.locator("#region").selectOption("cn-north-4");
  assert.deepEqual(await field("publicip.type").locator("option").evaluateAll((o) => o.map((x) => x.value)), ["5_bgp", "5_sbgp"]);
});

test("fields are shown, hidden and required by the rules' own conditions (fieldRules), not by the page", async () => {
  const shown = (path) => page.locator(`.field[data-path="${path}"]`).isVisible();
  assert.deepEqual([await shown("bandwidth.name"), await shown("bandwidth.size"), await shown("bandwidth.id")], [true, true, false], "PER: name and size");
  await field("bandwidth.share_type").selectOption("WHOLE");
  assert.deepEqual([await shown("bandwidth.name"), await shown("bandwidth.size"), await shown("bandwidth.id")], [false, false, true], "WHOLE: the shared bandwidth's id");
  assert.equal(await field("bandwidth.id").evaluate((input) => input.required), true, "required when shared");
  await field("bandwidth.share_type").selectOption("PER");
  assert.equal(await shown("bandwidth.id"), false);
  const periodOptions = () => field("extendParam.period_type").locator("option").evaluateAll((o) => o.map((x) => x.value));
  assert.ok((await periodOptions()).includes(""), "pay per use: the period has a default option");
  await page.locator("input[name=billing][value=prePaid]").check();
  assert.deepEqual(await periodOptions(), ["month", "year"], "prepaid: the period is required, so no default option");
  await page.locator("input[name=billing][value=postPaid]").check();
});

test("invalid values show the library's messages at their fields, in English and Chinese", async () => {
  await field("bandwidth.size").fill("2001");
  await field("publicip.alias").fill("bad alias!");
  await page.locator("input[name=billing][value=prePaid]").check();
  await field("extendParam.period_type").selectOption("year");
  await field("extendParam.period_num").fill("5");
  await assert.doesNotReject(message("bandwidth.size").filter({ hasText: "bandwidth.size must be between 1 and 2000." }).waitFor());
  assert.match(await message("publicip.alias").textContent(), /may contain only digits, letters, Chinese characters/);
  assert.equal(await message("extendParam.period_num").textContent(), "extendParam.period_num must be between 1 and 3 when extendParam.period_type is \"year\".");
  assert.equal(await field("extendParam.period_num").getAttribute("max"), "3", "the input's own limit follows the period type");
  assert.equal(await field("bandwidth.size").getAttribute("aria-invalid"), "true");
  assert.equal(await message("bandwidth.name").textContent(), "", "untouched fields stay quiet");
  await page.locator("#locale").selectOption("zh-CN");
  assert.equal(await message("bandwidth.size").textContent(), "bandwidth.size 必须在 1 到 2000 之间。");
  assert.match(await message("publicip.alias").textContent(), /只能包含数字、字母、中文/);
  assert.equal(await page.locator("#create-heading").textContent(), "申请弹性公网IP并绑定到云服务器");
  await shot(page, "form-errors-zh.png");
  await page.locator("#locale").selectOption("en");
  await shot(page, "form-errors-en.png");
});

test("fixed values submit; the walkthrough's progress shows live; the EIP reaches ACTIVE", async () => {
  await page.locator("input[name=billing][value=postPaid]").check();
  await field("bandwidth.size").fill("5");
  await field("publicip.alias").fill("web-eip");
  await field("bandwidth.name").fill("web-bw");
  await page.locator("#server").selectOption({ label: "web-01" });
  assert.equal(await message("bandwidth.size").textContent(), "");
  await page.locator("#submit").focus();
  await page.keyboard.press("Enter"); // usable with the keyboard
  await page.locator("#step-done.done").waitFor({ timeout: 15_000 });
  const steps = await page.locator("#progress li").evaluateAll((items) => items.map((i) => [i.id, i.className]));
  assert.deepEqual(steps.map(([id]) => id), ["step-listPorts", "step-choosePort", "step-create", "step-waitCreated", "step-bind", "step-waitBound", "step-done"]);
  assert.ok(steps.every(([, state]) => state === "step done"));
  assert.match(await page.locator("#form-status").textContent(), /is bound and ACTIVE/);
  const row = page.locator("#eips tbody tr").filter({ hasText: "web-eip" });
  await row.locator(".status-ACTIVE").waitFor();
  assert.match(await row.textContent(), /web-01/);
  await shot(page, "walkthrough-done.png");
});

test("unbind, then delete, from the table", async () => {
  const row = page.locator("#eips tbody tr").filter({ hasText: "web-eip" });
  await row.getByRole("button", { name: /^Unbind/ }).click();
  await row.locator(".status-DOWN").waitFor({ timeout: 5_000 });
  await row.getByRole("button", { name: /^Delete/ }).click();
  await row.waitFor({ state: "detached", timeout: 5_000 });
  await page.locator("#eips-empty").waitFor();
});

test("a service error is shown readably", async () => {
  await field("bandwidth.size").fill("5");
  await page.locator("#server").selectOption({ label: "batch-01" }); // a server without a port
  await page.locator("#submit").click();
  await page.locator("#step-choosePort.failed").waitFor({ timeout: 5_000 });
  assert.match(await page.locator("#form-status").textContent(), /serverId "[0-9a-f-]+" has no port/);
});

test("nothing broke the CSP or threw", async () => {
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});
