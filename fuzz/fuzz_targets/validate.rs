//! Any JSON document, validated as the body (or query) of every operation, with and without a
//! region. Invariants: `is_ok()` exactly when no issue is an error; a valid body's normalised
//! form validates again to itself with the same warnings, and is exactly what the request
//! builder sends; every issue names a real field (or an unknown key) and renders a non-empty
//! message in every locale. And the core's `Document` reads what serde_json reads to the same
//! validation.

#![no_main]

use eipkit_core::operation::{Call, Config};
use eipkit_core::node::document::Document;
use eipkit_core::{IssueCode, Locale, Operation, Options, Validation, validate, validate_json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    // The module for forms reads JSON with the core's `Document`: any text it reads, it reads
    // as serde_json does (or refuses it), and validation over it gives the same result.
    let document = std::str::from_utf8(data).ok().and_then(|text| Document::parse(text.to_owned()).ok());
    let Ok(body) = serde_json::from_slice::<Value>(data) else { return };
    if let Some(document) = &document {
        for operation in Operation::with_input() {
            let options = Options::default();
            assert_eq!(validate(operation, &document.root(), &options), validate_json(operation, &body, &options));
        }
    }
    let options = [
        Options::default(),
        Options::region("cn-north-4"),
        // The only region without 5_bgp.
        Options::region("cn-northeast-1"),
        // Not in the table: a warning, never an error.
        Options::region("xx-nowhere-9"),
    ];
    for operation in Operation::with_input() {
        for options in &options {
            check(operation, &body, options);
        }
    }
});

fn check(operation: Operation, body: &Value, options: &Options) {
    let validation = validate_json(operation, body, options);
    assert_eq!(validation.operation(), operation);
    let has_error = validation.issues().iter().any(|i| i.is_error());
    assert_eq!(validation.is_ok(), !has_error, "is_ok() must mean no error issue: {:?}", validation.issues());
    assert_eq!(validation.body().is_some(), validation.is_ok());
    for issue in validation.issues() {
        for locale in Locale::ALL {
            let message = issue.message(locale);
            assert!(!message.trim().is_empty(), "empty {locale:?} message for {issue:?}");
            assert!(!issue.short(locale).trim().is_empty(), "empty {locale:?} short message for {issue:?}");
        }
        // Paths are wire paths: a field of the operation, or the unknown key itself.
        if !issue.path.is_empty() && issue.code != IssueCode::UnknownField {
            assert!(
                operation.field(&issue.path).is_some(),
                "{operation:?}: issue at a path that is no field: {issue:?}"
            );
        }
    }
    let Some(normalised) = validation.body() else { return };
    assert!(normalised.is_object());

    // Idempotence: the normalised body is valid, normalises to itself, with the same warnings.
    let again = validate_json(operation, normalised, options);
    assert!(again.is_ok(), "{operation:?}: normalised body {normalised} is refused: {:?}", again.issues());
    assert_eq!(again.body(), Some(normalised), "{operation:?}: normalising is not idempotent");
    assert_eq!(again.issues(), validation.issues(), "{operation:?}: the normalised body warns differently");

    sends_exactly_the_normalised_body(validation);
}

fn sends_exactly_the_normalised_body(validation: Validation) {
    let operation = validation.operation();
    let expected = serde_json::to_vec(validation.body().unwrap_or(&Value::Null)).unwrap_or_default();
    let normalised = validation.body().cloned().unwrap_or_default();
    let Ok(checked) = validation.into_checked() else { panic!("a valid body must be checked") };
    let config = Config::new("https://vpc.cn-north-4.myhuaweicloud.com", "0123456789abcdef0123456789abcdef")
        .unwrap_or_else(|issues| panic!("{issues:?}"));
    const ID: &str = "f588ccfa-8750-4d7c-bf5d-2ede24414706";
    let id = operation.spec().path.contains("{publicip_id}").then_some(ID);
    let request = Call::new(operation, id, Some(checked)).build(&config);
    let request = request.unwrap_or_else(|e| panic!("{operation:?}: a checked body is refused by its builder: {e}"));
    match operation {
        Operation::ListPublicips | Operation::ListPorts => {
            assert!(request.body.is_empty());
            // One pair per normalised field, in canonical (sorted) order.
            let keys: Vec<&str> = request.query.iter().map(|(k, _)| k.as_str()).collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            assert_eq!(keys, sorted);
            assert_eq!(keys.len(), normalised.as_object().map_or(0, |o| o.len()));
        }
        _ => assert_eq!(request.body, expected, "{operation:?}: the request body differs from the normalised body"),
    }
}
