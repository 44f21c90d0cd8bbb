//! The signer against the vectors generated with Huawei's official Python SDK
//! (tests/vectors): every intermediate and the Authorization header, byte for byte.

use eipkit_core::sign::{Credentials, SigningInput, sign};
use eipkit_core::time::parse_utc;
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/signing.json");
    let text = std::fs::read_to_string(path).expect("tests/vectors/signing.json");
    let json: Value = serde_json::from_str(&text).expect("vectors are JSON");
    json["vectors"].as_array().expect("a vectors array").clone()
}

fn pairs(value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Array(items) => {
            items.iter().map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned())).collect()
        }
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned())).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn matches_the_official_sdk_on_every_vector() {
    let vectors = vectors();
    assert!(vectors.len() >= 20, "the vector file holds the whole suite");
    for v in &vectors {
        let name = v["name"].as_str().unwrap();
        let query = pairs(&v["query"]);
        let headers = pairs(&v["headers"]);
        let input = SigningInput {
            method: v["method"].as_str().unwrap(),
            host: v["host"].as_str().unwrap(),
            path: v["path"].as_str().unwrap(),
            query: &query,
            headers: &headers,
            body: v["body"].as_str().unwrap().as_bytes(),
        };
        let credentials = Credentials::new(v["ak"].as_str().unwrap(), v["sk"].as_str().unwrap());
        let at = parse_utc(v["date"].as_str().unwrap()).unwrap();
        let signature = sign(&input, &credentials, at);
        assert_eq!(signature.canonical_request, v["canonical_request"].as_str().unwrap(), "{name}: canonical request");
        assert_eq!(signature.signed_headers, v["signed_headers"].as_str().unwrap(), "{name}: signed headers");
        assert_eq!(signature.string_to_sign, v["string_to_sign"].as_str().unwrap(), "{name}: string to sign");
        assert_eq!(signature.x_sdk_date, v["x_sdk_date"].as_str().unwrap(), "{name}: date");
        assert_eq!(signature.authorization(), v["authorization"].as_str(), "{name}: authorization");
    }
}

#[test]
fn the_secret_key_is_never_printed() {
    let credentials = Credentials::new("AK", "super-secret-key");
    assert!(!format!("{credentials:?}").contains("super-secret-key"));
}
