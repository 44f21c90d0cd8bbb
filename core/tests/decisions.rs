//! One test per decision of docs/decisions.md (the contradictions of the API reference).

use eipkit_core::model::{CreatePrepaidResponse, PortList, PublicipResponse, Status};
use eipkit_core::time::parse_utc;
use eipkit_core::{IssueCode, Operation, Options, Severity, validate_json};
use serde_json::json;

fn codes(op: Operation, body: serde_json::Value, options: &Options) -> Vec<(IssueCode, Severity, String)> {
    validate_json(op, &body, options).issues().iter().map(|i| (i.code, i.severity, i.path.clone())).collect()
}

#[test]
fn decision_1_type_is_required() {
    let body = json!({ "publicip": {}, "bandwidth": { "share_type": "PER", "name": "bw", "size": 1 } });
    assert_eq!(
        codes(Operation::CreatePublicip, body, &Options::default()),
        vec![(IssueCode::Required, Severity::Error, "publicip.type".to_owned())]
    );
}

#[test]
fn decision_2_ipv6_on_whole_is_a_warning() {
    // [000]'s create body, verbatim.
    let body = json!({
        "publicip": { "type": "5_bgp", "ip_version": 6 },
        "bandwidth": { "name": "bandwidth123", "size": 5, "share_type": "WHOLE", "id": "ebfa375c-3f93-465e-81a3-bd66e578ee9d" },
        "enterprise_project_id": "0"
    });
    let result = validate_json(Operation::CreatePublicip, &body, &Options::default());
    assert!(result.is_ok(), "the reference's own example must pass: {:?}", result.issues());
    assert!(
        result.issues().iter().any(|i| i.code == IssueCode::Conflict
            && i.severity == Severity::Warning
            && i.path == "bandwidth.share_type")
    );
}

#[test]
fn decision_3_region_table() {
    let body =
        |t: &str| json!({ "publicip": { "type": t }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 1 } });
    // Guiyang 1 follows [003] (both types), not [004] (5_sbgp only).
    assert!(codes(Operation::CreatePublicip, body("5_bgp"), &Options::region("cn-southwest-2")).is_empty());
    // Dalian comes from [004].
    assert!(codes(Operation::CreatePublicip, body("5_union"), &Options::region("东北-大连")).is_empty());
    // Every region of the page maps to an id.
    for name in [
        "华南-广州",
        "华东-上海一",
        "华东-上海二",
        "华北-北京一",
        "华北-北京四",
        "西南-贵阳一",
        "中国-香港",
        "亚太-曼谷",
        "亚太-新加坡",
        "非洲-约翰内斯堡",
        "拉美-圣地亚哥",
        "拉美-圣保罗一",
        "拉美-墨西哥城一",
        "拉美-布宜诺斯艾利一",
        "拉美-利马一",
        "拉美-圣地亚哥二",
    ] {
        let region = eipkit_core::region::find(name).unwrap_or_else(|| panic!("{name} has no id"));
        assert!(region.eip_types.contains(&"5_bgp"), "{name} offers 5_bgp in [003]");
    }
}

#[test]
fn decision_4_band_edges() {
    let size = |n: i64| {
        let body =
            json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": n } });
        codes(Operation::CreatePublicip, body, &Options::default()).into_iter().map(|(c, _, _)| c).collect::<Vec<_>>()
    };
    assert!(size(300).is_empty(), "300 ends the step-1 band");
    assert_eq!(size(301), vec![IssueCode::Step], "301 is in the step-50 band");
    assert!(size(1000).is_empty(), "1000 ends the step-50 band");
    assert_eq!(size(1001), vec![IssueCode::Step], "1001 is in the step-500 band");
    assert!(size(2000).is_empty());
    let body =
        json!({ "publicip": { "type": "5_bgp" }, "bandwidth": { "share_type": "PER", "name": "bw", "size": 1200 } });
    let result = validate_json(Operation::CreatePublicip, &body, &Options::default());
    assert_eq!(result.issues().first().and_then(|i| i.params.nearest.clone()), Some(vec![1000, 1500]));
}

#[test]
fn decision_5_trailing_space_key() {
    // [004]'s second request example, verbatim.
    let body: serde_json::Value = serde_json::from_str(r#"{ "publicip": { "ip_version ": 6 } }"#).unwrap();
    let result = validate_json(Operation::UpdatePublicip, &body, &Options::default());
    let issue = result.issues().first().expect("the typo is reported");
    assert_eq!((issue.code, issue.path.as_str()), (IssueCode::UnknownField, "publicip.ip_version "));
    assert_eq!(issue.params.suggestion.as_deref(), Some("ip_version"));
    assert!(issue.message(eipkit_core::Locale::En).contains("\"publicip.ip_version \""), "the message shows the space");
}

#[test]
fn decision_6_prepaid_answer_forms() {
    let order: CreatePrepaidResponse = serde_json::from_str(
        r#"{ "publicip_id": "f588ccfa-8750-4d7c-bf5d-2ede24414706", "order_id": "CS1802081410IMDRN" }"#,
    )
    .unwrap();
    assert!(matches!(order, CreatePrepaidResponse::Order(o) if o.order_id == "CS1802081410IMDRN"));
    let eip: CreatePrepaidResponse = serde_json::from_str(
        r#"{ "publicip": { "id": "f588ccfa-8750-4d7c-bf5d-2ede24414706", "status": "PENDING_CREATE", "type": "5_bgp" } }"#,
    )
    .unwrap();
    assert!(matches!(eip, CreatePrepaidResponse::Publicip(_)));
    // [003]'s documentation example, verbatim: not the wire format.
    let wrapped = r#"{ "application/json-1": { "publicip_id": "f588ccfa", "order_id": "CS1802081410IMDRN" },
                      "application/json-2": { "publicip": { "id": "f588ccfa" } } }"#;
    assert!(serde_json::from_str::<CreatePrepaidResponse>(wrapped).is_err());
}

#[test]
fn decision_7_masked_examples_parse() {
    let converted: PublicipResponse = serde_json::from_str(
        r#"{ "publicip": { "id": "f6318bef-6508-4ea5-a48f-6152b6b1a8fb", "status": "DOWN", "type": "5_bgp",
             "public_ip_address": "10.xx.xx.162", "public_ipv6_address": "cdcd:xx:xx:xx::a9a:4aa2",
             "tenant_id": "26ae5181a416420998eb2093aaed84d9", "create_time": "2019-03-27 01:33:18",
             "bandwidth_size": 7, "ip_version": 6 } }"#,
    )
    .unwrap();
    assert_eq!(converted.publicip.public_ipv6_address.as_deref(), Some("cdcd:xx:xx:xx::a9a:4aa2"));
    let ports: PortList = serde_json::from_str(
        r#"{ "ports": [{ "id": "02c72193-efec-42fb-853b-c33f2b802467", "name": "", "status": "ACTIVE",
             "fixed_ips": [{ "subnet_id": "213cb9d-3122-2ac1-1a29-91ffc1231a12", "ip_address": "192.168.0.75" }],
             "binding:vif_details": { "primary_interface": true }, "created_at": "2020-06-20T08:07:29" }] }"#,
    )
    .unwrap();
    let port = ports.ports.first().unwrap();
    assert!(port.is_primary());
    assert_eq!(
        port.fixed_ips.as_ref().and_then(|ips| ips.first()).and_then(|f| f.subnet_id.as_deref()),
        Some("213cb9d-3122-2ac1-1a29-91ffc1231a12")
    );
}

#[test]
fn decision_8_time_formats() {
    assert_eq!(parse_utc("2015-07-16 04:10:52"), Some(1_437_019_852));
    assert_eq!(parse_utc("2020-06-20T08:07:29"), Some(1_592_640_449));
    let eip: PublicipResponse =
        serde_json::from_str(r#"{ "publicip": { "id": "x", "create_time": "2015-07-16 04:10:52" } }"#).unwrap();
    assert_eq!(eip.publicip.create_time.as_deref(), Some("2015-07-16 04:10:52"), "kept verbatim");
}

#[test]
fn decision_9_response_is_not_cross_checked() {
    // [000]: the request asked for ip_version 6; the answer says 4, and is taken as it is.
    let answer: PublicipResponse = serde_json::from_str(
        r#"{ "publicip": { "id": "f588ccfa-8750-4d7c-bf5d-2ede24414706", "status": "PENDING_CREATE", "type": "5_bgp",
             "public_ip_address": "161.xx.xx.7", "tenant_id": "8b7e35ad379141fc9df3e178bd64f55c", "ip_version": 4,
             "create_time": "2015-07-16 04:10:52", "bandwidth_size": 0, "enterprise_project_id": "b261ac1f-2489-4bc7-b31b-c33c3346a439" } }"#,
    )
    .unwrap();
    assert_eq!(answer.publicip.ip_version, Some(4));
    assert_eq!(answer.publicip.status, Some(Status::PendingCreate));
}

#[test]
fn unknown_enum_values_and_fields_are_kept() {
    let answer: PublicipResponse = serde_json::from_str(
        r#"{ "publicip": { "id": "x", "status": "MIGRATING", "type": "5_future", "bandwidth_share_type": "POOL",
             "new_field": { "a": 1 } }, "request_id": "r" }"#,
    )
    .unwrap();
    assert_eq!(answer.publicip.status, Some(Status::Other("MIGRATING".into())));
    assert_eq!(answer.publicip.extra.get("new_field"), Some(&json!({ "a": 1 })));
    let back = serde_json::to_value(&answer).unwrap();
    assert_eq!(back["publicip"]["status"], "MIGRATING");
    assert_eq!(back["publicip"]["type"], "5_future");
    assert_eq!(back["request_id"], "r");
}
