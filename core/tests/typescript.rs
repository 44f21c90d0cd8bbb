//! js/index.d.ts is exactly what the generator renders from the rule tables, and its
//! hand-written interfaces name exactly the fields the Rust types serialise. The struct
//! literals below list every field: adding one to a Rust type without updating the
//! declarations fails to compile here, or fails this test.

use eipkit_core::Operation;
use eipkit_core::issue::{Allowed, Params};
use eipkit_core::model::*;
use eipkit_core::schema::describe;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

/// `path` (in the repository) holds exactly `generated`; `EIPKIT_WRITE_TYPES=1` rewrites it.
fn assert_generated(path: &str, generated: &str) {
    let file = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("EIPKIT_WRITE_TYPES").is_some() {
        std::fs::write(&file, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} is out of date: run EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript"
    );
}

#[test]
fn index_d_ts_is_generated() {
    assert_generated("js/index.d.ts", &eipkit_core::typescript::declarations());
}

#[test]
fn closed_js_is_generated() {
    assert_generated("js/closed.js", &eipkit_core::typescript::closed_sets());
}

#[test]
fn rules_js_is_generated() {
    assert_generated("js/rules.js", &eipkit_core::typescript::rules_js());
}

#[test]
fn operations_js_is_generated() {
    assert_generated("js/operations.js", &eipkit_core::typescript::operations_js());
}

/// The keys an interface of the declarations names (index signatures aside).
fn interface_keys(name: &str) -> BTreeSet<String> {
    let text = eipkit_core::typescript::declarations();
    let start = text.find(&format!("export interface {name} {{")).unwrap_or_else(|| panic!("no interface {name}"));
    let body = &text[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.starts_with('[') && !l.is_empty())
        .map(|l| match l.strip_prefix('"') {
            Some(quoted) => quoted.split('"').next().unwrap().to_owned(),
            None => l.split(['?', ':']).next().unwrap().to_owned(),
        })
        .collect()
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn response_interfaces_match_the_models() {
    let s = || Some("x".to_owned());
    let publicip = Publicip {
        id: "x".into(),
        status: Some(Status::Active),
        profile: Some(Profile { order_id: s(), product_id: s(), region_id: s(), user_id: s(), extra: Map::new() }),
        eip_type: Some(EipType::Bgp),
        public_ip_address: s(),
        public_ipv6_address: s(),
        ip_version: Some(4),
        private_ip_address: s(),
        port_id: s(),
        tenant_id: s(),
        create_time: s(),
        bandwidth_id: s(),
        bandwidth_size: Some(5),
        bandwidth_share_type: Some(ShareType::Per),
        bandwidth_name: s(),
        enterprise_project_id: s(),
        alias: s(),
        extra: Map::new(),
    };
    let value = serde_json::to_value(&publicip).unwrap();
    assert_eq!(keys(&value), interface_keys("Publicip"));
    assert_eq!(keys(&value["profile"]), interface_keys("Profile"));

    let port = Port {
        id: "p".into(),
        name: s(),
        status: Some(PortStatus::Active),
        admin_state_up: Some(true),
        fixed_ips: Some(vec![FixedIp { subnet_id: s(), ip_address: s(), extra: Map::new() }]),
        mac_address: s(),
        network_id: s(),
        tenant_id: s(),
        project_id: s(),
        device_id: s(),
        device_owner: s(),
        security_groups: Some(vec!["g".into()]),
        extra_dhcp_opts: Some(vec![json!({})]),
        allowed_address_pairs: Some(vec![json!({})]),
        binding_vnic_type: s(),
        binding_vif_details: Some(VifDetails { primary_interface: Some(true), extra: Map::new() }),
        binding_profile: Some(Map::new()),
        port_security_enabled: Some(true),
        created_at: s(),
        updated_at: s(),
        extra: Map::new(),
    };
    assert_eq!(keys(&serde_json::to_value(&port).unwrap()), interface_keys("Port"));
    let order = PrepaidOrder { order_id: "o".into(), publicip_id: "p".into(), extra: Map::new() };
    assert_eq!(keys(&serde_json::to_value(&order).unwrap()), interface_keys("PrepaidOrder"));
}

#[test]
fn issue_params_and_field_rules_match() {
    let some = || Some("x".to_owned());
    let params = Params {
        expected: Some("x"),
        received: Some("x"),
        min: Some(1),
        max: Some(1),
        actual: Some(1),
        step: Some(1),
        nearest: Some(vec![1]),
        allowed: Some(Allowed::Owned(vec![])),
        invalid: Some(vec![]),
        format: Some("x"),
        suggestion: some(),
        accepted_by: Some("x"),
        count: Some(1),
        field: Some("x"),
        value: some(),
        region: some(),
        what: Some("x"),
    };
    assert_eq!(keys(&serde_json::to_value(&params).unwrap()), interface_keys("IssueParams"));

    let (mut rule_keys, mut condition_keys, mut test_keys) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for op in Operation::ALL {
        for rule in describe(op) {
            let rule = serde_json::to_value(&rule).unwrap();
            rule_keys.extend(keys(&rule));
            for condition in rule["conditions"].as_array().into_iter().flatten() {
                condition_keys.extend(keys(condition));
                for test in condition["when"].as_array().into_iter().chain(condition["unless"].as_array()).flatten() {
                    test_keys.extend(keys(test));
                }
            }
        }
    }
    assert_eq!(rule_keys, interface_keys("FieldRule"));
    assert_eq!(condition_keys, interface_keys("FieldCondition"));
    assert_eq!(test_keys, interface_keys("FieldTest"));
}

#[test]
fn body_interfaces_list_every_field_of_the_tables() {
    for (name, op) in [
        ("CreatePublicipBody", Operation::CreatePublicip),
        ("CreatePrepaidPublicipBody", Operation::CreatePrepaidPublicip),
        ("UpdatePublicipBody", Operation::UpdatePublicip),
        ("ListPublicipsQuery", Operation::ListPublicips),
        ("ListPortsQuery", Operation::ListPorts),
    ] {
        let top: BTreeSet<String> = op.fields().iter().map(|f| f.key.to_owned()).collect();
        assert_eq!(top, interface_keys(name), "{name}");
    }
}
