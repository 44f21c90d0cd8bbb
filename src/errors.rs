//! Failures as handed to JS: the one conversion from the core's [`Failure`] to a plain object
//! with the fields of `EipError`, which the package's JS entry (js/error.js) turns into an
//! `EipError` instance. Secrets known to the client are redacted from every message.

use crate::to_js;
use crate::validators::{JsIssue, js_issues};
use eipkit_core::error::{redact, shorten};
use eipkit_core::machine::Failure;
use eipkit_core::{Issue, Locale};
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFailure<'a> {
    /// Tells the JS entry this object came from eipkit.
    #[serde(rename = "__eipkit")]
    marker: bool,
    kind: &'static str,
    message: String,
    operation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issues: Option<Vec<JsIssue<'a>>>,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cleanup: Option<Value>,
}

/// Values no failure may show: the credentials, and every token a provider has handed over
/// (learned during a call, so failures read them when they are made).
/// Cloning shares the list: a driver and its client see the same secrets.
#[derive(Default, Clone)]
pub struct Secrets(Rc<RefCell<Vec<String>>>);

/// Provider tokens remembered for redaction (they rotate; a few recent ones suffice).
const RECENT_TOKENS: usize = 8;

impl Secrets {
    pub fn new(values: impl IntoIterator<Item = String>) -> Secrets {
        Secrets(Rc::new(RefCell::new(values.into_iter().collect())))
    }

    pub fn add(&self, value: &str) {
        let mut values = self.0.borrow_mut();
        if !values.iter().any(|v| v == value) {
            if values.len() > RECENT_TOKENS {
                values.remove(1);
            }
            values.push(value.to_owned());
        }
    }

    /// Secrets out (and any echoed signature), then shortened for display: in that order, so
    /// a long token cannot be cut in half and escape.
    pub fn scrub(&self, text: &str) -> String {
        let values = self.0.borrow();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        shorten(&redact(text, &refs))
    }
}

/// The `EipError` fields of a failure, in `locale`, with `secrets` kept out.
pub fn failure_to_js(failure: &Failure, locale: Locale, secrets: &Secrets) -> JsValue {
    let scrub = |text: &str| secrets.scrub(text);
    let error = &failure.error;
    to_js(&JsFailure {
        marker: true,
        kind: error.kind().as_str(),
        message: failure.message(locale, &scrub),
        operation: failure.operation(),
        status: error.status(),
        code: error.code().map(scrub),
        request_id: error.request_id().map(scrub),
        issues: error.issues().map(|issues| js_issues(issues, locale)),
        retryable: failure.retryable,
        cleanup: failure.cleanup.as_ref().map(|cleanup| cleanup.to_json(locale, &scrub)),
    })
}

/// Input refused before anything was sent (no secret can be in it).
pub fn validation_error(operation: &'static str, issues: Vec<Issue>, locale: Locale) -> JsValue {
    failure_to_js(&Failure::validation(operation, issues), locale, &Secrets::default())
}
