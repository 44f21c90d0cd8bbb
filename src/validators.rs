//! The synchronous validators: any JS value in, a `ValidationResult` out, never a throw. And
//! the same validation as a Standard Schema result, for js/validators.js's schemas.

use crate::snapshot::{Snapshot, SnapshotNode};
use crate::to_js;
use eipkit_core::node::{Node, Shape};
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

/// A Standard Schema issue (js/index.d.ts, `StandardIssue`): errors only, the path as keys.
#[derive(Serialize)]
struct StandardIssue<'a> {
    message: String,
    short: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    path: Vec<&'a str>,
    code: IssueCode,
    severity: Severity,
    params: &'a Params,
}

/// `{ value }` (the normalised body) or `{ issues }`.
#[derive(Serialize)]
#[serde(untagged)]
enum StandardResult<'a> {
    Value { value: &'a serde_json::Value },
    Issues { issues: Vec<StandardIssue<'a>> },
}

/// An issue's dotted path as keys. A known field's key has no ".", an unknown one may: it is
/// looked up in the value itself (descending the longest prefix that is an object there).
fn path_keys<'a>(body: SnapshotNode<'_>, issue: &'a Issue) -> Vec<&'a str> {
    let path = issue.path.as_str();
    if path.is_empty() {
        return Vec::new();
    }
    if issue.code != IssueCode::UnknownField {
        return path.split('.').collect();
    }
    let (mut node, mut rest, mut keys) = (body, path, Vec::new());
    loop {
        if node.member(rest).shape() != Shape::Absent || !rest.contains('.') {
            keys.push(rest);
            return keys;
        }
        let object = rest.match_indices('.').rev().find_map(|(at, _)| {
            let (head, tail) = (rest.get(..at)?, rest.get(at + 1..)?);
            let child = node.member(head);
            (child.shape() == Shape::Object).then_some((head, tail, child))
        });
        let Some((head, tail, child)) = object else {
            // A key shortened in the path (over 100 characters): one key all the same.
            keys.push(rest);
            return keys;
        };
        keys.push(head);
        (node, rest) = (child, tail);
    }
}

/// For js/validators.js's Standard Schemas (not a public export): `operation` is its JS name.
#[wasm_bindgen(js_name = standardValidate)]
pub fn standard_validate(operation: &str, body: JsValue, options: JsValue) -> JsValue {
    let Some(operation) = Operation::from_js_name(operation) else { return JsValue::UNDEFINED };
    let options = ValidateOptions::read(options);
    let snapshot = Snapshot::of(&body);
    let result = validate(operation, &snapshot.node(), &options.options);
    let answer = match result.body() {
        Some(value) => StandardResult::Value { value },
        None => StandardResult::Issues {
            issues: result
                .issues()
                .iter()
                .filter(|i| i.is_error())
                .map(|i| StandardIssue {
                    message: i.message(options.locale),
                    short: i.short(options.locale),
                    path: path_keys(snapshot.node(), i),
                    code: i.code,
                    severity: i.severity,
                    params: &i.params,
                })
                .collect(),
        },
    };
    to_js(&answer)
}
