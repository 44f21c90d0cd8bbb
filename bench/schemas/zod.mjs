// eipkit's rules written as zod v4 schemas, for the validation benchmark only. They follow
// the API reference pages ([000], [003], [004]) and docs/decisions.md as far as zod can say
// them; see bench/README.md ("What the comparison schemas cannot express") for what they
// leave out.
//
// - `null` counts as absent (eipkit: "null is absent"): optional fields are `.nullish()`.
// - Lengths count characters (code points), not UTF-16 units: zod's `.min()/.max()` count units,
//   so free-form strings use a `u`-flag regex; the name charset is all BMP, where the two agree.
// - Cross-field rules (PER needs name and size, WHOLE needs id, prePaid needs a period unless
//   the EIP joins a shared bandwidth, years 1-3, port_id excludes ip_version) are `superRefine`s:
//   code, not schema. zod skips them when a field inside already failed with a type error.
import * as z from "zod";

export const EIP_TYPES = ["5_bgp", "5_sbgp", "5_telcom", "5_union"];
const NAME_CHARSET = /^[0-9A-Za-z\u4e00-\u9fa5_.-]*$/;
const UUID_OR_ZERO = /^(?:0|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;

const given = (value) => value !== undefined && value !== null;
/** A string of `min`..`max` characters (code points). */
const chars = (min, max) =>
  z.string().regex(new RegExp(`^[\\s\\S]{${min},${max}}$`, "u"), { message: `must be ${min} to ${max} characters long` });
const name = z
  .string()
  .min(1)
  .max(64)
  .regex(NAME_CHARSET, { message: 'may contain only digits, letters, Chinese characters, "_", "-" and "."' });
/** 1 to 300 in steps of 1, 301 to 1000 in steps of 50, above in steps of 500. */
const onStep = (n) => n <= 300 || (n <= 1000 ? n % 50 === 0 : n % 500 === 0);
const size = z
  .number()
  .int()
  .min(1)
  .max(2000)
  .refine(onStep, { message: "must be a multiple of 50 from 300 to 1000 and of 500 above" });

const publicipCreate = z.strictObject({
  type: z.enum(EIP_TYPES),
  ip_version: z.literal([4, 6, ""]).nullish(),
  alias: name.nullish(),
  port_id: chars(36, 36).nullish(),
});

const bandwidth = z
  .strictObject({
    share_type: z.enum(["PER", "WHOLE"]),
    id: chars(1, 36).nullish(),
    name: name.nullish(),
    size: size.nullish(),
    charge_mode: z.enum(["bandwidth", "traffic", ""]).nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.share_type === "PER") {
      for (const key of ["name", "size"]) {
        if (!given(b[key])) ctx.addIssue({ code: "custom", path: [key], message: `bandwidth.${key} is required when bandwidth.share_type is "PER"` });
      }
    } else if (b.share_type === "WHOLE" && !given(b.id)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: 'bandwidth.id is required when bandwidth.share_type is "WHOLE"' });
    }
  });

const enterpriseProjectId = z.string().regex(UUID_OR_ZERO, { message: 'must be a UUID or "0"' }).nullish();

const extendParam = z.strictObject({
  charge_mode: z.enum(["prePaid", "postPaid"]).nullish(),
  period_type: z.enum(["month", "year"]).nullish(),
  period_num: z.number().int().min(1).max(9).nullish(),
  is_auto_renew: z.boolean().nullish(),
  is_auto_pay: z.boolean().nullish(),
});

export const createPublicip = z.strictObject({
  publicip: publicipCreate,
  bandwidth,
  enterprise_project_id: enterpriseProjectId,
});

export const createPrepaidPublicip = z
  .strictObject({
    publicip: publicipCreate,
    bandwidth,
    extendParam: extendParam.nullish(),
    enterprise_project_id: enterpriseProjectId,
  })
  .superRefine((body, ctx) => {
    const billing = body.extendParam;
    if (!billing || billing.charge_mode !== "prePaid") return;
    const joinsShared = body.bandwidth?.share_type === "WHOLE" && given(body.bandwidth.id);
    if (!joinsShared) {
      for (const key of ["period_type", "period_num"]) {
        if (!given(billing[key])) {
          ctx.addIssue({ code: "custom", path: ["extendParam", key], message: `extendParam.${key} is required when extendParam.charge_mode is "prePaid"` });
        }
      }
    }
    if (billing.period_type === "year" && typeof billing.period_num === "number" && billing.period_num > 3) {
      ctx.addIssue({ code: "custom", path: ["extendParam", "period_num"], message: 'extendParam.period_num must be between 1 and 3 when extendParam.period_type is "year"' });
    }
  });

export const updatePublicip = z.strictObject({
  publicip: z
    .strictObject({
      port_id: z.union([z.literal(""), chars(36, 36)]).nullish(),
      ip_version: z.literal([4, 6]).nullish(),
    })
    .superRefine((p, ctx) => {
      if (given(p.port_id) && given(p.ip_version)) {
        ctx.addIssue({ code: "custom", path: ["ip_version"], message: "publicip.port_id and publicip.ip_version cannot be given together" });
      }
    }),
});

export const schemas = { create: createPublicip, createPrepaid: createPrepaidPublicip, update: updatePublicip };

/** zod's ahead-of-time compiled fast path (`z.compile`, zod >= 4.4); falls back to the runtime on failure. */
export const compiledSchemas = Object.fromEntries(Object.entries(schemas).map(([op, schema]) => [op, z.compile(schema)]));
