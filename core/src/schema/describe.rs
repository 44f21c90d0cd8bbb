//! The rule tables flattened for the outside world (`fieldRules()`): one entry per field, by
//! dotted path, with its limits, steps, allowed values and the cross-field conditions that
//! apply to it, so a form can show "required when dedicated" without writing the rule again.

use super::conditions::{Condition, Effect, Test};
use super::{Charset, Field, Rule};
use crate::issue::{Allowed, IssueCode, Severity};
use crate::operation::Operation;
use serde::Serialize;

/// One field of a body as a form or a generated type sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRule {
    pub path: String,
    pub required: bool,
    /// "object", "text", "choice", "integer" or "boolean".
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// "name": digits, letters, Chinese, `_ - .`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charset: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Allowed>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Step bands: `{ upTo, step }`, ascending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<StepBand>>,
    /// The value the service uses when the field is absent (JSON spelling).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<&'static str>,
    /// The rules that make this field required, ignored, narrower or in conflict, depending
    /// on other fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<FieldCondition>,
    /// `""` is accepted and means the default.
    pub blank_means_default: bool,
    pub doc: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepBand {
    pub up_to: i64,
    pub step: i64,
}

/// A [`Condition`] as it applies to one field: the issue it raises, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldCondition {
    /// `required_if`, `ignored`, `range` or `conflict`.
    pub code: IssueCode,
    pub severity: Severity,
    /// All of these hold (the first is the reason the message gives).
    pub when: Vec<FieldTest>,
    /// Unless all of these hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<FieldTest>,
    /// `range`: the limits that apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

/// Another field's value (`value`), or that it is given (no `value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FieldTest {
    pub field: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'static str>,
}

impl Effect {
    /// The issue code and severity this effect raises.
    pub fn issue(self) -> (IssueCode, Severity) {
        match self {
            Effect::Required => (IssueCode::RequiredIf, Severity::Error),
            Effect::Ignored => (IssueCode::Ignored, Severity::Warning),
            Effect::Within { .. } => (IssueCode::Range, Severity::Error),
            Effect::Conflict(severity) => (IssueCode::Conflict, severity),
        }
    }
}

impl FieldCondition {
    fn of(condition: &Condition) -> FieldCondition {
        let tests = |tests: &[Test]| {
            tests
                .iter()
                .map(|&test| match test {
                    Test::Is(field, value) => FieldTest { field, value: Some(value) },
                    Test::Given(field) => FieldTest { field, value: None },
                })
                .collect()
        };
        let (code, severity) = condition.effect.issue();
        let (min, max) = match condition.effect {
            Effect::Within { min, max } => (Some(min), Some(max)),
            _ => (None, None),
        };
        FieldCondition { code, severity, when: tests(condition.when), unless: tests(condition.unless), min, max }
    }
}

/// Every field of `operation`'s body, depth first, in the reference's order.
pub fn describe(operation: Operation) -> Vec<FieldRule> {
    let mut out = Vec::new();
    describe_into(operation, operation.fields(), "", &mut out);
    out
}

fn describe_into(operation: Operation, fields: &'static [Field], prefix: &str, out: &mut Vec<FieldRule>) {
    for field in fields {
        let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
        let conditions = operation
            .conditions()
            .iter()
            .flat_map(|group| group.iter())
            .filter(|condition| condition.fields.contains(&path.as_str()))
            .map(FieldCondition::of)
            .collect();
        let mut rule = FieldRule {
            path: path.clone(),
            required: field.required,
            kind: "object",
            min_length: None,
            max_length: None,
            charset: None,
            format: None,
            allowed: None,
            min: None,
            max: None,
            steps: None,
            default: field.default,
            conditions,
            blank_means_default: field.blank_means_default,
            doc: field.doc,
        };
        match field.rule {
            Rule::Object(children) => {
                out.push(rule);
                describe_into(operation, children.fields, &path, out);
                continue;
            }
            Rule::Text(t) => {
                rule.kind = "text";
                rule.min_length = Some(t.min);
                rule.max_length = Some(t.max);
                rule.charset = (t.charset == Charset::Name).then_some("name");
                rule.format = t.format.name();
            }
            Rule::Choice(values) => {
                rule.kind = "choice";
                rule.allowed = Some(Allowed::Text(values));
            }
            Rule::IntChoice(values) => {
                rule.kind = "choice";
                rule.allowed = Some(Allowed::Integer(values));
            }
            Rule::Integer(i) => {
                rule.kind = "integer";
                rule.min = Some(i.min);
                rule.max = Some(i.max);
                if !i.bands.is_empty() {
                    rule.steps =
                        Some(i.bands.iter().map(|b| StepBand { up_to: b.up_to.min(i.max), step: b.step }).collect());
                }
            }
            Rule::Bool => rule.kind = "boolean",
        }
        out.push(rule);
    }
}
