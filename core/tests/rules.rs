//! One table of cases per rule of the API reference pages ([000], [003], [004]; see
//! docs/decisions.md): each rule has a value that passes and one that fails, so removing a rule
//! from the field tables or the condition tables fails this test.

use eipkit_core::{IssueCode, Operation, Options, Severity, validate_json};
use serde_json::{Value, json};

const PORT: &str = "02c72193-efec-42fb-853b-c33f2b802467";
const UUID: &str = "b261ac1f-2489-4bc7-b31b-c33c3346a439";

fn base(op: Operation) -> Value {
    match op {
        Operation::CreatePublicip => json!({
            "publicip": { "type": "5_bgp" },
            "bandwidth": { "name": "bw-1", "size": 5, "share_type": "PER" }
        }),
        Operation::CreatePrepaidPublicip => json!({
            "publicip": { "type": "5_bgp" },
            "bandwidth": { "name": "bw-1", "size": 5, "share_type": "PER" },
            "extendParam": { "charge_mode": "prePaid", "period_type": "month", "period_num": 1 }
        }),
        Operation::UpdatePublicip => json!({ "publicip": { "port_id": PORT } }),
        Operation::ListPublicips => json!({ "limit": 10 }),
        Operation::ListPorts => json!({ "device_id": "ea61f836-b52f-41bf-9d06-685644001d6f" }),
        Operation::ShowPublicip | Operation::DeletePublicip => json!(null),
    }
}

#[derive(Clone)]
enum Edit {
    Set(&'static str, Value),
    Remove(&'static str),
    Whole(Value),
}
use Edit::*;

#[derive(Clone, Copy, Debug)]
enum Expect {
    Valid,
    Warning(IssueCode, &'static str),
    Error(IssueCode, &'static str),
}
use Expect::*;

fn apply(mut body: Value, edits: &[Edit]) -> Value {
    for edit in edits {
        match edit {
            Whole(v) => body = v.clone(),
            Set(path, _) | Remove(path) => {
                let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
                let mut target = &mut body;
                for part in parent.split('.').filter(|p| !p.is_empty()) {
                    target = target.as_object_mut().unwrap().entry(part).or_insert(json!({}));
                }
                let map = target.as_object_mut().unwrap();
                match edit {
                    Set(_, v) => {
                        map.insert((*key).to_owned(), v.clone());
                    }
                    _ => {
                        map.remove(key);
                    }
                }
            }
        }
    }
    body
}

fn check(op: Operation, name: &str, edits: &[Edit], options: &Options, expect: Expect) {
    let body = apply(base(op), edits);
    let result = validate_json(op, &body, options);
    let issues = result.issues();
    let describe = || format!("{op:?} / {name}: body {body}\n  got {issues:#?}");
    match expect {
        Valid => assert!(issues.is_empty() && result.is_ok(), "expected valid: {}", describe()),
        Warning(code, path) => {
            assert!(result.is_ok(), "expected ok with a warning: {}", describe());
            assert!(
                issues.iter().any(|i| i.code == code && i.path == path && i.severity == Severity::Warning),
                "expected warning {code:?} at {path}: {}",
                describe()
            );
        }
        Error(code, path) => {
            assert!(!result.is_ok() && result.body().is_none(), "expected an error: {}", describe());
            assert!(
                issues.iter().any(|i| i.code == code && i.path == path && i.severity == Severity::Error),
                "expected error {code:?} at {path}: {}",
                describe()
            );
        }
    }
}

const CREATES: [Operation; 2] = [Operation::CreatePublicip, Operation::CreatePrepaidPublicip];

/// Rules shared by both creates (the `publicip` and `bandwidth` objects, the top level).
fn create_cases() -> Vec<(&'static str, Vec<Edit>, Expect)> {
    let s = |v: &str| json!(v);
    vec![
        ("the reference's own body", vec![], Valid),
        // the body itself
        ("body null", vec![Whole(json!(null))], Error(IssueCode::Type, "")),
        ("body array", vec![Whole(json!([]))], Error(IssueCode::Type, "")),
        ("body string", vec![Whole(json!("{}"))], Error(IssueCode::Type, "")),
        ("body number", vec![Whole(json!(5))], Error(IssueCode::Type, "")),
        ("body empty object", vec![Whole(json!({}))], Error(IssueCode::Required, "publicip")),
        // publicip / bandwidth objects
        ("publicip missing", vec![Remove("publicip")], Error(IssueCode::Required, "publicip")),
        ("publicip null", vec![Set("publicip", json!(null))], Error(IssueCode::Required, "publicip")),
        ("publicip not an object", vec![Set("publicip", s("5_bgp"))], Error(IssueCode::Type, "publicip")),
        ("bandwidth missing", vec![Remove("bandwidth")], Error(IssueCode::Required, "bandwidth")),
        ("bandwidth an array", vec![Set("bandwidth", json!([]))], Error(IssueCode::Type, "bandwidth")),
        // publicip.type: required (decision 1), enum, string
        ("type missing", vec![Remove("publicip.type")], Error(IssueCode::Required, "publicip.type")),
        ("type 5_sbgp", vec![Set("publicip.type", s("5_sbgp"))], Valid),
        ("type unknown", vec![Set("publicip.type", s("5_xyz"))], Error(IssueCode::Enum, "publicip.type")),
        ("type a number", vec![Set("publicip.type", json!(5))], Error(IssueCode::Type, "publicip.type")),
        // publicip.ip_version: 4 | 6, "" means 4, integers only
        ("ip_version 4", vec![Set("publicip.ip_version", json!(4))], Valid),
        ("ip_version 6", vec![Set("publicip.ip_version", json!(6))], Valid),
        ("ip_version empty string", vec![Set("publicip.ip_version", s(""))], Valid),
        ("ip_version null", vec![Set("publicip.ip_version", json!(null))], Valid),
        ("ip_version 5", vec![Set("publicip.ip_version", json!(5))], Error(IssueCode::Enum, "publicip.ip_version")),
        ("ip_version \"6\"", vec![Set("publicip.ip_version", s("6"))], Error(IssueCode::Type, "publicip.ip_version")),
        ("ip_version 6.5", vec![Set("publicip.ip_version", json!(6.5))], Error(IssueCode::Type, "publicip.ip_version")),
        // publicip.alias: 1-64 characters of the name charset
        ("alias mixed charset", vec![Set("publicip.alias", s("测试-eip_01.a"))], Valid),
        ("alias 64 ASCII", vec![Set("publicip.alias", json!("a".repeat(64)))], Valid),
        ("alias 64 Chinese (192 bytes)", vec![Set("publicip.alias", json!("弹".repeat(64)))], Valid),
        ("alias 65", vec![Set("publicip.alias", json!("a".repeat(65)))], Error(IssueCode::Length, "publicip.alias")),
        ("alias empty", vec![Set("publicip.alias", s(""))], Error(IssueCode::Length, "publicip.alias")),
        ("alias space", vec![Set("publicip.alias", s("my eip"))], Error(IssueCode::Charset, "publicip.alias")),
        ("alias punctuation", vec![Set("publicip.alias", s("eip!"))], Error(IssueCode::Charset, "publicip.alias")),
        ("alias emoji", vec![Set("publicip.alias", s("eip😀"))], Error(IssueCode::Charset, "publicip.alias")),
        (
            "alias full-width comma",
            vec![Set("publicip.alias", s("弹性，公网"))],
            Error(IssueCode::Charset, "publicip.alias"),
        ),
        ("alias a number", vec![Set("publicip.alias", json!(1))], Error(IssueCode::Type, "publicip.alias")),
        // publicip.port_id: exactly 36
        ("port_id 36", vec![Set("publicip.port_id", s(PORT))], Valid),
        ("port_id 35", vec![Set("publicip.port_id", json!(&PORT[1..]))], Error(IssueCode::Length, "publicip.port_id")),
        (
            "port_id 37",
            vec![Set("publicip.port_id", json!(format!("{PORT}a")))],
            Error(IssueCode::Length, "publicip.port_id"),
        ),
        // bandwidth.share_type: required, PER | WHOLE
        (
            "share_type missing",
            vec![Remove("bandwidth.share_type")],
            Error(IssueCode::Required, "bandwidth.share_type"),
        ),
        (
            "share_type lower case",
            vec![Set("bandwidth.share_type", s("per"))],
            Error(IssueCode::Enum, "bandwidth.share_type"),
        ),
        // bandwidth.name: 1-64, charset, required for PER
        ("name Chinese", vec![Set("bandwidth.name", s("带宽_1.a-b"))], Valid),
        ("name 65", vec![Set("bandwidth.name", json!("n".repeat(65)))], Error(IssueCode::Length, "bandwidth.name")),
        ("name empty", vec![Set("bandwidth.name", s(""))], Error(IssueCode::Length, "bandwidth.name")),
        ("name slash", vec![Set("bandwidth.name", s("bw/1"))], Error(IssueCode::Charset, "bandwidth.name")),
        ("name missing for PER", vec![Remove("bandwidth.name")], Error(IssueCode::RequiredIf, "bandwidth.name")),
        // bandwidth.size: integer, 1-2000, band steps, required for PER
        ("size 1", vec![Set("bandwidth.size", json!(1))], Valid),
        ("size 300 (end of step-1 band)", vec![Set("bandwidth.size", json!(300))], Valid),
        ("size 299", vec![Set("bandwidth.size", json!(299))], Valid),
        ("size 350", vec![Set("bandwidth.size", json!(350))], Valid),
        ("size 1000", vec![Set("bandwidth.size", json!(1000))], Valid),
        ("size 1500", vec![Set("bandwidth.size", json!(1500))], Valid),
        ("size 2000", vec![Set("bandwidth.size", json!(2000))], Valid),
        ("size 10.0 is the integer 10", vec![Set("bandwidth.size", json!(10.0))], Valid),
        ("size 0", vec![Set("bandwidth.size", json!(0))], Error(IssueCode::Range, "bandwidth.size")),
        ("size -5", vec![Set("bandwidth.size", json!(-5))], Error(IssueCode::Range, "bandwidth.size")),
        ("size 2001", vec![Set("bandwidth.size", json!(2001))], Error(IssueCode::Range, "bandwidth.size")),
        ("size 2500", vec![Set("bandwidth.size", json!(2500))], Error(IssueCode::Range, "bandwidth.size")),
        ("size 1e300", vec![Set("bandwidth.size", json!(1e300))], Error(IssueCode::Range, "bandwidth.size")),
        ("size 301", vec![Set("bandwidth.size", json!(301))], Error(IssueCode::Step, "bandwidth.size")),
        ("size 1001", vec![Set("bandwidth.size", json!(1001))], Error(IssueCode::Step, "bandwidth.size")),
        ("size 1050", vec![Set("bandwidth.size", json!(1050))], Error(IssueCode::Step, "bandwidth.size")),
        ("size \"10\"", vec![Set("bandwidth.size", s("10"))], Error(IssueCode::Type, "bandwidth.size")),
        ("size 10.5", vec![Set("bandwidth.size", json!(10.5))], Error(IssueCode::Type, "bandwidth.size")),
        ("size true", vec![Set("bandwidth.size", json!(true))], Error(IssueCode::Type, "bandwidth.size")),
        ("size missing for PER", vec![Remove("bandwidth.size")], Error(IssueCode::RequiredIf, "bandwidth.size")),
        // bandwidth.charge_mode
        ("charge_mode traffic", vec![Set("bandwidth.charge_mode", s("traffic"))], Valid),
        ("charge_mode bandwidth", vec![Set("bandwidth.charge_mode", s("bandwidth"))], Valid),
        ("charge_mode empty means default", vec![Set("bandwidth.charge_mode", s(""))], Valid),
        (
            "charge_mode unknown",
            vec![Set("bandwidth.charge_mode", s("flow"))],
            Error(IssueCode::Enum, "bandwidth.charge_mode"),
        ),
        // bandwidth.id: at most 36; WHOLE requires it and then ignores name and size; PER ignores it
        (
            "WHOLE with id",
            vec![
                Set("bandwidth.share_type", s("WHOLE")),
                Set("bandwidth.id", s(PORT)),
                Remove("bandwidth.name"),
                Remove("bandwidth.size"),
            ],
            Valid,
        ),
        (
            "WHOLE without id",
            vec![Set("bandwidth.share_type", s("WHOLE")), Remove("bandwidth.name"), Remove("bandwidth.size")],
            Error(IssueCode::RequiredIf, "bandwidth.id"),
        ),
        (
            "WHOLE with id ignores name",
            vec![Set("bandwidth.share_type", s("WHOLE")), Set("bandwidth.id", s(PORT)), Remove("bandwidth.size")],
            Warning(IssueCode::Ignored, "bandwidth.name"),
        ),
        (
            "WHOLE with id ignores size",
            vec![Set("bandwidth.share_type", s("WHOLE")), Set("bandwidth.id", s(PORT)), Remove("bandwidth.name")],
            Warning(IssueCode::Ignored, "bandwidth.size"),
        ),
        ("PER ignores id", vec![Set("bandwidth.id", s(PORT))], Warning(IssueCode::Ignored, "bandwidth.id")),
        (
            "id 37",
            vec![Set("bandwidth.share_type", s("WHOLE")), Set("bandwidth.id", json!("i".repeat(37)))],
            Error(IssueCode::Length, "bandwidth.id"),
        ),
        // enterprise_project_id: UUID or "0", at most 36
        ("enterprise project 0", vec![Set("enterprise_project_id", s("0"))], Valid),
        ("enterprise project UUID", vec![Set("enterprise_project_id", s(UUID))], Valid),
        ("enterprise project upper-case UUID", vec![Set("enterprise_project_id", json!(UUID.to_uppercase()))], Valid),
        (
            "enterprise project 1",
            vec![Set("enterprise_project_id", s("1"))],
            Error(IssueCode::Format, "enterprise_project_id"),
        ),
        (
            "enterprise project empty",
            vec![Set("enterprise_project_id", s(""))],
            Error(IssueCode::Format, "enterprise_project_id"),
        ),
        (
            "enterprise project UUID without hyphens",
            vec![Set("enterprise_project_id", json!(UUID.replace('-', "")))],
            Error(IssueCode::Format, "enterprise_project_id"),
        ),
        (
            "enterprise project UUID with a non-hex digit",
            vec![Set("enterprise_project_id", json!(UUID.replace('b', "g")))],
            Error(IssueCode::Format, "enterprise_project_id"),
        ),
        (
            "enterprise project 37",
            vec![Set("enterprise_project_id", json!(format!("{UUID}0")))],
            Error(IssueCode::Length, "enterprise_project_id"),
        ),
        // IPv6 on a shared bandwidth: a warning (decision 2)
        (
            "IPv6 on WHOLE",
            vec![
                Set("publicip.ip_version", json!(6)),
                Set("bandwidth.share_type", s("WHOLE")),
                Set("bandwidth.id", s(PORT)),
                Remove("bandwidth.name"),
                Remove("bandwidth.size"),
            ],
            Warning(IssueCode::Conflict, "bandwidth.share_type"),
        ),
        // unknown keys
        ("unknown top-level key", vec![Set("foo", json!(1))], Error(IssueCode::UnknownField, "foo")),
        ("unknown publicip key", vec![Set("publicip.typ", s("5_bgp"))], Error(IssueCode::UnknownField, "publicip.typ")),
        (
            "unknown bandwidth key",
            vec![Set("bandwidth.sizes", json!(5))],
            Error(IssueCode::UnknownField, "bandwidth.sizes"),
        ),
    ]
}

#[test]
fn create_rules() {
    for op in CREATES {
        for (name, edits, expect) in create_cases() {
            check(op, name, &edits, &Options::default(), expect);
        }
    }
}

#[test]
fn prepaid_rules() {
    let op = Operation::CreatePrepaidPublicip;
    let s = |v: &str| json!(v);
    let whole = || {
        vec![
            Set("bandwidth.share_type", s("WHOLE")),
            Set("bandwidth.id", s(PORT)),
            Remove("bandwidth.name"),
            Remove("bandwidth.size"),
        ]
    };
    let cases: Vec<(&str, Vec<Edit>, Expect)> = vec![
        ("no extendParam is pay per use", vec![Remove("extendParam")], Valid),
        ("extendParam not an object", vec![Set("extendParam", s("prePaid"))], Error(IssueCode::Type, "extendParam")),
        ("charge_mode postPaid alone", vec![Set("extendParam", json!({ "charge_mode": "postPaid" }))], Valid),
        (
            "charge_mode wrong case",
            vec![Set("extendParam.charge_mode", s("prepaid"))],
            Error(IssueCode::Enum, "extendParam.charge_mode"),
        ),
        (
            "period_type year 3",
            vec![Set("extendParam.period_type", s("year")), Set("extendParam.period_num", json!(3))],
            Valid,
        ),
        ("period month 9", vec![Set("extendParam.period_num", json!(9))], Valid),
        (
            "period month 10",
            vec![Set("extendParam.period_num", json!(10))],
            Error(IssueCode::Range, "extendParam.period_num"),
        ),
        (
            "period month 0",
            vec![Set("extendParam.period_num", json!(0))],
            Error(IssueCode::Range, "extendParam.period_num"),
        ),
        (
            "period year 4",
            vec![Set("extendParam.period_type", s("year")), Set("extendParam.period_num", json!(4))],
            Error(IssueCode::Range, "extendParam.period_num"),
        ),
        (
            "period_num \"1\"",
            vec![Set("extendParam.period_num", s("1"))],
            Error(IssueCode::Type, "extendParam.period_num"),
        ),
        (
            "period_type week",
            vec![Set("extendParam.period_type", s("week"))],
            Error(IssueCode::Enum, "extendParam.period_type"),
        ),
        (
            "prePaid without period_type",
            vec![Remove("extendParam.period_type")],
            Error(IssueCode::RequiredIf, "extendParam.period_type"),
        ),
        (
            "prePaid without period_num",
            vec![Remove("extendParam.period_num")],
            Error(IssueCode::RequiredIf, "extendParam.period_num"),
        ),
        (
            "prePaid joining a shared bandwidth needs no period",
            [whole(), vec![Remove("extendParam.period_type"), Remove("extendParam.period_num")]].concat(),
            Valid,
        ),
        ("is_auto_renew true", vec![Set("extendParam.is_auto_renew", json!(true))], Valid),
        (
            "is_auto_renew \"true\"",
            vec![Set("extendParam.is_auto_renew", s("true"))],
            Error(IssueCode::Type, "extendParam.is_auto_renew"),
        ),
        ("is_auto_pay false", vec![Set("extendParam.is_auto_pay", json!(false))], Valid),
        (
            "is_auto_pay 1",
            vec![Set("extendParam.is_auto_pay", json!(1))],
            Error(IssueCode::Type, "extendParam.is_auto_pay"),
        ),
        (
            "postPaid ignores the period",
            vec![Set("extendParam.charge_mode", s("postPaid"))],
            Warning(IssueCode::Ignored, "extendParam.period_type"),
        ),
        (
            "no charge_mode means postPaid",
            vec![Remove("extendParam.charge_mode"), Set("extendParam.is_auto_pay", json!(true))],
            Warning(IssueCode::Ignored, "extendParam.is_auto_pay"),
        ),
        (
            "unknown extendParam key",
            vec![Set("extendParam.periodNum", json!(1))],
            Error(IssueCode::UnknownField, "extendParam.periodNum"),
        ),
    ];
    for (name, edits, expect) in cases {
        check(op, name, &edits, &Options::default(), expect);
    }
}

#[test]
fn update_rules() {
    let op = Operation::UpdatePublicip;
    let cases: Vec<(&str, Vec<Edit>, Expect)> = vec![
        ("bind", vec![], Valid),
        ("unbind: empty publicip", vec![Whole(json!({ "publicip": {} }))], Valid),
        ("unbind: empty port_id", vec![Set("publicip.port_id", json!(""))], Valid),
        ("unbind: null port_id", vec![Set("publicip.port_id", json!(null))], Valid),
        ("convert to 6", vec![Whole(json!({ "publicip": { "ip_version": 6 } }))], Valid),
        ("convert to 4", vec![Whole(json!({ "publicip": { "ip_version": 4 } }))], Valid),
        ("publicip missing", vec![Whole(json!({}))], Error(IssueCode::Required, "publicip")),
        ("publicip a string", vec![Whole(json!({ "publicip": "x" }))], Error(IssueCode::Type, "publicip")),
        ("port_id 35", vec![Set("publicip.port_id", json!(&PORT[1..]))], Error(IssueCode::Length, "publicip.port_id")),
        ("port_id a number", vec![Set("publicip.port_id", json!(1))], Error(IssueCode::Type, "publicip.port_id")),
        (
            "convert to 5",
            vec![Whole(json!({ "publicip": { "ip_version": 5 } }))],
            Error(IssueCode::Enum, "publicip.ip_version"),
        ),
        (
            "port_id and ip_version together",
            vec![Set("publicip.ip_version", json!(6))],
            Error(IssueCode::Conflict, "publicip.ip_version"),
        ),
        (
            "the reference's \"ip_version \" typo",
            vec![Whole(json!({ "publicip": { "ip_version ": 6 } }))],
            Error(IssueCode::UnknownField, "publicip.ip_version "),
        ),
        (
            "create fields are not update fields",
            vec![Set("bandwidth", json!({ "size": 5 }))],
            Error(IssueCode::UnknownField, "bandwidth"),
        ),
    ];
    for (name, edits, expect) in cases {
        check(op, name, &edits, &Options::default(), expect);
    }
}

#[test]
fn region_rules() {
    let set_type = |t: &'static str| vec![Set("publicip.type", json!(t))];
    let cases: Vec<(&str, Vec<Edit>, &str, Expect)> = vec![
        ("Beijing 4 offers 5_sbgp", set_type("5_sbgp"), "cn-north-4", Valid),
        ("Hong Kong offers 5_bgp", set_type("5_bgp"), "ap-southeast-1", Valid),
        (
            "Hong Kong does not offer 5_sbgp",
            set_type("5_sbgp"),
            "ap-southeast-1",
            Error(IssueCode::Region, "publicip.type"),
        ),
        ("Dalian offers 5_telcom", set_type("5_telcom"), "cn-northeast-1", Valid),
        ("Dalian does not offer 5_bgp", set_type("5_bgp"), "cn-northeast-1", Error(IssueCode::Region, "publicip.type")),
        ("Guiyang 1 offers 5_bgp ([003])", set_type("5_bgp"), "cn-southwest-2", Valid),
        ("a region by its reference name", set_type("5_sbgp"), "中国-香港", Error(IssueCode::Region, "publicip.type")),
        ("region ids are case-insensitive", set_type("5_sbgp"), "CN-NORTH-4", Valid),
        ("an unknown region is a warning", set_type("5_sbgp"), "mars-1", Warning(IssueCode::Region, "publicip.type")),
    ];
    for op in CREATES {
        for (name, edits, region, expect) in &cases {
            check(op, name, edits, &Options::region(*region), *expect);
        }
    }
    // Without a region, every documented type is accepted.
    check(Operation::CreatePublicip, "no region", &set_type("5_union"), &Options::default(), Valid);
}

#[test]
fn v1_create_has_no_extend_param_and_says_where_it_belongs() {
    let body = apply(base(Operation::CreatePrepaidPublicip), &[]);
    let result = validate_json(Operation::CreatePublicip, &body, &Options::default());
    let issue = result.issues().iter().find(|i| i.path == "extendParam").expect("an issue for extendParam");
    assert_eq!(issue.code, IssueCode::UnknownField);
    assert_eq!(issue.params.accepted_by, Some("createPrepaidPublicip"));
}

#[test]
fn all_issues_are_reported_at_once() {
    let body = json!({
        "publicip": { "type": "5_xyz", "ip_version": "6", "alias": "bad alias!" },
        "bandwidth": { "share_type": "PER", "size": 301, "charge_mode": "flow" },
        "enterprise_project_id": "1",
        "extra": true
    });
    let result = validate_json(Operation::CreatePublicip, &body, &Options::default());
    let found: Vec<(IssueCode, &str)> = result.issues().iter().map(|i| (i.code, i.path.as_str())).collect();
    for expected in [
        (IssueCode::Enum, "publicip.type"),
        (IssueCode::Type, "publicip.ip_version"),
        (IssueCode::Charset, "publicip.alias"),
        (IssueCode::Step, "bandwidth.size"),
        (IssueCode::Enum, "bandwidth.charge_mode"),
        (IssueCode::Format, "enterprise_project_id"),
        (IssueCode::UnknownField, "extra"),
        (IssueCode::RequiredIf, "bandwidth.name"),
    ] {
        assert!(found.contains(&expected), "missing {expected:?} in {found:?}");
    }
}

#[test]
fn list_query_rules() {
    let s = |v: &str| json!(v);
    let publicips: Vec<(&str, Vec<Edit>, Expect)> = vec![
        ("first page", vec![Whole(json!({}))], Valid),
        ("limit 2000", vec![Set("limit", json!(2000))], Valid),
        ("limit 0", vec![Set("limit", json!(0))], Error(IssueCode::Range, "limit")),
        ("limit \"10\"", vec![Set("limit", s("10"))], Error(IssueCode::Type, "limit")),
        ("marker", vec![Set("marker", s(PORT))], Valid),
        ("marker empty", vec![Set("marker", s(""))], Error(IssueCode::Length, "marker")),
        ("ip_version filter", vec![Set("ip_version", json!(6))], Valid),
        ("ip_version 5", vec![Set("ip_version", json!(5))], Error(IssueCode::Enum, "ip_version")),
        ("a ports filter", vec![Set("device_id", s(PORT))], Error(IssueCode::UnknownField, "device_id")),
        ("query not an object", vec![Whole(json!("limit=10"))], Error(IssueCode::Type, "")),
    ];
    for (name, edits, expect) in publicips {
        check(Operation::ListPublicips, name, &edits, &Options::default(), expect);
    }
    let ports: Vec<(&str, Vec<Edit>, Expect)> = vec![
        ("by server", vec![], Valid),
        ("status ACTIVE", vec![Set("status", s("ACTIVE"))], Valid),
        ("status active", vec![Set("status", s("active"))], Error(IssueCode::Enum, "status")),
        ("admin_state_up true", vec![Set("admin_state_up", json!(true))], Valid),
        ("admin_state_up \"true\"", vec![Set("admin_state_up", s("true"))], Error(IssueCode::Type, "admin_state_up")),
        ("fixed_ips", vec![Set("fixed_ips", s("ip_address=192.168.0.75"))], Valid),
        ("deviceId typo", vec![Set("deviceId", s(PORT))], Error(IssueCode::UnknownField, "deviceId")),
    ];
    for (name, edits, expect) in ports {
        check(Operation::ListPorts, name, &edits, &Options::default(), expect);
    }
    let typo = validate_json(Operation::ListPorts, &json!({ "deviceId": "x" }), &Options::default());
    assert_eq!(typo.issues()[0].params.suggestion.as_deref(), Some("device_id"));
    let misplaced = validate_json(Operation::ListPublicips, &json!({ "device_id": "x" }), &Options::default());
    assert_eq!(misplaced.issues()[0].params.accepted_by, Some("listPorts"));
}

/// The condition tables are data nobody compiles against: every path they name must be a field
/// of the operation, and every value they test must be one that field accepts.
#[test]
fn condition_tables_name_real_fields_and_values() {
    use eipkit_core::schema::{Rule, Test};
    for op in Operation::ALL {
        for condition in op.conditions().iter().flat_map(|group| group.iter()) {
            for path in condition.fields {
                assert!(op.field(path).is_some(), "{op:?}: condition on unknown field {path}");
            }
            for &test in condition.when.iter().chain(condition.unless) {
                let field = op.field(test.field()).unwrap_or_else(|| panic!("{op:?}: test of unknown field {test:?}"));
                if let Test::Is(_, value) = test {
                    let accepted = match field.rule {
                        Rule::Choice(values) => values.contains(&value),
                        Rule::IntChoice(values) => values.iter().any(|v| v.to_string() == value),
                        Rule::Bool => value == "true" || value == "false",
                        _ => false,
                    };
                    assert!(accepted, "{op:?}: {test:?} tests a value the field does not accept");
                }
            }
            assert!(!condition.when.is_empty(), "{op:?}: a condition without a reason");
        }
        for rule in eipkit_core::schema::describe(op) {
            if let Some(default) = op.field(&rule.path).and_then(|f| f.default) {
                let accepted = match op.field(&rule.path).map(|f| f.rule) {
                    Some(Rule::Choice(values)) => values.contains(&default),
                    Some(Rule::IntChoice(values)) => values.iter().any(|v| v.to_string() == default),
                    Some(Rule::Bool) => default == "true" || default == "false",
                    _ => false,
                };
                assert!(accepted, "{op:?}: default {default} of {} is not a value it accepts", rule.path);
            }
        }
    }
}

#[test]
fn field_rules_describe_each_condition_on_its_field() {
    let rules = eipkit_core::schema::describe(Operation::CreatePrepaidPublicip);
    let conditions = |path: &str| {
        let rule = rules.iter().find(|r| r.path == path).unwrap();
        serde_json::to_value(&rule.conditions).unwrap()
    };
    assert_eq!(
        conditions("bandwidth.name"),
        json!([
            { "code": "required_if", "severity": "error", "when": [{ "field": "bandwidth.share_type", "value": "PER" }] },
            { "code": "ignored", "severity": "warning",
              "when": [{ "field": "bandwidth.id" }, { "field": "bandwidth.share_type", "value": "WHOLE" }] },
        ])
    );
    assert_eq!(
        conditions("extendParam.period_type")[0],
        json!({ "code": "required_if", "severity": "error",
                "when": [{ "field": "extendParam.charge_mode", "value": "prePaid" }],
                "unless": [{ "field": "bandwidth.share_type", "value": "WHOLE" }, { "field": "bandwidth.id" }] })
    );
    let period_num = conditions("extendParam.period_num");
    assert!(period_num.as_array().unwrap().contains(&json!({ "code": "range", "severity": "error",
        "when": [{ "field": "extendParam.period_type", "value": "year" }, { "field": "extendParam.charge_mode", "value": "prePaid" }],
        "min": 1, "max": 3 })));
    let update = eipkit_core::schema::describe(Operation::UpdatePublicip);
    let ip_version = update.iter().find(|r| r.path == "publicip.ip_version").unwrap();
    assert_eq!(ip_version.conditions[0].code, IssueCode::Conflict);
    assert!(rules.iter().find(|r| r.path == "publicip.type").unwrap().conditions.is_empty());
    assert_eq!(rules.iter().find(|r| r.path == "extendParam.charge_mode").unwrap().default, Some("postPaid"));
}
