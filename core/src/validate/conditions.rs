//! The engine of the cross-field rules ([`crate::schema::conditions`]): it evaluates each
//! condition of an operation over the facts of a walked body: which fields were given, and the
//! values of those that passed their own checks (a rule never fires on a value that is
//! already reported as invalid). The one rule that depends on an option, not a field (the
//! region's line types), is here too.

use super::Options;
use crate::issue::{Allowed, Issue, IssueCode, Params};
use crate::operation::Operation;
use crate::region;
use crate::schema::{Condition, Effect, Test};
use serde_json::{Map, Value};

pub(super) struct Facts<'a> {
    body: &'a Map<String, Value>,
    given: &'a [String],
}

impl<'a> Facts<'a> {
    pub fn new(body: &'a Map<String, Value>, given: &'a [String]) -> Facts<'a> {
        Facts { body, given }
    }

    fn given(&self, path: &str) -> bool {
        self.given.iter().any(|g| g == path)
    }

    fn value(&self, path: &str) -> Option<&'a Value> {
        let mut parts = path.split('.');
        let first = self.body.get(parts.next()?)?;
        parts.try_fold(first, |v, key| v.get(key))
    }

    fn text(&self, path: &str) -> Option<&'a str> {
        self.value(path).and_then(Value::as_str)
    }

    /// Whether a field's valid value, or else its default when its parent object is given,
    /// is `expected` (compared in JSON spelling, so `6` is `"6"`).
    fn is(&self, operation: Operation, path: &str, expected: &str) -> bool {
        match self.value(path) {
            Some(Value::String(s)) => s == expected,
            Some(Value::Number(n)) => n.to_string() == expected,
            Some(Value::Bool(b)) => (if *b { "true" } else { "false" }) == expected,
            Some(_) => false,
            None if self.given(path) => false, // given but invalid: already reported
            None => {
                let parent_given = path.rsplit_once('.').is_none_or(|(parent, _)| self.given(parent));
                parent_given && operation.field(path).and_then(|f| f.default) == Some(expected)
            }
        }
    }

    fn holds(&self, operation: Operation, test: Test) -> bool {
        match test {
            Test::Is(path, value) => self.is(operation, path, value),
            Test::Given(path) => self.given(path),
        }
    }
}

pub(super) fn check(operation: Operation, facts: &Facts<'_>, options: &Options, issues: &mut Vec<Issue>) {
    for condition in operation.conditions().iter().flat_map(|group| group.iter()) {
        apply(operation, condition, facts, issues);
    }
    if operation.field(REGION_FIELD).is_some() {
        type_offered_in_region(facts, options, issues);
    }
}

fn apply(operation: Operation, condition: &Condition, facts: &Facts<'_>, issues: &mut Vec<Issue>) {
    let holds = |tests: &[Test]| tests.iter().all(|&test| facts.holds(operation, test));
    if !holds(condition.when) || (!condition.unless.is_empty() && holds(condition.unless)) {
        return;
    }
    let mut params = match condition.when.first() {
        Some(&Test::Is(field, value)) => {
            Params { field: Some(field), value: Some(value.to_owned()), ..Params::default() }
        }
        Some(&Test::Given(field)) => Params { field: Some(field), ..Params::default() },
        None => Params::default(),
    };
    let (code, severity) = condition.effect.issue();
    for &path in condition.fields {
        let fires = match condition.effect {
            Effect::Required => !facts.given(path),
            Effect::Ignored | Effect::Conflict(_) => facts.given(path),
            Effect::Within { min, max } => {
                params.min = Some(min);
                params.max = Some(max);
                facts.value(path).and_then(Value::as_i64).is_some_and(|n| !(min..=max).contains(&n))
            }
        };
        if fires {
            issues.push(Issue { path: path.to_owned(), code, severity, params: params.clone() });
        }
    }
}

const REGION_FIELD: &str = "publicip.type";

/// With a region named, `publicip.type` must be one it offers; an unknown region is a
/// warning that the check could not run.
fn type_offered_in_region(facts: &Facts<'_>, options: &Options, issues: &mut Vec<Issue>) {
    let Some(name) = options.region.as_deref() else { return };
    let Some(region) = region::find(name) else {
        let params = Params { region: Some(name.to_owned()), ..Params::default() };
        issues.push(Issue::warning(REGION_FIELD, IssueCode::Region, params));
        return;
    };
    if let Some(eip_type) = facts.text(REGION_FIELD).filter(|t| !region.offers(&(*t).into())) {
        let params = Params {
            region: Some(region.id.to_owned()),
            value: Some(eip_type.to_owned()),
            allowed: Some(Allowed::Text(region.eip_types)),
            ..Params::default()
        };
        issues.push(Issue::error(REGION_FIELD, IssueCode::Region, params));
    }
}
