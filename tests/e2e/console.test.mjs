// The demo console in real headless Chromium, against the emulator: live validation messages
// (their short forms) at the right fields in both languages, no English left in 简体中文, the walkthrough's progress, the EIP table's actions,
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
/** Every URL the page asked for. */
const requested = [];

before(async () => {
  demo = await startConsole({ port: 0, emulatorPort: 0, transitionMs: 150 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("request", (r) => requested.push(r.url()));
  // Runs before the page's scripts (through the DevTools protocol, so the CSP does not apply to it).
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
  });
});

after(async () => {
  // The page talked to its own origin only (its API is the proxy under /api), never the cloud.
  assert.ok(requested.length > 0);
  for (const url of requested) assert.ok(url.startsWith(demo.url), `the page asked ${url}`);
  assert.ok(requested.some((url) => url.includes("/api/v1/")), "through the proxy");
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

test("the page holds no cloud credential: its config has a session, and the proxy signs upstream", async () => {
  const config = await (await fetch(new URL("config.json", demo.url))).json();
  assert.equal(config.endpoint, new URL("api", demo.url).href);
  assert.equal(typeof config.session, "string");
  assert.doesNotMatch(JSON.stringify(config), /TESTAK|testsecretkey|"auth"/);
  const refused = await fetch(new URL(`api/v1/${config.projectId}/ports`, demo.url));
  assert.equal(refused.status, 401, "no session, no answer");
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

test("invalid values show the library's short messages at their fields, the whole sentence as the tooltip, in English and Chinese", async () => {
  await field("bandwidth.size").fill("2001");
  await field("publicip.alias").fill("bad alias!");
  await page.locator("input[name=billing][value=prePaid]").check();
  await field("extendParam.period_type").selectOption("year");
  await field("extendParam.period_num").fill("5");
  await assert.doesNotReject(message("bandwidth.size").filter({ hasText: "Must be between 1 and 2000." }).waitFor());
  assert.equal(await message("bandwidth.size").textContent(), "Must be between 1 and 2000.");
  assert.equal(await message("bandwidth.size").getAttribute("title"), "bandwidth.size must be between 1 and 2000.");
  assert.equal(await message("publicip.alias").textContent(), "May contain only digits, letters, Chinese characters, \"_\", \"-\" and \".\"; it contains U+0020 and \"!\".");
  assert.equal(await message("extendParam.period_num").textContent(), "Must be between 1 and 3 when extendParam.period_type is \"year\".");
  assert.equal(await message("extendParam.period_num").getAttribute("title"), "extendParam.period_num must be between 1 and 3 when extendParam.period_type is \"year\".");
  assert.equal(await field("extendParam.period_num").getAttribute("max"), "3", "the input's own limit follows the period type");
  assert.equal(await field("bandwidth.size").getAttribute("aria-invalid"), "true");
  assert.equal(await message("bandwidth.name").textContent(), "", "untouched fields stay quiet");
  assert.equal(await message("bandwidth.name").getAttribute("title"), null);
  await page.locator("#locale").selectOption("zh-CN");
  assert.equal(await message("bandwidth.size").textContent(), "必须在 1 到 2000 之间。");
  assert.equal(await message("bandwidth.size").getAttribute("title"), "bandwidth.size 必须在 1 到 2000 之间。");
  assert.equal(await message("publicip.alias").textContent(), "只能包含数字、字母、中文、“_”、“-”和“.”，但包含了 U+0020 和 “!”。");
  assert.equal(await message("extendParam.period_num").textContent(), "当 extendParam.period_type 为 \"year\" 时，必须在 1 到 3 之间。");
  assert.equal(await page.locator("#create-heading").textContent(), "申请弹性公网IP并绑定到云服务器");
  await shot(page, "form-errors-zh.png");
  await page.locator("#locale").selectOption("en");
  await shot(page, "form-errors-en.png");
});

test("the summary line counts the fields in error, follows their fixing, and switches language", async () => {
  await page.locator("#submit").click(); // four fields in error (the bandwidth's name is missing): nothing is sent
  const status = page.locator("#form-status");
  assert.equal(await status.textContent(), "4 fields need attention.");
  await page.locator("#locale").selectOption("zh-CN");
  assert.equal(await status.textContent(), "有 4 个字段需要修改。");
  await field("publicip.alias").fill("good-alias");
  assert.equal(await status.textContent(), "有 3 个字段需要修改。");
  await field("extendParam.period_num").fill("2");
  await field("bandwidth.name").fill("web-bw");
  assert.equal(await status.textContent(), "有 1 个字段需要修改。");
  await page.locator("#locale").selectOption("en");
  assert.equal(await status.textContent(), "1 field needs attention.");
  await field("bandwidth.size").fill("5");
  assert.equal(await status.textContent(), "", "cleared once the form is valid");
  assert.equal(await page.locator("#progress li").count(), 0, "no walkthrough was started");
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

/**
 * Every text of the page a person can meet: its text nodes (shown or not yet), the options of
 * its selects, its tooltips, labels for assistive technology and placeholders, and the
 * document's title, each with where it is. The language picker's options are left out: each
 * language is named in itself.
 */
const pageTexts = () =>
  page.evaluate(() => {
    const where = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : ""}`;
    const texts = [["document.title", document.title]];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest("#locale")) continue;
      if (node.textContent.trim()) texts.push([where(parent), node.textContent.trim()]);
    }
    for (const el of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
      for (const name of ["title", "aria-label", "placeholder"]) if (el.getAttribute(name)) texts.push([`${where(el)}[${name}]`, el.getAttribute(name)]);
    }
    return texts;
  });

/** Technical terms written the same way in Chinese. */
const TERMS = new Set(["eipkit", "EIP", "IP", "API", "ID", "BGP", "VPN", "HTTP", "ASCII", "UUID", "URL"]);
/** Values the tests type, shown back in the table. */
const TYPED = ["web-eip", "web-bw"];

/**
 * The English words of a text: what is left once values are taken out (quoted strings, a wire
 * value in brackets such as "（PER）", and ASCII tokens with a digit or one of . _ : / + - @,
 * which are ids, paths, addresses, numbers and units), less the TERMS.
 */
function englishWords(text) {
  let rest = text;
  for (const value of TYPED) rest = rest.split(value).join(" ");
  rest = rest
    .replace(/"[^"]*"|“[^”]*”/g, " ")
    .replace(/[（(][A-Z_]+[）)]/g, " ")
    .replace(/[\x21-\x7e]*[0-9._:/+@-][\x21-\x7e]*/g, " ");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !TERMS.has(word));
}

test("in 简体中文, no text of the page is in English: labels, statuses, progress, the table, tooltips, the title", async () => {
  await page.locator("#locale").selectOption("zh-CN");
  const row = page.locator("#eips tbody tr").filter({ hasText: "web-eip" });
  await row.getByRole("button", { name: /^解绑/ }).waitFor(); // the table is drawn again on its next refresh
  await field("bandwidth.size").fill("2001"); // a message and its tooltip
  const texts = await pageTexts();
  const english = texts.map(([where, text]) => [where, text, englishWords(text)]).filter(([, , words]) => words.length);
  assert.deepEqual(english, [], "English in the Chinese page");
  assert.equal(await page.title(), "eipkit 控制台");
  assert.match(await row.textContent(), /已绑定（ACTIVE）/);
  assert.match(await page.locator("#step-waitBound").textContent(), /^等待绑定完成（ACTIVE）/);
  assert.match(await page.locator("#form-status").textContent(), /^完成：.* 已绑定（ACTIVE）。$/);
  await shot(page, "walkthrough-done-zh.png");

  // The check finds English where there is some: the same page in English.
  await page.locator("#locale").selectOption("en");
  await row.getByRole("button", { name: /^Unbind/ }).waitFor();
  const words = (await pageTexts()).flatMap(([, text]) => englishWords(text));
  assert.ok(words.includes("Bandwidth") && words.includes("Unbind") && words.includes("Must"), words.join(" "));
  await field("bandwidth.size").fill("5");
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
