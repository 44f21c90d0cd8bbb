//! Validation of request bodies against the rule tables in [`crate::schema`]: every issue in
//! one pass, and, when there is no error, the normalised body that the request builders send
//! (known fields only, integers as JSON integers). Validation and normalisation are the same
//! walk, so a body is checked exactly once on its way out.

mod conditions;
pub(crate) mod suggest;
pub(crate) mod walk;

pub use suggest::closest;

/// Reports the keys of an object at `path` that are not in `known`, each with a did-you-mean,
/// bounded as the body validator's are: for callers that read option objects of their own
/// (the wasm binding's camelCase options).
pub fn report_unknown_keys(path: &str, unknown: &[&str], known: &'static [&'static str], issues: &mut Vec<Issue>) {
    let suggest = |key: &str| (closest(key, known).map(str::to_owned), None);
    walk::report_unknown(path, unknown, suggest, issues);
}

use crate::issue::Issue;
use crate::node::Node;
use crate::operation::Operation;
use serde_json::Value;

/// Options that change what is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// A region id (e.g. `cn-north-4`): `publicip.type` must be one the region offers.
    pub region: Option<String>,
}

impl Options {
    pub fn region(region: impl Into<String>) -> Options {
        Options { region: Some(region.into()) }
    }
}

/// The outcome of validating one body.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    operation: Operation,
    issues: Vec<Issue>,
    /// The normalised body; `None` when there is an error.
    body: Option<Value>,
}

impl Validation {
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// No issue of severity error (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.body.is_some()
    }

    /// Every issue, errors and warnings, in the order the body was walked.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The body as it would be sent, when valid.
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }

    /// A body ready for a request builder, or the issues that prevent it.
    pub fn into_checked(self) -> Result<Checked, Vec<Issue>> {
        match self.body {
            Some(body) => Ok(Checked { operation: self.operation, body, warnings: self.issues }),
            None => Err(self.issues),
        }
    }
}

/// A body that passed validation for one operation: the only input the request builders
/// accept, so nothing unchecked is ever sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    operation: Operation,
    body: Value,
    warnings: Vec<Issue>,
}

impl Checked {
    pub fn operation(&self) -> Operation {
        self.operation
    }

    pub fn body(&self) -> &Value {
        &self.body
    }

    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// Validates `input` as the body of `operation`.
pub fn validate<N: Node>(operation: Operation, input: &N, options: &Options) -> Validation {
    let mut walk = walk::Walk::new(operation);
    let body = walk.body(input);
    let mut issues = walk.issues;
    if let Some(body) = &body {
        let facts = conditions::Facts::new(body, &walk.given);
        conditions::check(operation, &facts, options, &mut issues);
    }
    let has_error = issues.iter().any(Issue::is_error);
    Validation { operation, issues, body: if has_error { None } else { body.map(serde_json::Value::Object) } }
}

/// Validates a parsed JSON body.
pub fn validate_json(operation: Operation, body: &Value, options: &Options) -> Validation {
    validate(operation, &Some(body), options)
}
