//! The synchronous validators: any JS value in, a `ValidationResult` out, never a throw.

use crate::snapshot::Snapshot;
use crate::to_js;
use eipkit_core::{Issue, IssueCode, Locale, Operation, Options, Params, Severity, validate};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `{ region?, locale? }`; anything unreadable or of the wrong type falls back to the default.
pub(crate) struct ValidateOptions {
    pub options: Options,
    pub locale: Locale,
}

impl ValidateOptions {
    pub fn read(value: JsValue) -> ValidateOptions {
        let options = Snapshot::of(&value);
        ValidateOptions {
            options: Options { region: options.text("region") },
            locale: options.text("locale").map_or(Locale::En, |tag| Locale::from_tag(&tag)),
        }
    }
}

#[derive(Serialize)]
pub struct JsIssue<'a> {
    path: &'a str,
    code: IssueCode,
    severity: Severity,
    message: String,
    short: String,
    params: &'a Params,
}

pub fn js_issues(issues: &[Issue], locale: Locale) -> Vec<JsIssue<'_>> {
    issues
        .iter()
        .map(|i| JsIssue {
            path: &i.path,
            code: i.code,
            severity: i.severity,
            message: i.message(locale),
            short: i.short(locale),
            params: &i.params,
        })
        .collect()
}

#[derive(Serialize)]
struct ValidationResult<'a> {
    ok: bool,
    issues: Vec<JsIssue<'a>>,
}

fn run(operation: Operation, body: JsValue, options: JsValue) -> JsValue {
    let options = ValidateOptions::read(options);
    let result = validate(operation, &Snapshot::of(&body).node(), &options.options);
    to_js(&ValidationResult { ok: result.is_ok(), issues: js_issues(result.issues(), options.locale) })
}

/// Validates a body for `POST /v1/{project_id}/publicips` (pay per use).
#[wasm_bindgen(js_name = validateCreatePublicip)]
pub fn validate_create_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::CreatePublicip, body, options)
}

/// Validates a body for `POST /v2.0/{project_id}/publicips` (prepaid, with `extendParam`).
#[wasm_bindgen(js_name = validateCreatePrepaidPublicip)]
pub fn validate_create_prepaid_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::CreatePrepaidPublicip, body, options)
}

/// Validates a body for `PUT /v1/{project_id}/publicips/{publicip_id}` (bind, unbind, convert).
#[wasm_bindgen(js_name = validateUpdatePublicip)]
pub fn validate_update_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::UpdatePublicip, body, options)
}
