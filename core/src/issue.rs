//! What validation reports: issues with a dotted wire path, a stable code, a severity and
//! structured params; the sentence for a person is rendered per locale by [`crate::message`].

use serde::Serialize;

crate::closed::closed_set! {
    /// The stable issue codes of the public contract (README, "Validation"). Never renamed;
    /// new ones are added.
    pub enum IssueCode {
        /// A required field is absent or null.
        Required = "required",
        /// A field made required by another field's value is absent.
        RequiredIf = "required_if",
        /// Wrong JSON type.
        Type = "type",
        /// A key the operation does not define.
        UnknownField = "unknown_field",
        /// String length outside its limits, in characters.
        Length = "length",
        /// Characters outside the allowed set.
        Charset = "charset",
        /// A value outside its allowed set.
        Enum = "enum",
        /// A number outside its limits.
        Range = "range",
        /// A bandwidth size that is not a multiple of its band's step.
        Step = "step",
        /// Two fields that exclude each other are both set.
        Conflict = "conflict",
        /// A string of the wrong shape.
        Format = "format",
        /// A value the chosen region does not offer.
        Region = "region",
        /// A field the service will ignore given the other fields (a warning).
        Ignored = "ignored",
        /// A referenced resource has nothing to offer (e.g. a server without a port to bind to).
        NotFound = "not_found",
        /// The value could not be validated: eipkit's module is not initialised (`await init()`
        /// first). Raised by the JS layer, which cannot reach the core yet (its sentences are
        /// generated into js/closed.js).
        Unavailable = "unavailable",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The service would refuse the request (or the library cannot build it).
    Error,
    /// The request is accepted, but probably not as the caller meant.
    Warning,
}

/// A set of allowed values, as the schema states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Allowed {
    Text(&'static [&'static str]),
    Integer(&'static [i64]),
    /// Values known only at run time (e.g. a server's port ids).
    Owned(Vec<String>),
}

/// Structured details of an issue. Only the fields that matter for its code are set; the
/// rest are skipped when serialised, so a JS user sees e.g. `{ min: 1, max: 9 }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    /// `type`: the JSON type the field needs ("object", "string", "integer", "boolean").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<&'static str>,
    /// `type`: what was given ("string", "number", "null", "array", "NaN", "bigint", ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<&'static str>,
    /// `length`, `range`: the inclusive lower limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// `length`, `range`: the inclusive upper limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// `length`: the length given, in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// `step`: the step of the band the value falls in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<i64>,
    /// `step`: the valid values nearest to the one given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<Vec<i64>>,
    /// `enum`, `region`: the values accepted here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Allowed>,
    /// `charset`: the offending characters (at most a few, each once).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid: Option<Vec<String>>,
    /// `format`: the shape needed ("uuid_or_zero").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// `unknown_field`: the closest known key (or dotted path when the key belongs elsewhere).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// `unknown_field`: the operation that does accept this key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_by: Option<&'static str>,
    /// `unknown_field`: how many unknown keys an object had, when too many to list one by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// `required_if`, `ignored`, `conflict`: the other field that causes the issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    /// `required_if`, `ignored`: that other field's value (as the service sees it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `region`: the region checked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `not_found`: what was looked for ("port").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what: Option<&'static str>,
}

/// One finding of validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// Dotted wire-key path, `""` for the body itself.
    pub path: String,
    pub code: IssueCode,
    pub severity: Severity,
    pub params: Params,
}

impl Issue {
    pub fn error(path: impl Into<String>, code: IssueCode, params: Params) -> Issue {
        Issue { path: path.into(), code, severity: Severity::Error, params }
    }

    pub fn warning(path: impl Into<String>, code: IssueCode, params: Params) -> Issue {
        Issue { path: path.into(), code, severity: Severity::Warning, params }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The sentence for a person, in `locale`; it names the field by its path.
    pub fn message(&self, locale: crate::Locale) -> String {
        crate::message::render(self, locale)
    }

    /// The same sentence without the path, to show next to the field it is about.
    pub fn short(&self, locale: crate::Locale) -> String {
        crate::message::render_short(self, locale)
    }
}
