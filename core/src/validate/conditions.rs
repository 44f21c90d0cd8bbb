//! Rules that relate two fields. Each is a small function over the facts of a walked body:
//! which fields were given, and the values of those that passed their own checks (a rule
//! never fires on a value that is already reported as invalid).

use super::Options;
use crate::issue::{Allowed, Issue, IssueCode, Params};
use crate::model::enums::{BillingMode, ShareType};
use crate::region;
use crate::schema::{Operation, PERIOD_RANGES};
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

    fn int(&self, path: &str) -> Option<i64> {
        self.value(path).and_then(Value::as_i64)
    }

    /// The EIP joins an existing shared bandwidth: name, size and the billing period follow it.
    fn joins_shared_bandwidth(&self) -> bool {
        self.text("bandwidth.share_type") == Some(ShareType::Whole.as_str()) && self.given("bandwidth.id")
    }
}

pub(super) fn check(operation: Operation, facts: &Facts<'_>, options: &Options, issues: &mut Vec<Issue>) {
    match operation {
        Operation::CreatePublicip | Operation::CreatePrepaidPublicip => {
            bandwidth_by_share_type(facts, issues);
            ipv6_on_shared_bandwidth(facts, issues);
            type_offered_in_region(facts, options, issues);
            if operation == Operation::CreatePrepaidPublicip {
                billing_period(facts, issues);
            }
        }
        Operation::UpdatePublicip => port_or_ip_version(facts, issues),
        Operation::ListPublicips | Operation::ListPorts => {}
    }
}

fn because(field: &'static str, value: &str) -> Params {
    Params { field: Some(field), value: Some(value.to_owned()), ..Params::default() }
}

/// PER needs a name and a size; WHOLE needs the shared bandwidth's id and then ignores name
/// and size; an id means nothing to PER.
fn bandwidth_by_share_type(facts: &Facts<'_>, issues: &mut Vec<Issue>) {
    const SHARE_TYPE: &str = "bandwidth.share_type";
    match facts.text(SHARE_TYPE) {
        Some(t) if t == ShareType::Per.as_str() => {
            for path in ["bandwidth.name", "bandwidth.size"] {
                if !facts.given(path) {
                    issues.push(Issue::error(path, IssueCode::RequiredIf, because(SHARE_TYPE, t)));
                }
            }
            if facts.given("bandwidth.id") {
                issues.push(Issue::warning("bandwidth.id", IssueCode::Ignored, because(SHARE_TYPE, t)));
            }
        }
        Some(t) if t == ShareType::Whole.as_str() => {
            if !facts.given("bandwidth.id") {
                issues.push(Issue::error("bandwidth.id", IssueCode::RequiredIf, because(SHARE_TYPE, t)));
                return;
            }
            for path in ["bandwidth.name", "bandwidth.size"] {
                if facts.given(path) {
                    let params = Params { field: Some("bandwidth.id"), ..Params::default() };
                    issues.push(Issue::warning(path, IssueCode::Ignored, params));
                }
            }
        }
        _ => {}
    }
}

/// [004] says IPv6 does not support WHOLE bandwidth "yet", while [000]'s own example asks for
/// it: a warning, not an error, so the reference example still passes (decision 2).
fn ipv6_on_shared_bandwidth(facts: &Facts<'_>, issues: &mut Vec<Issue>) {
    if facts.int("publicip.ip_version") == Some(6) && facts.text("bandwidth.share_type") == Some("WHOLE") {
        let params = Params { field: Some("publicip.ip_version"), value: Some("6".to_owned()), ..Params::default() };
        issues.push(Issue::warning("bandwidth.share_type", IssueCode::Conflict, params));
    }
}

/// With a region named, `publicip.type` must be one it offers; an unknown region is a
/// warning that the check could not run.
fn type_offered_in_region(facts: &Facts<'_>, options: &Options, issues: &mut Vec<Issue>) {
    const TYPE: &str = "publicip.type";
    let Some(name) = options.region.as_deref() else { return };
    let Some(region) = region::find(name) else {
        let params = Params { region: Some(name.to_owned()), ..Params::default() };
        issues.push(Issue::warning(TYPE, IssueCode::Region, params));
        return;
    };
    if let Some(eip_type) = facts.text(TYPE).filter(|t| !region.offers(&(*t).into())) {
        let params = Params {
            region: Some(region.id.to_owned()),
            value: Some(eip_type.to_owned()),
            allowed: Some(Allowed::Text(region.eip_types)),
            ..Params::default()
        };
        issues.push(Issue::error(TYPE, IssueCode::Region, params));
    }
}

/// prePaid needs a period unless the EIP joins a shared bandwidth (whose expiry it shares);
/// years run 1–3 where months run 1–9; under postPaid the other billing fields are ignored.
fn billing_period(facts: &Facts<'_>, issues: &mut Vec<Issue>) {
    const CHARGE_MODE: &str = "extendParam.charge_mode";
    const PERIOD_FIELDS: [&str; 2] = ["extendParam.period_type", "extendParam.period_num"];
    if !facts.given("extendParam") {
        return;
    }
    let billing = match facts.text(CHARGE_MODE) {
        Some(mode) => mode,
        None if !facts.given(CHARGE_MODE) => BillingMode::PostPaid.as_str(),
        None => return, // given but invalid: already reported
    };
    if billing == BillingMode::PrePaid.as_str() {
        if !facts.joins_shared_bandwidth() {
            for path in PERIOD_FIELDS.into_iter().filter(|p| !facts.given(p)) {
                issues.push(Issue::error(path, IssueCode::RequiredIf, because(CHARGE_MODE, billing)));
            }
        }
        // The field's own rule holds the widest range; the period type may narrow it.
        let period_type = facts.text("extendParam.period_type");
        let range = PERIOD_RANGES.iter().find(|(t, ..)| Some(*t) == period_type);
        if let (Some(&(t, min, max)), Some(n)) = (range, facts.int("extendParam.period_num")) {
            if !(min..=max).contains(&n) {
                let params = Params { min: Some(min), max: Some(max), ..because("extendParam.period_type", t) };
                issues.push(Issue::error("extendParam.period_num", IssueCode::Range, params));
            }
        }
    } else {
        let ignored = [
            "extendParam.period_type",
            "extendParam.period_num",
            "extendParam.is_auto_renew",
            "extendParam.is_auto_pay",
        ];
        for path in ignored.into_iter().filter(|p| facts.given(p)) {
            issues.push(Issue::warning(path, IssueCode::Ignored, because(CHARGE_MODE, billing)));
        }
    }
}

/// [004]: `port_id` and `ip_version` cannot be updated together; reported on the second.
fn port_or_ip_version(facts: &Facts<'_>, issues: &mut Vec<Issue>) {
    if facts.given("publicip.port_id") && facts.given("publicip.ip_version") {
        let params = Params { field: Some("publicip.port_id"), ..Params::default() };
        issues.push(Issue::error("publicip.ip_version", IssueCode::Conflict, params));
    }
}
