//! The rules of the API reference as data: field tables for request bodies and queries.
//! Validation, the normalised body that is sent, the TypeScript types and the demo form's
//! constraints are all derived from them, so each limit is written once. Each operation's
//! own table is in its module (`crate::operation`); the parts several share are here. Rules
//! that relate fields are data too ([`conditions`]); [`describe`] flattens both for forms.

pub mod conditions;
mod describe;

pub use conditions::{Condition, Effect, Test};
pub use describe::{FieldCondition, FieldRule, FieldTest, StepBand, describe};

use crate::model::enums::{BandwidthChargeMode, BillingMode, EipType, PeriodType, ShareType};

/// A request object: its fields, and its name in the TypeScript declarations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Table {
    pub name: &'static str,
    /// One line for people.
    pub doc: &'static str,
    pub fields: &'static [Field],
}

/// One key of a request object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub required: bool,
    /// The reference documents `""` as "use the default" for this field.
    pub blank_means_default: bool,
    /// The value the service uses when the field is absent, in its JSON spelling.
    pub default: Option<&'static str>,
    pub rule: Rule,
    /// One line for people (TypeScript doc comments, form hints).
    pub doc: &'static str,
}

impl Field {
    pub(crate) const fn new(key: &'static str, required: bool, rule: Rule, doc: &'static str) -> Field {
        Field { key, required, blank_means_default: false, default: None, rule, doc }
    }

    pub(crate) const fn default(self, value: &'static str) -> Field {
        Field { default: Some(value), ..self }
    }

    pub(crate) const fn blank_means_default(self) -> Field {
        Field { blank_means_default: true, ..self }
    }
}

/// What a field's value must be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    Object(&'static Table),
    Text(Text),
    /// One of these strings.
    Choice(&'static [&'static str]),
    /// One of these integers.
    IntChoice(&'static [i64]),
    Integer(Integer),
    Bool,
}

/// A free-form string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Inclusive length limits, in characters (Unicode scalar values), not bytes.
    pub min: u32,
    pub max: u32,
    pub charset: Charset,
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Any,
    /// Digits, ASCII letters, Chinese characters (U+4E00–U+9FA5, the range Huawei's
    /// console checks), `_`, `-`, `.` (alias and bandwidth name).
    Name,
}

impl Charset {
    pub fn allows(self, c: char) -> bool {
        match self {
            Charset::Any => true,
            Charset::Name => c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{4E00}'..='\u{9FA5}'),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Any,
    /// A UUID with hyphens (8-4-4-4-12 hex digits) or the string `"0"`.
    UuidOrZero,
}

impl Format {
    /// The name in `format` issues' params. Ids and endpoints are checked outside the tables
    /// (`crate::endpoint`) and use `"id"` and `"https_url"`.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Format::Any => None,
            Format::UuidOrZero => Some("uuid_or_zero"),
        }
    }

    pub fn accepts(self, s: &str) -> bool {
        match self {
            Format::Any => true,
            Format::UuidOrZero => s == "0" || is_uuid(s),
        }
    }
}

fn is_uuid(s: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut parts = s.split('-');
    GROUPS.iter().all(|&len| parts.next().is_some_and(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_hexdigit())))
        && parts.next().is_none()
}

/// An integer with limits and, optionally, a step that depends on the value's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Integer {
    pub min: i64,
    pub max: i64,
    /// Ascending bands; a value uses the first band whose `up_to` it does not exceed.
    pub bands: &'static [Band],
}

impl Integer {
    /// The band a value falls in, with the band's exclusive lower bound.
    pub fn band_of(&self, value: i64) -> Option<(i64, &'static Band)> {
        let mut lower = i64::MIN;
        for band in self.bands {
            if value <= band.up_to {
                return Some((lower, band));
            }
            lower = band.up_to;
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// Inclusive upper end of the band.
    pub up_to: i64,
    pub step: i64,
}

/// `bandwidth.size` granularity [003]: "≤300: 1; 300–1000: 50; >1000: 500". The bands
/// overlap at their ends in the page; we read 300 as the last value of the step-1 band and
/// 1000 as the last of the step-50 band (docs/decisions.md, decision 4).
pub static BANDWIDTH_SIZE_BANDS: &[Band] =
    &[Band { up_to: 300, step: 1 }, Band { up_to: 1000, step: 50 }, Band { up_to: i64::MAX, step: 500 }];

pub(crate) const fn text(min: u32, max: u32) -> Rule {
    Rule::Text(Text { min, max, charset: Charset::Any, format: Format::Any })
}

pub(crate) const NAME: Rule = Rule::Text(Text { min: 1, max: 64, charset: Charset::Name, format: Format::Any });
pub(crate) const IP_VERSIONS: &[i64] = &[4, 6];

pub static PUBLICIP_CREATE: Table = Table {
    name: "CreatePublicipOption",
    doc: "The EIP of a create body.",
    fields: &[
        Field::new("type", true, Rule::Choice(EipType::KNOWN), "EIP line type; which ones a region offers varies"),
        Field::new("ip_version", false, Rule::IntChoice(IP_VERSIONS), "4 or 6; default 4")
            .blank_means_default()
            .default("4"),
        Field::new("alias", false, NAME, "EIP name: 1-64 digits, letters, Chinese characters, _ - ."),
        Field::new("port_id", false, text(36, 36), "Port to bind at creation: an existing port without an EIP"),
    ],
};

pub static BANDWIDTH: Table = Table {
    name: "BandwidthOption",
    doc: "The bandwidth of a create body.",
    fields: &[
        Field::new("share_type", true, Rule::Choice(ShareType::KNOWN), "PER (dedicated) or WHOLE (shared; needs id)"),
        Field::new("id", false, text(1, 36), "Id of an existing shared (WHOLE) bandwidth"),
        Field::new(
            "name",
            false,
            NAME,
            "Bandwidth name: 1-64 digits, letters, Chinese characters, _ - . (required for PER)",
        ),
        Field::new(
            "size",
            false,
            Rule::Integer(Integer { min: 1, max: 2000, bands: BANDWIDTH_SIZE_BANDS }),
            "Mbit/s, 1-2000 by default; steps of 1 up to 300, 50 up to 1000, 500 above (required for PER)",
        ),
        Field::new(
            "charge_mode",
            false,
            Rule::Choice(BandwidthChargeMode::KNOWN),
            "bandwidth or traffic; default bandwidth",
        )
        .blank_means_default()
        .default("bandwidth"),
    ],
};

pub static EXTEND_PARAM: Table = Table {
    name: "ExtendParam",
    doc: "Billing of a v2.0 create.",
    fields: &[
        Field::new(
            "charge_mode",
            false,
            Rule::Choice(BillingMode::KNOWN),
            "prePaid (yearly/monthly) or postPaid (default)",
        )
        .default("postPaid"),
        Field::new("period_type", false, Rule::Choice(PeriodType::KNOWN), "month or year (required for prePaid)"),
        Field::new(
            "period_num",
            false,
            Rule::Integer(Integer { min: 1, max: 9, bands: &[] }),
            "Number of periods: 1-9 months or 1-3 years (required for prePaid)",
        ),
        Field::new("is_auto_renew", false, Rule::Bool, "Renew one month at a time on expiry; default false")
            .default("false"),
        Field::new(
            "is_auto_pay",
            false,
            Rule::Bool,
            "Pay from the account balance at once; default false (order only)",
        )
        .default("false"),
    ],
};

pub(crate) const ENTERPRISE_PROJECT_ID: Field = Field::new(
    "enterprise_project_id",
    false,
    Rule::Text(Text { min: 0, max: 36, charset: Charset::Any, format: Format::UuidOrZero }),
    "A UUID with hyphens, or \"0\" (the default project)",
);

pub(crate) const LIMIT: Field =
    Field::new("limit", false, Rule::Integer(Integer { min: 1, max: 2000, bands: &[] }), "Page size, 1-2000");
pub(crate) const MARKER: Field = Field::new("marker", false, text(1, 64), "Id of the last item of the previous page");
