// The Standard Schemas type as StandardSchemaV1 (eipkit's own declaration and the spec's
// package, @standard-schema/spec, alike), infer the body types, and are accepted by real
// consumers' types: Hono's sValidator and @tanstack/form-core's FormApi.
import type { StandardSchemaV1 as SpecSchema } from "@standard-schema/spec";
import { FormApi } from "@tanstack/form-core";
import { sValidator } from "@hono/standard-validator";
import { Hono } from "hono";
import {
  createPrepaidPublicipSchema,
  createPublicipSchema,
  updatePublicipSchema,
  type BodySchemaResult,
  type CreatePrepaidPublicipBody,
  type CreatePublicipBody,
  type IssueCode,
  type StandardIssue,
  type StandardSchemaV1,
  type UpdatePublicipBody,
} from "eipkit";

// Assignable to the interface, both as eipkit declares it and as the spec's package does.
const own: StandardSchemaV1<unknown, CreatePublicipBody> = createPublicipSchema;
const spec: SpecSchema<unknown, CreatePublicipBody> = createPublicipSchema;
const prepaid: SpecSchema<unknown, CreatePrepaidPublicipBody> = createPrepaidPublicipSchema;
const update: SpecSchema<unknown, UpdatePublicipBody> = updatePublicipSchema.with({ locale: "zh-CN" });
void [own, spec, prepaid, update];

// The body types are inferred.
type Body = SpecSchema.InferOutput<typeof createPublicipSchema>;
const inferred: Body = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
const sameAsOwn: StandardSchemaV1.InferOutput<typeof updatePublicipSchema> = { publicip: { port_id: "" } };
// @ts-expect-error: the inferred type is the body's, so a misspelt field does not compile
const misspelt: Body = { publicip: { type: "5_bgp" }, bandwith: { share_type: "PER" } };
void [inferred, sameAsOwn, misspelt];

// validate is synchronous: the result is used at once, narrowed by `issues`.
const result: BodySchemaResult<CreatePublicipBody> = createPublicipSchema["~standard"].validate({});
if (result.issues) {
  const first: StandardIssue | undefined = result.issues[0];
  const code: IssueCode | undefined = first?.code;
  const keys: PropertyKey[] | undefined = first?.path;
  console.log(first?.message, first?.short, first?.severity === "error", code, keys, first?.params.min);
} else {
  const body: CreatePublicipBody = result.value;
  console.log(body.bandwidth.share_type);
}
// @ts-expect-error: not a locale
createPublicipSchema.with({ locale: "fr" });
const vendor: "eipkit" = createPublicipSchema["~standard"].vendor;
void vendor;

// Hono: the validated JSON is typed as the body.
const app = new Hono().post("/publicips", sValidator("json", createPublicipSchema), (c) => {
  const body: CreatePublicipBody = c.req.valid("json");
  return c.json({ type: body.publicip.type });
});
void app;

// @tanstack/form-core: a form-level schema over the body's values.
const form = new FormApi({
  defaultValues: { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } } as CreatePublicipBody,
  validators: { onChange: createPublicipSchema },
});
void form;
const otherForm = new FormApi({
  defaultValues: { name: "x" },
  // @ts-expect-error: the schema is over another shape than the form's values
  validators: { onChange: createPublicipSchema },
});
void otherForm;
