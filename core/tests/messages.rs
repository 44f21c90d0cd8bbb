//! Every issue code renders a sentence in every locale, naming the field, with its params.

use eipkit_core::{IssueCode, Locale, Operation, Options, validate_json};
use serde_json::json;
use std::collections::HashSet;

/// Bodies that together raise every issue code.
fn every_code() -> Vec<eipkit_core::Issue> {
    let bodies = [
        (
            Operation::CreatePublicip,
            json!({
                "publicip": { "type": "5_xyz", "ip_version": "6", "alias": "bad alias!", "port_id": "short" },
                "bandwidth": { "share_type": "PER", "size": 301 },
                "enterprise_project_id": "1", "bandwith": {}
            }),
            None,
        ),
        (
            Operation::CreatePublicip,
            json!({
                "publicip": { "type": "5_bgp", "ip_version": 6 },
                "bandwidth": { "share_type": "WHOLE", "id": "ebfa375c-3f93-465e-81a3-bd66e578ee9d", "size": 2001 }
            }),
            None,
        ),
        (Operation::CreatePublicip, json!({ "publicip": { "type": "5_sbgp" } }), Some("ap-southeast-1")),
        (Operation::UpdatePublicip, json!({ "publicip": { "port_id": "", "ip_version": 6 } }), None),
    ];
    let mut issues: Vec<eipkit_core::Issue> = bodies
        .into_iter()
        .flat_map(|(op, body, region)| {
            let options = Options { region: region.map(str::to_owned) };
            validate_json(op, &body, &options).issues().to_vec()
        })
        .collect();
    // The walkthrough's port choice: a server without ports.
    let no_ports: [serde_json::Value; 0] = [];
    issues.extend(eipkit_core::walkthrough::choose_port("ea61f836", &no_ports, None).err());
    issues
}

#[test]
fn every_code_is_raised_by_some_body() {
    let raised: HashSet<IssueCode> = every_code().iter().map(|i| i.code).collect();
    for code in IssueCode::ALL {
        assert!(raised.contains(code), "{code:?} is never raised");
    }
}

#[test]
fn every_message_names_its_field_in_every_locale() {
    for issue in every_code() {
        let mut seen = HashSet::new();
        for locale in Locale::ALL {
            let message = issue.message(locale);
            assert!(
                message.contains(issue.path.trim_end()),
                "{locale:?} message for {issue:?} lacks the path: {message}"
            );
            assert!(!message.contains('{') && !message.contains("\"?\""), "unfilled template: {message}");
            assert!(seen.insert(message.clone()), "locales render the same text: {message}");
        }
        let zh = issue.message(Locale::ZhCn);
        assert!(zh.chars().any(|c| ('\u{4E00}'..='\u{9FA5}').contains(&c)), "not Chinese: {zh}");
    }
}

#[test]
fn params_carry_the_limits() {
    let issues = every_code();
    let find = |code, path: &str| issues.iter().find(|i| i.code == code && i.path == path).unwrap().params.clone();
    let range = find(IssueCode::Range, "bandwidth.size");
    assert_eq!((range.min, range.max), (Some(1), Some(2000)));
    let length = find(IssueCode::Length, "publicip.port_id");
    assert_eq!((length.min, length.max, length.actual), (Some(36), Some(36), Some(5)));
    let charset = find(IssueCode::Charset, "publicip.alias");
    assert_eq!(charset.invalid, Some(vec!["U+0020".to_owned(), "!".to_owned()]));
    let json = serde_json::to_value(find(IssueCode::Enum, "publicip.type")).unwrap();
    // "5_xyz" is too far from every type for a suggestion.
    assert_eq!(json, json!({ "allowed": ["5_bgp", "5_sbgp", "5_telcom", "5_union"] }));
}

#[test]
fn locale_tags_are_read_leniently() {
    assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("zh-Hans"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("ZH"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("en-US"), Locale::En);
    assert_eq!(Locale::from_tag("fr"), Locale::En);
    assert_eq!(Locale::from_tag(""), Locale::En);
}
