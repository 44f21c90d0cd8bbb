//! Failures as handed to JS: a plain object with the fields of `EipError` (API.md), which the
//! package's JS entry turns into an `EipError` instance. Secrets known to the client are
//! redacted from every message.

use crate::to_js;
use crate::transport::DispatchError;
use crate::validators::{JsIssue, js_issues};
use eipkit_core::error::{is_retryable, redact};
use eipkit_core::{Error, ErrorKind, Issue, Locale};
use serde::Serialize;
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

/// What a failure needs to be told: the operation, the locale of messages, whether the request
/// was safe to repeat, and the secrets to keep out.
pub struct Context<'a> {
    pub operation: &'a str,
    pub locale: Locale,
    pub safe_to_repeat: bool,
    pub secrets: &'a [&'a str],
}

impl Context<'_> {
    pub fn error(&self, error: &Error) -> JsValue {
        match error {
            Error::Validation(issues) => self.validation(issues),
            Error::Service(e) => {
                self.failure(ErrorKind::Api, e.message.clone(), Some(e.status), e.code.clone(), e.request_id.clone())
            }
            Error::Response(e) => {
                self.failure(ErrorKind::Response, e.message.clone(), Some(e.status), None, e.request_id.clone())
            }
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
            message: redact(&message, self.secrets),
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
            message: redact(&message, self.secrets),
            operation: self.operation,
            status,
            code,
            request_id,
            issues: None,
            retryable: is_retryable(kind, status, self.safe_to_repeat),
        })
    }
}
