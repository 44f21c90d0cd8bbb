//! The synchronous validators: any JS value in, a `ValidationResult` out, never a throw. And
//! the same validation as a Standard Schema result, for js/validators.js's schemas.

use crate::snapshot::{Snapshot, SnapshotNode, valid_result};
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
        // No options (the common call) costs no trip to JS.
        if value.is_undefined() || value.is_null() {
            return ValidateOptions { options: Options::default(), locale: Locale::En };
        }
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
    /// For the Standard Schemas only: the path as keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    keys: Option<Vec<&'a str>>,
    code: IssueCode,
    severity: Severity,
    message: String,
    short: String,
    params: &'a Params,
}

pub(crate) fn js_issue(i: &Issue, locale: Locale) -> JsIssue<'_> {
    JsIssue {
        path: &i.path,
        keys: None,
        code: i.code,
        severity: i.severity,
        message: i.message(locale),
        short: i.short(locale),
        params: &i.params,
    }
}

/// For failures (`EipError.issues`), which only the client makes.
#[cfg(feature = "client")]
pub fn js_issues(issues: &[Issue], locale: Locale) -> Vec<JsIssue<'_>> {
    issues.iter().map(|i| js_issue(i, locale)).collect()
}

#[derive(Serialize)]
pub(crate) struct ValidationResult<'a> {
    pub ok: bool,
    pub issues: Vec<JsIssue<'a>>,
    /// For the Standard Schemas only: the normalised body, when `ok`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a serde_json::Value>,
}

/// Validates; for a Standard Schema (`standard`), only the errors, with their paths as keys,
/// and the normalised body.
fn run(operation: Operation, body: JsValue, options: JsValue, standard: bool) -> JsValue {
    let options = ValidateOptions::read(options);
    let snapshot = Snapshot::of(&body);
    let result = validate(operation, &snapshot.node(), &options.options);
    if !standard && result.is_ok() && result.issues().is_empty() {
        // The common answer, made in JS: no text to write, pass and parse.
        return valid_result();
    }
    let issues = result
        .issues()
        .iter()
        .filter(|i| !standard || i.is_error())
        .map(|i| JsIssue { keys: standard.then(|| path_keys(snapshot.node(), i)), ..js_issue(i, options.locale) })
        .collect();
    to_js(&ValidationResult { ok: result.is_ok(), issues, value: result.body().filter(|_| standard) })
}

/// Validates a body for `POST /v1/{project_id}/publicips` (pay per use).
#[wasm_bindgen(js_name = validateCreatePublicip)]
pub fn validate_create_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::CreatePublicip, body, options, false)
}

/// Validates a body for `POST /v2.0/{project_id}/publicips` (prepaid, with `extendParam`).
#[wasm_bindgen(js_name = validateCreatePrepaidPublicip)]
pub fn validate_create_prepaid_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::CreatePrepaidPublicip, body, options, false)
}

/// Validates a body for `PUT /v1/{project_id}/publicips/{publicip_id}` (bind, unbind, convert).
#[wasm_bindgen(js_name = validateUpdatePublicip)]
pub fn validate_update_publicip(body: JsValue, options: JsValue) -> JsValue {
    run(Operation::UpdatePublicip, body, options, false)
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
    'descend: loop {
        if !matches!(node.member(rest).shape(), Shape::Absent) {
            break;
        }
        let dots: Vec<usize> = rest.bytes().enumerate().filter(|&(_, b)| b == b'.').map(|(at, _)| at).collect();
        for &at in dots.iter().rev() {
            if let (Some(head), Some(tail)) = (rest.get(..at), rest.get(at + 1..)) {
                let child = node.member(head);
                if matches!(child.shape(), Shape::Object) {
                    keys.push(head);
                    (node, rest) = (child, tail);
                    continue 'descend;
                }
            }
        }
        // Not in the value: a key shortened in the path (over 100 characters), one key all the same.
        break;
    }
    keys.push(rest);
    keys
}

/// For js/validators.js's Standard Schemas (not a public export): `operation` is its JS name;
/// `{ ok, issues, value }`, the issues errors only, each with `keys`.
#[wasm_bindgen(js_name = standardValidate)]
pub fn standard_validate(operation: &str, body: JsValue, options: JsValue) -> JsValue {
    match Operation::from_js_name(operation) {
        Some(operation) => run(operation, body, options, true),
        None => JsValue::UNDEFINED,
    }
}
