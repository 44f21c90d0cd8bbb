//! English messages.

use super::{allowed_items, list};
use crate::issue::{Issue, IssueCode, Params, Severity};

pub(super) fn render(issue: &Issue) -> String {
    let p = &issue.params;
    let field = if issue.path.is_empty() { "The request body".to_owned() } else { issue.path.clone() };
    let when = || condition(p);
    match issue.code {
        IssueCode::Required => format!("{field} is required."),
        IssueCode::RequiredIf => format!("{field} is required{}.", when()),
        IssueCode::Type => format!(
            "{field} must be {}, not {}.",
            with_article(p.expected.unwrap_or("a different type")),
            with_article(p.received.unwrap_or("this"))
        ),
        IssueCode::UnknownField => unknown_field(issue),
        IssueCode::Length => match (p.min, p.max) {
            (Some(min), Some(max)) if min == max => {
                format!("{field} must be exactly {max} characters long{}.", actual(p))
            }
            (Some(0) | None, Some(max)) => format!("{field} must be at most {max} characters long{}.", actual(p)),
            (Some(min), Some(max)) => format!("{field} must be {min} to {max} characters long{}.", actual(p)),
            _ => format!("{field} has the wrong length."),
        },
        IssueCode::Charset => format!(
            "{field} may contain only digits, letters, Chinese characters, \"_\", \"-\" and \".\"; it contains {}.",
            list(&quoted(p.invalid.as_deref().unwrap_or_default()), ", ", " and ")
        ),
        IssueCode::Enum => {
            let allowed = p.allowed.as_ref().map(allowed_items).unwrap_or_default();
            let hint = p.suggestion.as_ref().map(|s| format!(" Did you mean \"{s}\"?")).unwrap_or_default();
            format!("{field} must be {}.{hint}", one_of(&allowed))
        }
        IssueCode::Range => match (p.min, p.max) {
            (Some(min), Some(max)) => format!("{field} must be between {min} and {max}{}.", when()),
            _ => format!("{field} is out of range."),
        },
        IssueCode::Step => {
            let nearest: Vec<String> = p.nearest.iter().flatten().map(i64::to_string).collect();
            format!(
                "{field} must be a multiple of {} in its range; the nearest valid values are {}.",
                p.step.unwrap_or(1),
                list(&nearest, ", ", " and ")
            )
        }
        IssueCode::Conflict if issue.severity == Severity::Warning => format!(
            "{field} may be refused together with {}{}: the API reference says IPv6 does not support shared (WHOLE) bandwidth yet.",
            p.field.unwrap_or("another field"),
            p.value.as_ref().map(|v| format!(" {v}")).unwrap_or_default()
        ),
        IssueCode::Conflict => format!("{field} cannot be set together with {}.", p.field.unwrap_or("another field")),
        IssueCode::Format => match p.format {
            Some("header_value") => format!("{field} must be printable ASCII: it is sent in an HTTP header."),
            Some("id") => format!("{field} must be an id: 1 to 64 ASCII letters, digits, \"-\" or \"_\"."),
            Some("https_url") => format!(
                "{field} must be an https:// URL (http:// only for a loopback host) without credentials, query or fragment."
            ),
            _ => format!("{field} must be a UUID with hyphens (8-4-4-4-12 hex digits) or \"0\"."),
        },
        IssueCode::Region => match (&p.allowed, &p.value) {
            (Some(allowed), Some(value)) => format!(
                "{field} \"{value}\" is not offered in region {}; it offers {}.",
                p.region.as_deref().unwrap_or("?"),
                list(&allowed_items(allowed), ", ", " and ")
            ),
            _ => format!(
                "Region \"{}\" is not in eipkit's region table, so {field} was not checked against it.",
                p.region.as_deref().unwrap_or_default()
            ),
        },
        IssueCode::Ignored => format!("{field} is ignored by the service{}.", when()),
        IssueCode::NotFound => format!(
            "{field} \"{}\" has no {} to use{}.",
            p.value.as_deref().unwrap_or_default(),
            p.what.unwrap_or("match"),
            if p.what == Some("port") { " (an EIP binds to a server's network port)" } else { "" }
        ),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
    }
}

const UNAVAILABLE: &str = "eipkit is not initialised: await init() before validating.";

/// The sentence without the path, for showing next to the field.
pub(super) fn short(issue: &Issue) -> String {
    let p = &issue.params;
    let when = || condition(p);
    match issue.code {
        IssueCode::Required => "Required.".to_owned(),
        IssueCode::RequiredIf => format!("Required{}.", when()),
        IssueCode::Type => format!(
            "Must be {}, not {}.",
            with_article(p.expected.unwrap_or("a different type")),
            with_article(p.received.unwrap_or("this"))
        ),
        IssueCode::UnknownField => match p.count {
            Some(count) => format!("Has {count} fields this request does not define."),
            None => {
                let mut message = "Not a field of this request.".to_owned();
                if let Some(s) = &p.suggestion {
                    message.push_str(&format!(" Did you mean \"{s}\"?"));
                }
                if let Some(op) = p.accepted_by {
                    message.push_str(&format!(" ({op} accepts it.)"));
                }
                message
            }
        },
        IssueCode::Length => match (p.min, p.max) {
            (Some(min), Some(max)) if min == max => format!("Must be exactly {max} characters{}.", actual(p)),
            (Some(0) | None, Some(max)) => format!("At most {max} characters{}.", actual(p)),
            (Some(min), Some(max)) => format!("Must be {min} to {max} characters{}.", actual(p)),
            _ => "Wrong length.".to_owned(),
        },
        IssueCode::Charset => format!(
            "Only digits, letters, Chinese characters, \"_\", \"-\" and \".\"; found {}.",
            list(&quoted(p.invalid.as_deref().unwrap_or_default()), ", ", " and ")
        ),
        IssueCode::Enum => {
            let allowed = p.allowed.as_ref().map(allowed_items).unwrap_or_default();
            let hint = p.suggestion.as_ref().map(|s| format!(" Did you mean \"{s}\"?")).unwrap_or_default();
            format!("Must be {}.{hint}", one_of(&allowed))
        }
        IssueCode::Range => match (p.min, p.max) {
            (Some(min), Some(max)) => format!("Must be between {min} and {max}{}.", when()),
            _ => "Out of range.".to_owned(),
        },
        IssueCode::Step => {
            let nearest: Vec<String> = p.nearest.iter().flatten().map(i64::to_string).collect();
            format!(
                "Must be a multiple of {} in its band; nearest: {}.",
                p.step.unwrap_or(1),
                list(&nearest, ", ", " or ")
            )
        }
        IssueCode::Conflict if issue.severity == Severity::Warning => format!(
            "May be refused with {}{}: IPv6 does not support shared (WHOLE) bandwidth yet.",
            p.field.unwrap_or("another field"),
            p.value.as_ref().map(|v| format!(" {v}")).unwrap_or_default()
        ),
        IssueCode::Conflict => format!("Cannot be set together with {}.", p.field.unwrap_or("another field")),
        IssueCode::Format => match p.format {
            Some("header_value") => "Must be printable ASCII (it is sent in an HTTP header).".to_owned(),
            Some("id") => "Must be 1 to 64 ASCII letters, digits, \"-\" or \"_\".".to_owned(),
            Some("https_url") => {
                "Must be an https:// URL (http:// only for loopback), without credentials, query or fragment."
                    .to_owned()
            }
            _ => "Must be a UUID (8-4-4-4-12 hex digits) or \"0\".".to_owned(),
        },
        IssueCode::Region => match (&p.allowed, &p.value) {
            (Some(allowed), Some(value)) => format!(
                "\"{value}\" is not offered in {}; it offers {}.",
                p.region.as_deref().unwrap_or("?"),
                list(&allowed_items(allowed), ", ", " and ")
            ),
            _ => format!(
                "Not checked: region \"{}\" is not in eipkit's region table.",
                p.region.as_deref().unwrap_or_default()
            ),
        },
        IssueCode::Ignored => format!("Ignored by the service{}.", when()),
        IssueCode::NotFound => format!(
            "\"{}\" has no {} to use{}.",
            p.value.as_deref().unwrap_or_default(),
            p.what.unwrap_or("match"),
            if p.what == Some("port") { " (an EIP binds to a server's network port)" } else { "" }
        ),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
    }
}

fn unknown_field(issue: &Issue) -> String {
    let p = &issue.params;
    if let Some(count) = p.count {
        let at = if issue.path.is_empty() { "The request body".to_owned() } else { issue.path.clone() };
        return format!("{at} has {count} fields this request does not define.");
    }
    let mut message = format!("\"{}\" is not a field of this request.", issue.path);
    if let Some(s) = &p.suggestion {
        message.push_str(&format!(" Did you mean \"{s}\"?"));
    }
    if let Some(op) = p.accepted_by {
        message.push_str(&format!(" ({op} accepts it.)"));
    }
    message
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
