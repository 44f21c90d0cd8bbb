//! Messages for people, one map per locale (like zod's locales): each renders an issue's code
//! and params into a sentence, and into a short form of it without the path, for showing next
//! to the field. Adding a locale is adding a file with a `render` and a `short` function.

mod en;
mod zh_cn;

use crate::issue::{Allowed, Issue};

/// The languages messages come in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// Reads a BCP 47 tag leniently: any `zh` tag (`zh-CN`, `zh-Hans`, `zh`) is Simplified
    /// Chinese, anything else English.
    pub fn from_tag(tag: &str) -> Locale {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") || lower.starts_with("zh_") { Locale::ZhCn } else { Locale::En }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }
}

pub(crate) fn render(issue: &Issue, locale: Locale) -> String {
    match locale {
        Locale::En => en::render(issue),
        Locale::ZhCn => zh_cn::render(issue),
    }
}

pub(crate) fn render_short(issue: &Issue, locale: Locale) -> String {
    match locale {
        Locale::En => en::short(issue),
        Locale::ZhCn => zh_cn::short(issue),
    }
}

/// `"a", "b" or "c"`-style lists are locale-specific; the items are not.
fn allowed_items(allowed: &Allowed) -> Vec<String> {
    match allowed {
        Allowed::Text(values) => values.iter().map(|v| format!("\"{v}\"")).collect(),
        Allowed::Integer(values) => values.iter().map(i64::to_string).collect(),
        Allowed::Owned(values) => values.iter().map(|v| format!("\"{v}\"")).collect(),
    }
}

fn list(items: &[String], separator: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(separator)),
    }
}
