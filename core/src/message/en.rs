//! English messages: most say "{field} {predicate}", and their short form is the predicate
//! alone, capitalised ("Must be between 1 and 2000.").

use super::{allowed_items, list};
use crate::issue::{Issue, IssueCode, Params, Severity};

pub(super) fn render(issue: &Issue) -> String {
    let p = &issue.params;
    let field = if issue.path.is_empty() { "The request body".to_owned() } else { issue.path.clone() };
    match issue.code {
        IssueCode::Required => format!("{field} is required."),
        IssueCode::UnknownField => unknown_field(issue),
        IssueCode::Step => {
            let nearest: Vec<String> = p.nearest.iter().flatten().map(i64::to_string).collect();
            format!(
                "{field} must be a multiple of {} in its range; the nearest valid values are {}.",
                p.step.unwrap_or(1),
                list(&nearest, ", ", " and ")
            )
        }
        IssueCode::Region if p.allowed.is_none() || p.value.is_none() => format!(
            "Region \"{}\" is not in eipkit's region table, so {field} was not checked against it.",
            p.region.as_deref().unwrap_or_default()
        ),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
        _ => format!("{field} {}", predicate(issue)),
    }
}

const UNAVAILABLE: &str = "eipkit is not initialised: await init() before validating.";

/// The sentence without the path, for showing next to the field.
pub(super) fn short(issue: &Issue) -> String {
    let p = &issue.params;
    match issue.code {
        IssueCode::Required => "Required.".to_owned(),
        IssueCode::RequiredIf => format!("Required{}.", condition(p)),
        IssueCode::Ignored => format!("Ignored by the service{}.", condition(p)),
        IssueCode::UnknownField => match p.count {
            Some(count) => format!("Has {count} fields this request does not define."),
            None => format!("Not a field of this request.{}", hints(p)),
        },
        IssueCode::Step => {
            let nearest: Vec<String> = p.nearest.iter().flatten().map(i64::to_string).collect();
            format!(
                "Must be a multiple of {} in its band; nearest: {}.",
                p.step.unwrap_or(1),
                list(&nearest, ", ", " or ")
            )
        }
        IssueCode::Region if p.allowed.is_none() || p.value.is_none() => format!(
            "Not checked: region \"{}\" is not in eipkit's region table.",
            p.region.as_deref().unwrap_or_default()
        ),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
        _ => {
            // ASCII only: every predicate starts with an ASCII letter or a quote (and Unicode's
            // case tables would cost the wasm more than all the messages).
            let mut predicate = predicate(issue);
            if let Some(first) = predicate.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            predicate
        }
    }
}

/// What the message says of the field, after its name ("must be between 1 and 2000.").
fn predicate(issue: &Issue) -> String {
    let p = &issue.params;
    let when = || condition(p);
    match issue.code {
        IssueCode::RequiredIf => format!("is required{}.", when()),
        IssueCode::Type => format!(
            "must be {}, not {}.",
            with_article(p.expected.unwrap_or("a different type")),
            with_article(p.received.unwrap_or("this"))
        ),
        IssueCode::Length => match (p.min, p.max) {
            (Some(min), Some(max)) if min == max => format!("must be exactly {max} characters long{}.", actual(p)),
            (Some(0) | None, Some(max)) => format!("must be at most {max} characters long{}.", actual(p)),
            (Some(min), Some(max)) => format!("must be {min} to {max} characters long{}.", actual(p)),
            _ => "has the wrong length.".to_owned(),
        },
        IssueCode::Charset => format!(
            "may contain only digits, letters, Chinese characters, \"_\", \"-\" and \".\"; it contains {}.",
            list(&quoted(p.invalid.as_deref().unwrap_or_default()), ", ", " and ")
        ),
        IssueCode::Enum => {
            let allowed = p.allowed.as_ref().map(allowed_items).unwrap_or_default();
            let hint = p.suggestion.as_ref().map(|s| format!(" Did you mean \"{s}\"?")).unwrap_or_default();
            format!("must be {}.{hint}", one_of(&allowed))
        }
        IssueCode::Range => match (p.min, p.max) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}{}.", when()),
            _ => "is out of range.".to_owned(),
        },
        IssueCode::Conflict if issue.severity == Severity::Warning => format!(
            "may be refused together with {}{}: the API reference says IPv6 does not support shared (WHOLE) bandwidth yet.",
            p.field.unwrap_or("another field"),
            p.value.as_ref().map(|v| format!(" {v}")).unwrap_or_default()
        ),
        IssueCode::Conflict => format!("cannot be set together with {}.", p.field.unwrap_or("another field")),
        IssueCode::Format => match p.format {
            Some("header_value") => "must be printable ASCII: it is sent in an HTTP header.",
            Some("id") => "must be an id: 1 to 64 ASCII letters, digits, \"-\" or \"_\".",
            Some("https_url") => {
                "must be an https:// URL (http:// only for a loopback host) without credentials, query or fragment."
            }
            _ => "must be a UUID with hyphens (8-4-4-4-12 hex digits) or \"0\".",
        }
        .to_owned(),
        IssueCode::Region => format!(
            "\"{}\" is not offered in region {}; it offers {}.",
            p.value.as_deref().unwrap_or_default(),
            p.region.as_deref().unwrap_or("?"),
            p.allowed.as_ref().map(|allowed| list(&allowed_items(allowed), ", ", " and ")).unwrap_or_default()
        ),
        IssueCode::Ignored => format!("is ignored by the service{}.", when()),
        IssueCode::NotFound => format!(
            "\"{}\" has no {} to use{}.",
            p.value.as_deref().unwrap_or_default(),
            p.what.unwrap_or("match"),
            if p.what == Some("port") { " (an EIP binds to a server's network port)" } else { "" }
        ),
        // Worded in full by `render` and `short`.
        IssueCode::Required | IssueCode::UnknownField | IssueCode::Step | IssueCode::Unavailable => String::new(),
    }
}

/// An unknown field's "Did you mean" and the operation that accepts it.
fn hints(p: &Params) -> String {
    let mut hints = String::new();
    if let Some(s) = &p.suggestion {
        hints.push_str(&format!(" Did you mean \"{s}\"?"));
    }
    if let Some(op) = p.accepted_by {
        hints.push_str(&format!(" ({op} accepts it.)"));
    }
    hints
}

fn unknown_field(issue: &Issue) -> String {
    let p = &issue.params;
    if let Some(count) = p.count {
        let at = if issue.path.is_empty() { "The request body".to_owned() } else { issue.path.clone() };
        return format!("{at} has {count} fields this request does not define.");
    }
    format!("\"{}\" is not a field of this request.{}", issue.path, hints(p))
}

fn condition(p: &Params) -> String {
    match (p.field, &p.value) {
        (Some(field), Some(value)) => format!(" when {field} is \"{value}\""),
        (Some(field), None) => format!(" when {field} is given"),
        _ => String::new(),
    }
}

fn actual(p: &Params) -> String {
    p.actual.map(|n| format!(" (it has {n})")).unwrap_or_default()
}

fn one_of(allowed: &[String]) -> String {
    match allowed {
        [only] => only.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", list(allowed, ", ", " or ")),
    }
}

fn quoted(items: &[String]) -> Vec<String> {
    items.iter().map(|c| if c.starts_with("U+") { c.clone() } else { format!("\"{c}\"") }).collect()
}

fn with_article(type_name: &str) -> String {
    match type_name {
        "object" | "integer" | "array" => format!("an {type_name}"),
        "string" | "boolean" | "number" | "decimal" | "function" | "symbol" | "date" | "map" | "set" | "bigint" => {
            format!("a {type_name}")
        }
        other => other.to_owned(),
    }
}
