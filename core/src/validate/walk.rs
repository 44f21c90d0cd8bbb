//! The schema walk: each field checked against its own rule, unknown keys reported, and the
//! fields that passed copied into the normalised body.

use super::suggest;
use crate::issue::{Allowed, Issue, IssueCode, Params};
use crate::node::{Node, Shape};
use crate::operation::Operation;
use crate::schema::{Charset, Field, Integer, Rule, Text};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// An object may have any number of unknown keys; past this many they are counted, not listed.
const MAX_UNKNOWN_LISTED: usize = 20;
/// Keys longer than this are shortened in paths (a 10 MB key must not become a 10 MB path).
const MAX_KEY_IN_PATH: usize = 100;
/// How many distinct offending characters a `charset` issue names.
const MAX_INVALID_CHARS: usize = 5;

pub(super) struct Walk {
    operation: Operation,
    pub issues: Vec<Issue>,
    /// Paths of the fields that were given (present and not null), valid or not.
    pub given: Vec<String>,
}

impl Walk {
    pub fn new(operation: Operation) -> Walk {
        Walk { operation, issues: Vec::new(), given: Vec::new() }
    }

    pub fn body<N: Node>(&mut self, input: &N) -> Option<Map<String, Value>> {
        self.object(input, "", self.operation.fields())
    }

    fn object<N: Node>(&mut self, node: &N, path: &str, fields: &'static [Field]) -> Option<Map<String, Value>> {
        let shape = node.shape();
        if shape != Shape::Object {
            self.issues.push(type_error(path, "object", &shape));
            return None;
        }
        let keys = match node.keys() {
            Ok(keys) => keys,
            Err(what) => {
                self.issues.push(type_error(path, "object", &Shape::Other(what)));
                return None;
            }
        };
        let mut out = Map::new();
        for field in fields {
            if let Some(value) = self.field(&node.member(field.key), path, field) {
                out.insert(field.key.to_owned(), value);
            }
        }
        self.unknown_keys(path, &keys, fields);
        Some(out)
    }

    /// The field `field` of the object at `parent`. Its path is only written out when it is
    /// given or missing, not for every field of the table.
    fn field<N: Node>(&mut self, node: &N, parent: &str, field: &Field) -> Option<Value> {
        let shape = node.shape();
        if shape.is_missing() {
            if field.required {
                self.issues.push(Issue::error(join(parent, field.key), IssueCode::Required, Params::default()));
            }
            return None;
        }
        let path = &join(parent, field.key);
        self.given.push(path.clone());
        if field.blank_means_default && matches!(&shape, Shape::Text(s) if s.is_empty()) {
            return Some(Value::String(String::new()));
        }
        let checked = match field.rule {
            Rule::Object(table) => return self.object(node, path, table.fields).map(Value::Object),
            Rule::Text(rule) => text(path, &shape, rule),
            Rule::Choice(allowed) => choice(path, &shape, allowed),
            Rule::IntChoice(allowed) => int_choice(path, &shape, allowed),
            Rule::Integer(rule) => integer(path, &shape, rule),
            Rule::Bool => match shape {
                Shape::Bool(b) => Ok(Value::Bool(b)),
                other => Err(vec![type_error(path, "boolean", &other)]),
            },
        };
        match checked {
            Ok(value) => Some(value),
            Err(issues) => {
                self.issues.extend(issues);
                None
            }
        }
    }

    fn unknown_keys(&mut self, path: &str, keys: &[Cow<'_, str>], fields: &'static [Field]) {
        let unknown: Vec<&str> =
            keys.iter().map(|k| k.as_ref()).filter(|k| !fields.iter().any(|f| f.key == *k)).collect();
        let operation = self.operation;
        report_unknown(path, &unknown, |key| suggest::for_unknown_key(operation, path, fields, key), &mut self.issues);
    }
}

/// One `unknown_field` issue per unknown key (the first few, then a count), with the key
/// shortened in the path: a huge object or key costs a bounded report. In key order, so the
/// report does not depend on the order a reader keeps keys in (a JS object's, or sorted).
pub(crate) fn report_unknown(
    path: &str,
    unknown: &[&str],
    suggest: impl Fn(&str) -> (Option<String>, Option<&'static str>),
    issues: &mut Vec<Issue>,
) {
    let mut unknown = unknown.to_vec();
    unknown.sort_unstable();
    for key in unknown.iter().take(MAX_UNKNOWN_LISTED) {
        let (suggestion, accepted_by) = suggest(key);
        let params = Params { suggestion, accepted_by, ..Params::default() };
        issues.push(Issue::error(join(path, &shorten(key)), IssueCode::UnknownField, params));
    }
    if unknown.len() > MAX_UNKNOWN_LISTED {
        let params = Params { count: Some(unknown.len() as u64), ..Params::default() };
        issues.push(Issue::error(path, IssueCode::UnknownField, params));
    }
}

type Checked = Result<Value, Vec<Issue>>;

fn text(path: &str, shape: &Shape<'_>, rule: Text) -> Checked {
    let Shape::Text(s) = shape else {
        return Err(vec![type_error(path, "string", shape)]);
    };
    let mut issues = Vec::new();
    let length = s.chars().count() as u64;
    let length_ok = (u64::from(rule.min)..=u64::from(rule.max)).contains(&length);
    if !length_ok {
        issues.push(Issue::error(
            path,
            IssueCode::Length,
            Params {
                min: Some(rule.min.into()),
                max: Some(rule.max.into()),
                actual: Some(length),
                ..Params::default()
            },
        ));
    }
    if rule.charset != Charset::Any {
        let mut invalid: Vec<String> = Vec::new();
        for c in s.chars().filter(|&c| !rule.charset.allows(c)) {
            let shown = show_char(c);
            if !invalid.contains(&shown) {
                invalid.push(shown);
                if invalid.len() == MAX_INVALID_CHARS {
                    break;
                }
            }
        }
        if !invalid.is_empty() {
            issues.push(Issue::error(path, IssueCode::Charset, Params { invalid: Some(invalid), ..Params::default() }));
        }
    }
    // A string of the wrong length has the wrong shape too; one issue says enough.
    if length_ok && !rule.format.accepts(s) {
        issues.push(Issue::error(path, IssueCode::Format, Params { format: rule.format.name(), ..Params::default() }));
    }
    if issues.is_empty() { Ok(Value::String(s.to_string())) } else { Err(issues) }
}

fn choice(path: &str, shape: &Shape<'_>, allowed: &'static [&'static str]) -> Checked {
    match shape {
        Shape::Text(s) if allowed.contains(&s.as_ref()) => Ok(Value::String(s.to_string())),
        Shape::Text(s) => {
            // "per" for "PER", "5-bgp" for "5_bgp": name the spelling the service wants.
            let suggestion = suggest::closest(s, allowed).map(str::to_owned);
            let params = Params { allowed: Some(Allowed::Text(allowed)), suggestion, ..Params::default() };
            Err(vec![Issue::error(path, IssueCode::Enum, params)])
        }
        other => Err(vec![type_error(path, "string", other)]),
    }
}

fn int_choice(path: &str, shape: &Shape<'_>, allowed: &'static [i64]) -> Checked {
    let value = as_integer(path, shape)?;
    if allowed.contains(&value) {
        Ok(Value::from(value))
    } else {
        let params = Params { allowed: Some(Allowed::Integer(allowed)), ..Params::default() };
        Err(vec![Issue::error(path, IssueCode::Enum, params)])
    }
}

fn integer(path: &str, shape: &Shape<'_>, rule: Integer) -> Checked {
    let value = as_integer(path, shape)?;
    if !(rule.min..=rule.max).contains(&value) {
        let params = Params { min: Some(rule.min), max: Some(rule.max), ..Params::default() };
        return Err(vec![Issue::error(path, IssueCode::Range, params)]);
    }
    if let Some((_, band)) = rule.band_of(value).filter(|(_, band)| value % band.step != 0) {
        let below = value - value % band.step;
        let nearest = [below, below + band.step].into_iter().filter(|v| (rule.min..=rule.max).contains(v)).collect();
        let params = Params { step: Some(band.step), nearest: Some(nearest), ..Params::default() };
        return Err(vec![Issue::error(path, IssueCode::Step, params)]);
    }
    Ok(Value::from(value))
}

/// An integral number; JSON's `10.0` and JS's `10` are the same integer. Integral numbers
/// beyond i64 saturate, which every range then rejects.
fn as_integer(path: &str, shape: &Shape<'_>) -> Result<i64, Vec<Issue>> {
    match shape {
        Shape::Number(n) if n.fract() == 0.0 => Ok(*n as i64),
        Shape::Number(_) => Err(vec![type_error(path, "integer", &Shape::Other("decimal"))]),
        other => Err(vec![type_error(path, "integer", other)]),
    }
}

fn type_error(path: &str, expected: &'static str, received: &Shape<'_>) -> Issue {
    let params = Params { expected: Some(expected), received: Some(received.type_name()), ..Params::default() };
    Issue::error(path, IssueCode::Type, params)
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_owned();
    }
    let mut joined = String::with_capacity(path.len() + 1 + key.len());
    joined.push_str(path);
    joined.push('.');
    joined.push_str(key);
    joined
}

fn shorten(key: &str) -> String {
    match key.char_indices().nth(MAX_KEY_IN_PATH) {
        Some((cut, _)) => format!("{}…", key.get(..cut).unwrap_or_default()),
        None => key.to_owned(),
    }
}

/// Invisible characters are named by code point so the message shows what to remove.
fn show_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || c == '\u{FFFD}' {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}
