// eipkit/validate: its exports type as eipkit's, and a misspelt field is still a compile error.
import { init, validateCreatePublicip, fieldRules, regions, createPublicipSchema, EipError } from "eipkit/validate";
import type { CreatePublicipBody, ValidationResult } from "eipkit/validate";

await init();
const body: CreatePublicipBody = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
const result: ValidationResult = validateCreatePublicip(body, { locale: "zh-CN" });
console.log(result.ok, fieldRules("createPublicip")[0]?.path, regions()[0]?.id, new EipError({ kind: "validation", message: "x" }).kind);
const checked = createPublicipSchema["~standard"].validate(body);
if (!("issues" in checked && checked.issues)) console.log(checked.value);
// @ts-expect-error: the client is not in eipkit/validate
import("eipkit/validate").then((m) => m.EipClient);
// @ts-expect-error: not a field
const wrong: CreatePublicipBody = { publicip: { type: "5_bgp", aliass: "x" }, bandwidth: { share_type: "PER" } };
console.log(wrong);
