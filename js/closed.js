// Generated from the core's closed sets (core/src/closed.rs) by core/src/typescript.rs:
// EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript. Do not edit.

/** What kind of failure an `EipError` is. */
export const ERROR_KINDS = ["validation", "api", "network", "timeout", "aborted", "response"];

/** The stable codes of validation issues. */
export const ISSUE_CODES = ["required", "required_if", "type", "unknown_field", "length", "charset", "enum", "range", "step", "conflict", "format", "region", "ignored", "not_found", "unavailable"];

/** The message of an `unavailable` issue, by locale (core/src/message/). */
export const UNAVAILABLE = { "en": "eipkit is not initialised: await init() before validating.", "zh-CN": "eipkit 尚未初始化：请先 await init() 再校验。" };
