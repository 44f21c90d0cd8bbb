//! Failures as handed to JS: a plain object with the fields of `EipError` (API.md), which the
//! package's JS entry turns into an `EipError` instance. Secrets known to the client are
//! redacted from every message.

use crate::to_js;
use crate::transport::DispatchError;
use crate::validators::{JsIssue, js_issues};
use eipkit_core::error::{is_retryable, redact, shorten};
use eipkit_core::{Error, ErrorKind, Issue, Locale};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Failure<'a> {
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
}

/// Values no failure may show: the credentials, and every token a provider has handed over
/// (learned during a call, so failures read them when they are made).
#[derive(Default)]
pub struct Secrets(RefCell<Vec<String>>);

/// Provider tokens remembered for redaction (they rotate; a few recent ones suffice).
const RECENT_TOKENS: usize = 8;

impl Secrets {
    pub fn new(values: impl IntoIterator<Item = String>) -> Secrets {
        Secrets(RefCell::new(values.into_iter().collect()))
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

    fn redact(&self, text: &str) -> String {
        let values = self.0.borrow();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        redact(text, &refs)
    }
}

/// What a failure needs to be told: the operation, the locale of messages, whether the request
/// was safe to repeat, and the secrets to keep out.
pub struct Context<'a> {
    pub operation: &'a str,
    pub locale: Locale,
    pub safe_to_repeat: bool,
    pub secrets: Option<&'a Secrets>,
}

impl Context<'_> {
    /// Secrets out (and any echoed signature), then shortened for display: in that order, so
    /// a long token cannot be cut in half and escape.
    fn scrub(&self, text: &str) -> String {
        let redacted = match self.secrets {
            Some(secrets) => secrets.redact(text),
            None => redact(text, &[]),
        };
        shorten(&redacted)
    }

    pub fn error(&self, error: &Error) -> JsValue {
        match error {
            Error::Validation(issues) => self.validation(issues),
            Error::Service(e) => {
                self.failure(ErrorKind::Api, e.message.clone(), Some(e.status), e.code.clone(), e.request_id.clone())
            }
            Error::Response(e) => {
                self.failure(ErrorKind::Response, e.message.clone(), Some(e.status), None, e.request_id.clone())
            }
            other => self.failure(
                other.kind(),
                other.message(self.locale),
                other.status(),
                other.code().map(str::to_owned),
                other.request_id().map(str::to_owned),
            ),
        }
    }

    pub fn dispatch(&self, error: &DispatchError) -> JsValue {
        match error {
            DispatchError::Network(message) => {
                self.failure(ErrorKind::Network, format!("the request could not be sent: {message}"), None, None, None)
            }
            DispatchError::Timeout(ms) => {
                self.failure(ErrorKind::Timeout, format!("no answer within {ms} ms"), None, None, None)
            }
            DispatchError::Aborted => {
                self.failure(ErrorKind::Aborted, "the call was aborted".to_owned(), None, None, None)
            }
        }
    }

    pub fn validation(&self, issues: &[Issue]) -> JsValue {
        let errors: Vec<&Issue> = issues.iter().filter(|i| i.is_error()).collect();
        let first = errors.first().map(|i| i.message(self.locale)).unwrap_or_default();
        let message = match errors.len() {
            0 | 1 => first,
            n => format!("{first} (+{} more)", n - 1),
        };
        to_js(&Failure {
            marker: true,
            kind: ErrorKind::Validation.as_str(),
            message: self.scrub(&message),
            operation: self.operation,
            status: None,
            code: None,
            request_id: None,
            issues: Some(js_issues(issues, self.locale)),
            retryable: false,
        })
    }

    /// A failure the library decides (a status that will not come, a wait that ran out).
    pub fn custom(&self, kind: ErrorKind, message: String, code: Option<String>) -> JsValue {
        self.failure(kind, message, None, code, None)
    }

    fn failure(
        &self,
        kind: ErrorKind,
        message: String,
        status: Option<u16>,
        code: Option<String>,
        request_id: Option<String>,
    ) -> JsValue {
        to_js(&Failure {
            marker: true,
            kind: kind.as_str(),
            message: self.scrub(&message),
            operation: self.operation,
            status,
            code: code.map(|c| self.scrub(&c)),
            request_id: request_id.map(|r| self.scrub(&r)),
            issues: None,
            retryable: is_retryable(kind, status, self.safe_to_repeat),
        })
    }
}
