// Validates a few bodies and prints what a form would show. Run after `npm run build`:
//   node examples/validate.mjs [en|zh-CN]
import { validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip } from "eipkit";

const locale = process.argv[2] ?? "en";
const cases = [
  ["create (v1)", validateCreatePublicip, {
    publicip: { type: "5_bgp", alias: "web server" },
    bandwidth: { share_type: "PER", size: 320 },
  }],
  ["create prepaid (v2.0)", validateCreatePrepaidPublicip, {
    publicip: { type: "5_sbgp" },
    bandwidth: { share_type: "PER", name: "bw-01", size: 10 },
    extendParam: { charge_mode: "prePaid", period_type: "year", period_num: 5 },
  }],
  ["update, the API page's own example", validateUpdatePublicip, JSON.parse('{ "publicip": { "ip_version ": 6 } }')],
];
for (const [name, validate, body] of cases) {
  const { ok, issues } = validate(body, { locale, region: "ap-southeast-1" });
  console.log(`\n${name}: ${ok ? "ok" : "invalid"}`);
  for (const issue of issues) console.log(`  ${issue.severity.padEnd(7)} ${issue.path.padEnd(24)} ${issue.message}`);
}
