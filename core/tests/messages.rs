//! Every issue code renders a sentence in every locale, naming the field, with its params, and
//! a short form of it without the path, for showing next to the field.

use eipkit_core::{Allowed, Issue, IssueCode, Locale, Operation, Options, Params, Severity, validate_json};
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
    // Raised by the JS layer before the module is initialised (its sentences are generated
    // into js/closed.js), never by the core.
    issues.push(Issue::error("", IssueCode::Unavailable, Params::default()));
    issues
}

/// Every case the messages distinguish: the issues above, and one issue for each branch of the
/// renderers that no body above reaches.
fn every_case() -> Vec<Issue> {
    let p = Params::default;
    let error = |path: &str, code, params| Issue::error(path, code, params);
    let mut issues = every_code();
    issues.extend([
        error("publicip.alias", IssueCode::Length, Params { min: Some(1), max: Some(64), actual: Some(65), ..p() }),
        error("bandwidth.name", IssueCode::Length, Params { min: Some(0), max: Some(64), ..p() }),
        error("publicip.alias", IssueCode::Length, p()),
        error("bandwidth.size", IssueCode::Range, p()),
        error("bandwidth.size", IssueCode::Type, p()),
        error("bandwidth.name", IssueCode::RequiredIf, Params { field: Some("bandwidth.id"), ..p() }),
        error("bandwidth.name", IssueCode::RequiredIf, p()),
        error("publicip", IssueCode::UnknownField, Params { count: Some(21), ..p() }),
        error("", IssueCode::UnknownField, Params { count: Some(21), ..p() }),
        error("extendParam", IssueCode::UnknownField, Params { accepted_by: Some("createPrepaidPublicip"), ..p() }),
        error(
            "publicip.tpye",
            IssueCode::Enum,
            Params { allowed: Some(Allowed::Text(&["5_bgp"])), suggestion: Some("type".into()), ..p() },
        ),
        error("publicip.ip_version", IssueCode::Enum, Params { allowed: Some(Allowed::Integer(&[4, 6])), ..p() }),
        error(
            "portId",
            IssueCode::Enum,
            Params { allowed: Some(Allowed::Owned(vec!["a".into(), "b".into(), "c".into()])), ..p() },
        ),
        error("auth.token", IssueCode::Format, Params { format: Some("header_value"), ..p() }),
        error("projectId", IssueCode::Format, Params { format: Some("id"), ..p() }),
        error("endpoint", IssueCode::Format, Params { format: Some("https_url"), ..p() }),
        error("publicip.type", IssueCode::Region, Params { region: Some("mars-1".into()), ..p() }),
        error("publicip.port_id", IssueCode::Conflict, p()),
        Issue::warning(
            "publicip.ip_version",
            IssueCode::Conflict,
            Params { field: Some("bandwidth.share_type"), value: Some("WHOLE".into()), ..p() },
        ),
        Issue::warning("bandwidth.size", IssueCode::Ignored, Params { field: Some("bandwidth.id"), ..p() }),
        error("serverId", IssueCode::NotFound, Params { value: Some("srv".into()), what: Some("disk"), ..p() }),
        error("serverId", IssueCode::NotFound, Params { value: Some("srv".into()), ..p() }),
    ]);
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
fn every_case_has_a_short_form_without_the_path_in_every_locale() {
    for issue in every_case() {
        let mut seen = HashSet::new();
        for locale in Locale::ALL {
            let short = issue.short(locale);
            let long = issue.message(locale);
            assert!(!short.trim().is_empty(), "{locale:?}: empty short form for {issue:?}");
            assert!(!short.contains('{') && !short.contains("\"?\""), "unfilled template: {short}");
            if !issue.path.is_empty() {
                assert!(!short.contains(issue.path.as_str()), "{locale:?} short form names the path: {short}");
                assert_ne!(short, long, "{locale:?}: the short form is the long one");
            }
            assert!(
                short.chars().count() <= long.chars().count() + 2,
                "{locale:?}: longer than the message: {short} / {long}"
            );
            assert!(seen.insert(short.clone()), "locales render the same short form: {short}");
        }
        let zh = issue.short(Locale::ZhCn);
        assert!(zh.chars().any(|c| ('\u{4E00}'..='\u{9FA5}').contains(&c)), "not Chinese: {zh}");
    }
}

#[test]
fn an_unavailable_issue_names_no_field_so_its_short_form_is_its_message() {
    // js/closed.js carries the message alone, for both.
    let issue = Issue::error("", IssueCode::Unavailable, Params::default());
    for locale in Locale::ALL {
        assert_eq!(issue.short(locale), issue.message(locale));
    }
}

#[test]
fn every_code_has_a_short_form() {
    let cases = every_case();
    for code in IssueCode::ALL {
        assert!(cases.iter().any(|i| i.code == *code), "{code:?} has no case");
    }
}

#[test]
fn short_forms_read_next_to_the_field() {
    let issues = every_code();
    let short = |code, path: &str, locale| {
        issues.iter().find(|i| i.code == code && i.path == path).map(|i| i.short(locale)).unwrap()
    };
    assert_eq!(
        short(IssueCode::Step, "bandwidth.size", Locale::En),
        "Must be a multiple of 50 in its band; nearest: 300 or 350."
    );
    assert_eq!(
        short(IssueCode::Step, "bandwidth.size", Locale::ZhCn),
        "在其所在区间内必须是 50 的倍数；最接近的有效值为 300 和 350。"
    );
    assert_eq!(
        short(IssueCode::RequiredIf, "bandwidth.name", Locale::En),
        "Required when bandwidth.share_type is \"PER\"."
    );
    assert_eq!(short(IssueCode::Range, "bandwidth.size", Locale::En), "Must be between 1 and 2000.");
    assert_eq!(short(IssueCode::Range, "bandwidth.size", Locale::ZhCn), "必须在 1 到 2000 之间。");
    let warning = Issue::warning(
        "bandwidth.size",
        IssueCode::Ignored,
        Params { field: Some("bandwidth.share_type"), value: Some("WHOLE".into()), ..Params::default() },
    );
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.short(Locale::En), "Ignored by the service when bandwidth.share_type is \"WHOLE\".");
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
